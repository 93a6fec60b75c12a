from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = "检索同义词"
    add_to_admin_menu = False
    list_display = ["term", "kind", "expansions", "note"]
    list_filter = ["kind"]
    search_fields = ["term", "expansions"]


register_snippet(SynonymViewSet)

from wagtail.snippets.models import register_snippet

from .models import Synonym

register_snippet(Synonym)

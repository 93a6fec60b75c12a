"""Template helpers for regulations: cross-reference links and status badges."""

from django import template
from django.utils.html import format_html

from ..regulations.references import link_references
from ..versioning.numerals import item_label as label_of_item
from ..versioning.status import BADGE_CLASS

register = template.Library()


@register.filter
def refs(text, ctx):
    """``{{ paragraph.text|refs:refctx }}`` — escapes the text and links references in it."""
    return link_references(text, ctx)


@register.simple_tag
def status_badge(status):
    if not status:
        return ""
    return format_html('<span class="badge badge-{} badge-{}">{}</span>', status, BADGE_CLASS.get(status, ""), status)


@register.filter
def item_label(n):
    return label_of_item(n)

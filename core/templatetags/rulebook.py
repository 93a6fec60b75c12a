from django import template

from core.dates import cn_date

register = template.Library()

# 2025年1月1日 — the way every Chinese official document writes a date (also importable from here).
register.filter("cn_date", cn_date)


@register.simple_tag(takes_context=True)
def render_section(context, section):
    from django.template.loader import render_to_string

    return render_to_string(section["template"], section.get("context", {}), request=context.get("request"))


@register.filter
def chinese_message(value):
    """The message of an Http404/PermissionDenied when it is one of ours (Chinese), else ''.
    Django's own messages (resolver details, class names) are not for readers."""
    text = str(value or "")
    if len(text) < 300 and any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    return ""

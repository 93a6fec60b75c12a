"""Page sections contributed by other apps through Wagtail hooks, so a page never imports the apps
that add to it: ``@hooks.register("village_page_sections")`` (also ``township_page_sections``,
``home_page_sections``) with a function ``(request, page)`` → ``{"title", "template", "context"}``
or None. Hooks with a lower ``order`` come first."""

from wagtail import hooks


def collect_sections(hook_name, request, page):
    sections = []
    for fn in hooks.get_hooks(hook_name):
        section = fn(request, page)
        if section:
            sections.append(section)
    return sections

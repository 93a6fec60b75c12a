"""Links from records back to the articles they cite."""


def article_url(regulation, version, anchor, on=None):
    """The regulation's dated text (``<page url>YYYY-MM-DD/``, RegulationPage's ``dated_text`` route,
    reversed like ``routablepageurl``) at the article's anchor. The date is ``on`` (e.g. the record's date)
    when given, else the cited version's first day, so the link shows the text that was cited."""
    base = regulation.url if regulation is not None else ""
    if not base:
        return ""
    day = on or (version.effective_from if version is not None else None)
    if day is not None:
        base = f"{base.rstrip('/')}/{regulation.reverse_subpage('dated_text', kwargs={'day': day.isoformat()})}"
    return f"{base}#{anchor}" if anchor else base

"""Links from records back to the articles they cite."""


def article_url(regulation, version, anchor):
    """The regulation page as of the cited version's start date, at the article's anchor.

    The regulation page shows the version in force on ``?on=`` (ignored by pages that do not
    support it, which then show the current text)."""
    base = regulation.url if regulation is not None else ""
    if not base:
        return ""
    dated = getattr(regulation, "version_url", None)
    if version is not None and callable(dated):
        try:
            base = dated(version)
        except Exception:  # noqa: BLE001 — a link must never break a page
            pass
    elif version is not None:
        base = f"{base}?on={version.effective_from.isoformat()}"
    return f"{base}#{anchor}" if anchor else base

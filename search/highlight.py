"""Snippets with <mark>: safe HTML (everything escaped, only our own <mark> tags)."""

import re

from django.utils.html import escape

SNIPPET_CHARS = 90
LEAD_CHARS = 24


def _compile(patterns):
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    # Longest first so that "三务公开" wins over "三务".
    patterns.sort(key=len, reverse=True)
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error:
        return None


def snippet(text, patterns, width=SNIPPET_CHARS):
    text = " ".join((text or "").split())
    regex = _compile(list(patterns))
    first = regex.search(text) if regex else None
    start = max(0, first.start() - LEAD_CHARS) if first else 0
    window = text[start:start + width]
    out, last = [], 0
    if regex:
        for match in regex.finditer(window):
            if match.end() == match.start():
                continue
            out.append(escape(window[last:match.start()]))
            out.append(f"<mark>{escape(match.group(0))}</mark>")
            last = match.end()
    out.append(escape(window[last:]))
    html = "".join(out)
    if start > 0:
        html = "…" + html
    if start + width < len(text):
        html += "…"
    return html


_MARK_GAP_RE = re.compile(r"</mark>(\s*)<mark>")


def merge_marks(html):
    """Servers mark each character of a Chinese phrase separately; show one mark per phrase."""
    return _MARK_GAP_RE.sub(r"\1", html or "")

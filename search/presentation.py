"""How a hit is shown, the same on the search page and in the API: its heading and citation, a
collapsed group's label and link, and the best answer (the first result when it is a text to follow)."""

from urllib.parse import urlencode

from .units import TYPE_LABELS

CITED_TYPES = ("article", "villagerule", "taskitem")
GROUP_NOUNS = {"record": "记录", "villagerule": "相同条款"}


def display_title(unit):
    if unit.type in CITED_TYPES:
        return f"《{unit.title}》{unit.label}"
    return unit.title


def citation(unit):
    """《title》第N条（version）: how a cadre cites the text."""
    if unit.type not in CITED_TYPES:
        return ""
    return f"《{unit.title}》{unit.label}" + (f"（{unit.version}）" if unit.version else "")


def group_label(hit):
    if hit.group_size <= 1:
        return ""
    return f"{hit.group_size} 个村的{GROUP_NOUNS.get(hit.unit.type, TYPE_LABELS.get(hit.unit.type, ''))}"


def group_url(hit, history=False):
    """The group's members listed one by one: the search for its title (a record) or its text (a
    clause), of its type only, not collapsed."""
    if hit.group_size <= 1:
        return ""
    unit = hit.unit
    phrase = unit.title if unit.type == "record" else " ".join((unit.text or "").split())[:40]
    params = {"q": f"“{phrase}”", "type": unit.type, "expand": "1"}
    if history:
        params["history"] = "1"
    return "/search/?" + urlencode(params)


def best_answer(hits, page=1, sort="relevance"):
    """The first hit on the first page of a relevance search, when it is a text to follow."""
    if page != 1 or sort != "relevance" or not hits:
        return None
    hit = hits[0]
    if hit.unit.type not in CITED_TYPES or hit.group_size > 1:
        return None
    return {"citation": citation(hit.unit), "text": hit.unit.text, "url": hit.unit.url, "type": hit.unit.type}

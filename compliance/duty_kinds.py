"""Which record type proves which duty, read from the duty's name and category.

Task items carry no record type (lists are written by county staff in plain Chinese), so the
forms and the village page infer it here, in one place: a meeting form offers meeting duties,
a 三务公开 form offers disclosure duties. A duty no rule recognises maps to no type; forms still
offer it, folded away, so that nothing a village must prove becomes unreachable."""

from . import kinds as k

# (keywords in the name, categories, kind): the first rule that matches wins, so the specific
# procedures come before the generic "公开" and "会".
RULES = [
    (("四议两公开", "三重一大", "重大事项决策"), (), k.SIYI),
    (("清账", "联审联签", "财务收支"), ("三资管理",), k.ACCOUNTS),
    (("群众说事", "群众诉求"), ("联系群众",), k.PETITION),
    (("印章", "公章", "用印"), (), k.SEAL),
    (("请销假", "请假"), (), k.LEAVE),
    (("值班",), (), k.DUTY),
    (("公开",), ("三务公开", "两公开"), k.DISCLOSURE),
    (("会议", "大会", "党小组会", "生活会", "党课", "主题党日", "三会一课", "民主评议"), ("三会", "一课", "组织生活"),
     k.MEETING),
]


def kind_for(name, category=""):
    """The record type that proves a duty, or "" when no rule recognises it."""
    for words, categories, kind in RULES:
        if category in categories or any(w in name for w in words):
            return kind
    return ""


def kind_of(obligation):
    return kind_for(obligation.item_name, obligation.category)


def offer(obligations, kind, chosen, today):
    """What a ``kind`` form offers: ``{"chosen", "current", "past", "others"}``: the duties already
    chosen (checked, on top), this type's duties in an open period (the period runs today or
    starts within the week), its earlier periods still unfinished, and duties of other types."""
    chosen = {str(c) for c in chosen}
    offered, others = split_for_kind(obligations, kind, chosen)
    result = {"chosen": [], "current": [], "past": [], "others": others}
    for ob in offered:
        if str(ob.pk) in chosen:
            result["chosen"].append(ob)
        elif ob.due >= today:
            result["current"].append(ob)
        else:
            result["past"].append(ob)
    result["past"].reverse()  # the latest missed period first
    return result


def split_for_kind(obligations, kind, chosen=()):
    """``(offered, others)``: the duties a ``kind`` form offers first (its own type, and any duty
    already chosen), and the rest, kept reachable but folded."""
    chosen = {str(c) for c in chosen}
    offered, others = [], []
    for ob in obligations:
        (offered if kind_of(ob) == kind or str(ob.pk) in chosen else others).append(ob)
    return offered, others

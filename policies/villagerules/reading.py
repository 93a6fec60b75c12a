"""The reader side of village rules, with no HTTP in it. Village rules are adopted in public
(征集民意 → 表决 → 备案), so the page and the village section show the rules as they stand: the
filed text in force, else the text under adoption with its status. Asked "which rules were in force
on a day" (the API), only editors are shown a text that is not filed."""

from .adoption import in_force, pending, rule_status

__all__ = ["rule_status", "pending", "in_force", "visible_version"]


def visible_version(versions, on, repealed_on, editor):
    """The text a caller is given for ``on``: the filed rules in force, or for an editor the text
    the status is about (a draft or a voted text awaiting 备案) when nothing is in force."""
    if editor:
        return rule_status(versions, on, repealed_on)[1]
    return in_force(versions, on, repealed_on)

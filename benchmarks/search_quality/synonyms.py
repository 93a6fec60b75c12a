"""Seed of the domain synonym and abbreviation list (the admin-editable list starts from it).

Written from the domain brief's vocabulary (/work/shared/domain/BRIEF.md and the Xishui report),
not from the benchmark's questions' failures. Two shapes:

``EQUIVALENT``: groups of interchangeable terms; a query for any term of a group also finds the
others (监委会 finds 村务监督委员会 and the reverse).

``ONE_WAY``: a short form or umbrella term and what it stands for; a query for the short form also
finds the expansions, but a query for an expansion does not bring back every short form
(三资 finds 资金; 资金 does not find every text that says 三资).

Terms are written without punctuation: an engine ignores punctuation inside terms anyway
("村“两委”" is matched as 村两委)."""

# The list itself is the demo's seed, kept once in search/ (its data migration loads it into the
# admin-editable table); the benchmark reads the same list.
from search.synonym_seed import EQUIVALENT, ONE_WAY  # noqa: E402,F401


def expansions(term):
    """Every term a query word stands for, itself first; the benchmark's reference reading."""
    out = [term]
    for group in EQUIVALENT:
        if term in group:
            out.extend(t for t in group if t not in out)
    for short, longs in ONE_WAY:
        if term == short:
            out.extend(t for t in longs if t not in out)
    return out

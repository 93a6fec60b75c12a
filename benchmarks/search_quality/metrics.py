"""Recall@k and MRR from ranked lists of unit ids, for any engine: an engine is a function
``rank(query) -> list of unit ids``, best first."""

from dataclasses import dataclass, field


def recall_at_k(ranked, relevant, k=5):
    """Share of the relevant ids found in the top k, out of at most k (a query with 8 relevant
    articles scores 1.0 when the top 5 are five of them)."""
    relevant = set(relevant)
    if not relevant:
        raise ValueError("a query needs at least one relevant id")
    return len(relevant.intersection(ranked[:k])) / min(k, len(relevant))


def reciprocal_rank(ranked, relevant):
    """1 / the rank of the first relevant id; 0 if none is returned."""
    relevant = set(relevant)
    for position, unit_id in enumerate(ranked, start=1):
        if unit_id in relevant:
            return 1 / position
    return 0.0


@dataclass
class Score:
    recall: float
    mrr: float
    found: int  # queries with at least one relevant id in the top k
    total: int
    misses: list = field(default_factory=list)  # (query, expected, top k) of queries with recall < 1


def evaluate(rank, queries, k=5):
    """Runs ``rank`` on every (query, relevant ids) pair and averages recall@k and MRR."""
    recalls, rrs, found, misses = [], [], 0, []
    for query, relevant in queries:
        ranked = list(rank(query))
        recall = recall_at_k(ranked, relevant, k)
        recalls.append(recall)
        rrs.append(reciprocal_rank(ranked, relevant))
        found += bool(set(relevant).intersection(ranked[:k]))
        if recall < 1:
            misses.append((query, list(relevant), ranked[:k]))
    n = len(queries)
    return Score(sum(recalls) / n, sum(rrs) / n, found, n, misses)

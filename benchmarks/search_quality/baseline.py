"""Plain BM25 over jieba words: the baseline any search engine here must beat.

It is what Elasticsearch's default ``match`` query does with a jieba analyzer: jieba
``cut_for_search`` tokens (punctuation dropped, nothing else: no stopwords, no synonyms, no
traditional→simplified folding), BM25 with k1=1.2, b=0.75 and Lucene's idf. Ties are broken by
unit id, which puts the records ("N-…") before the articles ("R…"): no help from the order.

    .venv/bin/python -m benchmarks.search_quality.baseline [--misses]
"""

import math
import sys
import unicodedata
from collections import Counter

import jieba

from . import harness

jieba.setLogLevel(60)  # jieba prints its dictionary loading to stderr otherwise


def tokens(text):
    """jieba search-mode words, lower-cased, without tokens made only of punctuation or spaces."""
    return [
        t.lower() for t in jieba.cut_for_search(text)
        if any(unicodedata.category(ch)[0] in "LN" for ch in t)
    ]


class BM25:
    def __init__(self, units, k1=1.2, b=0.75):
        self.k1, self.b = k1, b
        self.ids = [u.id for u in units]
        self.docs = [Counter(tokens(u.searchable)) for u in units]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg_length = sum(self.lengths) / len(self.docs)
        df = Counter(term for d in self.docs for term in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.postings = {}
        for i, d in enumerate(self.docs):
            for term in d:
                self.postings.setdefault(term, []).append(i)

    def rank(self, query, limit=20):
        scores = Counter()
        for term in set(tokens(query)):
            for i in self.postings.get(term, ()):
                tf = self.docs[i][term]
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg_length)
                scores[i] += self.idf[term] * tf * (self.k1 + 1) / (tf + norm)
        best = sorted(scores, key=lambda i: (-scores[i], self.ids[i]))
        return [self.ids[i] for i in best[:limit]]


def run(show_misses=False):
    rows = harness.measure(lambda units: BM25(units).rank)
    harness.print_table("BM25 over jieba (k1=1.2, b=0.75)", rows, show_misses)
    return rows


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    run(show_misses="--misses" in argv)


if __name__ == "__main__":
    main()

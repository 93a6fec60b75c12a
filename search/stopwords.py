"""A question as cadres type it → the words worth searching for. "联席会议多久开一次" → 联席会议, 开, 一次:
question and function words (怎么, 多久, 吗, 哪些, 可以, 的 …) say what kind of answer is wanted, not
where it is, and no article contains them in that sense."""

import functools
import re

from . import tokenize as tk

# Question words, particles and modal verbs. Kept short on purpose: a word here is never searched,
# so content words (公开, 会议, 时间) must not be in it.
STOPWORDS = frozenset("""
怎么 怎么样 怎样 怎么办 咋 咋办 咋样 如何 为何 为什么 什么 啥 什么样 什么时候 何时 哪 哪些 哪个 哪里 哪儿 谁 谁来 几 几个 几天
多久 多长 多长时间 多少 多大 吗 呢 吧 啊 呀 么 嘛 的 地 得 了 着 过 是 是否 是不是 可以 可不可以 能 能否 能不能 能够
会不会 要不要 需不需要 有没有 需要 应该 该 要 请问 一下 还是 还 都 就 才 又 也 和 与 及 或 或者 在 对 把 被 给 向
从 以 按 将 让 之 其 这 那 这个 那个 这些 那些 我 我们 你 你们 他 她 它 他们 有 没 没有 吗? 意思 情况 规定 算
""".split())

_PUNCT_RE = re.compile(r"[^\w\s]+")


@functools.lru_cache(maxsize=8)
def _protected_re(keys):
    """The synonym list's terms, longest first: kept whole even where jieba would cut them."""
    if not keys:
        return None
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))


def _cut(text):
    """jieba words; a run of single characters where jieba knows no word (村有乡管村用, a name like
    鹊资) stays one word, so that it is searched as the phrase it is; two characters only when neither
    is a question or function word ("能租" is 能 + 租)."""
    out, run = [], []

    def flush():
        merge = len(run) >= 3 or (len(run) == 2 and not any(ch in STOPWORDS for ch in run))
        out.extend(["".join(run)] if merge else run)
        run.clear()

    for word in tk.jieba_tokenizer().cut(text, HMM=False):
        if not word.strip():
            continue
        if len(word) == 1 and tk.CJK_RE.match(word):
            run.append(word)
            continue
        flush()
        out.append(word)
    flush()
    return out


def words_of(text, synonyms=None):
    """Search words of free text (already normalized), in order, without duplicates."""
    keys = tuple(sorted({k for k in (synonyms or {}) if len(k) >= 2 and tk.CJK_RE.search(k)}
                        | set(tk.DOMAIN_WORDS)))
    protected = _protected_re(keys)
    out = []
    for term in text.split():
        if not tk.CJK_RE.search(term):
            out.append(term)  # codes and numbers stay one word ("shyk-02")
            continue
        term = _PUNCT_RE.sub(" ", tk.bridge(term))
        for part in term.split():
            last = 0
            for match in protected.finditer(part) if protected else ():
                out.extend(_cut(part[last:match.start()]))
                out.append(match.group(0))
                last = match.end()
            out.extend(_cut(part[last:]))
    kept = [w for w in out if w not in STOPWORDS and not all(ch in STOPWORDS for ch in w)]
    if not kept:
        kept = [w for w in out if len(w) >= 2] or out  # a query of question words only: search them
    return list(dict.fromkeys(kept))

"""Chinese text → tokens, done in Python so that every engine (SQLite FTS5, Elasticsearch, the
Wagtail admin backend) matches the same way.

Recall comes from character bigrams (any substring of two or more Chinese characters is a phrase of
consecutive bigrams) and unigrams (single characters); ranking adds jieba words with a dictionary
of the county's own terms. Latin letters and digits are kept as lower-case words."""

import functools
import re
import threading
import unicodedata

# CJK unified ideographs (incl. extension A) and compatibility ideographs.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SEGMENT_RE = re.compile(rf"[{_CJK}]+|[a-z0-9]+")
CJK_RE = re.compile(rf"[{_CJK}]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_BRIDGE_RE = re.compile(rf"(?<=[{_CJK}])[^\w\s]{{1,4}}(?=[{_CJK}])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")

DOMAIN_WORDS = [
    "四议两公开", "三会一课", "三务公开", "三资", "一肩挑", "村财镇管", "联审联签", "群众说事日", "群众说事室",
    "红旗村", "提级监督", "村规民约", "三重一大", "末位表态", "说事室", "主题党日", "两委", "村两委",
    "村务联席会议", "民主理财小组", "村监委", "村务监督委员会", "清账行动", "谈话提醒", "书面警示", "双考双述",
    "四位一体", "第一书记", "组织生活会", "民主评议党员", "党员大会", "村民代表会议", "村民会议", "红白理事会",
    "道德评议会", "禁赌禁毒会", "坐班制", "轮流值班制", "请销假", "公章使用", "履职清单", "任务清单",
    "小微权力", "党建联系点", "书记抓", "抓书记", "政治体检", "代办服务", "末位定论", "事前告知",
    "党务", "村务", "财务", "备案", "会商办法", "三联三助", "法律服务第一书记",
]

_jieba = None
_jieba_lock = threading.Lock()


def jieba_tokenizer():
    """One jieba tokenizer with the domain dictionary, loaded on first use (about a second)."""
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                for word in DOMAIN_WORDS:
                    tokenizer.add_word(word, freq=200000)
                _jieba = tokenizer
    return _jieba


_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e\u3000]+")
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _half_width(match):
    return match.group(0).translate(_HALF_WIDTH)


_opencc = None
_traditional_re = None


def fold_traditional(text):
    """Traditional characters → simplified (OpenCC ``t2s``), at index and at query time alike, so
    that "財務公開" finds 财务公开. Texts without a character OpenCC would change skip the
    conversion (a regex test is ~50× cheaper than converting, and almost every text is simplified)."""
    global _opencc, _traditional_re
    if _opencc is None:
        with _jieba_lock:
            if _opencc is None:
                import opencc

                converter = opencc.OpenCC("t2s")
                chars = "".join(chr(c) for c in range(0x3400, 0xa000))
                folded = converter.convert(chars)
                changed = [a for a, b in zip(chars, folded, strict=False) if a != b] if len(folded) == len(chars) \
                    else list(chars)
                _traditional_re = re.compile("[" + "".join(re.escape(c) for c in changed) + "]")
                _opencc = converter
    if not _traditional_re.search(text):
        return text
    return _opencc.convert(text)


def normalize(text):
    """Full-width → half-width (NFKC), traditional → simplified, lower case, control characters removed."""
    if not text:
        return ""
    text = str(text)
    if not unicodedata.is_normalized("NFKC", text):
        # Full-width ASCII (，（）０-９ Ａ-Ｚ) is what makes a Chinese text not NFKC; mapping just those
        # runs is half the cost of normalizing the whole text, which is then needed only rarely.
        text = _FULL_WIDTH_RE.sub(_half_width, text)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    if _NON_ASCII_RE.search(text):
        text = fold_traditional(text)
    return _CONTROL_RE.sub(" ", text).lower()


def bridge(text):
    """Punctuation and quotes between two Chinese characters removed (already normalized): the grams
    of “村有、乡管、村用” are those of 村有乡管村用, so either spelling finds the other."""
    return _BRIDGE_RE.sub("", text)


def segments(text):
    """Runs of Chinese characters and runs of latin letters/digits, in order (already normalized)."""
    return SEGMENT_RE.findall(text)


def is_cjk(segment):
    return bool(CJK_RE.match(segment))


def segment_grams(segment):
    """Tokens for one segment: bigrams of a Chinese run (the character itself when alone), or the word."""
    if is_cjk(segment):
        if len(segment) == 1:
            return [segment]
        return [segment[i:i + 2] for i in range(len(segment) - 1)]
    return [segment]


def grams(text):
    """Space-separated bigram stream: phrase search over it finds any substring of ≥2 characters."""
    out = []
    for segment in segments(bridge(normalize(text))):
        out.extend(segment_grams(segment))
    return " ".join(out)


def unigrams(text):
    """Space-separated single characters (and latin words): recall for one-character queries."""
    out = []
    for segment in segments(bridge(normalize(text))):
        out.extend(segment if is_cjk(segment) else [segment])
    return " ".join(out)


def words(text):
    """jieba words (search mode) for ranking: whole domain terms score above scattered bigrams."""
    text = normalize(text)
    if not text:
        return ""
    out = []
    for token in jieba_tokenizer().cut_for_search(text):
        token = token.strip()
        if token and SEGMENT_RE.fullmatch(token):
            out.append(token)
    return " ".join(out)


@functools.lru_cache(maxsize=4096)
def title_words(title):
    """jieba words of a title; titles repeat across a document's articles, so they are cached."""
    return words(title)


_domain_re = None


def domain_terms(text):
    """The dictionary's domain terms found in ``text`` (already normalized), longest first.
    Bodies use this instead of full jieba segmentation: ten times faster on a full reindex, and
    the terms are what the ranking bonus is for."""
    global _domain_re
    if _domain_re is None:
        ordered = sorted({normalize(w) for w in DOMAIN_WORDS}, key=len, reverse=True)
        _domain_re = re.compile("|".join(re.escape(w) for w in ordered))
    return _domain_re.findall(text)


def index_streams(title, label, body):
    """All tokenized fields of one unit, normalizing and segmenting each text only once."""
    title_n, label_n, body_n = bridge(normalize(title)), bridge(normalize(label)), bridge(normalize(body))
    out = {}
    unigram_parts = []
    for name, text in (("title_g", title_n), ("label_g", label_n), ("body_g", body_n)):
        grams_, singles = [], []
        for segment in SEGMENT_RE.findall(text):
            if CJK_RE.match(segment):
                grams_.extend([segment] if len(segment) == 1 else [segment[i:i + 2] for i in range(len(segment) - 1)])
                singles.extend(segment)
            else:
                grams_.append(segment)
                singles.append(segment)
        out[name] = " ".join(grams_)
        unigram_parts.append(" ".join(singles))
        if name == "title_g":
            out["title_u"] = unigram_parts[0]
    out["u"] = " ".join(p for p in unigram_parts if p)
    out["w"] = " ".join(filter(None, [title_words(title_n), " ".join(domain_terms(body_n))]))
    return out


def query_words(text):
    """jieba words of a query term, used as optional ranking signals."""
    return [w for w in words(text).split() if len(w) >= 2]

"""Chinese numerals as official documents write them: 第十二条, 第二款, （三）."""

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return DIGITS[hundreds] + "百"
        if rest < 10:
            return DIGITS[hundreds] + "百零" + DIGITS[rest]
        tail = to_chinese(rest)
        return DIGITS[hundreds] + "百" + ("一" + tail if rest < 20 else tail)
    raise ValueError("条文编号不超过 999")


def from_chinese(text: str) -> int:
    """Inverse of ``to_chinese`` (also accepts Arabic digits): '十二' → 12, '一百零五' → 105."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS.index(ch)
        elif ch == "〇":
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += current * 100
            current = 0
        else:
            raise ValueError(f"不是中文数字：{text}")
    return total + current


def article_label(n):
    return f"第{to_chinese(n)}条"


def chapter_label(n):
    return f"第{to_chinese(n)}章"


def section_label(n):
    return f"第{to_chinese(n)}节"


def paragraph_label(n):
    return f"第{to_chinese(n)}款"


def item_label(n):
    return f"（{to_chinese(n)}）"

"""Task-list items as plain data: from the editor's stream to ``TaskItem`` rows and back.

The stream is what editors change; the rows are what compliance points at. ``sync_page`` keeps
them in step on publish without deleting rows another app still refers to."""

import re

from ..versioning.schedule import FREQUENCY_LABELS

HIDDEN_ORDER = 10_000  # sort_order of rows kept only because other records still refer to them
CODE_RE = re.compile(r"^[A-Z]{2,10}-\d{2,3}$")
ITEM_FIELDS = ["code", "name", "category", "responsible", "frequency", "deadline_day", "deadline_note",
               "basis", "steps", "evidence", "disclosure", "supervisor", "risks"]


def _values(items):
    """ListBlock raw data is plain values or ``{"type": "item", "value": …}`` dicts."""
    out = []
    for item in items or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            item = item["value"]
        out.append(item)
    return out


def raw_items(version):
    """The raw values of a version's ``items`` stream, whatever form the field holds."""
    stream = version.items
    raw = list(stream.raw_data) if hasattr(stream, "raw_data") else list(stream or [])
    return [block.get("value", {}) for block in raw if block.get("type", "item") == "item"]


def item_fields(value):
    """One TaskItemBlock raw value → the TaskItem field values (strings stripped, JSON lists)."""
    def text(key):
        return (value.get(key) or "").strip() if isinstance(value.get(key) or "", str) else value.get(key)

    basis = []
    for b in _values(value.get("basis")):
        if not isinstance(b, dict):
            continue
        reg = b.get("regulation")
        if hasattr(reg, "pk"):
            reg = reg.pk
        entry = {"regulation": reg or None, "title": (b.get("title") or "").strip(),
                 "article": (b.get("article") or "").strip(), "note": (b.get("note") or "").strip()}
        if entry["regulation"] or entry["title"] or entry["note"]:
            basis.append(entry)
    steps = []
    for s in _values(value.get("steps")):
        if not isinstance(s, dict):
            continue
        steps.append({"actor": (s.get("actor") or "").strip(), "action": (s.get("action") or "").strip(),
                      "record": (s.get("record") or "").strip(), "time_limit": (s.get("time_limit") or "").strip(),
                      "next_steps": (s.get("next_steps") or "").strip()})
    deadline_day = value.get("deadline_day")
    return {
        "code": text("code"), "name": text("name"), "category": text("category") or "",
        "responsible": text("responsible"), "frequency": value.get("frequency") or "",
        "deadline_day": int(deadline_day) if deadline_day not in (None, "") else None,
        "deadline_note": text("deadline_note") or "", "basis": basis, "steps": steps,
        "evidence": text("evidence") or "", "disclosure": text("disclosure") or "",
        "supervisor": text("supervisor") or "", "risks": text("risks") or "",
    }


def validate_items(label, values):
    """Chinese messages for one version's items: codes well-formed and unique, frequency known."""
    errors, seen = [], set()
    for index, value in enumerate(values, 1):
        fields = item_fields(value)
        code = fields["code"]
        where = f"“{label}”第{index}项"
        if not code:
            errors.append(f"{where}缺少事项编码。")
        elif not CODE_RE.match(code):
            errors.append(f"{where}的编码“{code}”格式不对，应形如 SHYK-02（大写字母-数字）。")
        elif code in seen:
            errors.append(f"“{label}”中事项编码“{code}”重复，同一版本内编码不能重复。")
        seen.add(code)
        if fields["frequency"] not in FREQUENCY_LABELS:
            errors.append(f"{where}（{code or '无编码'}）的频次“{fields['frequency']}”无效。")
        if not fields["name"]:
            errors.append(f"{where}（{code or '无编码'}）缺少事项名称。")
        for n, step in enumerate(fields["steps"], 1):
            for target, _cond in parse_next_steps(step["next_steps"], strict=False):
                if target < 1 or target > len(fields["steps"]):
                    errors.append(f"{where}（{code}）第{n}步的“下一步”指向不存在的第{target}步。")
    return errors


def next_steps_text(text):
    """``"4:通过; 1:未通过"`` → ``"通过→第4步；未通过→第1步"`` for readers (not the editor syntax)."""
    parts = [f"{cond}→第{n}步" if cond else f"转第{n}步" for n, cond in parse_next_steps(text, strict=False)]
    return "；".join(parts)


def parse_next_steps(text, strict=True):
    """``"3:同意; 5:不同意"`` → ``[(3, "同意"), (5, "不同意")]``; ``""`` → ``[]`` (go on in order).
    Accepts Chinese punctuation (：；，). A comma separates branches only when a step number follows,
    so a condition may contain one ("1:未通过，重新提议"). ``strict`` raises ValueError on junk."""
    result = []
    for part in re.split(r"[;；]|[,，](?=\s*第?\d)", text or ""):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(?:第)?(\d+)(?:步)?\s*(?:[:：]\s*(.*))?$", part)
        if not m:
            if strict:
                raise ValueError(f"无法识别的“下一步”：“{part}”，应形如“3:同意; 5:不同意”。")
            continue
        result.append((int(m.group(1)), (m.group(2) or "").strip()))
    return result

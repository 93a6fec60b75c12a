"""Procedure steps drawn as a flowchart in inline SVG, on the server (no JS, prints as is).

Vertical layout, one box per step (number + actor, action, record, time limit), so it reads on a
360 px phone: the SVG scales to the width and text is wrapped by counting CJK characters as one
em and Latin ones as roughly half. Sequential steps are joined straight down; branches
(``next_steps`` "3:同意; 5:不同意") that skip or go back leave the bottom right of their box and
run along lanes on the right. Each condition is written where its arrow starts (under the source
box), so two "未通过" branches never end up stacked at one target with no way to tell them
apart. Colours are set as attributes so print needs no CSS."""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .taskitems import parse_next_steps

WIDTH = 340
MARGIN = 8
LANE = 16
# The chart is drawn 340 units wide and shown at ~300 px on a phone, so sizes are a little larger
# than the page text to stay readable (15 → ~13 px) and capped on wide screens (see MAX_SCALE).
FONT = 15
SMALL = 13
LINE = 21
SMALL_LINE = 18
LABEL_LINE = 15
MAX_SCALE = 1.35
PAD = 8
GAP = 40
NO_LINE_START = set("，。、；：！？）》」』”’…,.;:!?)")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def text_width(text, size):
    """Approximate rendered width: wide (CJK, full-width) characters one em, others 0.55 em.
    Ambiguous ones (“ ” ‘ ’ … — ·) count as wide: CJK fonts, as in print and PDF, draw them so."""
    return sum(size if unicodedata.east_asian_width(ch) in "WFA" else size * 0.55 for ch in text)


def wrap(text, width, size):
    """Greedy wrap that may break between any two CJK characters and between Latin words."""
    lines = []
    for paragraph in (text or "").splitlines() or [""]:
        line, tokens = "", _tokens(paragraph)
        for token in tokens:
            if text_width(line + token, size) <= width or not line:
                # A single token wider than the line (a long Latin word) is cut by characters.
                while text_width(line + token, size) > width and len(token) > 1 and not line:
                    cut = len(token)
                    while cut > 1 and text_width(token[:cut], size) > width:
                        cut -= 1
                    lines.append(token[:cut])
                    token = token[cut:]
                line += token
            elif token in NO_LINE_START and len(line) > 1:
                # 禁则: closing punctuation never starts a line; carry the last character with it.
                lines.append(line[:-1].rstrip())
                line = line[-1] + token
            else:
                lines.append(line.rstrip())
                line = token.lstrip()
        lines.append(line.rstrip())
    return [ln for ln in lines if ln] or [""]


def _tokens(text):
    tokens, word = [], ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF" or ch.isspace():
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def _edges(steps):
    """``[(from, to, label)]`` with 1-based step numbers."""
    edges = []
    for number, step in enumerate(steps, 1):
        targets = parse_next_steps(step.get("next_steps") or step.get("next") or "", strict=False) \
            if isinstance(step.get("next_steps") or step.get("next") or "", str) else \
            [(int(t), "") for t in step.get("next") or []]
        targets = [(t, label) for t, label in targets if 1 <= t <= len(steps) and t != number]
        if targets:
            edges.extend((number, t, label) for t, label in targets)
        elif number < len(steps):
            edges.append((number, number + 1, ""))
    return edges


def render_flowchart(steps, title="办理流程", dom_id="fc"):
    """``steps``: dicts with actor, action, record, time_limit, next_steps. Returns safe SVG."""
    steps = [s for s in steps or [] if (s.get("actor") or s.get("action"))]
    if not steps:
        return ""
    edges = _edges(steps)
    lanes = {}
    for edge in edges:
        if abs(edge[1] - edge[0]) != 1 or edge[1] < edge[0]:
            lanes[edge] = len(lanes) % 3
    lane_count = (max(lanes.values()) + 1) if lanes else 0
    box_x = MARGIN
    box_w = WIDTH - 2 * MARGIN - lane_count * LANE
    inner = box_w - 2 * PAD
    # Conditions of lane branches, listed under their source box (several stack downwards).
    lane_labels = {}
    for edge in lanes:
        if edge[2]:
            lane_labels.setdefault(edge[0], []).append(edge)

    boxes, y = [], MARGIN
    for number, step in enumerate(steps, 1):
        head = f"{CIRCLED[number - 1] if number <= len(CIRCLED) else str(number) + '.'} {step.get('actor') or ''}"
        rows = [(line, FONT, True) for line in wrap(head, inner, FONT)]
        rows += [(line, FONT, False) for line in wrap(step.get("action") or "", inner, FONT)]
        for key, prefix in (("record", "记录："), ("time_limit", "时限：")):
            if step.get(key):
                rows += [(line, SMALL, False) for line in wrap(prefix + step[key], inner, SMALL)]
        height = PAD * 2 + sum(LINE if size == FONT else SMALL_LINE for _t, size, _b in rows)
        boxes.append({"y": y, "h": height, "rows": rows, "number": number})
        # The gap grows when more branch conditions hang under this box than fit in it.
        y += height + max(GAP, 12 + LABEL_LINE * len(lane_labels.get(number, [])))
    last_labels = len(lane_labels.get(len(steps), []))
    total_h = boxes[-1]["y"] + boxes[-1]["h"] + MARGIN + (8 + LABEL_LINE * last_labels if last_labels else 0)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 {WIDTH} {total_h}" '
           f'width="100%" style="max-width:{WIDTH * MAX_SCALE:.0f}px" role="img" '
           f'aria-labelledby="{dom_id}-title">',
           f'<title id="{dom_id}-title">{escape(title)}：共{len(steps)}步</title>',
           f'<defs><marker id="{dom_id}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f2328"/></marker></defs>']
    for box in boxes:
        out.append(f'<g class="fc-step" id="{dom_id}-step-{box["number"]}">')
        out.append(f'<rect class="fc-box" x="{box_x}" y="{box["y"]}" width="{box_w}" height="{box["h"]}" '
                   'rx="6" fill="#ffffff" stroke="#1f2328" stroke-width="1.5"/>')
        ty = box["y"] + PAD
        for text, size, bold in box["rows"]:
            ty += LINE if size == FONT else SMALL_LINE
            weight = ' font-weight="700"' if bold else ""
            colour = "#57606a" if size == SMALL else "#1f2328"
            out.append(f'<text x="{box_x + PAD}" y="{ty - 5}" font-size="{size}"{weight} fill="{colour}">'
                       f'{escape(text)}</text>')
        out.append("</g>")
    for edge in edges:
        a, b = boxes[edge[0] - 1], boxes[edge[1] - 1]
        label = edge[2]
        if edge in lanes:
            lane = lanes[edge]
            lane_x = box_x + box_w + LANE * (lane + 1) - 4
            y1 = a["y"] + a["h"] - 8 - lane * 8
            y2 = b["y"] + min(16, b["h"] / 2) + lane * 8
            d = f"M{box_x + box_w},{y1:.0f} H{lane_x} V{y2:.0f} H{box_x + box_w + 1}"
            lx, anchor = box_x + box_w - 2, "end"
            stacked = lane_labels.get(edge[0], [])
            ly = a["y"] + a["h"] + 13 + LABEL_LINE * (stacked.index(edge) if edge in stacked else 0)
        else:
            x = box_x + box_w / 2
            y1, y2 = a["y"] + a["h"], b["y"] - 1
            d = f"M{x:.0f},{y1} V{y2}"
            # Beside the arrow; on its left when branch conditions sit on the right of the same gap.
            right = edge[0] not in lane_labels
            lx, ly, anchor = (x + 6 if right else x - 6), (y1 + y2) / 2 + 4, ("start" if right else "end")
        out.append(f'<path class="fc-arrow" data-from="{edge[0]}" data-to="{edge[1]}" d="{d}" fill="none" '
                   'stroke="#1f2328" stroke-width="1.5" marker-end="url(#' + dom_id + '-head)"/>')
        if label:
            out.append(f'<text class="fc-label" data-from="{edge[0]}" data-to="{edge[1]}" x="{lx:.0f}" '
                       f'y="{ly:.0f}" font-size="{SMALL}" text-anchor="{anchor}" fill="#a4161a">'
                       f'{escape(label)}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))

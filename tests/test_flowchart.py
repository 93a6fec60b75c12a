"""Server-side SVG flowcharts: boxes, arrows, branch labels, wrapping, single-step procedures."""

from xml.etree import ElementTree

from policies.tasklists.flowchart import WIDTH, render_flowchart, text_width, wrap
from policies.tasklists.taskitems import parse_next_steps

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg):
    root = ElementTree.fromstring(str(svg))
    boxes = root.findall(".//svg:rect[@class='fc-box']", NS)
    arrows = root.findall(".//svg:path[@class='fc-arrow']", NS)
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    return root, boxes, arrows, texts


SYLG = [
    {"actor": "村党组织", "action": "提议", "record": "支委会记录"},
    {"actor": "村“两委”联席会议", "action": "商议", "record": "联席会议记录"},
    {"actor": "党员大会", "action": "审议：三分之二以上党员到会，全体党员过半数同意", "record": "表决结果",
     "next_steps": "4:通过; 1:未通过"},
    {"actor": "村民代表会议", "action": "决议", "record": "签字表决票", "next_steps": "5：通过；1：未通过"},
    {"actor": "村民委员会", "action": "决议公开", "record": "公开照片"},
    {"actor": "村民委员会", "action": "实施结果公开", "record": "公开照片", "time_limit": "实施完成后"},
]


def test_branching_procedure():
    root, boxes, arrows, texts = parse(render_flowchart(SYLG, title="四议两公开"))
    assert root.get("role") == "img" and root.get("viewBox").startswith(f"0 0 {WIDTH} ")
    assert len(boxes) == 6
    edges = {(a.get("data-from"), a.get("data-to")) for a in arrows}
    # 1→2→3 in order, 3 branches to 4 or back to 1, 4 to 5 or back to 1, 5→6.
    assert edges == {("1", "2"), ("2", "3"), ("3", "4"), ("3", "1"), ("4", "5"), ("4", "1"), ("5", "6")}
    assert len(arrows) == 7
    for word in ("党员大会", "通过", "未通过", "记录：表决结果", "时限：实施完成后", "四议两公开"):
        assert word in texts or word in root.findtext("svg:title", namespaces=NS)
    # Boxes are stacked top to bottom, never overlapping.
    ys = [(float(b.get("y")), float(b.get("height"))) for b in boxes]
    assert all(y1 + h1 < y2 for (y1, h1), (y2, _h) in zip(ys, ys[1:], strict=False))


def test_single_step_procedure_has_one_box_and_no_arrows():
    _root, boxes, arrows, texts = parse(render_flowchart([{"actor": "村代办员", "action": "受理并报乡镇"}]))
    assert len(boxes) == 1 and arrows == []
    assert "村代办员" in texts and "受理并报乡镇" in texts


def test_no_steps_renders_nothing_and_text_is_escaped():
    assert render_flowchart([]) == ""
    _root, boxes, _arrows, texts = parse(render_flowchart([{"actor": "<b>村委</b>", "action": "A & B"}]))
    assert "<b>村委</b>" in texts and "A & B" in texts and len(boxes) == 1


def test_long_cjk_text_is_wrapped_to_fit_the_box():
    long_action = "按照事前告知、充分讨论、末位定论、如实记录的原则召开村务联席会议，书记最后表态并形成结论" * 2
    root, boxes, _arrows, _texts = parse(render_flowchart([{"actor": "村党组织书记", "action": long_action}]))
    box_width = float(boxes[0].get("width"))
    lines = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert len(lines) > 4
    assert all(text_width(line, 14) <= box_width for line in lines)
    assert "".join(lines[1:]) == long_action


def test_wrap_keeps_latin_words_whole():
    assert wrap("SHYK-02 支部委员会", 60, 14)[0] == "SHYK-02"


def test_parse_next_steps():
    assert parse_next_steps("3:同意; 5:不同意") == [(3, "同意"), (5, "不同意")]
    assert parse_next_steps("第3步：同意；5") == [(3, "同意"), (5, "")]
    assert parse_next_steps("") == []
    assert parse_next_steps("同意", strict=False) == []
    # A comma inside a condition is part of it; one before a step number separates branches.
    assert parse_next_steps("4:通过; 1:未通过，重新提议") == [(4, "通过"), (1, "未通过，重新提议")]
    assert parse_next_steps("3:齐全，1:不齐全") == [(3, "齐全"), (1, "不齐全")]


def test_next_steps_text_for_readers():
    from policies.tasklists.taskitems import next_steps_text

    assert next_steps_text("4:通过; 1:未通过，重新提议") == "通过→第4步；未通过，重新提议→第1步"
    assert next_steps_text("") == ""


def test_branch_conditions_sit_under_their_source_box():
    """Two "未通过" branches back to step 1 must be told apart: each label is under the box its
    arrow leaves, not stacked above the target."""
    root, boxes, _arrows, _texts = parse(render_flowchart(SYLG))
    labels = root.findall(".//svg:text[@class='fc-label']", NS)
    back = [t for t in labels if t.get("data-to") == "1"]
    assert len(back) == 2
    for label in back:
        source = boxes[int(label.get("data-from")) - 1]
        below = float(source.get("y")) + float(source.get("height"))
        following = boxes[int(label.get("data-from"))]
        assert below < float(label.get("y")) < float(following.get("y"))


def test_closing_punctuation_never_starts_a_line():
    lines = wrap("对提议充分商议，形成拟决议方案（商议）", 276, 15)
    assert len(lines) == 2 and not lines[1].startswith("）")
    assert "".join(lines) == "对提议充分商议，形成拟决议方案（商议）"


def test_labels_of_branches_into_one_box_do_not_overprint():
    steps = [{"actor": "甲", "action": "一"}, {"actor": "乙", "action": "二", "next_steps": "4:同意; 1:补正"},
             {"actor": "丙", "action": "三", "next_steps": "1:退回"}, {"actor": "丁", "action": "四"}]
    root, boxes, arrows, _texts = parse(render_flowchart(steps))
    labels = {t.text: float(t.get("y")) for t in root.findall(".//svg:text[@class='fc-label']", NS)}
    assert set(labels) == {"同意", "补正", "退回"}
    assert labels["补正"] != labels["退回"]
    assert all(y > 0 for y in labels.values())
    assert {(a.get("data-from"), a.get("data-to")) for a in arrows} == {("1", "2"), ("2", "4"), ("2", "1"),
                                                                        ("3", "1")}


def test_curly_quotes_count_as_wide():
    """CJK fonts (print, PDF) draw “ ” full width; counting them narrow let text spill out of boxes."""
    assert text_width("“三重一大”", 14) == 6 * 14

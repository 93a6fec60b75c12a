"""Article diff: insertion renumbers without false 'modified', char marks inside changes."""

from policies.versioning.diff import diff_articles
from policies.versioning.structure import Article, Paragraph


def arts(*texts):
    return [Article(i, [Paragraph(1, t)]) for i, t in enumerate(texts, 1)]


OLD = arts("为规范村务公开，制定本办法。", "村党组织书记每周主持召开一次村务联席会议。",
           "村级资金支出实行财务联审联签。", "本办法自2021年7月1日起施行。")


def test_insertion_renumbers_later_articles_without_marking_them_modified():
    new = arts("为规范村务公开，制定本办法。", "每月设立一次群众说事日。", "村党组织书记每周主持召开一次村务联席会议。",
               "村级资金支出实行财务联审联签。", "本办法自2021年7月1日起施行。")
    changes = diff_articles(OLD, new)
    assert [(c.change, c.from_label, c.to_label) for c in changes] == [
        ("added", None, "第二条"),
        ("renumbered", "第二条", "第三条"),
        ("renumbered", "第三条", "第四条"),
        ("renumbered", "第四条", "第五条"),
    ]


def test_unchanged_same_label_is_omitted_and_modification_marked():
    new = arts("为规范村务公开，制定本办法。", "村党组织书记每周主持召开一次村务联席会议，末位表态。",
               "村级资金支出实行财务联审联签。", "本办法自2023年3月1日起施行。")
    changes = diff_articles(OLD, new)
    assert [c.change for c in changes] == ["modified", "modified"]
    first = changes[0]
    assert first.from_label == first.to_label == "第二条"
    assert "<ins>，末位表态</ins>" in first.after_html
    assert "<del>" not in first.after_html
    # Numbers change whole: a reader sees "2021" struck out and "2023" inserted, not single digits.
    assert "<del>2021</del>年<del>7</del>月" in changes[1].before_html
    assert "<ins>2023</ins>年<ins>3</ins>月" in changes[1].after_html


def test_removed_and_html_escaped():
    new = arts("为规范村务公开，制定本办法。", "村级资金支出实行财务联审联签<script>。", "本办法自2021年7月1日起施行。")
    changes = diff_articles(OLD, new)
    kinds = [(c.change, c.from_label, c.to_label) for c in changes]
    assert ("removed", "第二条", None) in kinds
    modified = next(c for c in changes if c.change == "modified")
    assert "<script>" not in modified.after_html and "&lt;script&gt;" in modified.after_html
    assert all(set(c.as_dict()) == {"change", "from_label", "to_label", "before", "after"} for c in changes)

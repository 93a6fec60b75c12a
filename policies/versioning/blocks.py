"""StreamField blocks for the body of an issued text: 章 / 节 / 条 / 款 / 项.

The body is a flat stream in reading order; numbers are never typed: they follow from
position (see ``structure.articles``), which is what lets a diff recognise renumbering."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock


class ParagraphBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="款文", help_text="一款的正文；不要写“第×款”。")
    items = blocks.ListBlock(blocks.TextBlock(label="项"), label="项", default=[], required=False,
                             help_text="本款下的各项，编号（一）（二）……自动生成。")

    class Meta:
        icon = "pilcrow"
        label = "款"


class ArticleBlock(blocks.StructBlock):
    paragraphs = blocks.ListBlock(ParagraphBlock(), label="款", min_num=1)
    table = TableBlock(required=False, label="表格")

    class Meta:
        icon = "doc-full"
        label = "条"
        form_classname = "article-block"


class HeadingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="标题", help_text="只写标题，如“总则”；“第一章”自动生成。")


class ChapterBlock(HeadingBlock):
    class Meta:
        icon = "title"
        label = "章"


class SectionBlock(HeadingBlock):
    class Meta:
        icon = "title"
        label = "节"


class BodyBlock(blocks.StreamBlock):
    chapter = ChapterBlock()
    section = SectionBlock()
    article = ArticleBlock()

    class Meta:
        block_counts = {"article": {"min_num": 1}}

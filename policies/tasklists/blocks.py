"""StreamField blocks of a task list version: one 事项 with its 依据 and 步骤."""

from wagtail import blocks

from ..versioning.schedule import FREQUENCY_CHOICES


class BasisBlock(blocks.StructBlock):
    regulation = blocks.PageChooserBlock(page_type="policies.RegulationPage", label="制度", required=False,
                                         help_text="本库中的制度；库外的法律法规填写下面的“文件名称”。")
    title = blocks.CharBlock(label="文件名称", required=False,
                             help_text="库外依据，如《中华人民共和国村民委员会组织法》")
    article = blocks.CharBlock(label="条款", required=False, help_text="如“第十二条”或“第十二条第二款”")
    note = blocks.CharBlock(label="说明", required=False)

    class Meta:
        icon = "link"
        label = "依据"
        label_format = "{title}{article}"


class StepBlock(blocks.StructBlock):
    actor = blocks.CharBlock(label="执行主体")
    action = blocks.TextBlock(label="做什么")
    record = blocks.CharBlock(label="形成的记录", required=False)
    time_limit = blocks.CharBlock(label="时限", required=False)
    next_steps = blocks.CharBlock(
        label="下一步", required=False,
        help_text="留空表示顺序进入下一步；有分支时写步骤序号和条件，如“3:同意; 5:不同意”。")

    class Meta:
        icon = "arrow-right"
        label = "步骤"
        label_format = "{actor}：{action}"  # collapsed steps stay recognisable in the editor


class TaskItemBlock(blocks.StructBlock):
    code = blocks.RegexBlock(regex=r"^[A-Z]{2,10}-\d{2,3}$", label="事项编码",
                             error_messages={"invalid": "编码应形如 SHYK-02（大写字母-数字）。"})
    name = blocks.CharBlock(label="事项名称", max_length=120)
    category = blocks.CharBlock(label="类别", required=False)
    responsible = blocks.CharBlock(label="责任主体")
    frequency = blocks.ChoiceBlock(choices=FREQUENCY_CHOICES, label="频次")
    deadline_day = blocks.IntegerBlock(label="期限（期内第几日）", required=False, min_value=1, max_value=366)
    deadline_note = blocks.CharBlock(label="期限说明", required=False, help_text="如“每月5日前”；留空则自动生成。")
    basis = blocks.ListBlock(BasisBlock(), label="依据", default=[])
    steps = blocks.ListBlock(StepBlock(), label="步骤", default=[])
    evidence = blocks.TextBlock(label="履职佐证", required=False, help_text="证明履职的记录、台账、照片、签字")
    disclosure = blocks.TextBlock(label="公开要求", required=False, help_text="公开什么、在哪里、公开多久")
    supervisor = blocks.CharBlock(label="监督主体", required=False)
    risks = blocks.TextBlock(label="风险点", required=False)

    class Meta:
        icon = "list-ul"
        label = "事项"
        label_format = "{code} {name}"  # a list of 22 collapsed "事项" headers is unusable otherwise

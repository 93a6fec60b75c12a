"""Seed of the domain synonym and abbreviation list (the admin-editable list starts from it).

Written from the domain brief's vocabulary (/work/shared/domain/BRIEF.md and the Xishui report),
not from the benchmark's questions' failures. Two shapes:

``EQUIVALENT``: groups of interchangeable terms; a query for any term of a group also finds the
others (监委会 finds 村务监督委员会 and the reverse).

``ONE_WAY``: a short form or umbrella term and what it stands for; a query for the short form also
finds the expansions, but a query for an expansion does not bring back every short form
(三资 finds 资金; 资金 does not find every text that says 三资).

Terms are written without punctuation: an engine ignores punctuation inside terms anyway
("村“两委”" is matched as 村两委)."""

EQUIVALENT = [
    # bodies and posts
    ("村务监督委员会", "监委会", "村监委", "村务监委会", "监督委员会"),
    ("村党组织书记", "村支书", "支书", "村书记", "村党支部书记"),
    ("村民委员会", "村委会", "村委"),
    ("村民委员会主任", "村主任", "村委会主任"),
    ("支部委员会", "支委会", "支部委员会会议"),
    ("支部党员大会", "党员大会"),
    ("村民代表会议", "村民代表大会", "代表会议"),
    ("第一书记", "驻村第一书记"),
    ("报账员", "报账人"),
    ("民主理财小组", "理财小组"),
    ("村务联席会议", "联席会议", "联席会"),
    ("乡镇", "镇里", "乡里", "乡镇街道"),
    ("群众", "村民", "老百姓"),
    # actions and things
    ("开会", "召开会议", "召开"),
    ("发言", "表态", "发表意见"),
    ("盖章", "用印", "加盖公章"),
    ("遗失", "丢失", "丢了"),
    ("票据", "发票", "单据"),
    ("支出", "开支", "花钱"),
    ("近亲属", "亲属", "亲戚"),
    ("公示", "公布", "张贴"),
    ("坐班", "上班"),
    ("节假日", "过年过节", "节日"),
    ("出租", "租出去", "承包"),
    ("清产核资", "清点资产", "盘点资产"),
    ("等次", "等级", "档次"),
    ("报告", "汇报"),
    ("补记", "补写"),
    ("到会", "到场", "出席"),
    ("交接", "移交"),
    ("谈话提醒", "约谈"),
    ("低保", "最低生活保障"),
    ("特困供养", "五保"),
    ("宅基地", "建房用地"),
    # numbers as cadres write them
    ("二千元", "两千元", "2000元"),
    ("五万元", "5万元", "50000元"),
]

ONE_WAY = [
    ("三资", ("资金", "资产", "资源", "集体三资")),
    ("两委", ("村党组织", "村民委员会", "村两委")),
    ("三务", ("党务", "村务", "财务")),
    ("三务公开", ("党务公开", "村务公开", "财务公开")),
    ("三会一课", ("支部党员大会", "支部委员会", "党小组会", "党课")),
    ("三重一大", ("重大决策事项", "重要项目安排", "大额资金使用")),
    ("四议两公开", ("村党组织提议", "两委会议商议", "党员大会审议", "村民会议决议", "决议公开", "实施结果公开")),
    ("一肩挑", ("村党组织书记兼村民委员会主任", "书记主任一肩挑")),
    ("村财镇管", ("村级财务由乡镇代管", "村财镇管中心")),
    ("小微权力", ("小微权力清单", "村级权力清单")),
    ("四位一体", ("两委相互监督", "村监委专职监督", "第一书记驻村监督", "党员群众监督")),
    ("红白事", ("婚丧喜庆", "红白理事会")),
    ("经管站", ("农村经营管理站",)),
    ("清账", ("清账行动", "核对账目")),
]


def expansions(term):
    """Every term a query word stands for, itself first; the benchmark's reference reading."""
    out = [term]
    for group in EQUIVALENT:
        if term in group:
            out.extend(t for t in group if t not in out)
    for short, longs in ONE_WAY:
        if term == short:
            out.extend(t for t in longs if t not in out)
    return out

"""Queries of the search-quality benchmark, each with the ids of the articles that answer it.

``NATURAL``: questions as village and township cadres type them on a phone, written before any
engine was run on them. Each carries tags saying what makes it hard for a strict phrase search:
  qword  question or function words the article does not contain (怎么, 多久, 吗, 哪些, 可以, 谁…)
  apart  the question's words stand apart (or in another order) in the article
  punct  punctuation or quotes inside a term, or missing from the query where the text has them
  trad   traditional characters
  abbrev an abbreviation or short form (监委会, 村支书, 支委会, 三资 …)
  synonym a word the article says differently (开会 ~ 召开会议, 发言 ~ 表态, 丢 ~ 遗失 …)
  number the question turns on an amount, a count or a time limit, often written differently
         from the text (两千 ~ 二千, 5万 ~ 五万, 7天 ~ 七天)
A question lists every article that answers it; any of them in the top 5 counts as found.

``EXACT``: 2–6 character substrings as they appear in the texts; the expected ids are every
article whose document title or text contains the substring (``check()`` proves it)."""

from .corpus import articles

NATURAL = [
    # 村务联席会议规则 (R1)
    ("联席会议多久开一次", ["R1-2"], ["qword", "apart"]),
    ("村务联席会议谁来主持", ["R1-2"], ["qword"]),
    ("第一书记要参加联席会议吗", ["R1-3", "R11-5"], ["qword", "synonym"]),
    ("监委会主任参加两委联席会吗", ["R1-3", "R9-4"], ["qword", "abbrev"]),
    ("开会的材料要提前几天发给大家", ["R1-4"], ["qword", "synonym"]),
    ("书记什么时候发言", ["R1-5"], ["qword", "synonym"]),
    ("末位表态是什么意思", ["R1-5"], ["qword", "apart"]),
    ("联席会议要多少人到场才能开", ["R1-6"], ["qword", "synonym"]),
    ("会议记录要写哪些内容", ["R1-7", "R2-8"], ["qword"]),
    ("三重一大可以在联席会议上直接决定吗", ["R1-8"], ["qword", "punct"]),
    # 四议两公开 (R2)
    ("四议两公开的第三步是什么", ["R2-4"], ["qword", "apart"]),
    ("“四议两公开”第五步", ["R2-6"], ["punct"]),
    ("党员大会审议要多少党员到会", ["R2-4"], ["qword"]),
    ("村民代表会议多少人同意才算通过", ["R2-5"], ["qword", "apart"]),
    ("村民代表会议要多少人参加", ["R2-5"], ["qword"]),
    ("决议公示几天", ["R2-6"], ["qword", "number"]),
    ("决议要公示7天吗", ["R2-6"], ["qword", "number"]),
    ("项目做完以后结果什么时候公开", ["R2-7"], ["qword", "synonym"]),
    ("四议两公开每一步要留什么记录", ["R2-8"], ["qword", "apart"]),
    ("五万元以上的支出怎么决策", ["R2-9"], ["qword", "number"]),
    ("5万元以上的支出要走四议两公开吗", ["R2-9"], ["qword", "number", "punct"]),
    ("集体土地发包要走什么程序", ["R2-9", "R3-4"], ["qword"]),
    # 三资 (R3)
    ("三资是指哪些", ["R3-1"], ["qword", "abbrev"]),
    ("村有乡管村用", ["R3-2"], ["punct"]),
    ("集体资产多久清点一次", ["R3-3"], ["qword", "synonym"]),
    ("集体的山林能租出去多少年", ["R3-4"], ["qword", "synonym"]),
    ("村里可以设小金库吗", ["R3-5"], ["qword"]),
    ("村委会账上能留多少现金", ["R3-6"], ["qword", "abbrev"]),
    ("村里现金超过2000元怎么办", ["R3-6"], ["qword", "number"]),
    ("什么样的村要提级监督", ["R3-8"], ["qword"]),
    # 财务公开 (R4), 联审联签 (R5), 报账员和出纳 (R6)
    ("財務公開要公開哪些內容", ["R4-1"], ["trad", "qword"]),
    ("财务多久公开一次", ["R4-2", "R13-3"], ["qword", "apart"]),
    ("征地补偿款什么时候公开", ["R4-3"], ["qword"]),
    ("财务公开前谁来审核", ["R4-4"], ["qword"]),
    ("财务能不能在微信群里公开", ["R4-5"], ["qword", "apart"]),
    ("公开栏的内容要贴多久", ["R4-6"], ["qword", "synonym"]),
    ("村民对账目有疑问找谁", ["R4-7"], ["qword", "synonym"]),
    ("没有联审联签的发票能入账吗", ["R5-1"], ["qword", "synonym"]),
    ("一肩挑的书记自己能批开支吗", ["R5-4"], ["qword", "synonym"]),
    ("监委会主任要签字吗", ["R5-5", "R4-4"], ["qword", "abbrev"]),
    ("两千元以上的开支谁审签", ["R5-6"], ["qword", "number", "synonym"]),
    ("清账行动多久一次", ["R5-7"], ["qword"]),
    ("报账员可以兼任出纳吗", ["R6-2"], ["qword"]),
    ("书记的亲属能当报账员吗", ["R6-2"], ["qword", "synonym"]),
    ("报账员多久去镇里报一次账", ["R6-1"], ["qword", "apart"]),
    ("出纳每天要做什么", ["R6-3"], ["qword", "synonym"]),
    ("出纳换人怎么交接", ["R6-4"], ["qword", "synonym"]),
    ("报账员需要参加培训吗", ["R6-5"], ["qword"]),
    # 坐班和请销假 (R7), 公章 (R8)
    ("村干部几点上班", ["R7-1"], ["qword", "synonym"]),
    ("村支书一周坐几天班", ["R7-2"], ["qword", "abbrev", "apart"]),
    ("村干部请假找谁批", ["R7-3"], ["qword"]),
    ("请假超过3天要谁批准", ["R7-3"], ["qword", "number"]),
    ("村幹部請假", ["R7-3"], ["trad"]),
    ("书记请假谁批准", ["R7-4"], ["qword"]),
    ("休完假要销假吗", ["R7-5"], ["qword", "synonym"]),
    ("过年过节村里要安排人值班吗", ["R7-6"], ["qword", "synonym"]),
    ("不坐班会影响绩效吗", ["R7-7"], ["qword"]),
    ("村里有哪些公章", ["R8-1"], ["qword"]),
    ("公章由谁保管", ["R8-2"], ["qword"]),
    ("公章怎么用", ["R8-3"], ["qword", "synonym"]),
    ("盖章要登记吗", ["R8-3"], ["qword", "synonym"]),
    ("公章可以带回家吗", ["R8-4"], ["qword", "synonym"]),
    ("公章丢了怎么办", ["R8-6"], ["qword", "synonym"]),
    # 村务监督委员会 (R9)
    ("监委会由几个人组成", ["R9-1"], ["qword", "abbrev"]),
    ("村会计能当监委会委员吗", ["R9-2"], ["qword", "abbrev"]),
    ("村监委监督哪些事", ["R9-3"], ["qword", "abbrev"]),
    ("监督委员会多久向村民代表汇报工作", ["R9-5"], ["qword", "synonym", "apart"]),
    ("发现村干部违规用权怎么办", ["R9-6"], ["qword"]),
    # 小微权力清单 (R10), 第一书记 (R11)
    ("清单以外的权力可以用吗", ["R10-8"], ["qword"]),
    ("低保怎么申请", ["R10-5"], ["qword"]),
    ("建房申请宅基地要哪些手续", ["R10-6"], ["qword", "synonym"]),
    ("5万以下的工程谁定施工队", ["R10-2"], ["qword", "synonym"]),
    ("第一书记任期几年", ["R11-1"], ["qword"]),
    ("第一书记每月在村多少天", ["R11-2"], ["qword"]),
    ("第一书记一个月要在村里待20天吗", ["R11-2"], ["qword", "number", "synonym"]),
    ("法律服务第一书记干什么", ["R11-4"], ["qword"]),
    ("第一书记年度考核谁负责", ["R11-6"], ["qword"]),
    # 三会一课 (R12), 三务公开 (R13), 群众说事日 (R14), 考核 (R15)
    ("支委会多久开一次", ["R12-2"], ["qword", "abbrev", "synonym"]),
    ("书记每年要讲几次党课", ["R12-4"], ["qword", "apart"]),
    ("主题党日多久搞一次", ["R12-5"], ["qword"]),
    ("三会一课记录可以补写吗", ["R12-7"], ["qword", "synonym"]),
    ("党费使用情况要公开吗", ["R13-1"], ["qword", "apart"]),
    ("惠农补贴发放多久公示一次", ["R13-2"], ["qword", "synonym"]),
    ("三務公開有哪些渠道", ["R13-5"], ["trad", "qword"]),
    ("群众说事日是哪天", ["R14-1"], ["qword"]),
    ("老百姓反映的问题几天内答复", ["R14-3"], ["qword", "synonym"]),
    ("工作进度滞后会被谈话提醒吗", ["R15-2"], ["qword"]),
    ("村干部考核分几个等级", ["R15-3"], ["qword", "synonym"]),
    ("连续两年考核不合格怎么处理", ["R15-4"], ["qword"]),
    ("紅旗村評選和什麼掛鉤", ["R15-5"], ["trad", "qword"]),
    ("书记年底要述职吗", ["R15-6"], ["qword"]),
]

EXACT = [
    ("财务公开", ["R4-1", "R4-2", "R4-3", "R4-4", "R4-5", "R4-6", "R4-7", "R13-3"]),
    ("三资", ["R3-1", "R3-2", "R3-3", "R3-4", "R3-5", "R3-6", "R3-7", "R3-8"]),
    ("三务", ["R13-1", "R13-2", "R13-3", "R13-4", "R13-5", "R13-6"]),
    ("联审联签", ["R5-1", "R5-2", "R5-3", "R5-4", "R5-5", "R5-6", "R5-7", "R10-4"]),
    ("清账行动", ["R5-7"]),
    ("村财镇管", ["R6-1", "R10-4"]),
    ("末位定论", ["R1-5"]),
    ("事前告知", ["R1-4"]),
    ("提级监督", ["R3-8"]),
    ("小金库", ["R3-5"]),
    ("清产核资", ["R3-3"]),
    ("公款私存", ["R3-5"]),
    ("报账员", ["R4-4", "R5-5", "R6-1", "R6-2", "R6-3", "R6-4", "R6-5", "R6-6", "R9-2"]),
    ("出纳", ["R6-1", "R6-2", "R6-3", "R6-4", "R6-5", "R6-6"]),
    ("近亲属", ["R6-2", "R9-2"]),
    ("日清月结", ["R6-3"]),
    ("监交人", ["R6-4"]),
    ("轮流值班", ["R7-6"]),
    ("旷工", ["R7-5"]),
    ("用印", ["R8-3", "R8-5"]),
    ("公章", ["R8-1", "R8-2", "R8-3", "R8-4", "R8-5", "R8-6"]),
    ("介绍信", ["R8-4"]),
    ("登报声明", ["R8-6"]),
    ("民主理财小组", ["R4-4", "R5-3"]),
    ("惠农", ["R9-3", "R13-2"]),
    ("宅基地", ["R10-6"]),
    ("低保", ["R10-5", "R13-2"]),
    ("特困供养", ["R10-5"]),
    ("施工方", ["R10-2"]),
    ("法治宣传", ["R11-4"]),
    ("主题党日", ["R12-5"]),
    ("党小组会", ["R12-3"]),
    ("组织生活会", ["R12-6"]),
    ("补记", ["R12-7"]),
    ("党费", ["R13-1"]),
    ("群众说事室", ["R14-1"]),
    ("谈话提醒", ["R15-2"]),
    ("书面警示", ["R15-2"]),
    ("红旗村", ["R15-5"]),
    ("双考双述", ["R15-6"]),
    ("一肩挑", ["R5-4"]),
    ("征地补偿款", ["R4-3"]),
    ("包村领导", ["R5-6", "R7-3"]),
    ("三重一大", ["R1-8", "R2-1"]),
    ("票据", ["R5-1", "R5-2", "R5-3", "R6-1"]),
    ("绩效报酬", ["R7-7", "R15-5"]),
    ("公告栏", ["R2-6", "R4-5", "R13-5"]),
    ("村民代表会议", ["R2-5", "R9-1", "R9-5", "R10-2"]),
    ("村干部请假", ["R7-3"]),
    ("招投标", ["R10-2"]),
    ("经管站", ["R6-4"]),
]


def natural():
    """[(query, expected ids)] of the natural questions."""
    return [(q, ids) for q, ids, _tags in NATURAL]


def exact():
    """[(query, expected ids)] of the exact substrings."""
    return list(EXACT)


def check():
    """Raises ValueError if a query names an unknown article or an exact substring's ids are not
    exactly the articles containing it: the data must stay honest when texts are edited."""
    by_id = {u.id: u for u in articles()}
    for q, ids, _tags in NATURAL:
        unknown = [i for i in ids if i not in by_id]
        if unknown or not ids:
            raise ValueError(f"{q}: unknown or missing ids {unknown}")
    for q, ids in EXACT:
        containing = sorted(i for i, u in by_id.items() if q in u.searchable)
        if sorted(ids) != containing or not 2 <= len(q) <= 6:
            raise ValueError(f"{q}: expected {containing}, listed {sorted(ids)}")
    queries = [q for q, *_ in NATURAL] + [q for q, _ in EXACT]
    if len(queries) != len(set(queries)):
        raise ValueError("duplicate query")

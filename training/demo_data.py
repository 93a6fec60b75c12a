"""Demo content for the training app (第一书记培训). Pure data, no Django: the loader turns it into
pages and rows. Everything here is generated and marked 示例 (people, units, sessions, scores).

Citations are ``(regulation slug, article number)`` with the number as it stands in the
regulation's FIRST version (``policies/demo/regulation_texts.py``); the loader pins each citation
to that version. ``LATER_VERSIONS`` records what each later version does to the cited articles
(checked against ``policies.diff.diff_articles``), so the loader and its tests know which
questions the amendments leave 需复核 (``stale_question_keys``)."""

SIYI = "siyi-liang-gongkai-renwu-qingdan"        # 四议两公开任务清单: 2021年版, 2027年修订版
YISHI = "yishi-guize-zhidao-yijian"              # 议事规则指导意见: 2021年试行版, 2022年正式版
CADRE = "cunji-ganbu-guanli-banfa"               # 村级干部管理办法: 2021年试行版, 2023年修订版
CONSULT = "congyan-zhidang-huishang-banfa"       # 会商办法: 2021年试行版, 2023年修订版
SUPERVISION = "yijiantiao-jiandu-guanli-yijian"  # 一肩挑后监督管理实施意见 (one version)
PROJECTS = "zhongda-xiangmu-jiandu-guiding"      # 重大项目实施监督工作规定 (one version)
DUTIES = "cun-dangzuzhi-lvzhi-qingdan"           # 村党组织履职清单 (one version)
LEGAL = "falv-fuwu-diyi-shuji-fangan"            # 选派法律服务第一书记工作方案 (one version)
MICRO = "xiaowei-quanli-shishi-fangan"           # 小微权力运行实施方案 (one version)

DEMO_PASSWORD = "xishui-demo-2026"  # the same as every other demo account

# --- What the later versions do to first-version articles --------------------------------------
# {slug: {"to": label, "material": bool, "changes": {old number: (kind, new number)}}}; kind is
# policies.diff's "modified" or "renumbered"; articles not listed are unchanged at the same number.
# "material" = the editor's flag that assigns re-reads (siyi 2027 only); any change flags questions.
LATER_VERSIONS = {
    SIYI: {"from": "2021年版", "to": "2027年修订版", "material": True,
           "changes": {6: ("modified", 6)}},
    YISHI: {"from": "2021年试行版", "to": "2022年正式版", "material": False,
            "changes": {7: ("modified", 8), 8: ("modified", 9)}},  # new 第七条 群众说事日
    CADRE: {"from": "2021年试行版", "to": "2023年修订版", "material": False,
            "changes": {8: ("renumbered", 9), 9: ("modified", 10), 10: ("renumbered", 11),
                        11: ("renumbered", 12), 12: ("modified", 13)}},  # new 第八条 公章
    CONSULT: {"from": "2021年试行版", "to": "2023年修订版", "material": False,
              "changes": {2: ("modified", 2), 7: ("modified", 7)}},
}

# --- Courses ------------------------------------------------------------------------------------
# quiz "questions": "all" = every question of the course (fixed), a list = those keys (fixed),
# {"per_article": n} = n random questions per cited article at each attempt.
COURSES = [
    {
        "slug": "siyi-liang-gongkai", "title": "村级“四议两公开”工作法（示例）", "hours": 2,
        "intro": "示例课程：村级“三重一大”事项怎样按六个步骤决策，表决和记录有什么要求，村务联席会议怎样议事。",
        "lessons": [
            {"title": "哪些事项必须走“四议两公开”",
             "body": "重大事项决策、重要干部任免、重大项目安排和大额资金使用，即“三重一大”，都要执行“四议两公开”；"
                     "村民委员会组织法第二十四条规定须经村民会议讨论决定的事项也适用。重大项目从立项到验收各环节都要留存记录。",
             "articles": [(SIYI, 1), (SIYI, 2), (DUTIES, 3), (PROJECTS, 3)]},
            {"title": "六个步骤，依次进行",
             "body": "村党组织提议、村“两委”会商议、党员大会审议、村民会议或者村民代表会议决议、决议公开、实施结果公开。"
                     "六步依次进行，不得跳过，也不得颠倒。",
             "articles": [(SIYI, 3)]},
            {"title": "表决规则和会议记录",
             "body": "党员大会须三分之二以上党员到会、到会党员过半数同意；村民会议或村民代表会议须到会人员（全体村民代表）过半数同意。"
                     "每一步都要记下日期、会议形式、应到和实到人数、议题内容和表决结果，参会人员签字。",
             "articles": [(SIYI, 4), (SIYI, 5)]},
            {"title": "“两公开”：公开什么、在哪里公开",
             "body": "决议和实施结果在村务公开栏、各村民小组公示栏公开，并在网络平台同步公开，公开时间不少于7天。",
             "articles": [(SIYI, 6), (DUTIES, 6)]},
            {"title": "村务联席会议和末位表态",
             "body": "村党组织书记每周主持一次村务联席会议，坚持事前告知、充分讨论、末位定论、如实记录；议题提前一天告知，"
                     "书记最后表态。联席会议不能代替党员大会和村民会议。",
             "articles": [(YISHI, 2), (YISHI, 3), (YISHI, 4), (YISHI, 5), (SUPERVISION, 3)]},
            {"title": "谁来监督",
             "body": "村务监督委员会全程监督，程序不合规的有权要求暂停实施并报告乡镇（街道）；乡镇（街道）每季度检查；"
                     "法律服务第一书记对重大事项决策进行法律把关。",
             "articles": [(SIYI, 7), (SIYI, 8), (YISHI, 7), (LEGAL, 3)]},
        ],
        "quiz": {"title": "“四议两公开”测试（示例）", "questions": "all", "pass_mark": 80,
                 "attempts_allowed": 3, "time_limit_minutes": 30, "grading": "best"},
    },
    {
        "slug": "sanzi-lianshen-lianqian", "title": "村级“三资”管理与财务联审联签（示例）", "hours": 2,
        "intro": "示例课程：村财镇管和每月清账，联审联签的签批顺序，公章管理，提级监督和问责。",
        "lessons": [
            {"title": "村财镇管和“清账行动”",
             "body": "村级资金、资产、资源合称“三资”。村级财务实行村财镇管，“三资”收支和处置按财务联审联签程序办理，每月开展一次“清账行动”。",
             "articles": [(CADRE, 7)]},
            {"title": "联审联签：谁提出、谁审核、谁审批、谁签字",
             "body": "经办人提出，民主理财小组审核，村党组织书记和村民委员会主任审批，村务监督委员会主任签字；"
                     "超过限额的报乡镇（街道）分管领导审签。重大项目资金须村务监督委员会主任签字后方可支付。",
             "articles": [(SUPERVISION, 4), (PROJECTS, 4)]},
            {"title": "公章管理",
             "body": "村级公章由专人保管，使用时登记用途、经办人和批准人，建立公章使用台账。",
             "articles": [(SUPERVISION, 5)]},
            {"title": "提级监督和会商",
             "body": "“三资”体量大、问题反映多的村实行提级监督，由县级有关部门直接监督；"
                     "群众反映强烈的“三资”问题线索和需要提级监督的村名单列入全面从严治党会商。",
             "articles": [(SUPERVISION, 8), (PROJECTS, 5), (CONSULT, 2), (CONSULT, 3)]},
            {"title": "财务公开和群众监督",
             "body": "财务收支较多的每月公开一次；“三务”一般事项至少每季度公开一次，并推动线上公开。"
                     "群众反映项目问题的，受理部门15个工作日内答复。",
             "articles": [(DUTIES, 6), (MICRO, 4), (PROJECTS, 6)]},
            {"title": "问责",
             "body": "未按规定办理“三资”事项的，乡镇（街道）党（工）委谈话提醒；情节较重的书面警示并责令整改。",
             "articles": [(CADRE, 9), (SUPERVISION, 10)]},
        ],
        "quiz": {"title": "“三资”与联审联签测试（示例）", "pass_mark": 80, "attempts_allowed": 2,
                 "time_limit_minutes": 20, "grading": "last",
                 "questions": ["q23", "q24", "q25", "q26", "q27", "q28", "q29", "q30", "q31", "q32",
                               "q34", "q35", "q36", "q37"]},
    },
    {
        "slug": "cunji-ganbu-guanli", "title": "村级干部日常管理（示例）", "hours": 1,
        "intro": "示例课程：坐班、值班、请销假、督查和年度考核。",
        "lessons": [
            {"title": "坐班和值班",
             "body": "村党组织书记每周坐班不少于3天，其他村干部不少于4天；节假日安排专人值班，值班表每月公布。",
             "articles": [(CADRE, 4), (CADRE, 5)]},
            {"title": "请销假",
             "body": "1天以内报村党组织书记，1天以上3天以内报乡镇（街道）包村领导；书记请假报乡镇（街道）党（工）委书记。",
             "articles": [(CADRE, 6)]},
            {"title": "督查和考核",
             "body": "乡镇（街道）每季度督查，结果作为绩效报酬发放依据；年度考核分优秀、合格、基本合格、不合格四个等次。",
             "articles": [(CADRE, 8), (CADRE, 10), (SUPERVISION, 9)]},
        ],
        "quiz": {"title": "村级干部管理测试（示例）", "questions": {"per_article": 1}, "pass_mark": 60,
                 "attempts_allowed": 0, "time_limit_minutes": 0, "grading": "best"},  # 0 = unlimited / none
    },
]

# --- Question bank ------------------------------------------------------------------------------
# kind: "single" | "multiple" | "truefalse" (options 正确 / 错误). answer: the correct letters.
TRUE_FALSE = ["正确", "错误"]

QUESTIONS = [
    # 四议两公开
    {"key": "q01", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 1)],
     "text": "下列哪一项不属于村级“三重一大”事项？",
     "options": ["重大事项决策", "重要干部任免", "大额资金使用", "日常办公用品采购"], "answer": "D",
     "explanation": "“三重一大”指重大事项决策、重要干部任免、重大项目安排和大额资金使用。"},
    {"key": "q02", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 3)],
     "text": "“四议两公开”的第一步是：",
     "options": ["村“两委”会商议", "村党组织提议", "党员大会审议", "村民会议决议"], "answer": "B",
     "explanation": "六个步骤以村党组织提议开始。"},
    {"key": "q03", "course": "siyi-liang-gongkai", "kind": "truefalse", "cites": [(SIYI, 3)],
     "text": "情况紧急时，可以先由村民代表会议决议，事后再补开党员大会审议。",
     "options": TRUE_FALSE, "answer": "B",
     "explanation": "六个步骤依次进行，不得跳过或颠倒。"},
    {"key": "q04", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 4)],
     "text": "党员大会审议“三重一大”事项时，到会党员至少应当达到全体党员的：",
     "options": ["过半数", "三分之二以上", "四分之三以上", "全体"], "answer": "B",
     "explanation": "党员大会审议时应当有三分之二以上党员到会。"},
    {"key": "q05", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 4)],
     "text": "党员大会审议的事项，怎样才算通过？",
     "options": ["到会党员过半数同意", "全体党员三分之二同意", "村党组织书记同意", "村“两委”成员一致同意"],
     "answer": "A", "explanation": "经到会党员过半数以上同意方可通过。"},
    {"key": "q06", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 4)],
     "text": "村民代表会议作出决议，应当经：",
     "options": ["全体村民代表过半数同意", "到会村民代表三分之一同意", "村民委员会主任同意", "乡镇（街道）批准"],
     "answer": "A", "explanation": "村民会议或者村民代表会议决议时，应当经到会人员（全体村民代表）过半数同意。"},
    {"key": "q07", "course": "siyi-liang-gongkai", "kind": "multiple", "cites": [(SIYI, 5)],
     "text": "“四议两公开”每个步骤的记录应当载明哪些内容？",
     "options": ["日期和会议形式", "应到和实到人数", "议题内容和表决结果", "参会人员的家庭住址"], "answer": "ABC",
     "explanation": "记录载明日期、会议形式、应到和实到人数、议题内容和表决结果，参会人员签字。"},
    {"key": "q08", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 6)],
     "text": "决议和实施结果的公开时间不少于：",
     "options": ["3天", "5天", "7天", "15天"], "answer": "C",
     "explanation": "决议和实施结果公开时间不少于7天。"},
    {"key": "q09", "course": "siyi-liang-gongkai", "kind": "multiple", "cites": [(SIYI, 6)],
     "text": "决议和实施结果应当在哪些地方公开？",
     "options": ["村务公开栏", "各村民小组公示栏", "网络平台", "只在党员大会上口头通报"], "answer": "ABC",
     "explanation": "在村务公开栏、各村民小组公示栏公开，并通过网络平台同步公开。"},
    {"key": "q10", "course": "siyi-liang-gongkai", "kind": "truefalse", "cites": [(SIYI, 6)],
     "text": "决议和实施结果在村务公开栏公开即可，不必在网络平台公开。",
     "options": TRUE_FALSE, "answer": "B",
     "explanation": "除公开栏和各村民小组公示栏外，还应当通过网络平台同步公开。"},
    {"key": "q11", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 7)],
     "text": "对未按规定程序决策的事项，村务监督委员会有权：",
     "options": ["撤销决议", "要求暂停实施并报告乡镇（街道）", "直接处分村干部", "自行召开村民会议重新表决"],
     "answer": "B", "explanation": "村务监督委员会有权要求暂停实施并报告乡镇（街道）。"},
    {"key": "q12", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(SIYI, 8)],
     "text": "乡镇（街道）对各村执行“四议两公开”的情况多久检查一次？",
     "options": ["每月", "每季度", "每半年", "每年"], "answer": "B",
     "explanation": "乡镇（街道）每季度对各村执行情况进行检查。"},
    {"key": "q13", "course": "siyi-liang-gongkai", "kind": "truefalse", "cites": [(SIYI, 8)],
     "text": "执行“四议两公开”的检查结果纳入村党组织书记年度考核。",
     "options": TRUE_FALSE, "answer": "A", "explanation": "检查结果纳入村党组织书记年度考核。"},
    {"key": "q14", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(YISHI, 2)],
     "text": "村务联席会议由谁主持？",
     "options": ["村民委员会副主任", "村党组织书记", "驻村第一书记", "村务监督委员会主任"], "answer": "B",
     "explanation": "村党组织书记主持召开村务联席会议。"},
    {"key": "q15", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(YISHI, 2), (DUTIES, 4)],
     "text": "村务联席会议原则上多久召开一次？",
     "options": ["每天", "每周一次", "每月一次", "每季度一次"], "answer": "B",
     "explanation": "村务联席会议原则上每周一次。"},
    {"key": "q16", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(YISHI, 2)],
     "text": "驻村第一书记参加村务联席会议的方式是：",
     "options": ["主持", "列席", "代为表决", "不参加"], "answer": "B",
     "explanation": "村“两委”成员、村务监督委员会主任参加，驻村第一书记列席。"},
    {"key": "q17", "course": "siyi-liang-gongkai", "kind": "multiple", "cites": [(YISHI, 3)],
     "text": "村务联席会议坚持哪些原则？",
     "options": ["事前告知", "充分讨论", "末位定论", "如实记录"], "answer": "ABCD",
     "explanation": "坚持事前告知、充分讨论、末位定论、如实记录的原则。"},
    {"key": "q18", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(YISHI, 4), (SUPERVISION, 3)],
     "text": "在村务联席会议上，村党组织书记应当：",
     "options": ["首先表态，为讨论定调", "末位表态", "不发表意见", "委托第一书记表态"], "answer": "B",
     "explanation": "参会人员逐一发表意见，村党组织书记末位表态，不得在讨论前定调。"},
    {"key": "q19", "course": "siyi-liang-gongkai", "kind": "truefalse", "cites": [(YISHI, 4)],
     "text": "村务联席会议的议题应当提前一天告知参会人员。",
     "options": TRUE_FALSE, "answer": "A", "explanation": "议题应当提前一天告知参会人员。"},
    {"key": "q20", "course": "siyi-liang-gongkai", "kind": "truefalse", "cites": [(YISHI, 5)],
     "text": "村级“三重一大”事项经村务联席会议讨论通过后，可以不再召开党员大会和村民会议。",
     "options": TRUE_FALSE, "answer": "B",
     "explanation": "不得以村务联席会议代替党员大会和村民会议。"},
    {"key": "q21", "course": "siyi-liang-gongkai", "kind": "multiple", "cites": [(PROJECTS, 3)],
     "text": "村级重大项目的哪些环节应当经过“四议两公开”程序？",
     "options": ["立项", "招投标", "合同签订", "资金拨付和验收"], "answer": "ABCD",
     "explanation": "立项、招投标、合同签订、资金拨付和验收等环节均应当经过“四议两公开”程序并留存记录。"},
    {"key": "q22", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(LEGAL, 3)],
     "text": "法律服务第一书记对村级重大事项决策的职责是：",
     "options": ["审批", "法律把关", "代为表决", "签字支付"], "answer": "B",
     "explanation": "法律服务第一书记对村级重大事项决策进行法律把关。"},
    {"key": "q45", "course": "siyi-liang-gongkai", "kind": "single", "cites": [(YISHI, 7)],
     "text": "村务监督委员会发现村党组织书记在讨论前定调、未末位表态的，应当：",
     "options": ["及时向乡镇（街道）党（工）委报告", "当场撤销会议决定", "自行召开村民会议", "不予理会"],
     "answer": "A", "explanation": "发现违反第四条（末位表态）规定的，应当及时向乡镇（街道）党（工）委报告。"},
    # 三资与联审联签
    {"key": "q23", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(CADRE, 7)],
     "text": "习水县村级财务实行：",
     "options": ["村财村管", "村财镇管", "村财县管", "村干部个人代管"], "answer": "B",
     "explanation": "村级财务实行村财镇管。"},
    {"key": "q24", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(CADRE, 7)],
     "text": "村级“清账行动”多久开展一次？",
     "options": ["每周一次", "每月一次", "每季度一次", "每年一次"], "answer": "B",
     "explanation": "每月开展一次“清账行动”。"},
    {"key": "q25", "course": "sanzi-lianshen-lianqian", "kind": "multiple", "cites": [(CADRE, 7)],
     "text": "村级“三资”指的是：",
     "options": ["资金", "资产", "资源", "资质"], "answer": "ABC",
     "explanation": "村级资金、资产、资源合称“三资”。"},
    {"key": "q26", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(SUPERVISION, 4)],
     "text": "村级资金支出联审联签的正确顺序是：",
     "options": ["经办人提出→民主理财小组审核→村党组织书记和村民委员会主任审批→村务监督委员会主任签字",
                 "村党组织书记审批→经办人提出→村务监督委员会主任签字→民主理财小组审核",
                 "经办人提出→村务监督委员会主任审批→民主理财小组签字",
                 "民主理财小组提出→经办人审核→乡镇（街道）审批"],
     "answer": "A", "explanation": "经办人提出，民主理财小组审核，村党组织书记和村民委员会主任审批，村务监督委员会主任签字。"},
    {"key": "q27", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(SUPERVISION, 4)],
     "text": "村级资金支出超过限额的，还应当：",
     "options": ["报县财政局审批", "报乡镇（街道）分管领导审签", "召开村民会议表决", "由驻村第一书记签字"],
     "answer": "B", "explanation": "超过限额的，报乡镇（街道）分管领导审签。"},
    {"key": "q28", "course": "sanzi-lianshen-lianqian", "kind": "truefalse", "cites": [(PROJECTS, 4)],
     "text": "村级重大项目的资金支出，须经村务监督委员会主任签字后方可支付。",
     "options": TRUE_FALSE, "answer": "A",
     "explanation": "项目资金支出执行财务联审联签，村务监督委员会主任签字后方可支付。"},
    {"key": "q29", "course": "sanzi-lianshen-lianqian", "kind": "multiple", "cites": [(SUPERVISION, 5)],
     "text": "使用村级公章时应当登记：",
     "options": ["用途", "经办人", "批准人", "村民小组人数"], "answer": "ABC",
     "explanation": "使用时登记用途、经办人和批准人，建立公章使用台账。"},
    {"key": "q30", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(SUPERVISION, 8)],
     "text": "对村级“三资”体量大、问题反映多的村，实行：",
     "options": ["提级监督", "村财村管", "暂停全部支出", "撤并建制"], "answer": "A",
     "explanation": "实行提级监督，由县级有关部门直接监督。"},
    {"key": "q31", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(PROJECTS, 5)],
     "text": "按重大项目实施监督工作规定，对“三资”体量大的村由谁实行提级监督？",
     "options": ["村务监督委员会", "乡镇（街道）党（工）委", "县纪委县监委会同县级有关部门", "驻村第一书记"],
     "answer": "C", "explanation": "县纪委县监委会同县级有关部门实行提级监督，直接开展监督检查。"},
    {"key": "q32", "course": "sanzi-lianshen-lianqian", "kind": "multiple", "cites": [(CONSULT, 3)],
     "text": "全面从严治党会商的内容包括：",
     "options": ["群众反映强烈的村级“三资”问题线索", "需要提级监督的村（社区）名单",
                 "村级“小微权力”运行中发现的突出问题", "村干部家庭成员的个人收入"],
     "answer": "ABC", "explanation": "会商内容包括“三资”问题线索、提级监督村名单、“小微权力”突出问题和主体责任落实情况。"},
    {"key": "q33", "course": "sanzi-lianshen-lianqian", "kind": "truefalse", "cites": [(CONSULT, 2)],
     "text": "全面从严治党会商原则上每半年召开一次，必要时随时召开。",
     "options": TRUE_FALSE, "answer": "A",
     "explanation": "2021年试行版：会商原则上每半年召开一次，必要时随时召开。"},
    {"key": "q34", "course": "sanzi-lianshen-lianqian", "kind": "truefalse", "cites": [(CADRE, 9)],
     "text": "村级干部未按规定办理“三资”事项的，由乡镇（街道）党（工）委谈话提醒；情节较重的，给予书面警示并责令整改。",
     "options": TRUE_FALSE, "answer": "A",
     "explanation": "未按规定办理“三资”事项的，谈话提醒；情节较重的，书面警示并责令整改。"},
    {"key": "q35", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(PROJECTS, 6)],
     "text": "群众反映村级重大项目问题，受理部门应当在多少个工作日内答复？",
     "options": ["5个", "7个", "15个", "30个"], "answer": "C",
     "explanation": "受理部门应当在15个工作日内答复。"},
    {"key": "q36", "course": "sanzi-lianshen-lianqian", "kind": "single", "cites": [(DUTIES, 6)],
     "text": "财务收支较多的村，财务收支情况多久公开一次？",
     "options": ["每月一次", "每季度一次", "每半年一次", "每年一次"], "answer": "A",
     "explanation": "财务收支较多的每月公开一次。"},
    {"key": "q37", "course": "sanzi-lianshen-lianqian", "kind": "truefalse", "cites": [(MICRO, 4)],
     "text": "“三务”公开的一般事项至少每季度公开一次，并通过数字化手段推动线上公开。",
     "options": TRUE_FALSE, "answer": "A",
     "explanation": "一般事项至少每季度公开一次，并通过数字化手段推动“三务”线上公开。"},
    # 村级干部管理
    {"key": "q38", "course": "cunji-ganbu-guanli", "kind": "single", "cites": [(CADRE, 4)],
     "text": "村党组织书记每周坐班不少于：",
     "options": ["2天", "3天", "4天", "5天"], "answer": "B", "explanation": "村党组织书记每周坐班不少于3天。"},
    {"key": "q39", "course": "cunji-ganbu-guanli", "kind": "truefalse", "cites": [(CADRE, 5)],
     "text": "村级干部值班表每月在村务公开栏公布。",
     "options": TRUE_FALSE, "answer": "A", "explanation": "值班表每月在村务公开栏公布，值班电话保持畅通。"},
    {"key": "q40", "course": "cunji-ganbu-guanli", "kind": "single", "cites": [(CADRE, 6)],
     "text": "村干部（不含书记）请假1天以上3天以内，报谁批准？",
     "options": ["村党组织书记", "乡镇（街道）包村领导", "乡镇（街道）党（工）委书记", "县委组织部"],
     "answer": "B", "explanation": "请假1天以上3天以内的，报乡镇（街道）包村领导批准。"},
    {"key": "q41", "course": "cunji-ganbu-guanli", "kind": "truefalse", "cites": [(CADRE, 6)],
     "text": "村党组织书记请假的，报乡镇（街道）党（工）委书记批准。",
     "options": TRUE_FALSE, "answer": "A", "explanation": "村党组织书记请假的，报乡镇（街道）党（工）委书记批准。"},
    {"key": "q42", "course": "cunji-ganbu-guanli", "kind": "single", "cites": [(CADRE, 8)],
     "text": "乡镇（街道）党（工）委多久督查一次村级干部履职情况？",
     "options": ["每月", "每季度", "每半年", "每年"], "answer": "B",
     "explanation": "每季度督查一次，督查结果作为绩效报酬发放的依据。"},
    {"key": "q43", "course": "cunji-ganbu-guanli", "kind": "single", "cites": [(CADRE, 10)],
     "text": "村级干部年度考核结果分为几个等次？",
     "options": ["三个", "四个", "五个", "不分等次"], "answer": "B",
     "explanation": "分为优秀、合格、基本合格、不合格四个等次。"},
    {"key": "q44", "course": "cunji-ganbu-guanli", "kind": "multiple", "cites": [(SUPERVISION, 9)],
     "text": "村党组织书记每年年初应当公开：",
     "options": ["目标任务清单", "承诺事项", "完成时限", "个人存款"], "answer": "ABC",
     "explanation": "每年年初公开目标任务清单和承诺事项，明确完成时限，接受群众监督。"},
]


def stale_question_keys():
    """Keys of the questions a later version leaves 需复核: any cited article modified or renumbered.
    Expected: q08 q09 q10 (四议两公开 2027), q45 (议事规则 2022), q33 (会商 2023, the answer turns
    wrong: 每季度), q34 q42 q43 (干部管理 2023: 第八条 inserted)."""
    touched = {(slug, n) for slug, later in LATER_VERSIONS.items() for n in later["changes"]}
    return [q["key"] for q in QUESTIONS if touched & set(q["cites"])]

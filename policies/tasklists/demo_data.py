"""Demo task lists, written fresh for this site and marked 示例 — not the county's real texts.

Facts follow BRIEF.md (三会一课 frequencies, the six steps of 四议两公开 with their quorums, the
weekly 村务联席会议 with the secretary speaking last, monthly 清账 and 群众说事日, 三务公开,
the 联审联签 order). Steps are ``"actor|action|record|next_steps"``; basis entries are
``(regulation title keyword or None, external title, article keyword or label, note)``: for
regulations in the library the article is found by keyword at load time."""

W, M, Q, H, Y, D = "weekly", "monthly", "quarterly", "half_yearly", "yearly", "on_demand"

LAW = "《中华人民共和国村民委员会组织法》"
BRANCH = "《中国共产党支部工作条例（试行）》"
RURAL = "《中国共产党农村基层组织工作条例》"
SYLG_REG = ("议事规则", None, "四议两公开", "")
RULES_REG = ("议事规则", None, "末位", "")


def item(code, name, responsible, frequency, *, cat="", day=None, note="", basis=(), steps=(),
         evidence="", disclosure="", supervisor="村务监督委员会", risks=""):
    return {"code": code, "name": name, "category": cat, "responsible": responsible, "frequency": frequency,
            "deadline_day": day, "deadline_note": note, "basis": list(basis),
            "steps": [s.split("|") for s in steps], "evidence": evidence, "disclosure": disclosure,
            "supervisor": supervisor, "risks": risks}


MEETING_STEPS = ["村党组织书记|提前确定议题，征求支部委员意见|议题清单",
                 "支部委员|按时参加，讨论议题，主持人末位表态|会议签到表、会议记录",
                 "组织委员|整理会议记录并归档，落实议定事项|会议记录本"]

SHYK_V1 = [
    item("SHYK-01", "召开支部党员大会", "村党支部", Q, cat="三会", basis=[(None, BRANCH, "", "党员大会一般每季度召开1次")],
         steps=MEETING_STEPS, evidence="会议通知、签到表、会议记录、表决结果", disclosure="决议事项在党务公开栏公开",
         supervisor="乡镇党委", risks="以会代学、应到实到人数不符、补记录"),
    item("SHYK-02", "召开支部委员会会议", "村党支部", M, cat="三会", basis=[(None, BRANCH, "", "支部委员会会议一般每月召开1次")],
         steps=MEETING_STEPS, evidence="会议记录、议定事项落实台账", supervisor="乡镇党委",
         risks="书记“一言堂”，未坚持末位表态"),
    item("SHYK-03", "召开党小组会", "各党小组组长", M, cat="三会", basis=[(None, BRANCH, "", "党小组会一般每月召开1次")],
         steps=["党小组组长|确定学习和讨论内容，通知本组党员|会议通知", "党小组全体党员|学习讨论、汇报思想和工作|党小组会议记录"],
         evidence="党小组会议记录", supervisor="村党支部"),
    item("SHYK-04", "上党课", "村党支部书记", Q, cat="一课", basis=[(None, BRANCH, "", "党课按期进行，本县示例定为每季度1次")],
         steps=["村党支部书记|确定党课主题，撰写讲稿|党课讲稿", "全体党员|听党课并交流|签到表、学习记录"],
         evidence="讲稿、签到表、照片", supervisor="乡镇党委"),
    item("SHYK-06", "召开组织生活会", "村党支部", Y, cat="组织生活", note="每年第四季度或次年一季度",
         steps=["村党支部|会前谈心谈话、征求意见|谈心谈话记录、意见汇总",
                "全体党员|对照检查，开展批评和自我批评|对照检查材料、会议记录",
                "村党支部|制定整改措施并公开|整改清单"],
         evidence="会议记录、对照检查材料、整改清单", disclosure="整改清单在党务公开栏公开", supervisor="乡镇党委"),
    item("SHYK-07", "开展民主评议党员", "村党支部", Y, cat="组织生活",
         steps=["村党支部|制定评议方案，报乡镇党委备案|评议方案", "全体党员|个人自评、党员互评、群众测评|测评表",
                "支部委员会|综合评定等次（3:评为不合格; 4:其他等次）|评议结果", "村党支部|对不合格党员组织处置|处置记录",
                "村党支部|公布评议结果|公示照片"],
         evidence="评议方案、测评表、结果公示", disclosure="评议结果在党务公开栏公示不少于5个工作日", supervisor="乡镇党委"),
]
# Step 3 of SHYK-07 branches; written here so the demo shows a branching flowchart.
SHYK_V1[-1]["steps"][2] = ["支部委员会", "综合评定等次", "评议结果", "4:评为不合格; 5:其他等次"]

SHYK_V2 = [dict(i) for i in SHYK_V1]
SHYK_V2[3] = dict(SHYK_V2[3], evidence="讲稿、签到表、照片；书记每年至少讲1次党课", risks="以读文件代替党课")
SHYK_V2.insert(4, item(
    "SHYK-05", "开展主题党日", "村党支部", M, cat="组织生活", note="每月固定一日（示例：每月10日）", day=10,
    steps=["村党支部|确定当月主题，通知党员|活动方案", "全体党员|重温入党誓词、交纳党费、学习、志愿服务|签到表、照片",
           "组织委员|记录并归档|主题党日记录"],
    evidence="活动方案、签到表、照片", disclosure="活动情况在党务公开栏公开", supervisor="乡镇党委"))

SYLG_STEPS = [
    "村党组织|就“三重一大”事项提出初步意见（提议）|支委会会议记录|",
    "村“两委”联席会议|对提议充分商议，形成拟决议方案（商议）|联席会议记录|",
    "党员大会|审议方案：须有三分之二以上党员到会，经全体党员过半数同意|党员大会记录、表决结果|4:通过; 1:未通过，重新提议",
    "村民会议或村民代表会议|表决：村民会议到会人员过半数通过；村民代表会议三分之二以上组成人员参加，到会人员过半数同意（决议）|会议记录、签字表决票|5:通过; 1:未通过，重新提议",
    "村民委员会|决议在村务公开栏、各村民小组公告栏公开（决议公开）|公开照片、公开登记|",
    "村民委员会|组织实施，实施结果公开（实施结果公开）|实施结果公开照片、验收资料|",
]
SYLG = [
    item("SYLG-01", "“三重一大”事项实行“四议两公开”", "村党组织", D, cat="决策程序", note="事项发生时，六步依序进行",
         basis=[SYLG_REG, (None, LAW, "第二十四条", "须经村民会议讨论决定的事项")],
         steps=SYLG_STEPS, evidence="六个步骤各自的会议记录（时间、形式、应到实到人数、内容、签字）和公开照片",
         disclosure="决议及实施结果在村务公开栏和各村民小组公告栏公开", supervisor="村务监督委员会、乡镇党委",
         risks="先干后议、程序倒置、党员大会不足法定人数、会议记录补写"),
    item("SYLG-02", "决议公开", "村民委员会", D, cat="两公开", day=3, note="决议形成后3日内",
         basis=[(None, LAW, "第三十条", "村务公开")],
         steps=["村民委员会|整理决议内容，村监委会审核|公开审核单", "村民委员会|在公开栏及线上平台公开|公开照片"],
         evidence="公开审核单、公开照片", disclosure="公开不少于7日", supervisor="村务监督委员会"),
    item("SYLG-03", "实施结果公开", "村民委员会", D, cat="两公开", note="实施完成后及时公开",
         steps=["村民委员会|汇总实施情况、资金使用|实施情况报告"], evidence="公开照片、验收资料",
         disclosure="在村务公开栏公开", supervisor="村务监督委员会"),
    item("SYLG-04", "“四议两公开”资料归档", "村党组织", Q, cat="档案",
         steps=["村文书|按事项整理六步资料，一事一档|档案目录", "村党组织书记|审核签字|归档登记"],
         evidence="一事一档目录", supervisor="乡镇党委"),
]

DZZ = [
    item("DZZ-01", "主持召开村务联席会议", "村党组织书记", W, cat="议事决策", day=1, note="每周一次（示例：每周一）",
         basis=[RULES_REG],
         steps=["村党组织书记|事前告知议题，会前征求意见|议题告知记录",
                "村“两委”成员|充分讨论，逐人发表意见|会议记录",
                "村党组织书记|末位表态，形成结论|会议记录（如实记录各人意见）"],
         evidence="联席会议记录", supervisor="村务监督委员会", risks="书记先表态、会议记录不全"),
    item("DZZ-02", "“三重一大”事项按“四议两公开”决策", "村党组织", D, cat="议事决策", basis=[SYLG_REG],
         steps=["村党组织|按《四议两公开任务清单》SYLG-01 六个步骤办理|各步骤记录"], evidence="见 SYLG-01",
         supervisor="乡镇党委"),
    item("DZZ-03", "落实“三会一课”", "村党支部", M, cat="组织建设", steps=["村党支部|按《三会一课任务清单》开展|会议记录"],
         evidence="见三会一课任务清单", supervisor="乡镇党委"),
    item("DZZ-04", "开展“清账行动”", "村党组织书记", M, cat="三资管理", basis=[("村级干部管理", None, "清账", "")],
         steps=["村报账员|整理当月收支票据|票据粘贴单", "民主理财小组|逐笔核对账目|核对记录",
                "村党组织书记|通报清账结果，问题交办整改|清账记录"],
         evidence="清账记录、整改台账", disclosure="清账结果随财务公开一并公开", risks="糊涂账、人情账"),
    item("DZZ-05", "举办“群众说事日”", "村党组织", M, cat="联系群众", note="每月选定一日", day=15,
         steps=["村党组织|提前公告说事日时间地点|公告照片", "村“两委”成员|在群众说事室接待党员群众|说事登记台账",
                "村党组织|交办、办理并回复|办理回复记录"],
         evidence="说事登记台账、回复记录", disclosure="办理情况每月公开", supervisor="村务监督委员会、第一书记"),
    item("DZZ-06", "制定目标任务清单并公开承诺", "村党组织书记", Y, cat="责任落实", day=31, note="每年1月31日前",
         steps=["村党组织书记|制定年度目标任务清单和时间节点|目标任务清单", "乡镇党委|审核把关|审核意见",
                "村党组织书记|向党员群众公开承诺|承诺书、公开照片"],
         evidence="目标任务清单、承诺书", disclosure="在村务公开栏公开", supervisor="乡镇纪委", risks="承诺空泛、无时间节点"),
    item("DZZ-07", "抓党建工作述职（双考双述）", "村党组织书记", Y, cat="责任落实", note="每年年底",
         steps=["村党组织书记|撰写述职报告|述职报告", "乡镇党委|组织述职评议|评议结果"],
         evidence="述职报告、评议结果", supervisor="乡镇党委"),
    item("DZZ-08", "三务公开", "村党组织、村民委员会", Q, cat="三务公开",
         basis=[(None, LAW, "第三十条", "一般事项至少每季度公布一次")],
         steps=["村民委员会|整理党务、村务、财务公开内容|公开清单", "村务监督委员会|审核公开内容|审核意见",
                "村民委员会|在公开栏、各组公告栏和线上公开|公开照片、截图"],
         evidence="公开清单、审核意见、照片", disclosure="村务公开栏、村民小组公告栏、线上平台", risks="选择性公开、公开不及时"),
]

SLSZ = [
    item("SLSZ-01", "县级领导联系党建联系点", "县级领导", Q, cat="三联",
         steps=["县级领导|到联系点调研指导|调研记录", "联系村党组织|落实指导意见|落实台账"],
         evidence="调研记录", supervisor="县委组织部"),
    item("SLSZ-02", "部门联系村党组织", "县直部门党组织", Q, cat="三联",
         steps=["部门党组织|与村党组织开展共建活动|共建记录"], evidence="共建协议、活动记录", supervisor="县委组织部"),
    item("SLSZ-03", "党员联系农户", "农村党员", M, cat="三联",
         steps=["党员|走访联系户，了解诉求|走访记录", "村党组织|汇总诉求并交办|交办台账"],
         evidence="走访记录", supervisor="村党组织"),
    item("SLSZ-04", "助推产业发展", "村党组织", H, cat="三助",
         steps=["村党组织|制定发展集体经济计划|计划", "村集体经济组织|组织实施|实施台账"],
         evidence="计划、台账", supervisor="乡镇党委"),
    item("SLSZ-05", "助力基层治理", "村党组织", H, cat="三助",
         steps=["村党组织|组织红白理事会、道德评议会、禁赌禁毒会开展活动|活动记录"],
         evidence="活动记录", supervisor="乡镇党委"),
    item("SLSZ-06", "助办民生实事", "村党组织", Y, cat="三助",
         steps=["村党组织|征集并确定年度民生实事|实事清单", "村民委员会|办理并公开|办理结果公开"],
         evidence="实事清单、公开照片", disclosure="办理结果公开", supervisor="村务监督委员会"),
]

AGENT_STEPS = ["群众|向村代办员提出申请，提交材料|代办登记表", "村代办员|审核材料是否齐全（3:齐全; 1:不齐全，一次性告知）|一次性告知单|3:齐全; 1:不齐全，一次性告知",
               "村代办员|报送乡镇便民服务中心办理|报送记录", "村代办员|领回结果，送达群众|送达签收单"]


def _agent(code, name, limit, note=""):
    steps = [s if i != 1 else "村代办员|审核材料是否齐全|一次性告知单|3:齐全; 1:不齐全，一次性告知"
             for i, s in enumerate(AGENT_STEPS)]
    return item(code, name, "村代办员", D, cat="代办服务", day=limit, note=note, steps=steps,
                evidence="代办登记表、送达签收单", disclosure="代办事项、材料和时限在便民服务点公开",
                supervisor="乡镇便民服务中心", risks="吃拿卡要、推诿拖延")


DBFW = [
    _agent("DBFW-01", "社会保障卡申领代办", 10), _agent("DBFW-02", "城乡居民医疗保险参保代办", 5),
    _agent("DBFW-03", "城乡居民养老保险参保代办", 5), _agent("DBFW-04", "残疾人证申办代办", 20),
    _agent("DBFW-05", "高龄津贴申请代办", 10), _agent("DBFW-06", "户口迁移代办", 15),
    _agent("DBFW-07", "农村建房申请代办", 20, "受理后20个工作日内（示例）"),
]

PUBLIC, SERVICE = "公共权力事项", "便民服务事项"
XWQL = [
    item("XWQL-01", "村级重大事项决策", "村党组织", D, cat=PUBLIC, basis=[SYLG_REG], steps=SYLG_STEPS,
         evidence="六步记录", disclosure="决议及结果公开", risks="绕开程序、少数人决定"),
    item("XWQL-02", "村级工程项目建设", "村民委员会", D, cat=PUBLIC, basis=[("重大项目", None, "监督", "")],
         steps=["村党组织|提议项目，按四议两公开决策|决策记录", "村民委员会|依规确定施工方，签订合同|比选记录、合同",
                "村务监督委员会|全程监督质量和进度|监督记录", "村民委员会|组织验收，公开结果|验收报告、公开照片"],
         evidence="决策记录、合同、验收报告", disclosure="项目、资金、施工方、验收结果公开", risks="化整为零规避招标"),
    item("XWQL-03", "集体资产资源发包、租赁、处置", "村集体经济组织", D, cat=PUBLIC,
         steps=["村集体经济组织|提出处置方案|方案", "村党组织|按四议两公开决策|决策记录", "村集体经济组织|公开竞价，签订合同|竞价记录、合同",
                "村民委员会|公开结果|公开照片"], evidence="合同、竞价记录", disclosure="结果公开", risks="低价发包、暗箱操作"),
    item("XWQL-04", "集体资金使用（财务联审联签）", "村报账员", D, cat=PUBLIC, basis=[("村级干部管理", None, "联审联签", "")],
         steps=["经办人|填写报账单，附原始票据并签字|报账单",
                "民主理财小组|审核票据真实性、合规性|审核签字|3:审核通过; 1:退回补正",
                "村党组织书记（主任）|审批|审批签字",
                "村监委会主任|签字监督|监督签字|6:限额以内; 5:超过限额",
                "乡镇分管领导|审签超过限额的开支|审签意见",
                "村报账员|报乡镇“村财镇管”代理记账入账|记账凭证"],
         evidence="报账单及各方签字", disclosure="财务收支每月公开", supervisor="村务监督委员会、乡镇", risks="先支后审、签字不全"),
    item("XWQL-05", "村级物资采购", "村民委员会", D, cat=PUBLIC,
         steps=["经办人|提出采购申请|申请单", "村“两委”|集体研究，三家以上比价|比价记录", "村务监督委员会|验收|验收单"],
         evidence="比价记录、验收单", disclosure="采购结果公开"),
    item("XWQL-06", "最低生活保障申请评议", "村民委员会", D, cat=PUBLIC, basis=[(None, "《社会救助暂行办法》", "", "")],
         steps=["申请人|提出书面申请|申请书", "村民委员会|入户调查|调查表", "村民代表会议|民主评议|评议记录",
                "村民委员会|公示评议结果并报乡镇|公示照片"],
         evidence="申请书、评议记录、公示照片", disclosure="评议结果公示7日", risks="优亲厚友、人情保"),
    item("XWQL-07", "临时救助对象评议", "村民委员会", D, cat=PUBLIC,
         steps=["申请人|提出申请|申请书", "村民委员会|核实情况并评议|评议记录", "村民委员会|报乡镇审批并公示|公示照片"],
         evidence="评议记录、公示照片", disclosure="公示"),
    item("XWQL-08", "宅基地申请审核", "村民委员会", D, cat=PUBLIC,
         steps=["农户|提出申请|申请表", "村民小组|召开会议讨论|会议记录", "村民委员会|审核并公示|公示照片",
                "村民委员会|报乡镇审批|报送记录"], evidence="申请表、会议记录、公示照片", disclosure="公示不少于5个工作日"),
    item("XWQL-09", "土地征收补偿费分配", "村集体经济组织", D, cat=PUBLIC, basis=[(None, LAW, "第二十四条", "")],
         steps=["村集体经济组织|拟定分配方案|方案", "村民会议|讨论决定|会议记录", "村民委员会|公开并发放|发放清册"],
         evidence="分配方案、发放清册", disclosure="分配方案和结果公开", risks="截留挪用"),
    item("XWQL-10", "村干部报酬及补贴发放", "村民委员会", Y, cat=PUBLIC,
         steps=["村民委员会|按标准造册|发放清册", "乡镇|审核|审核意见", "村民委员会|公开|公开照片"],
         evidence="发放清册", disclosure="随财务公开"),
    item("XWQL-11", "村级印章使用", "村党组织书记", D, cat=PUBLIC, basis=[("村级干部管理", None, "公章", "")],
         steps=["用印人|填写用印登记|用印登记簿", "村党组织书记|审核批准|审批签字", "印章管理员|盖章并登记|用印登记簿"],
         evidence="用印登记簿", risks="空白盖章、私自用印"),
    item("XWQL-12", "村务公开", "村民委员会", Q, cat=PUBLIC, basis=[(None, LAW, "第三十条", "")],
         steps=["村民委员会|整理公开内容|公开清单", "村务监督委员会|审核|审核意见", "村民委员会|公开|公开照片"],
         evidence="公开清单、照片", disclosure="一般事项每季度、财务每月、重大事项随时"),
    item("XWQL-13", "财务公开", "村报账员", M, cat=PUBLIC, day=10, note="每月10日前（示例）",
         steps=["村报账员|编制上月收支明细|收支明细表", "民主理财小组|审核|审核签字", "村民委员会|公开|公开照片"],
         evidence="收支明细表、公开照片", disclosure="村务公开栏、线上"),
    item("XWQL-14", "村集体经济收益分配", "村集体经济组织", Y, cat=PUBLIC,
         steps=["村集体经济组织|拟定分配方案|方案", "村党组织|按四议两公开决策|决策记录", "村集体经济组织|公开并兑现|分配清册"],
         evidence="分配清册", disclosure="公开"),
    item("XWQL-15", "出具证明", "村民委员会", D, cat=SERVICE, day=1, note="当日办结（示例）",
         steps=["群众|提出申请并提供材料|申请登记", "村民委员会|核实并出具证明（仅限职责范围内事项）|证明存根"],
         evidence="证明存根", disclosure="可出具证明事项清单公开", supervisor="乡镇民政办", risks="超范围开证明"),
    item("XWQL-16", "矛盾纠纷调解", "村人民调解委员会", D, cat=SERVICE,
         steps=["当事人|申请调解|调解申请", "村人民调解委员会|组织调解|调解记录、协议书"], evidence="调解记录"),
    item("XWQL-17", "红白事申报", "红白理事会", D, cat=SERVICE,
         steps=["农户|事前申报办事规模|申报表", "红白理事会|按村规民约提出意见|申报表"], evidence="申报表",
         disclosure="办事情况按村规民约公开"),
    item("XWQL-18", "残疾人证申办代办", "村代办员", D, cat=SERVICE, day=20, steps=AGENT_STEPS[:1] + AGENT_STEPS[2:],
         evidence="代办登记表"),
    item("XWQL-19", "医保、养老保险参保代办", "村代办员", Y, cat=SERVICE,
         steps=["村代办员|宣传动员，收集参保信息|参保登记表", "村代办员|报乡镇办理|报送记录"], evidence="参保登记表"),
    item("XWQL-20", "高龄津贴申请代办", "村代办员", D, cat=SERVICE, steps=["村代办员|受理并报乡镇|代办登记表"],
         evidence="代办登记表"),
    item("XWQL-21", "困难群众救助申请代办", "村代办员", D, cat=SERVICE,
         steps=["村代办员|受理申请，入户核实|核实记录", "村代办员|报乡镇审批|报送记录"], evidence="核实记录"),
    item("XWQL-22", "群众诉求受理", "村党组织", D, cat=SERVICE,
         steps=["群众|在群众说事室或说事日反映诉求|说事登记", "村“两委”|交办办理|交办单", "村党组织|回复群众|回复记录"],
         evidence="说事登记、回复记录", disclosure="办理情况公开"),
]
for _i in XWQL:  # the single-step and agent items reuse lists: give each its own copy
    _i["steps"] = [list(s) for s in _i["steps"]]

# (slug, title, list_code, summary, versions: [(label, doc_number, issued_on, effective_from, items, note)])
LISTS = [
    ("dzz", "习水县村党组织履职清单", "DZZ", "村党组织的主要职责、频次和履职佐证（示例）。",
     [("2022年版", "习组通〔2022〕示例1号", "2022-03-01", "2022-03-15", DZZ, "")]),
    ("shyk", "习水县村党支部“三会一课”任务清单", "SHYK", "“三会一课”及主题党日、组织生活会、民主评议党员（示例）。",
     [("2021年版", "习组通〔2021〕示例5号", "2021-02-20", "2021-03-01", SHYK_V1, ""),
      ("2024年修订版", "习组通〔2024〕示例2号", "2024-01-10", "2024-02-01", SHYK_V2, "新增“主题党日”；明确党课讲授要求。")]),
    ("sylg", "习水县村级“四议两公开”任务清单", "SYLG", "“三重一大”事项决策的六个步骤和各步骤的记录（示例）。",
     [("2022年版", "习组通〔2022〕示例2号", "2022-03-01", "2022-03-15", SYLG, "")]),
    ("slsz", "习水县村党组织建设“三联三助”责任清单", "SLSZ", "联系与帮助责任（示例，内容为本站拟写）。",
     [("2022年版", "习组通〔2022〕示例3号", "2022-04-01", "2022-04-15", SLSZ, "")]),
    ("dbfw", "习水县乡镇（街道）、村（居）代办服务事项清单", "DBFW", "村代办员代办的服务事项和时限（示例）。",
     [("2022年版", "习民通〔2022〕示例1号", "2022-05-01", "2022-05-15", DBFW, "")]),
    ("xwql", "习水县村级“小微权力”清单", "XWQL", "参照宁海“村务工作权力清单”体例：公共权力事项和便民服务事项（示例）。",
     [("2022年版", "习民通〔2022〕示例2号", "2022-06-01", "2022-06-15", XWQL, "")]),
]

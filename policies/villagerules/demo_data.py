"""The county's model village rules (村规民约示范文本, 示例) in two versions, and the local
variations villages make. Written fresh for the demo; not the county's real text."""

import hashlib

from ..versioning.structure import build_stream

# (chapter title, [article texts]) — one paragraph per article keeps the variations simple.
TEMPLATE_2019 = [
    ("总则", [
        "为推进本村自治、法治、德治相结合，弘扬社会主义核心价值观，根据《中华人民共和国村民委员会组织法》等法律法规，经村民会议讨论通过，制定本村规民约。",
        "本村规民约适用于本村全体村民和在本村居住、生产经营的人员。",
    ]),
    ("社会治安", [
        "村民应当遵纪守法，不参与黄赌毒活动，发现违法犯罪行为及时报告。",
        "严禁在村内聚众赌博或者为赌博提供场所。",
        "加强防火安全，山林、田边地角禁止野外用火，清明、春节等节日祭祀文明用火。",
    ]),
    ("村风民俗", [
        "提倡婚事新办、丧事简办、其他喜事不办，红白事由红白理事会指导。",
        "反对铺张浪费和大操大办，婚丧事宜酒席规模由红白理事会提出指导标准。",
        "尊重科学，反对封建迷信活动。",
    ]),
    ("邻里关系", [
        "村民之间应当互尊互爱、互谅互让、互帮互助，邻里纠纷协商解决，协商不成的申请村人民调解委员会调解。",
        "建房应当服从村庄规划，不得侵占道路、沟渠和他人宅基地。",
    ]),
    ("婚姻家庭", [
        "婚姻自由，反对包办、买卖婚姻，反对索要高额彩礼。",
        "子女应当履行赡养老人的义务，不得虐待、遗弃老人。",
        "适龄儿童、少年应当按时入学，家长不得让其辍学。",
    ]),
    ("环境卫生", [
        "村民应当做好房前屋后卫生，实行门前三包，生活垃圾定点投放。",
        "不得向河道、沟渠倾倒垃圾、粪便和农药包装物。",
        "保护山林植被和水源，不得乱砍滥伐、乱捕滥猎。",
    ]),
    ("集体财产", [
        "爱护道路、水利、路灯、公告栏等公共设施，损坏的照价赔偿。",
        "集体资产资源的发包、租赁和处置按照“四议两公开”办理。",
    ]),
    ("奖惩", [
        "对遵守本村规民约、事迹突出的村民，由村民委员会给予表扬，并作为评选文明家庭、星级文明户的依据。",
        "违反本村规民约的，由村民委员会批评教育、责令改正；违反法律法规的，移交有关部门依法处理。",
    ]),
    ("附则", [
        "本村规民约由村民委员会负责解释，自村民会议通过并报乡镇（街道）备案之日起施行。",
    ]),
]


def _revise_2023(chapters):
    revised = [(title, list(texts)) for title, texts in chapters]
    village_customs = revised[2][1]
    village_customs[1] = ("反对铺张浪费和大操大办，婚事宴请不超过二十桌、丧事不超过三天，"
                          "除婚丧事宜外不得以升学、乔迁等名义办酒，由红白理事会监督。")
    village_customs.append("倡导移风易俗，推行文明祭扫和网上祭扫。")
    revised[1][1].insert(2, "远离毒品，禁止种植毒品原植物；禁赌禁毒会协助开展宣传和劝导。")
    revised[4][1][0] = "婚姻自由，反对包办、买卖婚姻，抵制高价彩礼，倡导彩礼不超过当地指导标准。"
    revised[5][1].append("文明上网，不在网络上造谣传谣、辱骂他人。")
    revised[6][1].append("村民有权监督村务，可通过群众说事日、村务公开栏和线上平台提出意见。")
    return revised


TEMPLATE_2023 = _revise_2023(TEMPLATE_2019)

LOCAL_ADDITIONS = [
    ("环境卫生", "本村茶园、果园施用农药应当遵守安全间隔期，农药包装物集中回收。"),
    ("环境卫生", "赤水河支流沿岸五十米内不得新建畜禽养殖场，不得洗涤农药器具。"),
    ("集体财产", "村集体酿酒原料基地的收益按年度公开，分配方案经村民会议讨论决定。"),
    ("社会治安", "外出务工人员应当告知村民小组长联系方式，留守老人儿童由党员结对关爱。"),
    ("邻里关系", "村民饲养犬只应当拴养或圈养，外出遛犬应当牵绳。"),
    ("集体财产", "通组路、产业路由受益村民小组轮流养护，每年汛期前集中清理边沟。"),
]
LOCAL_MODIFICATIONS = [
    (2, 1, "反对铺张浪费和大操大办，本村婚事宴请不超过十五桌，丧事不超过三天，由红白理事会监督执行。"),
    (1, 2, "加强防火安全，每年1月至4月为本村森林防火重点期，重点林区禁止一切野外用火。"),
    (5, 0, "村民应当做好房前屋后卫生，实行门前三包，生活垃圾分类后定点投放，每月评选一次“最美庭院”。"),
]


def pick(code, salt, n):
    return int.from_bytes(hashlib.sha256(f"{code}{salt}".encode()).digest()[:4], "big") % n


def village_chapters(code, template):
    """A village's text: the template with one local modification, one or two local additions
    and, for some villages, one article left out — deterministic per village code."""
    chapters = [(title, list(texts)) for title, texts in template]
    ci, ai, text = LOCAL_MODIFICATIONS[pick(code, "mod", len(LOCAL_MODIFICATIONS))]
    if ai < len(chapters[ci][1]):
        chapters[ci][1][ai] = text
    for k in range(1 + pick(code, "n", 2)):
        title, extra = LOCAL_ADDITIONS[(pick(code, "add", len(LOCAL_ADDITIONS)) + k) % len(LOCAL_ADDITIONS)]
        for chapter_title, texts in chapters:
            if chapter_title == title:
                texts.insert(len(texts), extra)
    if pick(code, "drop", 4) == 0:
        chapters[4][1].pop(2)  # 婚姻家庭: the schooling article, covered by a separate village pledge
    return chapters


def to_stream(chapters):
    parts = []
    for title, texts in chapters:
        parts.append(("chapter", title))
        parts.extend(("article", [(t, [])]) for t in texts)
    return build_stream(parts)

"""Demo geography for Xishui: the 26 real township-level units (NBS 2023) and 254 generated
villages/communities. Village names and codes are made up and every page is marked 示例."""

import hashlib

from django.contrib.auth import get_user_model

from core.roles import FIRST_SECRETARY, SUPERVISOR, VILLAGE_CADRE

from .models import CadreAssignment, TownshipPage, VillagePage

# (name, kind, code) — streets 00x, towns 10x/11x, 乡 20x; the order follows BRIEF.md.
TOWNSHIPS = [
    ("东皇", "街道", "520330001"), ("九龙", "街道", "520330002"), ("杉王", "街道", "520330003"),
    ("马临", "街道", "520330004"),
    ("土城", "镇", "520330101"), ("同民", "镇", "520330102"), ("醒民", "镇", "520330103"),
    ("隆兴", "镇", "520330104"), ("习酒", "镇", "520330105"), ("回龙", "镇", "520330106"),
    ("桑木", "镇", "520330107"), ("永安", "镇", "520330108"), ("良村", "镇", "520330109"),
    ("温水", "镇", "520330110"), ("仙源", "镇", "520330111"), ("官店", "镇", "520330112"),
    ("寨坝", "镇", "520330113"), ("民化", "镇", "520330114"), ("二郎", "镇", "520330115"),
    ("二里", "镇", "520330116"), ("三岔河", "镇", "520330117"), ("程寨", "镇", "520330118"),
    ("大坡", "镇", "520330119"), ("桃林", "镇", "520330120"),
    ("双龙", "乡", "520330201"), ("坭坝", "乡", "520330202"),
]

VILLAGE_STEMS = [
    "红旗", "太平", "新民", "永兴", "龙泉", "金竹", "青杠", "大坝", "田坝", "沙坝", "杨柳", "桂花",
    "高峰", "石林", "团结", "和平", "双河", "三星", "四合", "五里", "七里", "庙坝", "马鞍", "凤凰",
    "白岩", "黑山", "岩门", "兴隆", "光辉", "新华", "茶园", "竹林", "松林", "坪上", "河坝", "水口",
    "中心", "向阳", "东风", "前进", "红岩", "大田", "小河", "长岗", "鱼洞", "天堂", "花园", "金山",
    "银河", "龙井", "平安", "富民", "幸福", "民主", "胜利", "瓦房", "石坝", "桥边", "堰塘", "柏杨",
]
COMMUNITY_STEMS = ["城东", "城西", "城南", "城北", "滨河", "文化", "交通", "新街", "建设", "人民"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "国华建明永红学军德光志平海文兴勇富强玉芳贵英秀林成福顺安"

TOTAL_VILLAGES = 254


def _pick(seq, key, salt=""):
    digest = hashlib.sha256(f"{key}{salt}".encode()).digest()
    return seq[int.from_bytes(digest[:4], "big") % len(seq)]


def person_name(key):
    return _pick(SURNAMES, key, "s") + _pick(GIVEN, key, "g1") + _pick(GIVEN, key, "g2")


def village_specs():
    """Yield (township_index, code, name, kind) — deterministic, so the loader is idempotent."""
    per_township = [TOTAL_VILLAGES // len(TOWNSHIPS)] * len(TOWNSHIPS)
    for i in range(TOTAL_VILLAGES - sum(per_township)):
        per_township[4 + i] += 1  # the larger towns get one more
    used = set()
    for t_index, (_name, kind, t_code) in enumerate(TOWNSHIPS):
        for n in range(per_township[t_index]):
            community = kind == "街道" and n < 6
            stems = COMMUNITY_STEMS if community else VILLAGE_STEMS
            offset = 0
            while True:
                stem = stems[(t_index * 7 + n * 3 + offset) % len(stems)]
                name = f"{stem}社区" if community else f"{stem}村"
                if (t_index, name) not in used:
                    used.add((t_index, name))
                    break
                offset += 1
            code = f"{t_code}{(0 if community else 200) + n + 1:03d}"
            yield t_index, code, name, "社区" if community else "村"


def village_table():
    """The demo geography as the same CSV a county would upload (``villages.importer`` columns)."""
    from .importer import to_csv

    townships = [(code, f"{name}{kind}") for name, kind, code in TOWNSHIPS]
    villages = [(TOWNSHIPS[t][2], code, name, kind) for t, code, name, kind in village_specs()]
    return to_csv(townships, villages).encode()


def village_profile(code):
    """Profile fields of a generated village (stable per code)."""
    committee = "\n".join(f"{person_name(code + r)}（{r}）" for r in ("副书记", "副主任", "委员", "监委会主任"))
    return {"secretary": person_name(code + "书记"), "first_secretary": person_name(code + "第一书记"),
            "committee_members": committee, "villager_groups": 6 + int(code[-2:]) % 9,
            "households": 300 + (int(code[-3:]) * 37) % 900, "population": 1200 + (int(code[-3:]) * 131) % 3600,
            "councils": "红白理事会、道德评议会、禁赌禁毒会"}


DEMO_PASSWORD = "xishui-demo-2026"

DEMO_ACCOUNTS = [
    # (username, role, scope) — scope: None, township code or village code
    ("bianji", "县委组织部编辑", None),
    ("shenhe", "县委组织部审核发布", None),
    ("dudao", SUPERVISOR, "520330101"),
    ("cungan", VILLAGE_CADRE, "520330101201"),
    ("diyishuji", FIRST_SECRETARY, "520330101202"),
]


def load_accounts(stdout=None):
    from django.contrib.auth.models import Group

    from core.roles import township_group_name

    User = get_user_model()
    admin, made = User.objects.get_or_create(username="admin", defaults={"is_superuser": True, "is_staff": True})
    if made:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    rows = [("admin", "超级管理员", DEMO_PASSWORD)]
    for username, role, scope in DEMO_ACCOUNTS:
        user, made = User.objects.get_or_create(username=username, defaults={"first_name": role})
        if made:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=role))
        if scope and len(scope) == 9:
            township = TownshipPage.objects.get(code=scope)
            CadreAssignment.objects.get_or_create(user=user, township=township, defaults={"role": role})
            user.groups.add(Group.objects.get(name=township_group_name(township)))
        elif scope:
            CadreAssignment.objects.get_or_create(user=user, village=VillagePage.objects.get(code=scope),
                                                  defaults={"role": role})
        rows.append((username, role, DEMO_PASSWORD))
    return rows

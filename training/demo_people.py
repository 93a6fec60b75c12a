"""Demo people of the training app: first secretaries, the training manager, a past session with
its sign-ins, quiz attempts, read receipts and the re-read after the material amendment. All 示例."""

from .demo_data import SIYI

# --- People -------------------------------------------------------------------------------------
# (username, name, unit, village code). Names and units generated, every one 示例.
LEGAL_SECRETARIES = [
    ("flsj01", "陈明远", "县司法局", "520330101203"),
    ("flsj02", "王丽娟", "县人民法院", "520330102201"),
    ("flsj03", "杨志刚", "县人民检察院", "520330103201"),
    ("flsj04", "李晓燕", "县司法局", "520330104202"),
    ("flsj05", "张国栋", "县公安局", "520330105201"),
    ("flsj06", "刘文静", "赤水河律师事务所（示例）", "520330106201"),
    ("flsj07", "赵建平", "县人民法院", "520330107203"),
    ("flsj08", "黄海燕", "县法律援助中心", "520330108201"),
    ("flsj09", "周立新", "县人民检察院", "520330109201"),
    ("flsj10", "吴昌华", "县司法局", "520330110202"),
    ("flsj11", "徐春梅", "县法律援助中心", "520330111201"),
    ("flsj12", "孙德明", "县公安局", "520330112201"),
    ("flsj13", "胡玉兰", "县人民法院", "520330113201"),
    ("flsj14", "朱永刚", "习州律师事务所（示例）", "520330114201"),
    ("flsj15", "罗雪梅", "县司法局", "520330115201"),
]
OTHER_SECRETARIES = [
    ("dysj01", "高建军", "县农业农村局", "520330116201"),
    ("dysj02", "林秀英", "县财政局", "520330117201"),
    ("dysj03", "何光辉", "县教育局", "520330118201"),
    ("dysj04", "郭志强", "县卫生健康局", "520330119201"),
    ("dysj05", "马成福", "县交通运输局", "520330120201"),
    ("dysj06", "梁玉芳", "县自然资源局", "520330201201"),
    ("dysj07", "宋德勇", "县水务局", "520330202201"),
    ("dysj08", "郑海波", "县林业局", "520330101204"),
    ("dysj09", "谢文兴", "县商务局", "520330102202"),
    ("dysj10", "韩顺安", "县住房和城乡建设局", "520330103202"),
]
# The existing demo account ``diyishuji`` (第一书记 of 520330101202) is a trainee too.
TRAINING_MANAGER = ("peixun", "培训管理员", "县委组织部")  # new demo account, role 培训管理员

# --- A past session -----------------------------------------------------------------------------
# Sign-in within LATE_AFTER_MINUTES of the start = 出席, later = 迟到, none = 缺席.
SESSION = {
    "title": "2026年第一书记村级权力运行规程培训班（示例）",
    "date": "2026-10-15", "starts": "09:00", "ends": "11:30", "late_after_minutes": 10,
    "place": "习水县委党校第一教室（示例）", "trainer": "王建华（县委组织部，示例）", "manager": "peixun",
    "courses": ["siyi-liang-gongkai", "sanzi-lianshen-lianqian"],
    "invitees": [u for u, *_ in LEGAL_SECRETARIES] + ["dysj01", "dysj02", "dysj03", "dysj04", "dysj05",
                                                       "diyishuji"],
    "sign_ins": {  # username → time signed in (HH:MM); missing invitees are absent
        "flsj01": "08:41", "flsj02": "08:47", "flsj03": "08:52", "flsj04": "08:55", "flsj05": "08:58",
        "flsj06": "09:03", "flsj07": "09:05", "flsj08": "08:50", "flsj09": "08:59", "flsj11": "08:44",
        "flsj12": "09:08", "flsj14": "08:57", "dysj01": "08:49", "dysj02": "08:56",
        "flsj10": "09:17", "flsj13": "09:26", "dysj03": "09:41", "diyishuji": "09:12",
    },
    # absent: flsj15, dysj04, dysj05
}

# --- Quiz attempts ------------------------------------------------------------------------------
# (username, course slug, started "YYYY-MM-DD HH:MM", minutes taken, keys answered wrongly).
# The loader answers every other question right and a wrong one with the first wrong option;
# the score is the share right ×100. Pass marks: 80 (both courses). Nobody tries again after passing.
ATTEMPTS = [
    ("flsj01", "siyi-liang-gongkai", "2026-10-15 11:40", 18, []),                             # 100 passed
    ("flsj02", "siyi-liang-gongkai", "2026-10-15 11:42", 21, ["q04", "q11"]),                 # passed
    ("flsj03", "siyi-liang-gongkai", "2026-10-15 11:45", 25,
     ["q04", "q05", "q08", "q11", "q17", "q06", "q45"]),                                      # failed
    ("flsj03", "siyi-liang-gongkai", "2026-10-16 20:10", 19, ["q05"]),                        # passed (best)
    ("flsj04", "siyi-liang-gongkai", "2026-10-15 11:50", 27,
     ["q02", "q03", "q04", "q09", "q12", "q16", "q20", "q21"]),                               # failed
    ("flsj05", "siyi-liang-gongkai", "2026-10-15 11:41", 24, ["q04", "q05", "q06", "q09", "q11", "q17"]),
    ("flsj05", "siyi-liang-gongkai", "2026-10-17 09:00", 22, ["q04", "q06", "q09", "q11", "q17"]),
    ("flsj05", "siyi-liang-gongkai", "2026-10-20 21:15", 29, ["q04", "q09", "q11", "q17", "q45"]),  # no tries left
    ("diyishuji", "siyi-liang-gongkai", "2026-10-15 12:02", 20, ["q16", "q18"]),              # passed
    ("dysj01", "siyi-liang-gongkai", "2026-10-18 19:30", 26, ["q01", "q05", "q09", "q14", "q21"]),  # failed
    ("flsj01", "sanzi-lianshen-lianqian", "2026-10-16 10:00", 12, ["q32"]),                   # passed
    ("flsj02", "sanzi-lianshen-lianqian", "2026-10-16 10:05", 15, ["q26", "q27", "q31", "q32"]),  # failed
    ("flsj02", "sanzi-lianshen-lianqian", "2026-10-19 15:20", 11, ["q31"]),                   # passed (last)
    # grading "last": 71.4 counts although the first try scored 78.6 (both failed; no tries left)
    ("flsj06", "sanzi-lianshen-lianqian", "2026-10-16 10:30", 14, ["q24", "q26", "q29"]),
    ("flsj06", "sanzi-lianshen-lianqian", "2026-10-22 08:10", 9, ["q24", "q26", "q29", "q30"]),
    ("dysj02", "sanzi-lianshen-lianqian", "2026-10-17 16:45", 16, ["q23", "q25", "q29", "q35", "q36"]),
]

# --- Read receipts and the material amendment ---------------------------------------------------
# Everyone who signed in confirmed reading the 2021年版 of 四议两公开 on the session day. On
# 2026-11-02 the editor marks the 2027年修订版 material: a re-read is due by 2026-11-16.
READ_RECEIPTS = [(u, SIYI, "2021年版", "2026-10-15") for u in SESSION["sign_ins"]]
REREAD = {"regulation": SIYI, "version": "2027年修订版", "assigned_on": "2026-11-02", "due": "2026-11-16",
          "assignees": list(SESSION["invitees"])}
REREAD_DONE = [  # the rest are overdue on the demo's day (and on the tests' day, 2026-11-20)
    ("flsj01", "2026-11-03"), ("flsj02", "2026-11-05"), ("flsj08", "2026-11-10"), ("flsj11", "2026-11-12"),
    ("dysj01", "2026-11-15"), ("diyishuji", "2026-11-20"),  # the last one late
]

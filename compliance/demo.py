"""Demo obligations and records (all villages are demo data). Idempotent: obligations are
generated with ``ignore_conflicts``; records, supervision and targets are only made for villages
that have none yet. Everything goes through ``bulk_create``: the full county loads in minutes.

Village profiles (stable per village code): most are exemplary, some late, a few poor (with
谈话提醒/书面警示/责令整改) and a few under 提级监督; some records are returned for correction."""

import datetime
import hashlib
import random

from django.contrib.auth import get_user_model
from django.db import connections, router, transaction
from django.utils import timezone

from core import clock
from policies.models import RegulationPage, TaskItem
from villages.models import VillagePage

from . import status as st
from .models import Citation, ElevatedSupervision, Obligation, Record, Review, SupervisionAction, TargetTask
from .obligations import generate

SMALL_CODES = [f"520330101{n}" for n in range(201, 206)]
SMALL_PROFILES = {"520330101201": "exemplary", "520330101202": "late", "520330101203": "poor",
                  "520330101204": "exemplary", "520330101205": "poor"}
ELEVATED_SMALL = {"520330101203"}

KIND_BY_CODE = {
    "DZZ-01": ("meeting", "联席会议"), "DZZ-03": ("meeting", "支部委员会"), "SHYK-02": ("meeting", "支部委员会"),
    "SHYK-01": ("meeting", "党员大会"), "SHYK-03": ("meeting", "党小组会"), "SHYK-04": ("meeting", "党课"),
    "SHYK-05": ("meeting", "主题党日"), "SHYK-06": ("meeting", "组织生活会"), "DZZ-04": ("accounts", None),
    "DZZ-05": ("petition", None), "DZZ-08": ("disclosure", "村务"), "XWQL-12": ("disclosure", "村务"),
    "XWQL-13": ("disclosure", "财务"),
}
AHEAD_DAYS = 31
MATTER_DAYS = 90  # the demo matters run about two months from proposal to the result disclosure
SIGNERS = [("经办人", "报账员"), ("民主理财小组", "理财小组组长"), ("书记(主任)", "书记"), ("村监委会主任", "监委会主任")]


def _seed(code):
    return int(hashlib.sha256(code.encode()).hexdigest()[:8], 16)


def profile(code):
    if code in SMALL_PROFILES:
        return SMALL_PROFILES[code]
    n = _seed(code) % 100
    return "exemplary" if n < 60 else "late" if n < 85 else "poor"


def _content(kind, sub, village, day, rng):
    sec = village.secretary or "书记"
    members = [m.split("（")[0] for m in village.committee_list()] or ["委员甲", "委员乙"]
    if kind == "meeting":
        expected = {"党员大会": 30 + rng.randint(0, 20), "党小组会": 8}.get(sub, len(members) + 1)
        speakers = members + [sec]
        if sub == "联席会议" and rng.random() < 0.05:
            speakers = [sec] + members  # a flagged one: the secretary did not speak last
        return {"meeting_type": sub, "chair": sec, "expected": expected, "actual": expected - rng.randint(0, 2),
                "agenda": ["学习上级文件精神", "研究本周村务工作"], "speakers": speakers,
                "decisions": ["落实人居环境整治责任到组", "下周一前完成低保对象入户核查"], "major": False}
    if kind == "accounts":
        spending = rng.randint(3000, 60000)
        largest = min(spending, rng.randint(1000, 20000))
        return {"period": f"{day:%Y-%m}", "income": f"{rng.randint(0, 80000)}.00", "spending": f"{spending}.00",
                "largest": f"{largest}.00", "signers": [{"role": r, "name": f"{village.title[:2]}{n}"} for r, n in SIGNERS]}
    if kind == "petition":
        return {"place": "村群众说事室", "matters": [
            {"matter": "组道路面破损请求维修", "answered_by": sec, "deadline": (day + datetime.timedelta(days=15)).isoformat(),
             "outcome": "已列入本月一事一议", "satisfaction": rng.choice(["满意", "满意", "基本满意"])}]}
    if kind == "disclosure":
        return {"scope": sub, "subject": f"{day.year}年{day.month}月{sub}公开事项（示例）",
                "channel": rng.choice(["线上", "公开栏", "组公告栏"]), "posted_on": day.isoformat()}
    return {"meeting_type": "其他会议", "chair": sec, "expected": len(members) + 1, "actual": len(members) + 1,
            "agenda": ["按清单落实本项工作"], "speakers": members + [sec], "decisions": ["按期完成"], "major": False}


def _siyi_content(day, rng):
    dates = [day + datetime.timedelta(days=d) for d in (0, 3, 8, 12, 14, 60)]
    c = {"matter": "村集体产业路硬化项目（示例）", "major": True}
    for n, d in enumerate(dates, 1):
        c[f"s{n}_date"] = d.isoformat()
        c[f"s{n}_content"] = "按程序进行（示例）"
    c.update(s1_expected=7, s1_actual=7, s2_expected=9, s2_actual=9, s3_expected=42, s3_actual=36, s3_agree=33,
             s4_form="村民代表会议", s4_expected=45, s4_actual=38, s4_agree=35, s5_channel="公开栏", s6_channel="线上")
    return c


def _citations_by_code(codes):
    """item code → [(regulation page, version, article)] from the items' basis (version in force today)."""
    items = {}
    for item in TaskItem.objects.filter(code__in=codes).order_by("version__effective_from"):
        items[item.code] = item
    pages = {p.pk: p for p in RegulationPage.objects.live().prefetch_related("versions")}
    result, articles = {}, {}
    for code, item in items.items():
        for b in item.basis or []:
            page = pages.get(int(b["regulation"])) if str(b.get("regulation", "")).isdigit() else None
            if page is None or not b.get("article"):
                continue
            version = page.current_version()
            if version is None:
                continue
            if version.pk not in articles:
                articles[version.pk] = {a.label: a for a in version.articles()}
            article = articles[version.pk].get(b["article"])
            if article:
                result.setdefault(code, []).append((page, version, article))
    return result


def _matter_obligations(siyi_records):
    """Each demo 四议两公开 matter opens its per-occurrence obligation (as ``open_matter`` does)."""
    from .obligations import matter_item

    found = matter_item()
    if found is None:
        return []
    item, version, page = found
    obligations = [Obligation(
        village_id=r.village_id, item=item, version=version, tasklist=page, item_code=item.code,
        item_name=f"{item.name}：{r.title}"[:160], category=item.category, frequency=item.frequency,
        period_key=f"事项{r.pk}", opens=r.occurred_on, matter=r, submitted_at=r.submitted_at,
        submitted_on=timezone.localdate(r.submitted_at), review=st.ACCEPTED, reviewed_at=r.submitted_at,
        due=r.occurred_on + datetime.timedelta(days=MATTER_DAYS))
        for r in siyi_records]
    Obligation.objects.bulk_create(obligations, batch_size=2000)
    return list(zip(siyi_records, obligations, strict=True))


def _insert(model, names, rows):
    """Insert plain value tuples (``names`` in order) without building model instances; every other
    column takes its field's default. For the demo's link rows (record → obligation, citation,
    review), tens of thousands each."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    given = [model._meta.get_field(n) for n in names]
    other = [f for f in model._meta.concrete_fields if not f.primary_key and f not in given]
    tail = tuple(f.get_db_prep_save(f.get_default(), connection) for f in other)
    # Only dates and times need converting for the database; ids and text go as they are.
    convert = [i for i, f in enumerate(given) if f.get_internal_type() in ("DateTimeField", "DateField")]
    columns = ", ".join(quote(f.column) for f in [*given, *other])
    marks = ", ".join(["%s"] * (len(given) + len(other)))

    def prepared(row):
        if convert:
            row = list(row)
            for i in convert:
                row[i] = given[i].get_db_prep_save(row[i], connection)
        return (*row, *tail)

    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})",
                           [prepared(row) for row in rows])


def _save_submissions(obligations):
    """The submission facts of many obligations in one prepared UPDATE run per row: Django's
    ``bulk_update`` builds a CASE expression per row and field, far slower at 40,000 rows."""
    names = ["submitted_at", "submitted_on", "review", "reviewed_at"]
    fields = [Obligation._meta.get_field(n) for n in names]
    connection = connections[router.db_for_write(Obligation)]
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(Obligation._meta.db_table)} SET {sets} WHERE {quote('id')} = %s",
            [(*(f.get_db_prep_save(getattr(ob, f.attname), connection) for f in fields), ob.pk) for ob in obligations])


def _records_for(villages, today, reviewer, rng):
    obligations = list(Obligation.objects.filter(village__in=villages, due__lte=today + datetime.timedelta(days=3),
                                                  opens__lte=today).order_by("village_id", "due"))
    by_village = {v.pk: v for v in villages}
    records, links, updates = [], [], []
    for ob in obligations:
        village = by_village[ob.village_id]
        prof = profile(village.code)
        roll = rng.random()
        missing = {"exemplary": 0.01, "late": 0.08, "poor": 0.25}[prof]
        late = {"exemplary": 0.03, "late": 0.25, "poor": 0.3}[prof]
        if roll < missing:
            continue
        delay = rng.randint(3, 20) if roll < missing + late else -rng.randint(0, 5)
        day = max(ob.opens, ob.due + datetime.timedelta(days=delay))
        if day > today:
            continue
        kind, sub = KIND_BY_CODE.get(ob.item_code, ("meeting", None))
        submitted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
        if (today - day).days < 7:
            state = Record.SUBMITTED
        elif rng.random() < {"exemplary": 0.01, "late": 0.05, "poor": 0.08}[prof]:
            state = Record.RETURNED
        else:
            state = Record.ACCEPTED
        content = _content(kind, sub, village, day, rng)
        flags = ["末位表态：书记未最后发言。"] if kind == "meeting" and content["speakers"][-1] != (
            village.secretary or "书记") else []
        reviewed = submitted + datetime.timedelta(days=2) if state != Record.SUBMITTED else None
        records.append(Record(
            village=village, kind=kind, title=f"{ob.item_name}（{ob.period_label}）", occurred_on=day, content=content,
            flags=flags, state=state, is_public=kind == "disclosure" and content.get("channel") == "线上",
            submitted_at=submitted, reviewed_at=reviewed,
            review_comment="签到表缺少实到人员签字，请补充后重新提交。" if state == Record.RETURNED else ""))
        links.append(ob)
        ob.submitted_at, ob.submitted_on, ob.reviewed_at = submitted, day, reviewed
        ob.review = {Record.ACCEPTED: st.ACCEPTED, Record.RETURNED: st.RETURNED_RESULT}.get(state, "")
        updates.append(ob)
    for v in villages:  # one 四议两公开 matter for most villages
        if profile(v.code) != "poor" or rng.random() < 0.3:
            day = today - datetime.timedelta(days=90 + rng.randint(0, 120))
            records.append(Record(village=v, kind="siyi", title="村集体产业路硬化项目“四议两公开”", occurred_on=day,
                                  content=_siyi_content(day, rng), state=Record.ACCEPTED, is_public=False,
                                  submitted_at=timezone.make_aware(datetime.datetime.combine(
                                      day + datetime.timedelta(days=61), datetime.time(10)))))
            links.append(None)
    Record.objects.bulk_create(records, batch_size=2000)
    count = len(records)
    matters = _matter_obligations([r for r, ob in zip(records, links, strict=True) if ob is None])
    records += [r for r, _ob in matters]
    links += [ob for _r, ob in matters]
    Through = Record.obligations.through
    _insert(Through, ["record", "obligation"], [(r.pk, ob.pk) for r, ob in zip(records, links, strict=True)
                                                if ob is not None])
    _save_submissions(updates)
    cites = _citations_by_code({ob.item_code for ob in links if ob is not None})
    _insert(Citation, ["record", "regulation", "version", "article", "anchor"],
            [(r.pk, p.pk, v.pk, a.label, a.anchor) for r, ob in zip(records, links, strict=True) if ob is not None
             for p, v, a in cites.get(ob.item_code, [])])
    reviewer_id = reviewer.pk if reviewer else None
    _insert(Review, ["record", "reviewer", "result", "comment", "at"],
            [(r.pk, reviewer_id, st.RETURNED_RESULT if r.state == Record.RETURNED else st.ACCEPTED, r.review_comment,
              r.reviewed_at) for r in records if r.reviewed_at])
    return count


def _supervision(villages, today, rng, small):
    actions, targets, elevated = [], [], []
    for v in villages:
        prof = profile(v.code)
        if prof in ("poor", "late"):
            actions.append(SupervisionAction(village=v, kind=SupervisionAction.TALK, issued_on=today - datetime.timedelta(
                days=120), reason="村务联席会议记录不全、清账行动滞后，进行谈话提醒（示例）。"))
        if prof == "poor":
            actions.append(SupervisionAction(village=v, kind=SupervisionAction.WARNING, issued_on=today - datetime.timedelta(
                days=60), reason="多项履职事项逾期未完成，书面警示（示例）。"))
            closed = rng.random() < 0.4
            actions.append(SupervisionAction(
                village=v, kind=SupervisionAction.RECTIFY, issued_on=today - datetime.timedelta(days=30),
                reason="责令对逾期的“三会一课”记录限期整改（示例）。", rectify_by=today + datetime.timedelta(days=15),
                closed_on=today - datetime.timedelta(days=3) if closed else None,
                closure_note="已补开会议并补齐记录（示例）。" if closed else ""))
        if (small and v.code in ELEVATED_SMALL) or (not small and _seed(v.code) % 40 == 0):
            elevated.append(ElevatedSupervision(village=v, reason="集体“三资”规模较大，县级提级监督（示例）。",
                                                since=datetime.date(today.year, 1, 1)))
        for i, (title, month) in enumerate([("村集体经济收入增长10%", 12), ("完成组道路硬化2公里", 9),
                                            ("建成群众说事室并每月开放", 4)]):
            due = datetime.date(today.year, month, 28)
            done = due <= today and (prof == "exemplary" or i == 2)
            targets.append(TargetTask(village=v, year=today.year, title=title, due=due,
                                      commitment=f"书记{v.secretary}公开承诺：{title}（示例）",
                                      done_on=due - datetime.timedelta(days=5) if done else None))
    SupervisionAction.objects.bulk_create(actions)
    TargetTask.objects.bulk_create(targets)
    ElevatedSupervision.objects.bulk_create(elevated, ignore_conflicts=True)


def load(home, stdout=None, small=False, today=None, years=1):
    def say(msg):
        if stdout is not None:
            stdout.write(msg)

    if not TaskItem.objects.exists():
        say("履职记录示例：尚无清单事项（先载入清单示例），已跳过。")
        return
    today = today or clock.today()
    villages = VillagePage.objects.live().order_by("code")
    if small:
        villages = villages.filter(code__in=SMALL_CODES)
    villages = list(villages)
    start = (today.replace(day=1) - datetime.timedelta(days=365 * years - 31)).replace(day=1)
    with transaction.atomic():
        # Duties up to about a month past the load day (this period and the next week's and month's,
        # as the rolling job keeps them); nothing further ahead, and records never after today.
        created = generate(villages, start, today + datetime.timedelta(days=AHEAD_DAYS))
        done = set(Record.objects.filter(village__in=villages).values_list("village_id", flat=True).distinct())
        todo = [v for v in villages if v.pk not in done]
        reviewer = get_user_model().objects.filter(username="dudao").first()
        rng = random.Random(20261126)
        count = _records_for(todo, today, reviewer, rng) if todo else 0
        if todo:
            _supervision(todo, today, rng, small)
    say(f"履职记录示例：{len(villages)} 个村，新增履职事项 {created} 项、记录 {count} 条。")

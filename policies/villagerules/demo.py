"""Demo 村规民约: the county template (示范文本, 2019 and 2023) and every demo village's rules
generated from it with local variations. Every village has filed rules in force; some are revising
them (a draft, or a text voted and awaiting 备案), a few rest on the 2019 template. Fast: no
revisions for generated village rules, versions in bulk."""

import datetime

from django.db import transaction

from core import clock
from villages.models import VillagePage

from .demo_data import TEMPLATE_2019, TEMPLATE_2023, pick, to_stream, village_chapters
from .models import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion

D = datetime.date
INTRO = ("县委组织部会同县民政局印发的村规民约示范文本，以及各村（社区）依程序制定、报乡镇（街道）备案的村规民约。"
         "（示例）")


def _template(index):
    page = VillageRulePage.objects.child_of(index).first()
    if page is None:
        page = VillageRulePage(title="习水县村规民约示范文本", slug="shifan-wenben", is_demo=True)
        page.versions = [
            VillageRuleVersion(label="2019年示范文本", doc_number="习民发〔2019〕示例8号", issued_on=D(2019, 5, 20),
                               effective_from=D(2019, 6, 1), body=to_stream(TEMPLATE_2019), sort_order=0),
            VillageRuleVersion(label="2023年修订示范文本", doc_number="习民发〔2023〕示例3号", issued_on=D(2023, 4, 20),
                               effective_from=D(2023, 5, 1), body=to_stream(TEMPLATE_2023), sort_order=1,
                               change_note="新增禁毒、移风易俗、文明上网、村务监督条款；明确宴请规模。"),
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
    versions = sorted(page.versions.all(), key=lambda v: v.effective_from)
    return versions[0], versions[-1]


def _adopted(village, n, based, start, label, sort_order, township_code, *, vote=True, filed=True):
    assembly = pick(village.code, "meeting", 4) == 0
    expected = int(village.population * 0.72) if assembly else 30 + n % 16
    actual = expected // 2 + 1 + expected // 5 if assembly else -(-expected * 2 // 3) + n % 4
    actual = min(actual, expected)
    votes_for = actual - 2 - n % 3
    return VillageRuleVersion(
        label=label, body=to_stream(village_chapters(village.code, TEMPLATE_2019 if based.effective_from.year < 2023
                                                     else TEMPLATE_2023)),
        based_on=based, sort_order=sort_order,
        consultation_from=start - datetime.timedelta(days=70), consultation_to=start - datetime.timedelta(days=50),
        drafted_on=start - datetime.timedelta(days=45), township_reviewed_on=start - datetime.timedelta(days=30),
        township_opinion="经审核，草案内容符合法律法规和政策规定，同意提交表决。",
        vote_meeting=("村民会议" if assembly else "村民代表会议") if vote else "",
        voted_on=start - datetime.timedelta(days=14) if vote else None,
        attendance_expected=expected if vote else None, attendance_actual=actual if vote else None,
        votes_for=votes_for if vote else None, votes_against=1 if vote else None,
        votes_abstain=(actual - votes_for - 1) if vote else None,
        filed_on=start if filed else None, effective_from=start if filed else None,
        filing_number=f"{township_code}备〔{start.year}〕{n}号" if filed else "")


def village_versions(village, old, new):
    """The deterministic history of one village's rules. Every village has filed rules in force;
    a revision in progress (drafted, or voted and awaiting 备案) dates from the day the demo is
    loaded and leaves the previous filed rules in force until it is filed."""
    n = int(village.code[-3:])
    t_code = village.code[:9]
    shift = datetime.timedelta(days=pick(village.code, "day", 120))
    today = clock.today()
    if n % 20 == 3:   # 2020 rules in force; a revision drafted and reviewed, not yet voted on
        return [_adopted(village, n, old, D(2020, 3, 1) + shift, "2020年版", 0, t_code),
                _adopted(village, n, new, today + datetime.timedelta(days=20), f"{today.year}年修订草案", 1, t_code,
                         vote=False, filed=False)]
    if n % 20 in (6, 16):  # a revision voted, awaiting 备案, while the earlier text stays in force
        first = (_adopted(village, n, new, D(2023, 8, 1) + shift, "2023年修订版", 0, t_code) if n % 20 == 6
                 else _adopted(village, n, old, D(2020, 3, 1) + shift, "2020年版", 0, t_code))
        return [first, _adopted(village, n, new, today, f"{today.year}年修订版", 1, t_code, filed=False)]
    if n % 7 == 2:    # still on the 2019 template: flagged for re-filing and age
        return [_adopted(village, n, old, D(2020, 3, 1) + shift, "2020年版", 0, t_code)]
    if n % 5 == 0:    # two filed versions
        return [_adopted(village, n, old, D(2020, 3, 1) + shift, "2020年版", 0, t_code),
                _adopted(village, n, new, D(2023, 9, 1) + shift, "2023年修订版", 1, t_code)]
    return [_adopted(village, n, new, D(2023, 8, 1) + shift, "2023年修订版", 0, t_code)]


def load(home, stdout=None, small=False):
    with transaction.atomic():
        index = VillageRuleIndexPage.objects.first()
        if index is None:
            index = home.add_child(instance=VillageRuleIndexPage(title="村规民约", slug="cunguiminyue", intro=INTRO))
            index.save_revision().publish()
        old, new = _template(index)
        villages = VillagePage.objects.order_by("code")
        if small:
            villages = villages.filter(code__startswith="520330101")[:10]
        have = {p.path[:-p.steplen] for p in VillageRulePage.objects.exclude(pk__in=[old.page_id])}
        pending = []
        for village in villages:
            if village.path in have:
                continue
            page = VillageRulePage(title=f"{village.title}村规民约", slug="cunguiminyue", is_demo=True,
                                   live=True, has_unpublished_changes=False)
            village.add_child(instance=page)
            for version in village_versions(village, old, new):
                version.page = page
                pending.append(version)
        VillageRuleVersion.objects.bulk_create(pending)
    if stdout:
        stdout.write(f"村规民约：新建 {len({v.page_id for v in pending})} 份")
    return index

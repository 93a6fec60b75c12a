"""Questions as cadres type them, on whichever engine is configured (the parity suite: CI runs it on
the embedded engine and on Elasticsearch): question words, words apart, punctuation inside a term,
traditional characters, the synonym list, kinds ranked and groups collapsed."""

import datetime

import pytest

from search.engines import get_engine
from search.service import run_search
from search.units import SearchUnit
from tests.search_helpers import isolated_search_index, make_regulation, skip_without_engine  # noqa: F401 - autouse fixture

skip_without_engine()

TITLE = "鹊山村务议事示例规则"
TEXTS = [
    "鹊山联络会议由村党组织书记召集并主持，一般每周召开一次。",
    "鹊山村集体鹊产坚持“村有、乡管、村用”的原则。",
    "鹊山报账员不得兼任出纳，现金库存限额为二千元。",
    "鹊山村务监督委员会主任列席鹊山联络会议。",
]
VILLAGES = ["520330101201", "520330101202", "520330101203"]


@pytest.fixture
def regulation(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_regulation(TITLE, [("2024年版", datetime.date(2024, 1, 1), TEXTS)])
    version = page.versions.get()
    return {n: f"reg:{page.pk}:v{version.pk}:art-{n}" for n in range(1, len(TEXTS) + 1)}


@pytest.fixture
def village_units(db):
    """The same monthly record and the same village-rule clause in three villages."""
    engine = get_engine()
    sources = []
    for i, code in enumerate(VILLAGES):
        units = [
            SearchUnit(id=f"test:rec:{i}", source=f"test:rec:{i}", type="record", title="鹊山联络会议记录（2026年3月）",
                       text="鹊山联络会议研究鹊产事项，书记主持。", label="会议记录", village=code, township=code[:9],
                       doc_sort=f"record:2026-03-0{i + 1}", unit_sort=i, url=f"/records/{i}/"),
            SearchUnit(id=f"test:vr:{i}", source=f"test:vr:{i}", type="villagerule", title=f"鹊山第{i}村村规民约",
                       text="鹊山联络会议每月公布鹊产收支。", label=f"第{i + 3}条", village=code,
                       township=code[:9], url=f"/rules/{i}/"),
        ]
        for unit in units:
            engine.replace_source(unit.source, [unit])
            sources.append(unit.source)
    yield
    for source in sources:
        engine.delete_source(source)


def top(q, n=3, **kwargs):
    return [h.unit.id for h in run_search(q, page_size=20, **kwargs)[2].hits][:n]


@pytest.mark.parametrize("q, number", [
    ("鹊山联络会议多久开一次", 1),
    ("鹊山联络会议谁来主持", 1),
    ("鹊山报账员可以兼任出纳吗", 3),
    ("鹊山的现金库存限额是多少", 3),
])
def test_questions_find_the_answering_article_first(regulation, q, number):
    assert top(q, 1) == [regulation[number]]


def test_words_apart_and_reordered(regulation):
    assert top("出纳 鹊山报账员", 1) == [regulation[3]]
    assert top("每周 鹊山联络 主持", 1) == [regulation[1]]


def test_best_coverage_when_no_unit_has_every_word(regulation):
    # No article says 鹊山 … 宅基地: the articles with the other words still come, none is lost.
    found = top("鹊山报账员 宅基地审批", 20)
    assert found and found[0] == regulation[3]


@pytest.mark.parametrize("q", ["村有乡管村用", "“村有、乡管、村用”", "村有、乡管、村用"])
def test_punctuation_inside_a_term_is_ignored(regulation, q):
    assert regulation[2] in top(q, 3)


@pytest.mark.parametrize("q", ["鹊山報賬員可以兼任出納嗎", "鹊山聯絡會議"])
def test_traditional_characters_are_folded(regulation, q):
    assert top(q, 1)[0] in (regulation[3], regulation[1], regulation[4])


def test_equivalent_synonym_group_and_one_way_abbreviation(regulation):
    from search.models import Synonym

    assert regulation[4] not in top("鹊监会", 5)
    Synonym.objects.create(term="鹊监会", expansions="鹊山村务监督委员会", kind=Synonym.EQUIVALENT)
    assert regulation[4] in top("鹊监会主任列席吗", 1)
    Synonym.objects.create(term="鹊三样", expansions="报账员、出纳", kind=Synonym.ONE_WAY)
    assert regulation[3] in top("鹊三样", 1)


def test_demo_synonym_list_is_loaded_by_migration(db):
    from search.models import Synonym, synonym_map

    assert Synonym.objects.filter(kind=Synonym.EQUIVALENT).count() >= 30
    mapping = synonym_map()
    assert "村务监督委员会" in mapping["监委会"] and "监委会" in mapping["村务监督委员会"]
    assert "资金" in mapping["三资"] and "三资" not in mapping.get("资金", [])


def test_exact_phrase_in_quotes_must_be_present(regulation):
    assert top("“每周召开一次”", 1) == [regulation[1]]
    assert regulation[1] not in top("“每月召开一次”", 20)


def test_articles_rank_above_records_and_groups_collapse(regulation, village_units):
    _, _, results = run_search("“鹊山联络会议”", page_size=20)
    hits = results.hits
    kinds = [h.unit.type for h in hits]
    assert kinds[0] in ("article", "villagerule")
    assert kinds.index("record") > max(i for i, k in enumerate(kinds) if k in ("article", "villagerule"))
    records = [h for h in hits if h.unit.type == "record"]
    assert len(records) == 1 and records[0].group_size == 3
    clauses = [h for h in hits if h.unit.type == "villagerule"]
    assert len(clauses) == 1 and clauses[0].group_size == 3
    assert results.units == results.count + 4


def test_expanded_search_lists_each_record(regulation, village_units):
    _, _, results = run_search("“鹊山联络会议”", types=["record"], collapse=False, page_size=20)
    assert sorted(h.unit.id for h in results.hits) == [f"test:rec:{i}" for i in range(3)]
    assert results.count == 3


def test_api_and_page_show_groups_and_the_best_answer(client, regulation, village_units):
    data = client.get("/api/v1/search/", {"q": "鹊山联络会议多久开一次"}).json()
    assert data["best"]["citation"] == f"《{TITLE}》第一条（2024年版）"
    assert data["best"]["text"] == TEXTS[0]
    data = client.get("/api/v1/search/", {"q": "“鹊山联络会议”"}).json()
    group = next(r for r in data["results"] if r["type"] == "record")
    assert group["group_size"] == 3 and group["group_label"] == "3 个村的记录"
    page = client.get(group["group_url"]).content.decode()
    assert page.count("鹊山联络会议记录（2026年3月）") >= 3
    html = client.get("/search/", {"q": "鹊山联络会议多久开一次"}).content.decode()
    assert "最佳答案" in html and TEXTS[0] in html
    assert "3 个村的记录" in client.get("/search/", {"q": "“鹊山联络会议”"}).content.decode()

"""需复核: a new version that changes a cited article flags the questions citing it, links the
diff, and keeps them out of quizzes until a manager confirms or edits them."""

import pytest

from core import clock
from policies.models import RegulationPage
from tests.regulation_helpers import add_version, days
from training import demo_data, grading, staleness
from training.models import Question, Quiz

pytestmark = pytest.mark.django_db


def test_demo_amendments_flag_exactly_the_expected_questions():
    stale = Question.objects.filter(review_state="stale")
    assert sorted(stale.values_list("demo_key", flat=True)) == sorted(demo_data.stale_question_keys())
    q42 = stale.get(demo_key="q42")
    assert "条序调整" in q42.stale_reason and "第八条现为第九条" in q42.stale_reason
    assert "修改了第二条" in stale.get(demo_key="q33").stale_reason


def test_flagging_again_changes_nothing():
    for slug in demo_data.LATER_VERSIONS:
        assert staleness.flag_questions_for(RegulationPage.objects.get(slug=slug)) == []


def test_the_diff_link_opens_the_compare_page(client, login):
    login("peixun")
    q34 = Question.objects.get(demo_key="q34")
    response = client.get(q34.stale_diff_url)
    assert response.status_code == 200 and "第十条" in response.content.decode()


def test_stale_questions_listed_for_managers_only(client, login):
    login("diyishuji")
    assert client.get("/api/v1/training/questions/?stale=true").status_code == 403
    login("peixun")
    data = client.get("/api/v1/training/questions/?stale=true").json()
    assert data["count"] == 8 and all(r["diff_url"].startswith("/zhidu/") for r in data["results"])


def test_confirming_repins_through_the_diff_and_returns_the_question(client, login):
    login("peixun")
    q42 = Question.objects.get(demo_key="q42")
    client.post(f"/training/questions/{q42.pk}/confirm/")
    q42.refresh_from_db()
    citation = q42.citations.get()
    assert q42.review_state == "ok" and citation.article == 9 and citation.version.label == "2023年修订版"
    assert q42 in grading._random_pool(Quiz.objects.get(course__slug="cunji-ganbu-guanli"))
    assert q42.reviewed_by.username == "peixun"


def test_course_page_marks_revised_articles(client):
    html = client.get("/peixun/siyi-liang-gongkai/").content.decode()
    assert "本条已修订，查看修订对照" in html and "/zhidu/siyi-liang-gongkai-renwu-qingdan/compare/?from=" in html


def test_publishing_a_version_that_changes_a_cited_article_flags_its_question():
    page = RegulationPage.objects.get(slug=demo_data.LEGAL)
    q22 = Question.objects.get(demo_key="q22")  # cites 第三条
    assert q22.review_state == "ok"
    lines = []
    for article in page.versions_in_order()[-1].articles():
        for n, p in enumerate(article.paragraphs):
            text = p.text + ("（修订）" if article.number == 3 and n == 0 else "")
            lines.append(("条 " if n == 0 else "款 ") + text)
            lines += ["- " + item for item in p.items]
    add_version(page, days(30), text="\n".join(lines), label="2027年修订版")  # page_published fires
    q22.refresh_from_db()
    assert q22.review_state == "stale" and "修改了第三条" in q22.stale_reason
    assert q22 not in grading.draw_questions(Quiz.objects.get(course__slug="siyi-liang-gongkai"))
    assert clock.today() < page.versions_in_order()[-1].effective_from


def test_review_page_lists_flagged_questions_with_diff_and_confirm(client, login):
    login("diyishuji")
    assert client.get("/training/review/").status_code == 403
    login("peixun")
    html = client.get("/training/review/").content.decode()
    assert "需复核的试题（8）" in html and "查看修订对照" in html and "确认无需修改" in html


def test_a_citation_of_a_missing_article_is_refused_in_chinese():
    from django.core.exceptions import ValidationError

    from training.models import QuestionCitation

    page = RegulationPage.objects.get(slug=demo_data.LEGAL)
    citation = QuestionCitation(regulation=page, version=page.versions_in_order()[0], article=99)
    with pytest.raises(ValidationError) as err:
        citation.clean()
    assert f"《{page.title}》{page.versions_in_order()[0].label}没有第九十九条。" in str(err.value)


def test_todo_items_for_trainee_and_manager():
    from django.contrib.auth import get_user_model

    from compliance.todo import sections_for

    User = get_user_model()

    def training_items(username):
        sections = sections_for(User.objects.get(username=username), clock.today())
        return [i for s in sections if s["title"] == "第一书记培训" for i in s["items"]]

    items = training_items("flsj03")
    assert [(i["kind"], i["status"]) for i in items] == [("reread", "逾期")]
    assert set(items[0]) >= {"title", "url", "due", "kind"} and items[0]["url"].startswith("/training/read/")
    assert training_items("flsj01") == []  # re-read done
    assert training_items("peixun")[-1]["title"].startswith("需复核的试题 (8)")


def test_handout_prints_the_cited_articles(client):
    html = client.get("/peixun/siyi-liang-gongkai/print/").content.decode()
    assert "讲义" in html and "党员大会审议时，应当有三分之二以上党员到会" in html
    pdf = client.get("/peixun/siyi-liang-gongkai/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

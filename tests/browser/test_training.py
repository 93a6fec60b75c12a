"""Training on a 360 px phone: sign in to today's session with the short code, take a quiz and
follow a wrong answer to the article that answers it."""

from .conftest import log_in, no_horizontal_scroll

SESSION = """
import datetime
from django.contrib.auth import get_user_model
from core import clock
from training.models import TrainingSession
User = get_user_model()
session, _ = TrainingSession.objects.get_or_create(code="BRWS26", defaults=dict(
    title="浏览器测试培训班（示例）", date=clock.today(), starts_at=datetime.time(9, 30),
    ends_at=datetime.time(12, 0), place="县委党校", trainer="王老师", manager=User.objects.get(username="peixun")))
session.invitees.add(User.objects.get(username="dysj04"))
"""


def test_sign_in_with_the_code_and_take_a_quiz_on_a_phone(site, phone):
    site.manage("shell", "-c", SESSION)
    log_in(phone, site, "dysj04")

    phone.goto(site.url + "/training/signin/")
    phone.get_by_label("签到码（6位）").fill("brws26")
    phone.get_by_role("button", name="签到").click()
    assert "签到成功" in phone.locator("main").inner_text()
    assert no_horizontal_scroll(phone)

    phone.goto(site.url + "/peixun/sanzi-lianshen-lianqian/")
    phone.get_by_role("link", name="参加测试").click()
    phone.get_by_role("button", name="开始答题").click()
    questions = phone.locator("fieldset.question")
    assert questions.count() == 13  # 14 minus the one left out as 需复核
    for i in range(questions.count()):
        questions.nth(i).locator("input").first.check()
    assert no_horizontal_scroll(phone)
    phone.get_by_role("button", name="交卷").click()

    main = phone.locator("main").inner_text()
    assert "得分" in main and "回答错误" in main
    assert no_horizontal_scroll(phone)
    link = phone.locator("a.article-link").first
    target = link.get_attribute("href")
    assert "/zhidu/" in target and "#art-" in target
    link.click()
    phone.wait_for_load_state()
    anchor = target.split("#")[1]
    assert phone.locator(f"#{anchor}").count() == 1  # the article that answers the question

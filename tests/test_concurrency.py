"""N identical requests racing for one transition: one effect, the others a Chinese message, never an
error. Real concurrent connections (one per thread) on committed rows: the usual rolled-back test
transaction would hide the rows from the other connections, so these tests commit and clean up after
themselves. On PostgreSQL the losers wait for the row lock and then see the new state; on the
in-memory SQLite of the default test run a loser may instead find the database busy and is told to
retry. The HTTP variant runs on PostgreSQL only (the in-memory SQLite locks whole tables, so even
the session lookup of a racing request can find it busy — an artefact of the test database).

The tests are marked ``django_db`` (so that the test database exists) but the main thread never
touches it: its connection sits in the rolled-back test transaction. All work runs in threads, each
with its own autocommitting connection."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from compliance import services
from compliance.models import Citation, Record, Review
from core import clock
from villages.models import VillagePage

V1 = "520330101201"
N = 8
POSTGRES = connection.vendor == "postgresql"
CHINESE = (services.CONFLICT, services.RETRY)


def meeting(title):
    return ("meeting", title, clock.today().isoformat(),
            {"meeting_type": "联席会议", "chair": "书记", "expected": "7", "actual": "7", "agenda": "议题",
             "speakers": "委员甲\n书记", "decisions": "决定"})


# Real concurrent connections need a server database: the suite's in-memory SQLite is one shared-cache
# database whose schema lock the rolled-back test transaction can hold, so threads there fail on the
# test set-up, not on our code. CI runs this file on PostgreSQL; SQLite files in WAL mode are covered
# by the IMMEDIATE transaction mode in the settings.
pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not POSTGRES, reason="并发测试需要 PostgreSQL（DATABASE_URL=postgres://…）")]


def in_thread(fn):
    """``fn()`` on a connection of its own (autocommit), outside the test transaction."""
    box = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 — re-raised in the caller
            box["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _purge(made):
    roots = {r.root_id_or_self for r in made}
    family = Record.objects.filter(pk__in=roots) | Record.objects.filter(root_id__in=roots)
    ids = list(family.values_list("pk", flat=True))
    Review.objects.filter(record_id__in=ids).delete()
    Citation.objects.filter(record_id__in=ids).delete()
    Record.obligations.through.objects.filter(record_id__in=ids).delete()
    Record.objects.filter(pk__in=ids)._raw_delete(Record.objects.db)


@pytest.fixture
def committed():
    """Record families made (committed) by a test; removed afterwards."""
    made = []
    yield made
    in_thread(lambda: _purge(made))


def race(n, action):
    """Run ``action()`` in ``n`` threads released together; ``[(outcome, value)]``."""
    barrier, results, lock = threading.Barrier(n), [], threading.Lock()

    def run():
        try:
            barrier.wait()
            outcome = ("ok", action())
        except services.Invalid as exc:
            outcome = ("invalid", exc.errors)
        except Exception as exc:  # noqa: BLE001 — any other error is what this test must catch
            outcome = ("error", repr(exc))
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def check_one_effect(results):
    assert len(results) == N and not [r for r in results if r[0] == "error"], results
    wins = [r for r in results if r[0] == "ok"]
    losers = [r[1] for r in results if r[0] == "invalid"]
    # PostgreSQL queues the racers on the row lock: exactly one wins. The in-memory SQLite may turn
    # every racer away as busy; then nothing at all happened, which the caller also checks.
    assert len(wins) == 1 if POSTGRES else len(wins) <= 1, results
    for errors in losers:
        message = "".join(errors.values())
        assert message and all("\u4e00" <= ch <= "\u9fff" for ch in message if ch.isalpha()), errors
    return len(wins)


def submitted(committed, title, returned=False):
    """A submitted (or returned) meeting record of the demo village, committed."""
    def make():
        village = VillagePage.objects.get(code=V1)
        user = get_user_model().objects.get(username="cungan")
        record = services.save(village, user, *meeting(title), submit=True)
        committed.append(record)
        if returned:
            services.review(record, get_user_model().objects.get(username="dudao"), "returned", "请补充议题")
            record.refresh_from_db()
        return record, village, user

    return in_thread(make)


def test_concurrent_reviews_write_one_review(committed):
    record, _village, _user = submitted(committed, "并发审核")
    reviewer = in_thread(lambda: get_user_model().objects.get(username="dudao"))
    wins = check_one_effect(race(N, lambda: services.review(record, reviewer, "accepted", "")))
    assert in_thread(lambda: Review.objects.filter(record=record).count()) == wins
    state = in_thread(lambda: Record.objects.get(pk=record.pk).state)
    assert state == (Record.ACCEPTED if wins else Record.SUBMITTED)


def test_concurrent_resubmissions_never_fork_a_record(committed):
    record, village, user = submitted(committed, "并发重报", returned=True)
    wins = check_one_effect(race(N, lambda: services.save(village, user, *meeting("并发重报（更正）"),
                                                           submit=True, record=record)))
    family = in_thread(lambda: list(Record.objects.filter(root_id=record.pk).order_by("revision")
                                    .values_list("revision", "is_current", "state")))
    assert family == [(2, True, Record.SUBMITTED)][:wins]
    assert in_thread(lambda: Record.objects.get(pk=record.pk).is_current) == (not wins)


def test_concurrent_corrections_make_one_revision(committed):
    record, _village, user = submitted(committed, "并发更正")
    wins = check_one_effect(race(N, lambda: services.correct(record, user)))
    assert in_thread(lambda: Record.objects.filter(root_id=record.pk).count()) == wins


@pytest.mark.skipif(not POSTGRES, reason="HTTP races need a server database (DATABASE_URL=postgres://…)")
def test_double_clicked_resubmit_over_http_forks_nothing_and_never_500s(committed):
    from django.test import Client

    record, _village, cadre = submitted(committed, "双击提交", returned=True)
    data = {"title": "双击提交（更正）", "occurred_on": clock.today().isoformat(), "meeting_type": "联席会议",
            "chair": "书记", "expected": "7", "actual": "7", "agenda": "议题", "speakers": "委员甲\n书记",
            "decisions": "决定", "action": "submit"}

    def post():
        client = Client()
        client.force_login(cadre)
        response = client.post(f"/records/r/{record.pk}/edit/", data)
        assert response.status_code in (200, 302), response.status_code
        return response.status_code

    results = race(N, post)
    assert not [r for r in results if r[0] == "error"], results
    family = in_thread(lambda: list(Record.objects.filter(root_id=record.pk).values_list("is_current", "state")))
    assert family == [(True, Record.SUBMITTED)]

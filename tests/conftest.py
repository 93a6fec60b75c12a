import datetime
import io

import pytest
from django.core.management import call_command

from core import clock

# Every test runs on this day, whatever the machine's clock says (CI also runs the suite with the
# clock moved by faketime): a test must never depend on the real date.
TODAY = datetime.datetime(2026, 11, 20, 10, 0)


@pytest.fixture(scope="session", autouse=True)
def fixed_clock():
    clock.freeze(TODAY)
    yield TODAY
    clock.unfreeze()


@pytest.fixture(scope="session")
def django_db_setup(fixed_clock, django_db_setup, django_db_blocker):
    """The Xishui demo (small variant) is loaded once; each test runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", quiet_logins=True, small=True, stdout=io.StringIO())


@pytest.fixture
def login(client):
    """``login("bianji")`` logs the client in as one of the demo accounts."""
    from django.contrib.auth import get_user_model

    def _login(username):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return _login

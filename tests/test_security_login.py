"""Passwords cannot be guessed: repeated failures lock the account (admin login and API alike), and
the API gives one answer for a wrong password and for a forbidden action (no password oracle)."""

import base64

import pytest

from core.lockout import LOCKED

PASSWORD = "xishui-demo-2026"


def _admin_login(client, password, username="bianji"):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_admin_login_locks_after_repeated_failures(client, db):
    for _ in range(5):
        response = _admin_login(client, "wrong-password")
        assert response.status_code in (200, 429)
    response = _admin_login(client, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_right_password_works_before_the_limit(client, db):
    for _ in range(3):
        _admin_login(client, "wrong-password")
    response = _admin_login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def _basic(username, password):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


def test_api_basic_auth_is_throttled_too(client, db):
    url = "/api/v1/villages/520330101201/records/"
    for _ in range(5):
        client.post(url, {}, content_type="application/json", **_basic("cungan", "bad"))
    response = client.post(url, {}, content_type="application/json", **_basic("cungan", PASSWORD))
    assert response.status_code == 429
    assert response.json()["detail"] == LOCKED


@pytest.mark.parametrize("password", [PASSWORD, "wrong-password"])
def test_api_same_answer_for_wrong_password_and_forbidden_village(client, db, password):
    # cungan acts for 520330101201 only: another village is forbidden with the right password.
    url = "/api/v1/villages/520330101202/records/"
    response = client.post(url, {}, content_type="application/json", **_basic("cungan", password))
    assert response.status_code == 403
    assert response.json()["detail"] == "认证失败或无权执行此操作。"


def test_bearer_token_submits_and_revoked_token_is_refused(client, db):
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken

    token, plaintext = APIToken.create_token(user=get_user_model().objects.get(username="cungan"), name="平板")
    assert plaintext not in str(APIToken.objects.values_list("key_hash", "prefix"))  # stored hashed only
    url = "/api/v1/villages/520330101201/records/"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    # Authenticated: the body is checked (422), not the caller (403).
    assert client.post(url, {}, content_type="application/json", **auth).status_code in (400, 422)
    forbidden = client.post("/api/v1/villages/520330101202/records/", {}, content_type="application/json", **auth)
    token.revoke()
    revoked = client.post(url, {}, content_type="application/json", **auth)
    assert forbidden.status_code == revoked.status_code == 403
    assert forbidden.json()["detail"] == revoked.json()["detail"] == "认证失败或无权执行此操作。"


def test_admin_lists_api_tokens_for_superuser(client, login, db):
    login("admin")
    assert client.get("/admin/api-tokens/").status_code == 200
    assert client.get("/admin/api-tokens/new/").status_code == 200

"""A Content-Security-Policy on every public page: scripts only from the site or with the nonce."""

import re


def test_public_pages_carry_the_policy(client, db):
    for url in ("/", "/search/?q=村"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        script = re.search(r"script-src ([^;]+)", policy).group(1)
        assert script.startswith("'self'") and "unsafe-inline" not in script


def test_inline_script_carries_the_responses_nonce(client, login, db):
    login("cungan")
    response = client.get("/records/villages/520330101201/new/meeting/")
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<script nonce="{nonce}">' in response.content.decode()

"""A Content-Security-Policy on every public page: scripts only from the site or with the nonce."""

import re


def test_public_pages_carry_the_policy(client, db):
    for url in ("/", "/search/?q=村"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        script = re.search(r"script-src ([^;]+)", policy).group(1)
        assert script.startswith("'self'") and "unsafe-inline" not in script


def test_form_scripts_are_allowed_by_the_policy(client, login, db):
    login("cungan")
    response = client.get("/records/villages/520330101201/new/meeting/")
    assert response.status_code == 200
    policy, body = response["Content-Security-Policy"], response.content.decode()
    # The form's autosave script is one of the site's own static files, which the policy allows;
    # every inline script (if a page has one) must carry this response's nonce.
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
    assert re.search(r'<script src="[^"]*/static/js/autosave[^"]*\.js"', body)
    nonce = re.search(r"'nonce-([^']+)'", policy)
    for tag in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", body):
        assert nonce and f'nonce="{nonce.group(1)}"' in tag

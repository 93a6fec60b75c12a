"""Who is calling the API: ``Authorization: Bearer <token>`` (Wagtail's per-user ``APIToken``, created
and revoked in the admin under 设置 → API tokens, stored hashed, shown once), HTTP Basic
(kept for old clients; throttled by django-axes through ``authenticate``), else the session with its
CSRF check. A caller with credentials gets one answer, ``DENIED``, for a wrong credential and for an
action it may not take, so the API is no password oracle."""

import base64
import binascii

from django.contrib.auth import authenticate
from ninja.utils import check_csrf

DENIED = "认证失败或无权执行此操作。"


def api_user(request):
    """``(user or None, problem, by_credentials)``."""
    from wagtail.api.v3.auth import BearerTokenAuth

    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    scheme = scheme.lower()
    if scheme == "bearer":
        token = BearerTokenAuth().authenticate(request, value.strip()[:200])
        return (token.user, None, True) if token is not None else (None, DENIED, True)
    if scheme == "basic":
        try:
            username, _, password = base64.b64decode(value.strip()[:1000]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None, DENIED, True
        user = authenticate(request, username=username[:150], password=password[:200])
        return (user, None, True) if user is not None else (None, DENIED, True)
    if request.user.is_authenticated:
        if check_csrf(request) is not None:
            return None, "CSRF 校验失败，请刷新页面后重试。", False
        return request.user, None, False
    return None, "请先登录。", False

"""What the compliance API endpoints share: the error body, the JSON payload check, the caller."""

import base64
import binascii
import json

from django.contrib.auth import authenticate
from ninja import Schema
from ninja.utils import check_csrf

from . import services
from .models import Obligation


class Message(Schema):
    detail: str
    errors: dict[str, str] = {}


def payload(request):
    """The JSON body, checked by hand so that every problem gets a Chinese message:
    {"kind", "title", "occurred_on", "content": {…}, "obligations": [id…],
     "obligation_refs": [{"item_code", "period"}], "citations": [{"version", "article"}], "submit": true}"""
    try:
        if request.content_type == "multipart/form-data":  # JSON in "payload", evidence in "files"
            data = json.loads(request.POST.get("payload") or "{}")
        else:
            data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise services.Invalid({"body": "请求体不是有效的 JSON。"}) from None
    if not isinstance(data, dict):
        raise services.Invalid({"body": "请求体应为 JSON 对象。"})
    expected = {"kind": str, "title": str, "occurred_on": str, "content": dict, "obligations": list,
                "obligation_refs": list, "citations": list, "submit": bool}
    for key, kind in expected.items():
        if key in data and not isinstance(data[key], kind):
            raise services.Invalid({key: f"字段“{key}”的类型不正确。"})
    return data


def api_user(request):
    """HTTP Basic first, else the session (which must pass the CSRF check)."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.lower().startswith("basic "):
        try:
            username, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None, "认证信息格式错误。"
        user = authenticate(request, username=username, password=password)
        return (user, None) if user is not None else (None, "用户名或密码错误。")
    if request.user.is_authenticated:
        if check_csrf(request) is not None:
            return None, "CSRF 校验失败，请刷新页面后重试。"
        return request.user, None
    return None, "请先登录。"


def obligation_ids(village, data):
    """The obligations a payload names, by id (``obligations``) or by item code and period
    (``obligation_refs``)."""
    ids = [i for i in data.get("obligations", []) if isinstance(i, int)]
    if len(ids) != len(data.get("obligations", [])):
        raise services.Invalid({"obligations": "履职事项应以编号（整数）列出。"})
    for ref in data.get("obligation_refs", []):
        ob = Obligation.objects.filter(village=village, item_code=str(ref.get("item_code", "")),
                                       period_key=str(ref.get("period", ""))).first() \
            if isinstance(ref, dict) else None
        if ob is None:
            raise services.Invalid({"obligations": "所引用的履职事项不存在。"})
        ids.append(ob.pk)
    return ids


def invalid_body(exc):
    return {"detail": "；".join(exc.errors.values()), "errors": exc.errors}

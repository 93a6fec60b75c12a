"""What the compliance API endpoints share: the error body, the JSON payload check, the caller."""

import json

from ninja import Schema

from core.api_auth import api_user as core_api_user

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
    """``(user or None, problem)``: a Bearer token, HTTP Basic (throttled) or the session with CSRF;
    one message for a wrong credential and a forbidden action (``core.api_auth``)."""
    user, problem, _by_credentials = core_api_user(request)
    return user, problem


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

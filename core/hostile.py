"""Bad input never becomes a 500: a safety net under every view's own checks.

- JSON bodies sent to the API are refused before parsing when larger than ``MAX_JSON_BYTES`` or
  nested deeper than ``MAX_JSON_DEPTH`` (``json.loads`` recurses: a deep body was a RecursionError).
- Numbers no column can hold (a 30-digit id, ``page=10**5000``) end as 400 with a Chinese message
  wherever a view did not bound them itself: OverflowError (SQLite), DataError (PostgreSQL), the
  interpreter's digit limit on ``int()``, and RecursionError."""

from django.db import DataError
from django.http import JsonResponse
from django.shortcuts import render

MAX_JSON_BYTES = 1_000_000
MAX_JSON_DEPTH = 20
TOO_LARGE = f"请求体过大（JSON 最多 {MAX_JSON_BYTES // 1000} KB）。"
TOO_DEEP = f"请求体嵌套过深（JSON 最多 {MAX_JSON_DEPTH} 层）。"
BAD_NUMBER = "参数中的数字超出允许范围或格式不正确。"


def json_depth(raw):
    """The deepest nesting of ``[``/``{`` in a JSON text (brackets inside strings do not count)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _refuse(request, message):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400)
    return render(request, "400.html", {"exception": message}, status=400)


def _is_bad_number(exception):
    if isinstance(exception, (OverflowError, DataError, RecursionError)):
        return True
    return isinstance(exception, ValueError) and "integer string conversion" in str(exception)


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and request.method in ("POST", "PUT", "PATCH") and \
                request.content_type == "application/json":
            length = request.META.get("CONTENT_LENGTH") or "0"
            if not length.isdigit() or int(length) > MAX_JSON_BYTES:
                return _refuse(request, TOO_LARGE)
            if json_depth(request.body) > MAX_JSON_DEPTH:
                return _refuse(request, TOO_DEEP)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if _is_bad_number(exception):
            return _refuse(request, BAD_NUMBER)
        return None

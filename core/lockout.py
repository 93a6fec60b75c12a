"""The answer to a locked-out login (django-axes): one Chinese message, the same for the admin login
form and the API, and no hint whether the password was right."""

from django.http import JsonResponse
from django.shortcuts import render

LOCKED = "登录失败次数过多，该账号已暂时锁定，请15分钟后再试。"


def lockout_response(request, original_response=None, credentials=None, *args, **kwargs):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": LOCKED}, status=429)
    return render(request, "error_page.html", {"heading": "暂时无法登录", "fallback": LOCKED}, status=429)

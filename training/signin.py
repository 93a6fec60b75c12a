"""Self sign-in to a session with the short code (or its QR code) while the session is open."""

import secrets

from django.db import IntegrityError, transaction

from core import clock

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O/1/I: read aloud or off a projector


class SignInError(ValueError):
    pass


def new_code(length=6):
    from .models import TrainingSession

    for _ in range(20):
        code = "".join(secrets.choice(ALPHABET) for _ in range(length))
        if not TrainingSession.objects.filter(code=code).exists():
            return code
    raise RuntimeError("无法生成签到码")


def regenerate_code(session):
    """换码: the old code stops working at once (someone shared it outside the room)."""
    session.code = new_code()
    session.save(update_fields=["code"])
    return session.code


def sign_in(user, code, now=None, method="code"):
    """The user's SignIn, or SignInError with the reason in Chinese. A second sign-in returns the first."""
    from .models import SignIn, TrainingSession

    now = now or clock.now()
    code = (code or "").strip().upper().replace("-", "").replace(" ", "")
    if not code:
        raise SignInError("请输入签到码。")
    session = TrainingSession.objects.filter(code=code).first()
    if session is None:
        raise SignInError("签到码不正确，请核对培训管理员展示的6位签到码。")
    if not session.is_open(now):
        raise SignInError("签到码已过期或尚未开始。")
    if not session.invitations.filter(user=user).exists():
        raise SignInError("您不在本期培训班名单中，请联系培训管理员。")
    existing = SignIn.objects.filter(session=session, user=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return SignIn.objects.create(session=session, user=user, signed_at=now, method=method)
    except IntegrityError:  # a double tap: the first one won
        return SignIn.objects.get(session=session, user=user)


def record_manually(session, user, by, note, now=None):
    from .models import SignIn

    note = (note or "").strip()
    if not note:
        raise SignInError("补录签到须填写说明（如：手机无信号）。")
    if not session.invitations.filter(user=user).exists():
        raise SignInError("该学员不在本期培训班名单中。")
    signin, _ = SignIn.objects.get_or_create(session=session, user=user, defaults={
        "signed_at": now or clock.now(), "method": "manual", "note": note, "recorded_by": by})
    return signin


PRESENT, LATE, ABSENT, NOT_YET = "出席", "迟到", "缺席", "未签到"


def attendance_status(session, signin, now=None):
    """出席 / 迟到 from the sign-in time; 缺席 only once the session has ended."""
    import datetime

    if signin is not None:
        late_from = session.start + datetime.timedelta(minutes=session.late_after_minutes)
        return PRESENT if signin.signed_at <= late_from else LATE
    return ABSENT if (now or clock.now()) > session.end else NOT_YET


def attendance(session, now=None):
    """[(user, SignIn or None, status)] for every invitee, by username."""
    signins = {s.user_id: s for s in session.sign_ins.all()}
    rows = []
    for inv in session.invitations.select_related("user").order_by("user__username"):
        signin = signins.get(inv.user_id)
        rows.append((inv.user, signin, attendance_status(session, signin, now)))
    return rows

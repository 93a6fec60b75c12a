"""Every compliance mutation goes into Wagtail's audit log (``ModelLogEntry``), with its user, in
the same transaction as the change: visible in the admin's site history report and in each
obligation's history on the supervision page."""

from wagtail.log_actions import log

from core import clock

ACTIONS = {
    "compliance.submit": "提交履职记录",
    "compliance.resubmit": "退回后重新提交",
    "compliance.correct": "更正履职记录（新版本）",
    "compliance.accept": "审核通过",
    "compliance.return": "审核退回",
    "compliance.supervision_open": "登记督导措施",
    "compliance.supervision_close": "整改销号",
    "compliance.not_applicable": "标记不适用",
    "compliance.not_applicable_withdrawn": "撤回不适用",
    "compliance.elevate": "列入提级监督",
    "compliance.elevate_end": "结束提级监督",
}


def register(actions):
    """The ``register_log_actions`` hook: our models and actions (``wagtail_hooks``)."""
    from wagtail.models import ModelLogEntry

    from .models import ElevatedSupervision, Obligation, Record, SupervisionAction

    for model in (Record, Obligation, SupervisionAction, ElevatedSupervision):
        actions.register_model(model, ModelLogEntry)
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)


def record(instance, action, user, **data):
    """Log ``action`` on ``instance`` by ``user`` (anonymous callers are logged without a user)."""
    return log(instance, action, user=user if getattr(user, "is_authenticated", False) else None,
               title=str(instance)[:255], data=data, timestamp=clock.now())


def history(instance):
    """The log entries of ``instance``, oldest first."""
    from wagtail.log_actions import registry

    return registry.get_logs_for_instance(instance).select_related("user").order_by("timestamp", "id")


def histories(instances):
    """``{pk: [log entries, oldest first]}`` for several instances of one model, in one query."""
    from wagtail.log_actions import registry

    instances = list(instances)
    if not instances:
        return {}
    log_model = registry.get_log_model_for_instance(instances[0])
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(type(instances[0]))
    result = {}
    for entry in log_model.objects.filter(content_type=content_type, object_id__in=[str(i.pk) for i in instances]) \
            .select_related("user").order_by("timestamp", "id"):
        result.setdefault(int(entry.object_id), []).append(entry)
    return result

"""The county's roles as Wagtail groups.

Model permissions are listed by ``app_label.codename`` so that apps added later only extend the
table; permissions whose models do not exist yet are skipped, and ``ensure_roles`` runs after every
migrate, so a new app's permissions reach the groups on the next migrate."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

EDITOR = "县委组织部编辑"
PUBLISHER = "县委组织部审核发布"
SUPERVISOR = "乡镇督导"
VILLAGE_CADRE = "村干部"
FIRST_SECRETARY = "第一书记"
TRAINING_MANAGER = "培训管理员"  # county organization department; not a county role for compliance review

ALL_ROLES = [EDITOR, PUBLISHER, SUPERVISOR, VILLAGE_CADRE, FIRST_SECRETARY, TRAINING_MANAGER]
COUNTY_ROLES = {EDITOR, PUBLISHER}

# Page permissions on the whole site (the home page and everything below it).
SITE_PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page", "lock_page"],  # editors lock the pages they are editing
    PUBLISHER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

MODEL_PERMISSIONS = {
    EDITOR: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    ],
    PUBLISHER: [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
    ],
    SUPERVISOR: ["wagtailadmin.access_admin", "wagtaildocs.choose_document"],
    VILLAGE_CADRE: ["wagtailadmin.access_admin"],
    FIRST_SECRETARY: ["wagtailadmin.access_admin"],
}


def extend_model_permissions(role, *perms):
    """Called by apps (in AppConfig.ready) to grant their own model permissions to a role."""
    MODEL_PERMISSIONS.setdefault(role, [])
    for perm in perms:
        if perm not in MODEL_PERMISSIONS[role]:
            MODEL_PERMISSIONS[role].append(perm)


def _permissions_by_name():
    """Every permission as ``{"app_label.codename": Permission}``, in one query."""
    rows = Permission.objects.select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}": p for p in rows}


def ensure_roles():
    permissions = _permissions_by_name()
    groups = {}
    for role in ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*[permissions[d] for d in MODEL_PERMISSIONS.get(role, []) if d in permissions])
        groups[role] = group
    root = Page.objects.filter(depth=2).first()
    if root is not None:
        for role, codenames in SITE_PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[role], page=root, permission=permissions[f"wagtailcore.{codename}"])
    ensure_workflow()
    return groups


def township_group_name(township):
    return f"{SUPERVISOR}·{township.title}"


def ensure_township_group(township):
    """One group per township: page rights on its own subtree only (villages and their rules)."""
    group, _ = Group.objects.get_or_create(name=township_group_name(township))
    for codename in ("add_page", "change_page", "publish_page", "lock_page"):
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=township, permission=perm)
    return group


WORKFLOW_NAME = "县委组织部审核"
WORKFLOW_TASK_NAME = "县委组织部审核发布"


def _nobody_can_approve(workflow):
    """A workflow whose approval task names only groups without members: a submission reaches
    nobody (Wagtail's default "Moderators approval" on a fresh install)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupApprovalTask

    task_ids = workflow.workflow_tasks.filter(task__active=True).values("task_id")
    for task in GroupApprovalTask.objects.filter(pk__in=task_ids):
        if not get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).exists():
            return True
    return False


def ensure_workflow(pages=()):
    """县委组织部编辑 submits, 县委组织部审核发布 approves. Assigned to ``pages`` (the libraries) and
    put in place of every page or content-type assignment whose workflow nobody can approve, so no
    page type falls back to an empty group (runs after every migrate, so existing installs heal)."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

    publishers, _ = Group.objects.get_or_create(name=PUBLISHER)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_TASK_NAME)
    task.groups.add(publishers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    root = Page.get_first_root_node()
    if root is not None and not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)
    dead = [w.pk for w in Workflow.objects.exclude(pk=workflow.pk) if _nobody_can_approve(w)]
    if dead:
        WorkflowPage.objects.filter(workflow_id__in=dead).update(workflow=workflow)
        WorkflowContentType.objects.filter(workflow_id__in=dead).update(workflow=workflow)
    return workflow

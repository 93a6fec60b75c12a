"""Demo regulation library: 制度库 (/zhidu/), the seed's four categories, the 14 county documents
(texts written fresh, marked 示例), and the moderation workflow. Idempotent: looks up by slug."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from core.roles import PUBLISHER

from .demo_texts import TEXTS, to_stream, version_text
from .models import (
    RegulationCategory,
    RegulationIndexPage,
    RegulationPage,
    RegulationRelation,
    RegulationVersion,
)

CATEGORIES = [
    ("主体培育", "村级组织和干部队伍建设：干部管理、三会一课、政治体检、第一书记。"),
    ("权力运行", "村级权力怎样运行：议事规则、四议两公开、小微权力清单、代办服务。"),
    ("权力监督", "对村级权力的监督：一肩挑后的监督机制、重大项目监督、提级监督。"),
    ("主体责任", "各级党组织的责任：履职清单、会商办法、书记抓抓书记。"),
]

WORKFLOW_NAME = "县委组织部审核"
TASK_NAME = "县委组织部审核发布"

# (page slug, kind, target slug)
RELATIONS = [
    ("xiaowei-quanli-shishi-fangan", "repeals", "zizhi-zuzhi-quanli-yunxing-tongzhi"),
    ("yijiantiao-jiandu-guanli-yijian", "supports", "yishi-guize-zhidao-yijian"),
    ("cun-dangzuzhi-lvzhi-qingdan", "supports", "sanhui-yike-renwu-qingdan"),
    ("zhongda-xiangmu-jiandu-guiding", "basis", "siyi-liang-gongkai-renwu-qingdan"),
]


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def ensure_index(home):
    index = RegulationIndexPage.objects.first()
    if index is None:
        index = RegulationIndexPage(title="制度库", slug="zhidu",
                                    intro="县委组织部和县直部门印发的规范村级权力运行制度。示例文本均标注“示例”。")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def ensure_workflow(index):
    """县委组织部编辑 drafts, 县委组织部审核发布 approves: one GroupApprovalTask on the 制度库."""
    group, _ = Group.objects.get_or_create(name=PUBLISHER)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def ensure_categories():
    result = {}
    for order, (name, description) in enumerate(CATEGORIES):
        category, _ = RegulationCategory.objects.get_or_create(
            name=name, defaults={"description": description, "sort_order": order})
        result[name] = category
    return result


def build_page(doc, category):
    page = RegulationPage(
        title=doc["title"], slug=doc["slug"], doc_number=doc["doc_number"], issuer=doc["issuer"],
        category=category, is_demo=True,
        summary=f"示例：本文为演示而撰写的示例文本，依据《{doc['title']}》的名称和县里公开的做法编写，不是正式文件原文。")
    for version in doc["versions"]:
        page.versions.add(RegulationVersion(
            label=version["label"], doc_number=version.get("doc_number", doc["doc_number"]),
            issued_on=_date(version.get("issued_on")) or _date(version["effective_from"]) - datetime.timedelta(days=15),
            effective_from=_date(version["effective_from"]), is_trial=version.get("is_trial", False),
            trial_until=_date(version.get("trial_until")), change_note=version.get("change_note", ""),
            body=to_stream(version_text(doc, version))))
    return page


def load(home, stdout=None, small=False):
    with transaction.atomic():
        index = ensure_index(home)
        ensure_workflow(index)
        categories = ensure_categories()
        created = 0
        for doc in TEXTS:
            if RegulationPage.objects.child_of(index).filter(slug=doc["slug"]).exists():
                continue
            page = build_page(doc, categories[doc["category"]])
            index.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        for slug, kind, target_slug in RELATIONS:
            page = RegulationPage.objects.filter(slug=slug).first()
            target = RegulationPage.objects.filter(slug=target_slug).first()
            if not page or not target or page.relations.filter(kind=kind, target=target).exists():
                continue
            page.relations.add(RegulationRelation(kind=kind, target=target))
            page.save_revision().publish()
    _say(stdout, f"制度库：新建 {created} 部示例制度（共 {len(TEXTS)} 部）。")

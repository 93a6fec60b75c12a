"""Demo task lists (清单, all marked 示例). Idempotent: lists are looked up by code first."""

import datetime
import uuid

from ..regulations.models import RegulationPage
from .demo_data import LISTS
from .models import TaskListIndexPage, TaskListPage, TaskListVersion

INTRO = "县委组织部等部门印发的村级履职清单。每个事项写明依据、频次、期限、步骤、佐证和公开要求。（示例）"


def _block(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _find_regulation(keyword):
    return RegulationPage.objects.live().filter(title__contains=keyword).order_by("path").first() if keyword else None


def _article_label(reg, keyword):
    """The label of the first article of the version in force whose text contains ``keyword``."""
    if not keyword or keyword.startswith("第"):
        return keyword or ""
    version = reg.current_version() if reg else None
    for article in version.articles() if version else []:
        if keyword in article.text:
            return article.label
    return ""


def resolve_basis(entries, cache):
    out = []
    for reg_kw, title, article, note in entries:
        reg = None
        if reg_kw:
            if reg_kw not in cache:
                cache[reg_kw] = _find_regulation(reg_kw)
            reg = cache[reg_kw]
        if reg is None and not title:
            title = f"习水县{reg_kw}相关制度" if reg_kw else ""
        label = _article_label(reg, article) if reg else (article if article.startswith("第") else "")
        out.append(_block({"regulation": reg.pk if reg else None, "title": title or "", "article": label,
                           "note": note}))
    return out


def item_stream(items, cache):
    stream = []
    for data in items:
        steps = []
        for parts in data["steps"]:
            parts = list(parts) + ["", "", ""]
            steps.append(_block({"actor": parts[0], "action": parts[1], "record": parts[2], "time_limit": "",
                                 "next_steps": parts[3]}))
        value = {k: data[k] for k in ("code", "name", "category", "responsible", "frequency", "deadline_day",
                                      "deadline_note", "evidence", "disclosure", "supervisor", "risks")}
        value["basis"] = resolve_basis(data["basis"], cache)
        value["steps"] = steps
        stream.append({"type": "item", "value": value, "id": str(uuid.uuid4())})
    return stream


def load(home, stdout=None, small=False):
    index = TaskListIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=TaskListIndexPage(title="清单", slug="qingdan", intro=INTRO))
        index.save_revision().publish()
    cache, created = {}, 0
    for slug, title, code, summary, versions in LISTS:
        if TaskListPage.objects.filter(list_code=code).exists():
            continue
        page = TaskListPage(title=title, slug=slug, list_code=code, summary=summary, is_demo=True)
        page.versions = [
            TaskListVersion(label=label, doc_number=number, issued_on=datetime.date.fromisoformat(issued),
                            effective_from=datetime.date.fromisoformat(start), change_note=note,
                            items=item_stream(items, cache), sort_order=i)
            for i, (label, number, issued, start, items, note) in enumerate(versions)]
        index.add_child(instance=page)
        page.save_revision().publish()  # the publish receiver builds the TaskItem rows
        created += 1
    if stdout:
        stdout.write(f"清单：新建 {created} 份")
    return index

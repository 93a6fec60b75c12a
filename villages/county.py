"""Creating the townships and villages of a checked ``importer.Plan`` under the county home page.

Pages are created the normal Wagtail way (``add_child``, then a revision published), so Wagtail's
``page_published`` signal fires for every new township and village: other apps react to it (e.g.
generating a new village's obligations) without this app knowing them."""

import contextlib
from dataclasses import dataclass, field

from django.db import transaction

from core.roles import ensure_township_group

from .models import TownshipPage, VillagePage


@dataclass
class Changes:
    """What an import would create, and what stops it (checked against the database)."""

    townships: list = field(default_factory=list)  # TownshipSpec to create
    villages: list = field(default_factory=list)  # VillageSpec to create
    existing_townships: int = 0
    existing_villages: int = 0
    errors: list = field(default_factory=list)

    @property
    def nothing_to_do(self):
        return not self.townships and not self.villages


def compare(plan):
    """Split the plan into new and already present; a code that exists with another name or under
    another township is an error (a rename or a move is done in the page editor, not by import)."""
    changes = Changes(errors=list(plan.errors))
    t_codes = [t.code for t in plan.townships]
    have_t = {t.code: t for t in TownshipPage.objects.filter(code__in=t_codes)}
    for spec in plan.townships:
        page = have_t.get(spec.code)
        if page is None:
            changes.townships.append(spec)
        elif page.title != spec.name:
            changes.errors.append(f"第 {spec.row} 行“乡镇名称”：乡镇 {spec.code} 已存在，名为“{page.title}”，"
                                  f"与表中“{spec.name}”不一致。")
        else:
            changes.existing_townships += 1
    have_v = {code: (path, title) for code, path, title in VillagePage.objects.filter(
        code__in=[v.code for v in plan.villages]).values_list("code", "path", "title")}
    t_paths = {t.code: t.path for t in have_t.values()}
    for spec in plan.villages:
        found = have_v.get(spec.code)
        if found is None:
            changes.villages.append(spec)
            continue
        path, title = found
        parent = t_paths.get(spec.township_code)
        if parent is None or not path.startswith(parent):
            changes.errors.append(f"第 {spec.row} 行“村代码”：村 {spec.code}（{title}）已存在，但不在乡镇 "
                                  f"{spec.township_code} 之下。")
        else:
            changes.existing_villages += 1
    return changes


@contextlib.contextmanager
def one_index_update(models, created):
    """Wagtail re-indexes a page for the admin search on every save (three per created page:
    add_child, revision, publish); inside this block it is done once per page at the end. Only for
    the two geography models, and the handlers are always reconnected."""
    from django.db.models.signals import post_save

    try:
        from modelsearch import index
        from modelsearch.signal_handlers import post_save_signal_handler
    except ImportError:  # another search backend: leave Wagtail's behaviour alone
        yield
        return
    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
    for page in created:
        index.insert_or_update_object(page)


def apply(changes, home, village_fields=None, is_demo=False, progress=None):
    """Create what ``compare`` found new, in one transaction. ``village_fields(code)`` may add
    profile fields (the demo fills them); ``progress(n)`` is called once per page created."""
    if changes.errors:
        raise ValueError("refusing to apply a plan with errors")
    created = []
    with transaction.atomic(), one_index_update([TownshipPage, VillagePage], created):
        townships = {t.code: t for t in TownshipPage.objects.child_of(home)}
        for spec in changes.townships:
            page = TownshipPage(title=spec.name, slug=f"t{spec.code}", code=spec.code,
                                kind=spec.kind, is_demo=is_demo)
            home.add_child(instance=page)
            page.save_revision(clean=False).publish()  # add_child has just validated the page
            townships[spec.code] = page
            created.append(page)
            if progress:
                progress(1)
        for page in townships.values():
            ensure_township_group(page)
        for spec in changes.villages:
            extra = village_fields(spec.code) if village_fields else {}
            page = VillagePage(title=spec.name, slug=f"v{spec.code}", code=spec.code, kind=spec.kind,
                               is_demo=is_demo, **extra)
            parent = townships[spec.township_code]
            parent.add_child(instance=page)
            page.save_revision(clean=False).publish()
            created.append(page)
            if progress:
                progress(1)
    return len(changes.townships), len(changes.villages)

"""Rolling obligations: for every village and every task item in force, the current period and the
next one always exist. Run by the ``roll_obligations`` job (compliance/tasks.py) daily, when a task
list is published and when a village is created; safe to run twice or at once, because
``obligations.generate`` inserts with ``ignore_conflicts`` under the unique village+item+period
constraint."""

from core import clock
from policies.versioning import schedule
from villages.models import VillagePage

from . import obligations


def horizon(today):
    """``{frequency: {current key, next key}}`` and the last day the window needs to reach."""
    keys, end = {}, today
    for frequency in schedule.RECURRING:
        current = schedule.period_containing(frequency, today)
        following = current.next()
        keys[frequency] = {current.key, following.key}
        end = max(end, following.end)
    return keys, end


def ensure(villages=None, today=None, pages=None):
    """Create what is missing of the current and next periods; returns how many obligations were new.
    ``villages``: pages or ids (default: every village); ``pages``: task lists (default: live ones)."""
    today = today or clock.today()
    keys, end = horizon(today)
    if villages is None:
        villages = VillagePage.objects.values_list("pk", flat=True)

    def keep(item, period_key):
        # Fixed-deadline duties come with their version's window; recurring ones: two periods only.
        return item.frequency not in keys or period_key in keys[item.frequency]

    return obligations.generate(list(villages), today, end, pages=pages, keep=keep)

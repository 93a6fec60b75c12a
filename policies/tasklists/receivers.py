"""Receivers for task lists: publishing a list rebuilds the TaskItem rows of every version."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import TaskListPage
from .sync import sync_page


@receiver(page_published, sender=TaskListPage, dispatch_uid="tasklist_sync_items")
def rebuild_task_items(sender, instance, **kwargs):
    # ``instance`` is the live page just written from the revision, versions included.
    sync_page(instance)

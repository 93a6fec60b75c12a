"""The index follows publishing: publish, unpublish, delete and move of pages, and saves of
non-page sources (compliance records). Each affected source is queued as a ``search.tasks`` job once
the transaction commits, so the request does not wait for the index."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import registry


def _schedule(instance):
    """Queue a reindex of ``instance``'s source and of the sources that depend on it."""
    from .tasks import reindex_source

    provider, specific = registry.provider_for(instance)
    if provider is None:
        return []
    sources = [provider.source(specific)] + [f"{name}:{pk}" for name, pk in provider.related_sources(specific)]
    for source in sources:
        transaction.on_commit(lambda source=source: reindex_source.enqueue(source))
    return sources


def _on_publish_change(sender, instance, **kwargs):
    _schedule(instance)


def _on_delete(sender, instance, **kwargs):
    if instance._meta.label == "wagtailcore.Page":
        return  # the specific page's own post_delete handles it
    provider, _ = registry.provider_for(instance)
    if provider is not None:
        _schedule(instance)


def _on_save(sender, instance, **kwargs):
    provider, _ = registry.provider_for(instance)
    if provider is not None and provider.watch_saves:
        _schedule(instance)


def _on_move(sender, instance, **kwargs):
    # URLs of the page and everything below it change.
    _schedule(instance)
    for page in instance.get_descendants().specific():
        _schedule(page)


def connect():
    page_published.connect(_on_publish_change, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_publish_change, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_on_move, dispatch_uid="search_page_moved")
    post_delete.connect(_on_delete, dispatch_uid="search_post_delete")
    for provider in registry.providers():
        if provider.watch_saves and provider.model is not None:
            post_save.connect(_on_save, sender=provider.model, dispatch_uid=f"search_save_{provider.name}")

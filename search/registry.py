"""Content apps tell search/ what to index: each app's ``search_units`` module registers providers
(autodiscovered in SearchConfig.ready). A provider turns one object into its SearchUnits; the index
is kept per *source* (``"<provider>:<pk>"``) so one object's units are replaced as a whole.

The content apps also tell search what it cannot know without importing them: which non-public
units a user may see (``register_scope``), the names of the place codes shown as facets
(``register_place_names``) and the statuses offered as a filter (``register_statuses``)."""

import logging

from django.db import transaction

from .engines import get_engine

logger = logging.getLogger(__name__)
_providers = {}
# Sources written while a test journal is open (see search.testing), so the index can be put back.
_journal = None


class Provider:
    """Subclass and ``register()`` an instance. ``name`` prefixes the sources it owns."""

    name = ""
    model = None            # the model whose instances are sources (pages: the specific page class)
    watch_saves = False     # non-page models: reindex on post_save (pages follow publishing instead)

    def all_objects(self):
        """Every object that may have units (a queryset or iterable)."""
        return self.model._default_manager.all()

    def units_for(self, obj):
        """The units of ``obj`` as it is now; empty when it should not be searchable."""
        raise NotImplementedError

    def units_for_many(self, objs):
        """The units of several objects, in order: exactly ``units_for`` of each in turn. A full
        reindex calls it per batch; override it to load what ``units_for`` would fetch per object
        (parents, versions, related rows) in a few queries for the whole batch."""
        for obj in objs:
            yield from self.units_for(obj)

    def handles(self, obj):
        return self.model is not None and isinstance(obj, self.model)

    def get(self, pk):
        return self.model._default_manager.filter(pk=pk).first()

    def source(self, obj):
        return f"{self.name}:{obj.pk}"

    def related_sources(self, obj):
        """Other (provider, pk) pairs whose units depend on ``obj`` (e.g. a moved page's children)."""
        return []


EVERYTHING = "*"    # a scope's answer for users who may see every unit (county staff)
_scopes = []
_draft_scopes = []
_place_names = []
_statuses = []


def register_scope(scope):
    """``scope(user)`` → EVERYTHING, or the visibility markers (besides "public") the user may see."""
    _scopes.append(scope)
    return scope


def register_draft_scope(scope):
    """``scope(user)`` → EVERYTHING, or the place codes (townships, villages) whose text that has not
    taken effect yet the user may read (as an editor of those pages). Nobody else sees such units."""
    _draft_scopes.append(scope)
    return scope


def draft_places(user):
    """None when the user may read every text not yet in force; else the place codes granted."""
    codes = set()
    for scope in _draft_scopes:
        granted = scope(user)
        if granted == EVERYTHING:
            return None
        codes.update(granted)
    return codes


def register_place_names(names):
    """``names(codes)`` → ``{code: name}`` for the codes it knows (townships, villages …)."""
    _place_names.append(names)
    return names


def register_statuses(labels):
    """Status labels units carry, offered in this order as the search page's status filter."""
    _statuses.extend(label for label in labels if label not in _statuses)


def visibility_markers(user):
    """None when the user may see every unit; else the markers the registered scopes grant."""
    markers = set()
    for scope in _scopes:
        granted = scope(user)
        if granted == EVERYTHING:
            return None
        markers.update(granted)
    return markers


def place_names(codes):
    codes = [code for code in codes if code]
    names = {}
    for lookup in _place_names:
        names.update(lookup(codes) if codes else {})
    return names


def statuses():
    return list(_statuses)


def register(provider):
    if isinstance(provider, type):
        provider = provider()
    _providers[provider.name] = provider
    return provider


def providers():
    return list(_providers.values())


def provider_for(obj):
    specific = getattr(obj, "specific", obj) if hasattr(obj, "specific_class") else obj
    for provider in _providers.values():
        try:
            if provider.handles(specific):
                return provider, specific
        except Exception:  # a provider must never break a save
            logger.exception("search provider %s failed", provider.name)
    return None, None


def units_for_source(source):
    name, _, pk = source.partition(":")
    provider = _providers.get(name)
    if provider is None:
        return []
    obj = provider.get(pk)
    return list(provider.units_for(obj)) if obj is not None else []


def reindex_source(source):
    """Recomputes one source from the database as it is now and replaces it in the index."""
    if _journal is not None:
        _journal.add(source)
    try:
        units = units_for_source(source)
        engine = get_engine()
        if units:
            engine.replace_source(source, units)
        else:
            engine.delete_source(source)
    except Exception:
        # Publishing must not fail because the index is down; search_reindex repairs it.
        logger.exception("search: could not reindex %s", source)


def schedule(obj):
    """Reindex ``obj`` (and what depends on it) once the current transaction commits."""
    provider, specific = provider_for(obj)
    sources = []
    if provider is not None:
        sources.append(provider.source(specific))
        for name, pk in provider.related_sources(specific):
            sources.append(f"{name}:{pk}")
    for source in sources:
        transaction.on_commit(lambda source=source: reindex_source(source))
    return sources


BATCH = 2000  # objects read and turned into units at once by a full reindex


def batches(objects, size=BATCH):
    """``objects`` in lists of ``size``; a queryset is streamed (not cached whole in memory)."""
    if hasattr(objects, "iterator"):
        objects = objects.iterator(chunk_size=size)
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def all_units(progress=None):
    for provider in providers():
        for batch in batches(provider.all_objects()):
            yield from provider.units_for_many(batch)
            if progress is not None:
                progress(len(batch))


def total_objects():
    total = 0
    for provider in providers():
        objects = provider.all_objects()
        total += objects.count() if hasattr(objects, "count") and not isinstance(objects, list) else len(objects)
    return total


def reindex_all(progress=None):
    """Rebuilds the whole index; returns the number of units written."""
    if _journal is not None:
        _journal.add("*")
    engine = get_engine()
    engine.clear()
    written = engine.bulk_index(all_units(progress))
    engine.finish_bulk()
    return written

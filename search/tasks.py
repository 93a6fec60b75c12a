"""Search index updates off the request path. The job knows no content model: it gets a source
(``"<provider>:<pk>"``, the registry's name for one object) and lets the registry recompute it from
the database as it is then, so running it twice or late gives the same index."""

from django_tasks import task

from . import registry


@task()
def reindex_source(source):
    registry.reindex_source(source)
    return source

"""Search test support: the index is put back after each test (``search.testing``), suites on
Elasticsearch skip without a server, and small content builders for search tests."""

import pytest
from django.conf import settings

from search.testing import isolated_index


@pytest.fixture(autouse=True)
def isolated_search_index(django_db_blocker):
    """Autouse in every module that imports it: the index is put back after each test."""
    yield from isolated_index(django_db_blocker)


def skip_without_engine():
    """Call at module level: suites on Elasticsearch need a server to talk to."""
    if settings.SEARCH_ENGINE == "elasticsearch" and not settings.ES_URL:
        pytest.skip("SEARCH_ENGINE=elasticsearch 但未设置 ES_URL", allow_module_level=True)


def make_regulation(title, versions, category="权力运行", issuer="中共习水县委组织部", publish=True):
    """A live regulation with ``versions``: [(label, effective_from, [article text, …]), …]."""
    from cms.models import HomePage
    from policies.models import RegulationCategory, RegulationIndexPage, RegulationPage, RegulationVersion
    from policies.versioning.structure import build_stream

    index = RegulationIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = RegulationIndexPage(title="制度库", slug="zhidu")
        home.add_child(instance=index)
        index.save_revision().publish()
    cat, _ = RegulationCategory.objects.get_or_create(name=category)
    page = RegulationPage(title=title, issuer=issuer, category=cat)
    for label, start, texts in versions:
        body = build_stream([("chapter", "总则"), *[("article", [(t, [])]) for t in texts]])
        page.versions.add(RegulationVersion(label=label, effective_from=start, body=body))
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page

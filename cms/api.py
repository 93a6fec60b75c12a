"""The JSON API at /api/v1/ (OpenAPI docs at /api/v1/docs). Each app contributes a router."""

from ninja import NinjaAPI

from core.optional import import_optional

api = NinjaAPI(
    title="习水县村务规程库 API",
    version="1",
    description="制度、清单、村规民约、履职记录与全文检索的只读和提交接口。",
    urls_namespace="api-v1",
    docs_url="/docs",
)

ROUTERS = ["villages.api", "policies.api", "compliance.api", "training.api", "search.api"]


def _mount():
    for dotted in ROUTERS:
        module = import_optional(dotted)
        if module is not None:
            api.add_router("/", module.router)


_mount()

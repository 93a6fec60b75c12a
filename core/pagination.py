from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase


class CountResultsPagination(PaginationBase):
    """The site's one list shape: ``{"count": total, "results": [...]}`` with ``page``/``page_size``."""

    class Input(Schema):
        page: int = Field(1, ge=1, description="页码，从 1 开始")
        page_size: int = Field(50, ge=1, le=200, description="每页条数（1–200）")

    class Output(Schema):
        count: int
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination: Input, **params):
        start = (pagination.page - 1) * pagination.page_size
        count = queryset.count() if hasattr(queryset, "count") and not isinstance(queryset, list) else len(queryset)
        return {"count": count, "results": list(queryset[start:start + pagination.page_size])}

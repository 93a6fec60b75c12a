"""What engines index: one flat, engine-neutral unit per article, task item, record or page."""

import datetime
from dataclasses import asdict, dataclass, field

PUBLIC = "public"
TYPES = ["article", "taskitem", "villagerule", "page", "record"]
TYPE_LABELS = {"article": "制度条文", "taskitem": "清单事项", "villagerule": "村规民约",
               "page": "页面", "record": "履职记录"}


def village_visibility(code):
    return f"village:{code}"


@dataclass
class SearchUnit:
    id: str                      # stable key, e.g. "reg:12:v34:art-5"
    source: str                  # what it was computed from, e.g. "page:12"; replaced as a whole
    type: str                    # one of TYPES
    title: str                   # the document's title
    text: str = ""
    label: str = ""              # "第十二条", an item code, or ""
    url: str = ""
    version: str = ""            # the version's label, e.g. "2024年修订版"
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    status: str = ""
    category: str = ""
    issuer: str = ""
    township: str = ""           # 9-digit code
    village: str = ""            # 12-digit code
    visibility: str = PUBLIC     # "public" or "village:<code>"
    doc_sort: str = ""           # documents in a stable order …
    unit_sort: int = 0           # … and units in reading order within them
    extra: dict = field(default_factory=dict)

    def in_force(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)

    def as_dict(self):
        return asdict(self)

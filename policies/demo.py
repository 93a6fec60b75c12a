"""Demo content for policies (called by cms's load_demo); each kind's part is idempotent (looks up
before it creates). Task lists cite regulations, so regulations come first."""

from .regulations import demo as regulations
from .tasklists import demo as tasklists
from .villagerules import demo as villagerules


def load(home, stdout=None, small=False):
    regulations.load(home, stdout, small=small)
    tasklists.load(home, stdout, small=small)
    villagerules.load(home, stdout, small=small)

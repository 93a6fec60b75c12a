"""Demo content for policies; each part is idempotent (looks up before it creates)."""

from . import regulations, tasklists, villagerules


def load(home, stdout=None, small=False):
    regulations.load(home, stdout, small=small)
    tasklists.load(home, stdout, small=small)
    villagerules.load(home, stdout, small=small)

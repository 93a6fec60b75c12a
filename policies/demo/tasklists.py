def load(home, stdout=None, small=False):
    """Filled in by the tasklists work."""

import importlib


def import_optional(dotted):
    """The module, or None when it does not exist — for per-app modules (api, urls, demo) that an
    app may not have. An ImportError inside an existing module still raises."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError as exc:
        if exc.name != dotted:
            raise
        return None

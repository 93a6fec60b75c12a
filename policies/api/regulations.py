from ninja import Router

router = Router(tags=["制度"])

from ninja import Router

router = Router(tags=["清单与村规民约"])

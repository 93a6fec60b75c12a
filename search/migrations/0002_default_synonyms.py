from django.db import migrations

DEFAULTS = [
    ("三务", "党务 村务 财务", "三务公开"),
    ("两委", "村党组织 村委会 村民委员会", "村“两委”"),
    ("一肩挑", "书记兼主任 党组织书记兼村委会主任", "村党组织书记、村委会主任一肩挑"),
    ("三资", "资金 资产 资源", "农村集体三资"),
    ("村监委", "村务监督委员会", ""),
    ("三会一课", "支部党员大会 支部委员会 党小组会 党课", ""),
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, expansions, note in DEFAULTS:
        Synonym.objects.get_or_create(term=term, defaults={"expansions": expansions, "note": note})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]

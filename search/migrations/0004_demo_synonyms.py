"""The demo list (search.synonym_seed); rows that already exist (edited by staff) are left as they are."""

from django.db import migrations



from search.synonym_seed import EQUIVALENT, ONE_WAY


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for group in EQUIVALENT:
        Synonym.objects.get_or_create(term=group[0], defaults={
            "expansions": " ".join(group[1:]), "kind": "equivalent", "note": "演示同义词组"})
    for short, longs in ONE_WAY:
        Synonym.objects.get_or_create(term=short, defaults={
            "expansions": " ".join(longs), "kind": "one_way", "note": "演示简称"})


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonym_kind")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]

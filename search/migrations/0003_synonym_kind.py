from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0002_default_synonyms")]
    operations = [
        migrations.AddField(
            model_name="synonym", name="kind",
            field=models.CharField(choices=[("one_way", "简称/缩写（单向：查简称也查全称）"),
                                            ("equivalent", "同义词组（互相通用）")],
                                   default="one_way", help_text="同义词组：组内任一词都能查到其他词；简称：只有查简称时才展开为全称。",
                                   max_length=12, verbose_name="类型")),
    ]

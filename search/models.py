"""Synonyms and abbreviations (三务 → 党务 村务 财务), edited by county staff as a Wagtail snippet."""

import re

from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel

from .tokenize import normalize

CACHE_KEY = "search:synonyms:v2"
_SPLIT_RE = re.compile(r"[\s,，、;；/]+")


class Synonym(models.Model):
    ONE_WAY = "one_way"
    EQUIVALENT = "equivalent"
    KINDS = [(ONE_WAY, "简称/缩写（单向：查简称也查全称）"), (EQUIVALENT, "同义词组（互相通用）")]

    term = models.CharField("词语", max_length=40, unique=True, help_text="用户输入的词，如“三务”“两委”。")
    expansions = models.TextField("同义词/全称", help_text="以空格、逗号或顿号分隔，如：党务 村务 财务")
    kind = models.CharField("类型", max_length=12, choices=KINDS, default=ONE_WAY,
                            help_text="同义词组：组内任一词都能查到其他词；简称：只有查简称时才展开为全称。")
    note = models.CharField("说明", max_length=200, blank=True)

    panels = [FieldPanel("term"), FieldPanel("kind"), FieldPanel("expansions"), FieldPanel("note")]

    class Meta:
        verbose_name = "检索同义词"
        verbose_name_plural = "检索同义词"
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.expansions}"

    def save(self, *args, **kwargs):
        self.term = (self.term or "").strip()
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(CACHE_KEY)
        return result

    def expansion_list(self):
        return [e for e in _SPLIT_RE.split(self.expansions or "") if e]


def build_map(rows):
    """``rows``: (term, [expansion, …], kind) → {normalized term: [expansion, …]}. A group of
    equivalent terms maps each of its terms to all the others; an abbreviation maps one way."""
    out = {}

    def add(key, values):
        key = normalize(key).strip()
        if not key:
            return
        bucket = out.setdefault(key, [])
        for value in values:
            value = normalize(value).strip()
            if value and value != key and value not in bucket:
                bucket.append(value)

    for term, expansions, kind in rows:
        if kind == Synonym.EQUIVALENT:
            group = [term, *expansions]
            for member in group:
                add(member, group)
        else:
            add(term, expansions)
    return out


def synonym_map():
    """{normalized term: [expansion, …]}, cached until a synonym is saved or deleted."""
    data = cache.get(CACHE_KEY)
    if data is None:
        data = build_map((s.term, s.expansion_list(), s.kind) for s in Synonym.objects.all())
        cache.set(CACHE_KEY, data, 300)
    return data

"""Synonyms and abbreviations (三务 → 党务 村务 财务), edited by county staff as a Wagtail snippet."""

import re

from django.core.cache import cache
from django.db import models
from wagtail.admin.panels import FieldPanel

from .tokenize import normalize

CACHE_KEY = "search:synonyms:v1"
_SPLIT_RE = re.compile(r"[\s,，、;；/]+")


class Synonym(models.Model):
    term = models.CharField("词语", max_length=40, unique=True, help_text="用户输入的词，如“三务”“两委”。")
    expansions = models.TextField("同义词/全称", help_text="以空格、逗号或顿号分隔，如：党务 村务 财务")
    note = models.CharField("说明", max_length=200, blank=True)

    panels = [FieldPanel("term"), FieldPanel("expansions"), FieldPanel("note")]

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


def synonym_map():
    """{normalized term: [expansion, …]}, cached until a synonym is saved or deleted."""
    data = cache.get(CACHE_KEY)
    if data is None:
        data = {normalize(s.term).strip(): s.expansion_list() for s in Synonym.objects.all()}
        cache.set(CACHE_KEY, data, 300)
    return data

"""python manage.py import_regulation FILE.docx [--title T] [--number 文号] [--issuer 机关]
[--effective YYYY-MM-DD] [--version-of ID_OR_SLUG] [--publish]

Prints one JSON line {"id", "version_id", "url", "articles"}. Any error: a Chinese message on
stderr, exit status 1, nothing written."""

import json
import sys

from django.core.management.base import BaseCommand
from django.urls import reverse

from policies.regulations.parser.docx import parse_docx
from policies.regulations.parser.importer import create_from_parsed, parse_date
from policies.regulations.parser.text import ParseError


class Command(BaseCommand):
    help = "从 Word（.docx）文件导入制度，生成草稿（或新版本草稿）。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="Word 文件（.docx）")
        parser.add_argument("--title", help="制度标题（默认取文档第一行）")
        parser.add_argument("--number", help="文号，如 习组通〔2023〕12号")
        parser.add_argument("--issuer", help="发文机关")
        parser.add_argument("--effective", help="生效日期 YYYY-MM-DD")
        parser.add_argument("--version-of", dest="version_of", help="作为已有制度（编号或 slug）的新版本")
        parser.add_argument("--publish", action="store_true", help="导入后立即发布")

    def handle(self, *args, **opts):
        try:
            effective = parse_date(opts.get("effective"))
            try:
                with open(opts["file"], "rb") as fh:
                    parsed = parse_docx(fh)
            except FileNotFoundError as exc:
                raise ParseError(f"找不到文件：{opts['file']}") from exc
            except IsADirectoryError as exc:
                raise ParseError(f"不是文件：{opts['file']}") from exc
            page, version = create_from_parsed(
                parsed, title=opts.get("title"), number=opts.get("number"), issuer=opts.get("issuer"),
                effective=effective, version_of=opts.get("version_of"), publish=opts.get("publish"))
        except ParseError as exc:
            self.stderr.write(f"导入失败：{exc}")
            sys.exit(1)
        self.stdout.write(json.dumps({
            "id": page.pk,
            "version_id": version.pk,
            "url": page.url if page.live else reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "articles": len(parsed.articles()),
        }, ensure_ascii=False))

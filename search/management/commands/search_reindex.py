import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import registry
from search.engines import get_engine


class Command(BaseCommand):
    help = "重建全文检索索引（制度条文、清单事项、村规民约、履职记录、村页面）。"

    def add_arguments(self, parser):
        parser.add_argument("--wagtail", action="store_true",
                            help="同时重建 Wagtail 后台检索索引（update_index），启用中文分词后台检索后需运行一次")

    def handle(self, *args, **options):
        try:
            engine = get_engine()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        started = time.perf_counter()
        total = registry.total_objects()
        with tqdm(total=total, unit="项", desc="重建索引", file=self.stderr, disable=options["verbosity"] == 0) as bar:
            written = registry.reindex_all(progress=bar.update)
        seconds = time.perf_counter() - started
        rate = written / seconds if seconds else 0
        self.stdout.write(self.style.SUCCESS(
            f"索引完成：{total} 个对象，{written} 个检索单元，用时 {seconds:.1f} 秒（{rate:.0f} 条/秒），引擎 {engine.name}。"))
        if options["wagtail"]:
            from django.core.management import call_command

            call_command("update_index", verbosity=0)
            self.stdout.write(self.style.SUCCESS("Wagtail 后台检索索引已重建。"))

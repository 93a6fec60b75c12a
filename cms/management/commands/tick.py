from django.core.management.base import BaseCommand

from cms.tasks import tick


class Command(BaseCommand):
    help = "排队当前到期的定时任务（每分钟运行一次；同一分钟/同一天内重复运行不会重复排队），然后退出。"

    def handle(self, *args, **options):
        queued = tick()
        if options["verbosity"] >= 1:
            self.stdout.write("已排队：" + ("、".join(queued) if queued else "无"))

from django.core.management.base import BaseCommand

from civic_wagtail.library.downloads import flush_counts


class Command(BaseCommand):
    help = "Write the resource download counts buffered in the cache to the database."

    def handle(self, *args, **options):
        moved = flush_counts()
        self.stdout.write(f"Flushed {moved} download(s).")

from django.core.management.base import BaseCommand

from civic_wagtail.members.digest import send_digests


class Command(BaseCommand):
    help = "Queue the daily digest emails of notifications (run once a day)."

    def handle(self, *args, **options):
        result = send_digests.enqueue()
        self.stdout.write(f"Queued the notification digests ({result.id}).")

"""``manage.py send_goal_reminders``: queue the reminder task (run it daily from cron)."""

from django.core.management.base import BaseCommand

from civic_wagtail.improvement.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Queue the task that emails goal reminders to members whose reminder is due."

    def handle(self, *args, **options):
        result = send_due_reminders.enqueue()
        self.stdout.write(f"Queued goal reminders ({result.id}).")

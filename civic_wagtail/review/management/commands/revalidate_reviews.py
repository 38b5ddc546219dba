from django.core.management.base import BaseCommand

from civic_wagtail.review.revalidation import restart_overdue


class Command(BaseCommand):
    help = (
        "Restart the peer-review workflow of pages whose review is overdue and email their "
        "owners. Idempotent: safe to run from cron as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would restart; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        result = restart_overdue(dry_run=dry_run)
        verb = "Would restart" if dry_run else "Restarted"
        for page in result.started:
            self.stdout.write(f"{verb} review of '{page.title}' (page {page.pk})")
        for page, reason in result.skipped:
            self.stdout.write(f"Skipped '{page.title}' (page {page.pk}): {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(result.started)} review(s); {len(result.skipped)} skipped."
            )
        )

from django.core.management.base import BaseCommand

from civic_wagtail.recognition.awarding import run_rules


class Command(BaseCommand):
    help = "Award, restore and revoke rule badges for every member (run nightly)."

    def handle(self, *args, **options):
        totals = run_rules()
        self.stdout.write(
            "Awarded {awarded}, restored {restored}, revoked {revoked}.".format(**totals)
        )

"""``manage.py erase_discussion_member <username or email>``: anonymise a member's posts."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from ...privacy import erase_member


class Command(BaseCommand):
    help = (
        "Remove a member's name, email, URL and IP address from every comment row and detach "
        "their threads; the discussion stays readable ('a former member')."
    )

    def add_arguments(self, parser):
        parser.add_argument("member", help="Username or email address of the member.")

    def handle(self, *args, **options):
        User = get_user_model()
        users = User.objects.filter(
            Q(**{User.USERNAME_FIELD: options["member"]}) | Q(email__iexact=options["member"])
        )
        if users.count() != 1:
            raise CommandError(f"No single member matches {options['member']!r}.")
        changed = erase_member(users.get())
        self.stdout.write(f"Erased personal data from {changed} comment(s).")

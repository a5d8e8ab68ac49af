from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from screening import audit
from staff.models import sign_out_everywhere


class Command(BaseCommand):
    help = "End every session a staff member has open, on every device (a lost laptop)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username}.")
        sign_out_everywhere(user, via=audit.command_line())
        self.stdout.write(f"{username} is signed out everywhere; signing in again works.")

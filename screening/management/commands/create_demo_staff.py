import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo.clinician"


class Command(BaseCommand):
    help = "Create a local demo staff account (debug mode only) and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo staff account is for local use only (DJANGO_DEBUG=1).")
        login_file = settings.BASE_DIR / "var" / "demo-login.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username=DEMO_USERNAME).first()
        if user is None or not login_file.exists():
            password = secrets.token_urlsafe(12)
            user = user or user_model(username=DEMO_USERNAME, is_staff=True, is_superuser=True)
            user.set_password(password)
            user.save()
            user.groups.set(Group.objects.filter(name__in=["Clinician", "Auditor"]))
            login_file.parent.mkdir(parents=True, exist_ok=True)
            login_file.write_text(password)
            login_file.chmod(0o600)
        password = login_file.read_text().strip()
        self.stdout.write(
            f"Demo staff login (local only): "
            f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/staff/  "
            f"username {DEMO_USERNAME}  password {password}\n"
            "On first sign-in you set up a security code with an authenticator app."
        )

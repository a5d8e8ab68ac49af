from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mesoinfo.sessions import forget_expired_files
from screening import services
from screening.models import AuditEvent, Submission


class Command(BaseCommand):
    help = (
        "Delete submissions kept past the retention period (counted from when they were sent, "
        "or from the consultation if that is later), with their flags, decisions and notes. "
        "Run it daily; a second run the same day deletes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SCREENING_RETENTION_DAYS,
            help="Keep submissions for this many days (default: MESOINFO_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1: 0 would delete every submission.")
        expired = Submission.objects.past_retention(timezone.now() - timedelta(days=days))
        if dry_run:
            self.stdout.write(f"Dry run: {expired.count()} submission(s) would be deleted.")
            return
        deleted = services.delete_submissions(
            expired, action=AuditEvent.Action.PURGE, detail=f"past {days} days' retention"
        )
        self.stdout.write(f"Deleted {deleted} submission(s) past {days} days' retention.")
        sessions = forget_expired_files()
        self.stdout.write(f"Removed {sessions} expired session file(s).")

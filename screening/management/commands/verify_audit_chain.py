import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from screening import audit
from screening.models import AuditEvent


class Command(BaseCommand):
    help = (
        "Check that no audit record has been changed, removed or inserted out of order. "
        "With --head-file, also check that the newest record seen by the last check is "
        "still there, so removing the newest records is caught too."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--head-file",
            type=Path,
            help="A file outside the database that keeps the newest record's id and hash "
            "between checks (created on the first run).",
        )

    def handle(self, *args, head_file=None, **options):
        events = AuditEvent.objects.order_by("id").iterator(chunk_size=2000)
        broken = audit.broken_links(events)
        if broken:
            raise CommandError(f"Audit chain broken at event id(s): {', '.join(map(str, broken))}")
        if head_file:
            self.check_head(head_file)
        self.stdout.write(f"Audit chain intact: {AuditEvent.objects.count()} events.")

    def check_head(self, head_file):
        """The chain cannot show that its newest records were cut off: the rest still
        links up. The last check's newest record, kept outside the database, can."""
        if head_file.exists():
            try:
                pk, digest = head_file.read_text().split()
                pk = int(pk)
            except ValueError:
                raise CommandError(
                    f"{head_file} is not a head file: it should hold an id and a hash."
                ) from None
            if not AuditEvent.objects.filter(pk=pk, hash=digest).exists():
                raise CommandError(
                    f"Audit event {pk}, the newest at the last check, is missing or changed: "
                    "records were removed from the end of the log."
                )
        newest = AuditEvent.objects.order_by("-id").values_list("id", "hash").first()
        if newest:
            kept = head_file.with_name(head_file.name + ".new")
            kept.write_text(f"{newest[0]} {newest[1]}\n")
            os.chmod(kept, 0o600)
            kept.replace(head_file)

from django.core.management.base import BaseCommand, CommandError

from screening import audit
from screening.models import AuditEvent


class Command(BaseCommand):
    help = "Check that no audit record has been changed, removed or inserted out of order."

    def handle(self, *args, **options):
        events = AuditEvent.objects.order_by("id").iterator(chunk_size=2000)
        broken = audit.broken_links(events)
        if broken:
            raise CommandError(f"Audit chain broken at event id(s): {', '.join(map(str, broken))}")
        self.stdout.write(f"Audit chain intact: {AuditEvent.objects.count()} events.")

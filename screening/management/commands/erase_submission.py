from django.core.management.base import BaseCommand, CommandError

from screening import audit, services
from screening.models import AuditEvent, Submission


class Command(BaseCommand):
    help = "Erase one submission on the patient's request (GDPR article 17)."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="The submission's reference code, e.g. ACDE-FGHJ")

    def handle(self, *args, reference, **options):
        found = Submission.objects.filter(reference=reference.strip().upper())
        if not found.exists():
            raise CommandError(f"No submission with reference {reference}.")
        services.delete_submissions(
            found, action=AuditEvent.Action.ERASE, detail=f"on request {audit.command_line()}"
        )
        self.stdout.write(f"Erased submission {reference.upper()}.")

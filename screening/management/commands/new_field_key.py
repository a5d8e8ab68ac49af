from django.core.management.base import BaseCommand

from mesoinfo.encryption import new_key


class Command(BaseCommand):
    help = "Print a new random key for MESOINFO_FIELD_KEYS (answers and notes encryption)."

    def handle(self, *args, **options):
        self.stdout.write(new_key())

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the starter topic pages. Pages an admin has edited are never overwritten."

    def handle(self, *args, **options):
        self.stdout.write("Starter content: nothing to load yet.")

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection

from mesoinfo.encryption import EncryptedTextField, reencrypt, rewrite_column
from screening import audit
from screening.models import AuditEvent


def encrypted_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model._meta.db_table, field.column


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored answer and note under the first key in MESOINFO_FIELD_KEYS. "
        "Run it after putting a new key first; the old key can be removed afterwards."
    )

    def handle(self, *args, **options):
        changed = 0
        for table, column in encrypted_columns():
            count = rewrite_column(connection, table, column, reencrypt)
            self.stdout.write(f"{table}.{column}: {count} re-encrypted")
            changed += count
        audit.record(
            AuditEvent.Action.KEYS_ROTATED, detail=f"{changed} values {audit.command_line()}"
        )

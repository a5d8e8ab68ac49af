from cryptography.fernet import Fernet
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from mesoinfo.encryption import (
    EncryptedTextField,
    opens,
    reencrypt,
    rewrite_column,
    stored_values,
)
from screening import audit
from screening.models import AuditEvent


def encrypted_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model._meta.db_table, field.column


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored answer, flag and note under the first key in "
        "MESOINFO_FIELD_KEYS. Run it after putting a new key first; --check then says "
        "whether the older keys are still needed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing: count the values the first key alone cannot open, and "
            "fail if there are any.",
        )

    def handle(self, *args, check=False, **options):
        if check:
            return self.check_first_key()
        changed = 0
        for table, column in encrypted_columns():
            count = rewrite_column(connection, table, column, reencrypt)
            self.stdout.write(f"{table}.{column}: {count} re-encrypted")
            changed += count
        audit.record(
            AuditEvent.Action.KEYS_ROTATED, detail=f"{changed} values {audit.command_line()}"
        )

    def check_first_key(self):
        first = Fernet(settings.FIELD_ENCRYPTION_KEYS[0])
        left = 0
        for table, column in encrypted_columns():
            values = stored_values(connection, table, column)
            count = sum(1 for _pk, token in values if not opens(token, first))
            self.stdout.write(f"{table}.{column}: {count} need an older key")
            left += count
        if left:
            raise CommandError(
                f"{left} values still need an older key: run rotate_field_keys again, and "
                "keep the older keys until this check passes."
            )

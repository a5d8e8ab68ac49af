"""Model fields whose values the database only ever holds encrypted.

Patients' answers and staff notes are stored as Fernet tokens (AES in CBC mode with an
HMAC-SHA256, from the `cryptography` package), so a database dump, a backup or a stray
SELECT shows no health details. The keys live in settings (MESOINFO_FIELD_KEYS), never in
the database: the first key encrypts, and every key decrypts, so a new key can be put
first while rows written under the old one stay readable until `rotate_field_keys`.

Encrypted values cannot be searched or compared in SQL, so these fields refuse every
lookup but `isnull`; a filter on them would otherwise quietly match nothing.
"""

import json
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import setting_changed
from django.db import models, transaction
from django.dispatch import receiver


class UnreadableValue(Exception):
    """A stored value that none of the configured keys can open (a missing or wrong key)."""


@cache
def cipher():
    keys = settings.FIELD_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured("MESOINFO_FIELD_KEYS is empty: no key to encrypt with.")
    return MultiFernet([Fernet(key) for key in keys])


@receiver(setting_changed)
def _forget_cipher(setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        cipher.cache_clear()


def encrypt(text):
    return cipher().encrypt(text.encode()).decode("ascii")


def decrypt(token):
    try:
        return cipher().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UnreadableValue(
            "A stored value could not be decrypted with any key in MESOINFO_FIELD_KEYS."
        ) from error


def reencrypt(token):
    """The same value under the first (current) key."""
    return cipher().rotate(token.encode("ascii")).decode("ascii")


def encrypt_if_plain(value):
    """For the migration that starts encrypting: a value already encrypted stays as it is."""
    try:
        decrypt(value)
    except UnreadableValue:
        return encrypt(value)
    return value


def rewrite_column(connection, table, column, change, batch=500):
    """Replace every value of one column with `change(value)`, a batch of rows at a time
    in id order, each batch in its own transaction; gives how many rows changed. Raw SQL,
    because the model's field would decrypt on reading and encrypt again on saving."""
    table, column = connection.ops.quote_name(table), connection.ops.quote_name(column)
    # The names come from the models, never from input.
    select = f"SELECT id, {column} FROM {table} WHERE id > %s ORDER BY id LIMIT %s"  # noqa: S608
    # Only where unchanged since read: the app may be running while keys are rotated.
    update = f"UPDATE {table} SET {column} = %s WHERE id = %s AND {column} = %s"  # noqa: S608
    last, changed = 0, 0
    while True:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(select, [last, batch])
            rows = cursor.fetchall()
            updates = [
                (new, pk, old)
                for pk, old in rows
                if old is not None and (new := change(old)) != old
            ]
            cursor.executemany(update, updates)
            changed += cursor.rowcount if updates else 0
        if not rows:
            return changed
        last = rows[-1][0]


def new_key():
    return Fernet.generate_key().decode("ascii")


class EncryptedTextField(models.TextField):
    """Text stored encrypted; reads give back the plain text."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else self.from_plain(decrypt(value))

    def get_prep_value(self, value):
        return None if value is None else encrypt(self.to_plain(value))

    def get_lookup(self, lookup_name):
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, lookup_name):
        return None

    def to_plain(self, value):
        return str(value)

    def from_plain(self, text):
        return text


class EncryptedJSONField(EncryptedTextField):
    """JSON (lists, dictionaries, text, numbers) stored encrypted."""

    def to_plain(self, value):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)

    def from_plain(self, text):
        return json.loads(text)

    def to_python(self, value):
        return self.from_plain(value) if isinstance(value, str) else value

    def value_to_string(self, obj):
        return self.to_plain(self.value_from_object(obj))

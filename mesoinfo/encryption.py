"""Model fields whose values the database only ever holds encrypted.

Patients' answers and flags, staff notes and sessions are stored as Fernet tokens (AES
in CBC mode with an HMAC-SHA256, from the `cryptography` package), so a database dump, a
backup or a stray SELECT shows no health details. The keys live in settings
(MESOINFO_FIELD_KEYS), never in the database: the first key encrypts, and every key
decrypts, so a new key can be put first while rows written under the old one stay
readable until `rotate_field_keys`.

Encrypted values cannot be searched or compared in SQL, so these fields refuse every
lookup but `isnull`; a filter on them would otherwise quietly match nothing.
"""

import json
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
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
    return opened(token).decode()


def reencrypt(token):
    """The same value under the first (current) key."""
    return encrypt(decrypt(token))


def opened(token, fernet=None):
    """The bytes inside a token (text or bytes), opened with every configured key or with
    `fernet` alone; UnreadableValue when it cannot be opened."""
    try:
        raw = token if isinstance(token, bytes) else token.encode("ascii")
        return (fernet or cipher()).decrypt(raw)
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UnreadableValue(
            "A stored value could not be decrypted with any key in MESOINFO_FIELD_KEYS."
        ) from error


def newest_value_opens(model, field_name):
    """Whether the keys open the newest stored value of an encrypted field (yes when
    nothing is stored yet)."""
    try:
        model.objects.order_by("-pk").values_list(field_name, flat=True).first()
    except UnreadableValue:
        return False
    return True


def opens(token, fernet=None):
    """Whether the token opens (with every key, or with `fernet` alone)."""
    try:
        opened(token, fernet)
    except UnreadableValue:
        return False
    return True


def encrypt_if_plain(value):
    """For the migration that starts encrypting: a value already encrypted stays as it is."""
    return value if opens(value) else encrypt(value)


def stored_values(connection, table, column, batch=500):
    """Every (id, stored value) of one column, read in id order a batch at a time. Raw
    SQL: the model's field would decrypt them. The names come from the models."""
    table, column = connection.ops.quote_name(table), connection.ops.quote_name(column)
    select = (
        f"SELECT id, {column} FROM {table} "  # noqa: S608
        f"WHERE id > %s AND {column} IS NOT NULL ORDER BY id LIMIT %s"
    )
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(select, [last, batch])
            rows = cursor.fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def rewrite_column(connection, table, column, change, batch=500):
    """Replace every value of one column with `change(value)`, writing a batch of rows at
    a time; gives how many rows changed. Each batch is its own transaction, unless a
    migration's transaction holds them all."""
    quote = connection.ops.quote_name
    # Only where unchanged since read: the app may be running while keys are rotated.
    update = (
        f"UPDATE {quote(table)} SET {quote(column)} = %s "  # noqa: S608
        f"WHERE id = %s AND {quote(column)} = %s"
    )
    changed, updates = 0, []
    for pk, old in stored_values(connection, table, column, batch):
        try:
            new = change(old)
        except UnreadableValue as error:
            raise UnreadableValue(f"{table}.{column}, id {pk}: {error}") from error
        if new != old:
            updates.append((new, pk, old))
        if len(updates) == batch:
            changed += _write(connection, update, updates)
            updates = []
    return changed + _write(connection, update, updates)


def _write(connection, update, rows):
    if not rows:
        return 0
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.executemany(update, rows)
        return cursor.rowcount


class EncryptedTextField(models.TextField):
    """Text stored encrypted; reads give back the plain text."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        try:
            return self.from_plain(decrypt(value))
        except UnreadableValue as error:
            raise UnreadableValue(f"{self.model._meta.db_table}.{self.column}: {error}") from error

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
        """From a fixture or form, where the JSON comes as text."""
        if not isinstance(value, str):
            return value
        try:
            return self.from_plain(value)
        except json.JSONDecodeError as error:
            raise ValidationError("Enter valid JSON.", code="invalid") from error

    def value_to_string(self, obj):
        return self.to_plain(self.value_from_object(obj))

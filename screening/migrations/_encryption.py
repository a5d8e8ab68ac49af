"""Shared by the migrations that start encrypting a column (Django's migration loader skips
modules whose names start with "_")."""

from django.db import migrations

from mesoinfo.encryption import decrypt, encrypt_if_plain, rewrite_column


def encrypting(*columns):
    """A step that encrypts every stored value of the (table, column) pairs, and decrypts
    them again when the migration is reversed."""

    def rewrite_with(change):
        def step(apps, schema_editor):
            for table, column in columns:
                rewrite_column(schema_editor.connection, table, column, change)

        return step

    return migrations.RunPython(rewrite_with(encrypt_if_plain), rewrite_with(decrypt))

"""Shared by migrations whose SQL is PostgreSQL's own (Django's migration loader skips
modules whose names start with "_"). SQLite, used for local development, skips them."""

from django.db import migrations


def postgresql_only(create, drop):
    """A migration step that runs `create` forwards and `drop` backwards on PostgreSQL."""

    def run(sql):
        def step(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return step

    return migrations.RunPython(run(create), run(drop))

"""Reading what the database itself holds, below the models' fields."""

from django.db import connection


def stored(table, column, pk):
    """One column's value as stored, without the model's field decoding it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]

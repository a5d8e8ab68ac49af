"""On PostgreSQL, the encrypted columns refuse anything that is not a Fernet token, so a
worker still running the code from before 0025 cannot store plain text there during an
upgrade (its write fails instead). Then the planner's statistics are rebuilt: they were
sampled from the plain text and kept some of it (most common values)."""

from django.db import migrations

from screening.migrations._postgresql import postgresql_only

COLUMNS = [("screening_submission", "answers"), ("screening_submission", "flags"),
           ("screening_review", "note")]  # fmt: skip
# A Fernet token's version byte and timestamp, until the year 2106 ("%%" is one "%" in
# SQL run with parameters, as the schema editor runs it).
TOKEN = "gAAAAA%%"

ADD = " ".join(
    f"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_encrypted "
    f"CHECK ({column} LIKE '{TOKEN}');"
    for table, column in COLUMNS
)
DROP = " ".join(
    f"ALTER TABLE {table} DROP CONSTRAINT {table}_{column}_encrypted;" for table, column in COLUMNS
)


class Migration(migrations.Migration):
    dependencies = [("screening", "0026_encrypt_flags")]

    operations = [
        postgresql_only(ADD, DROP),
        postgresql_only("ANALYZE screening_submission; ANALYZE screening_review;", "SELECT 1"),
    ]

"""On PostgreSQL the database itself refuses to change or delete audit rows."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION screening_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER screening_audit_append_only
  BEFORE UPDATE OR DELETE ON screening_auditevent
  FOR EACH ROW EXECUTE FUNCTION screening_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS screening_audit_append_only ON screening_auditevent;
DROP FUNCTION IF EXISTS screening_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("screening", "0004_staff_roles")]

    operations = [migrations.RunPython(forwards, backwards)]

"""On PostgreSQL the database itself refuses to change or delete audit rows."""

from django.db import migrations

from screening.migrations._postgresql import postgresql_only

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


class Migration(migrations.Migration):
    dependencies = [("screening", "0004_staff_roles")]

    operations = [postgresql_only(CREATE, DROP)]

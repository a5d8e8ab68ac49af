"""On PostgreSQL, one function call appends many audit events that differ only in their
reference (an export names each submission in the file): the chain's lock is held for
the inserts alone, not for a round trip per event. It hashes exactly as
screening_audit_append (migration 0009) does."""

from django.db import migrations

from screening.migrations._postgresql import postgresql_only

CREATE = """
CREATE OR REPLACE FUNCTION screening_audit_append_many(
  chain_lock bigint, created timestamptz, actor bigint, actor_name text, action text,
  refs text[], ip inet, detail text, canonical_heads text[]
) RETURNS TABLE (new_id bigint, previous text, new_hash text) AS $$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(chain_lock);
  SELECT e.hash INTO last_hash FROM screening_auditevent e ORDER BY e.id DESC LIMIT 1;
  last_hash := coalesce(last_hash, repeat('0', 64));
  FOR i IN 1 .. coalesce(array_length(refs, 1), 0) LOOP
    previous := last_hash;
    INSERT INTO screening_auditevent (created_at, actor_id, actor_name, action, reference,
                                      ip_address, detail, previous_hash, hash)
    VALUES (created, actor, actor_name, action, refs[i], ip, detail, last_hash,
            encode(sha256(convert_to(canonical_heads[i] || '|' || last_hash, 'UTF8')), 'hex'))
    RETURNING screening_auditevent.id, screening_auditevent.hash INTO new_id, new_hash;
    last_hash := new_hash;
    RETURN NEXT;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
"""
DROP = "DROP FUNCTION IF EXISTS screening_audit_append_many"


class Migration(migrations.Migration):
    dependencies = [("screening", "0022_keywords_from_the_probe")]

    operations = [postgresql_only(CREATE, DROP)]

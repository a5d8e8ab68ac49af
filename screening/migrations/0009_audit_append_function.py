"""On PostgreSQL, one function call appends an audit event to the hash chain.

It does what screening.audit does in Python (lock the chain, read the last hash, hash
this event with it, insert) in a single round trip, because every staff page writes an
event. The hash is the same one `screening.audit.digest` checks: SHA-256 of the event's
canonical text, whose last part is the previous event's hash.
"""

from django.db import migrations

from screening.migrations._postgresql import postgresql_only

CREATE = """
CREATE OR REPLACE FUNCTION screening_audit_append(
  chain_lock bigint, created timestamptz, actor bigint, actor_name text, action text,
  reference text, ip inet, detail text, canonical_head text
, OUT new_id bigint, OUT previous text, OUT new_hash text) AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(chain_lock);
  SELECT e.hash INTO previous FROM screening_auditevent e ORDER BY e.id DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  INSERT INTO screening_auditevent (created_at, actor_id, actor_name, action, reference,
                                    ip_address, detail, previous_hash, hash)
  VALUES (created, actor, actor_name, action, reference, ip, detail, previous,
          encode(sha256(convert_to(canonical_head || '|' || previous, 'UTF8')), 'hex'))
  RETURNING id, hash INTO new_id, new_hash;
END;
$$ LANGUAGE plpgsql;
"""
DROP = "DROP FUNCTION IF EXISTS screening_audit_append"


class Migration(migrations.Migration):
    dependencies = [("screening", "0008_queue_order")]

    operations = [postgresql_only(CREATE, DROP)]

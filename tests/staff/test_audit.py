from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from screening import audit
from screening.models import AuditEvent

pytestmark = pytest.mark.django_db


def make_events(n=5):
    return [audit.record(AuditEvent.Action.VIEW, reference=f"AAAA-000{i}") for i in range(n)]


def test_an_untouched_audit_chain_verifies(capsys):
    make_events()
    call_command("verify_audit_chain")
    assert "Audit chain intact: 5 events." in capsys.readouterr().out


def test_the_app_cannot_change_or_delete_audit_records():
    event = make_events(1)[0]
    event.detail = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def tamper(sql, params):
    """Change a row behind the app's back, as a database superuser could."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser can switch the append-only trigger off for this session.
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def test_an_edited_audit_record_is_detected_by_its_id():
    events = make_events()
    tamper("UPDATE screening_auditevent SET reference = %s WHERE id = %s", ["ZZZZ", events[2].pk])
    with pytest.raises(CommandError, match=f"id\\(s\\): {events[2].pk}$"):
        call_command("verify_audit_chain")


def test_a_deleted_audit_record_is_detected():
    events = make_events()
    tamper("DELETE FROM screening_auditevent WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError, match=str(events[2].pk)):
        call_command("verify_audit_chain")


def test_records_cut_from_the_end_of_the_log_are_detected_with_a_head_file(tmp_path):
    head = tmp_path / "audit-head"
    events = make_events()
    call_command("verify_audit_chain", head_file=head)
    assert head.read_text().split()[0] == str(events[-1].pk)
    make_events(1)
    call_command("verify_audit_chain", head_file=head)  # new records since: fine
    tamper("DELETE FROM screening_auditevent WHERE id >= %s", [events[3].pk])
    call_command("verify_audit_chain")  # the rest still links up
    with pytest.raises(CommandError, match="removed from the end"):
        call_command("verify_audit_chain", head_file=head)


def test_a_damaged_head_file_is_reported_plainly(tmp_path):
    head = tmp_path / "audit-head"
    head.write_text("")
    with pytest.raises(CommandError, match="is not a head file"):
        call_command("verify_audit_chain", head_file=head)


@pytest.mark.postgres_only
def test_postgresql_itself_refuses_to_change_audit_rows():
    from django.db import DatabaseError

    event = make_events(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE screening_auditevent SET detail = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM screening_auditevent WHERE id = %s", [event.pk])


def test_auditor_reads_and_sorts_the_log(signed_in):
    make_events(3)
    client = signed_in("Auditor")
    response = client.get("/staff/audit/", {"sort": "reference"})
    html = response.content.decode()
    assert html.index("AAAA-0000") < html.index("AAAA-0002")
    response = client.get("/staff/audit/", {"sort": "-reference"})
    html = response.content.decode()
    assert html.index("AAAA-0002") < html.index("AAAA-0000")


def test_an_unknown_sort_in_an_edited_address_gives_the_usual_order_not_an_empty_error(
    signed_in,
):
    make_events(3)
    html = signed_in("Auditor").get("/staff/audit/", {"sort": "bogus"}).content.decode()
    assert "There is a problem" not in html
    assert html.index("AAAA-0002") < html.index("AAAA-0000")  # newest first


def test_auditor_exports_a_filtered_period_and_the_export_is_audited(signed_in):
    make_events(3)
    client = signed_in("Auditor")
    response = client.get("/staff/audit/export.csv", {"action": "view"})
    body = b"".join(response.streaming_content).decode()
    assert body.count("AAAA-000") == 3
    assert "Viewed the queue" not in body
    assert AuditEvent.objects.filter(action="audit_export").exists()


def test_a_mistyped_date_is_explained_and_the_other_filters_still_apply(signed_in):
    make_events(3)
    client = signed_in("Auditor")
    filters = {"start": "2026-13-45", "action": "view"}
    response = client.get("/staff/audit/", filters)
    html = response.content.decode()
    assert "Enter the start date as YYYY-MM-DD" in html
    assert 'href="#id_start"' in html
    assert "Viewed the audit log" not in html.split("<tbody>")[1]  # only "view" events
    export = client.get("/staff/audit/export.csv", filters)
    body = b"".join(export.streaming_content).decode()
    assert body.count("AAAA-000") == 3
    assert "Viewed the audit log" not in body


def test_many_events_appended_at_once_link_up_like_single_ones(capsys):
    make_events(2)
    events = audit.record_each(AuditEvent.Action.EXPORT, ["AAAA-1111", "BBBB-2222", "CCCC-3333"])
    make_events(1)
    assert [e.reference for e in events] == ["AAAA-1111", "BBBB-2222", "CCCC-3333"]
    stored = AuditEvent.objects.filter(pk__in=[e.pk for e in events]).order_by("id")
    assert [(e.pk, e.hash) for e in stored] == [(e.pk, e.hash) for e in events]
    call_command("verify_audit_chain")
    assert "Audit chain intact: 6 events." in capsys.readouterr().out


def event_at(moment, reference):
    event = audit.new_event(AuditEvent.Action.VIEW, reference=reference, at=moment)
    if connection.vendor == "postgresql":
        audit.append_in_postgresql(event)
    else:
        audit.append(event)


def rows(response):
    return response.content.decode().split("<tbody>")[1].split("</tbody>")[0]


def test_auditor_finds_every_look_at_one_submission_by_its_reference_however_typed(signed_in):
    make_events(3)
    client = signed_in("Auditor")
    for typed in ["AAAA-0001", "aaaa 0001", " aaaa0001 "]:
        shown = rows(client.get("/staff/audit/", {"reference": typed}))
        assert "AAAA-0001" in shown and "AAAA-0000" not in shown and "AAAA-0002" not in shown


def test_part_of_a_username_finds_that_persons_events(signed_in, staff_user):
    audit.record(AuditEvent.Action.VIEW, user=staff_user("Clinician", username="nurse.jo"))
    shown = rows(signed_in("Auditor").get("/staff/audit/", {"user": "NURSE"}))
    assert "nurse.jo" in shown


def test_times_are_shown_and_filtered_as_utc_days(signed_in):
    event_at(datetime(2026, 7, 1, 23, 30, tzinfo=UTC), "LATE-0701")  # 00:30 on 2 July in London
    event_at(datetime(2026, 7, 2, 0, 30, tzinfo=UTC), "EARL-0702")
    client = signed_in("Auditor")
    shown = rows(client.get("/staff/audit/", {"start": "2026-07-01", "end": "2026-07-01"}))
    assert "LATE-0701" in shown and "2026-07-01 23:30:00" in shown
    assert "EARL-0702" not in shown


def test_a_from_date_after_the_to_date_is_explained(signed_in):
    response = signed_in("Auditor").get(
        "/staff/audit/", {"start": "2026-07-02", "end": "2026-07-01"}
    )
    assert "The To date must be the same as or after the From date" in response.content.decode()


def test_the_last_possible_end_date_shows_everything_instead_of_failing(signed_in):
    make_events(1)
    client = signed_in("Auditor")
    assert "AAAA-0000" in rows(client.get("/staff/audit/", {"end": "9999-12-31"}))
    export = client.get("/staff/audit/export.csv", {"end": "9999-12-31"})
    assert b"AAAA-0000" in b"".join(export.streaming_content)


def test_an_audit_export_records_the_filters_it_used(signed_in):
    make_events(3)
    client = signed_in("Auditor")
    filters = {"start": "2026-01-01", "end": "2026-12-31", "action": "view", "user": "jo"}
    response = client.get("/staff/audit/export.csv", filters)
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(action="audit_export")
    assert event.detail == "start=2026-01-01, end=2026-12-31, action=view, user=jo"


def test_reading_the_audit_log_records_the_page_and_the_reference_searched_for(signed_in):
    make_events(3)
    client = signed_in("Auditor")
    client.get("/staff/audit/", {"reference": "aaaa 0001", "page": "1"})
    client.get("/staff/audit/")
    details = list(
        AuditEvent.objects.filter(action="audit_view")
        .order_by("id")
        .values_list("detail", flat=True)
    )
    assert details == ["page 1, reference=AAAA-0001", "page 1, no filters"]

"""T52: answers and notes are stored encrypted; old keys keep working until rotated."""

import io
import uuid
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from mesoinfo.encryption import UnreadableValue, reencrypt, rewrite_column
from screening.models import AuditEvent, Review, Submission
from tests.database import stored
from tests.patients import all_no_answers
from tests.staff.conftest import make_submission

pytestmark = pytest.mark.django_db
OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_typed_answers_are_not_readable_in_the_database(complete_questionnaire):
    medicine, allergy = f"ZZMED{uuid.uuid4().hex}", f"ZZALLERGY{uuid.uuid4().hex}"
    complete_questionnaire(all_no_answers(medicines=medicine, allergy_details=allergy))
    submission = Submission.objects.get()
    raw = stored("screening_submission", "answers", submission.pk)
    assert medicine not in raw and allergy not in raw and "blood" not in raw.lower()
    typed = {row["key"]: row["answer"] for row in submission.answers}
    assert typed["medicines"] == medicine and typed["allergy_details"] == allergy


def test_the_words_that_raised_a_flag_are_not_readable_in_the_database(complete_questionnaire):
    complete_questionnaire(all_no_answers(medicines="Warfarin 3mg daily"))
    submission = Submission.objects.get()
    assert "warfarin" not in stored("screening_submission", "flags", submission.pk).lower()
    assert submission.flags[0]["raised_by"] == [{"key": "medicines", "keyword": "warfarin"}]


def test_rows_under_an_old_key_stay_readable_after_a_new_key_is_put_first(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    submission = make_submission()
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert Submission.objects.get(pk=submission.pk).answers == submission.answers


def test_rotating_keys_lets_the_old_key_be_removed(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    submission = make_submission()
    Review.objects.create(submission=submission, kind="note", note="Call back on Monday")
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    with pytest.raises(CommandError, match="3 values still need an older key"):
        call_command("rotate_field_keys", "--check", stdout=io.StringIO())
    call_command("rotate_field_keys", stdout=io.StringIO())
    call_command("rotate_field_keys", "--check", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    assert Submission.objects.get(pk=submission.pk).answers == submission.answers
    assert Review.objects.get().note == "Call back on Monday"
    assert AuditEvent.objects.filter(action="keys_rotated", detail__startswith="3 values").exists()


def test_rotating_keeps_a_value_the_app_changed_while_it_ran():
    submission = make_submission(flags=["allergy"])

    def app_writes_meanwhile(token):
        Submission.objects.filter(pk=submission.pk).update(flags=[{"code": "pregnancy"}])
        return reencrypt(token)

    rewrite_column(connection, "screening_submission", "flags", app_writes_meanwhile)
    assert Submission.objects.get().flags == [{"code": "pregnancy"}]


def test_rotating_names_the_row_no_key_opens(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    submission = make_submission()
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(UnreadableValue, match=f"screening_submission.answers, id {submission.pk}"):
        call_command("rotate_field_keys", stdout=io.StringIO())


def test_a_row_no_key_opens_raises_a_clear_error_instead_of_showing_ciphertext(settings):
    submission = make_submission()
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(UnreadableValue, match="MESOINFO_FIELD_KEYS"):
        Submission.objects.get(pk=submission.pk)


@pytest.mark.postgres_only
@pytest.mark.parametrize("column", ["answers", "flags"])
def test_postgresql_refuses_plain_text_in_an_encrypted_column(column):
    # What a worker still running the code from before the upgrade would write.
    submission = make_submission()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE screening_submission SET {column} = %s WHERE id = %s",  # noqa: S608
            ['[{"key": "medicines", "answer": "warfarin"}]', submission.pk],
        )


def test_the_readiness_check_fails_when_the_keys_do_not_open_stored_answers(client, settings):
    make_submission()
    assert client.get("/readyz").status_code == 200
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    response = client.get("/readyz")
    assert response.status_code == 503
    assert b"encryption keys do not match" in response.content


def test_encrypted_fields_refuse_to_be_searched_in_sql():
    review = Review.objects.create(submission=make_submission(), kind="note", note="Warfarin")
    with pytest.raises(FieldError):
        list(Review.objects.filter(note__icontains="warfarin"))
    assert list(Review.objects.filter(note__isnull=False)) == [review]


# serialized_rollback: put the starter questions back after the flush, like the other
# tests that need real transactions
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_encrypts_existing_rows_and_reversing_it_decrypts_them():
    before = [("screening", "0024_condition_keywords")]
    after = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    submission = old.get_model("screening", "Submission").objects.create(
        token=uuid.uuid4(), full_name="Old Row", date_of_birth="1980-01-01",
        questionnaire_version="v", answers=[{"key": "medicines", "answer": "ZZOLDWARFARIN"}],
        flags=[{"code": "blood_thinners", "raised_by": [{"keyword": "ZZOLDKEYWORD"}]}],
        consent_version="v", consent_text="I agree", consent_given_at="2026-01-01T00:00Z",
    )  # fmt: skip
    review = old.get_model("screening", "Review").objects.create(
        submission_id=submission.pk, kind="note", note="ZZOLDNOTE"
    )
    try:
        MigrationExecutor(connection).migrate(after)
        for column in ("answers", "flags"):
            assert "ZZOLD" not in stored("screening_submission", column, submission.pk)
        assert "ZZOLD" not in stored("screening_review", "note", review.pk)
        assert Submission.objects.get().flags[0]["raised_by"][0]["keyword"] == "ZZOLDKEYWORD"
        assert Submission.objects.get().answers[0]["answer"] == "ZZOLDWARFARIN"
        assert Review.objects.get().note == "ZZOLDNOTE"
        MigrationExecutor(connection).migrate(before)
        assert "ZZOLDWARFARIN" in str(stored("screening_submission", "answers", submission.pk))
        assert "ZZOLDKEYWORD" in str(stored("screening_submission", "flags", submission.pk))
        assert stored("screening_review", "note", review.pk) == "ZZOLDNOTE"
    finally:
        MigrationExecutor(connection).migrate(after)


def test_a_row_no_key_opens_can_still_be_purged_and_erased(settings):
    current = settings.FIELD_ENCRYPTION_KEYS
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    lost = [make_submission(), make_submission()]
    Review.objects.create(submission=lost[0], kind="note", note="Under a lost key")
    settings.FIELD_ENCRYPTION_KEYS = current
    kept = make_submission()
    Submission.objects.filter(pk=lost[1].pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    call_command("purge_submissions", stdout=io.StringIO())
    call_command("erase_submission", lost[0].reference, stdout=io.StringIO())
    assert list(Submission.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not Review.objects.exists()


def test_rewriting_a_column_visits_every_row_once_across_batches():
    for _ in range(5):
        make_submission()
    seen = []

    def change(token):
        seen.append(token)
        return reencrypt(token)

    changed = rewrite_column(connection, "screening_submission", "answers", change, batch=2)
    assert changed == 5 and len(seen) == len(set(seen)) == 5


def test_json_given_as_invalid_text_is_a_validation_error_not_a_crash():
    from django.core.exceptions import ValidationError

    field = Submission._meta.get_field("answers")
    assert field.to_python('[{"key": "medicines"}]') == [{"key": "medicines"}]
    with pytest.raises(ValidationError):
        field.to_python("not json")


def unsent_answers(client, medicines):
    """A patient part-way through: contact details and the medicines step sent."""
    from tests.patients import CONTACT, consult_date_fields

    client.get("/screening/about-you/")
    client.post("/screening/about-you/", {**CONTACT, **consult_date_fields()})
    client.post("/screening/treatment/", all_no_answers())
    client.post("/screening/medicines/", all_no_answers(medicines=medicines))


def test_unsent_answers_are_encrypted_in_the_session_store(client):
    from django.core.cache import caches

    medicine = f"ZZUNSENT{uuid.uuid4().hex}"
    unsent_answers(client, medicine)
    raw = caches["sessions"].get(f"django.contrib.sessions.cache{client.session.session_key}")
    assert isinstance(raw, bytes) and medicine.encode() not in raw
    assert medicine in client.get("/screening/medicines/").content.decode()  # kept, readable


def test_a_session_stored_before_encryption_still_opens(client):
    from django.core.cache import caches

    from mesoinfo.sessions import SessionStore

    caches["sessions"].set("django.contrib.sessions.cacheoldsessionkey0000000000000", {"a": 1}, 60)
    assert SessionStore("oldsessionkey0000000000000")["a"] == 1


def test_a_session_no_key_opens_starts_afresh_instead_of_failing(client, settings):
    unsent_answers(client, "Warfarin")
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    response = client.get("/screening/medicines/")
    assert response.status_code in (200, 302)  # the questionnaire starts again
    assert "Warfarin" not in response.content.decode()

"""T52: answers and notes are stored encrypted; old keys keep working until rotated."""

import io
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from mesoinfo.encryption import UnreadableValue, new_key, reencrypt, rewrite_column
from screening.models import AuditEvent, Review, Submission
from tests.database import stored
from tests.patients import all_no_answers
from tests.staff.conftest import make_submission

pytestmark = pytest.mark.django_db
OLD_KEY, NEW_KEY = new_key(), new_key()


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
    call_command("rotate_field_keys", stdout=None)
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


def test_a_row_no_key_opens_raises_a_clear_error_instead_of_showing_ciphertext(settings):
    submission = make_submission()
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(UnreadableValue, match="MESOINFO_FIELD_KEYS"):
        Submission.objects.get(pk=submission.pk)


def test_encrypted_fields_refuse_to_be_searched_in_sql():
    with pytest.raises(FieldError):
        list(Review.objects.filter(note__icontains="warfarin"))
    assert list(Review.objects.filter(note__isnull=True)) == []


def test_new_field_key_prints_a_key_that_works(settings, capsys):
    call_command("new_field_key")
    settings.FIELD_ENCRYPTION_KEYS = [capsys.readouterr().out.strip()]
    submission = make_submission()
    assert Submission.objects.get(pk=submission.pk).answers == submission.answers


# serialized_rollback: put the starter questions back after the flush, like the other
# tests that need real transactions
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_encrypts_existing_rows_and_reversing_it_decrypts_them():
    before = [("screening", "0024_condition_keywords")]
    after = [("screening", "0026_encrypt_flags")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    submission = old.get_model("screening", "Submission").objects.create(
        token=uuid.uuid4(), full_name="Old Row", date_of_birth="1980-01-01",
        questionnaire_version="v", answers=[{"key": "medicines", "answer": "ZZOLDWARFARIN"}],
        flags=[{"code": "blood_thinners", "raised_by": [{"keyword": "ZZOLDKEYWORD"}]}],
        consent_version="v", consent_text="I agree", consent_given_at="2026-01-01T00:00Z",
    )  # fmt: skip
    old.get_model("screening", "Review").objects.create(
        submission_id=submission.pk, kind="note", note="ZZOLDNOTE"
    )
    try:
        MigrationExecutor(connection).migrate(after)
        for column in ("answers", "flags"):
            assert "ZZOLD" not in stored("screening_submission", column, submission.pk)
        assert Submission.objects.get().flags[0]["raised_by"][0]["keyword"] == "ZZOLDKEYWORD"
        assert Submission.objects.get().answers[0]["answer"] == "ZZOLDWARFARIN"
        assert Review.objects.get().note == "ZZOLDNOTE"
        MigrationExecutor(connection).migrate(before)
        assert "ZZOLDWARFARIN" in str(stored("screening_submission", "answers", submission.pk))
        assert "ZZOLDKEYWORD" in str(stored("screening_submission", "flags", submission.pk))
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


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

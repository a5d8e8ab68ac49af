"""Patients' answers and staff notes are stored encrypted from now on (see
mesoinfo/encryption.py): the columns become text, then every row written before is
encrypted under the current key. Going back decrypts them first."""

from django.db import migrations, models

import mesoinfo.encryption
from screening.migrations._encryption import encrypting


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0024_condition_keywords"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("list", "Viewed the queue"),
                    ("view", "Viewed a submission"),
                    ("print", "Printed a submission"),
                    ("decision", "Recorded a decision"),
                    ("attendance", "Recorded attendance"),
                    ("note", "Added a note"),
                    ("export", "Exported the queue"),
                    ("audit_view", "Viewed the audit log"),
                    ("audit_export", "Exported the audit log"),
                    ("purge", "Deleted after the retention period"),
                    ("erase", "Erased on request"),
                    ("sign_in", "Signed in"),
                    ("sign_in_failed", "Sign-in failed"),
                    ("sign_in_paused", "Sign-in paused after failures"),
                    ("sign_out", "Signed out"),
                    ("sign_out_all", "Signed someone out everywhere"),
                    ("verified", "Second factor verified"),
                    ("verify_failed", "Second factor failed"),
                    ("denied", "Access denied"),
                    ("emergency_open", "Opened health answers in an emergency"),
                    ("emergency_view", "Viewed health answers in an emergency"),
                    ("user_add", "Added a user account"),
                    ("user_delete", "Deleted a user account"),
                    ("privileges", "Changed a user's privileges"),
                    ("role_permissions", "Changed a role's permissions"),
                    ("device_add", "Added a second-factor device"),
                    ("device_delete", "Removed a second-factor device"),
                    ("keys_rotated", "Re-encrypted stored answers and notes"),
                ],
                db_index=True,
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="review",
            name="note",
            field=mesoinfo.encryption.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name="submission",
            name="answers",
            field=mesoinfo.encryption.EncryptedJSONField(
                help_text="Each question as shown and the answer as given."
            ),
        ),
        encrypting(("screening_submission", "answers"), ("screening_review", "note")),
    ]

"""The flags raised, with the words that raised them (a medicine's name, say), are stored
encrypted too, like the answers they come from (see 0025)."""

from django.db import migrations

import mesoinfo.encryption
from screening.migrations._encryption import encrypting


class Migration(migrations.Migration):

    dependencies = [
        ('screening', '0025_encrypt_answers_and_notes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='submission',
            name='flags',
            field=mesoinfo.encryption.EncryptedJSONField(default=list),
        ),
        encrypting(("screening_submission", "flags")),
    ]

from django.db import migrations


def create_clinic(apps, schema_editor):
    Clinic = apps.get_model("content", "Clinic")
    Clinic.objects.get_or_create(
        pk=1,
        defaults={
            "name": "Riverside Skin Clinic",
            "phone": "020 7946 0000",
            "email": "hello@riverside-clinic.example",
            "address": "12 Example Street\nLondon\nAB1 2CD",
            "opening_hours": "Monday to Friday, 9am to 5pm",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(create_clinic, migrations.RunPython.noop)]

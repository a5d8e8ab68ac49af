from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Clinic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(help_text="Shown at the top of every page.", max_length=120)),
                ("phone", models.CharField(help_text="The number patients should call.", max_length=40)),
                ("email", models.EmailField(help_text="The address patients and staff notifications use.", max_length=254)),
                ("address", models.TextField(help_text="Postal address, one line per row.")),
                ("opening_hours", models.CharField(blank=True, help_text="For example: Monday to Friday, 9am to 5pm.", max_length=200)),
            ],
            options={"verbose_name": "clinic details", "verbose_name_plural": "clinic details"},
        ),
    ]

from django.core.cache import cache
from django.db import models

CLINIC_CACHE_KEY = "content:clinic"


class Clinic(models.Model):
    """The clinic's public details, shown in every page's header and footer.

    There is only ever one row; the admin edits it in place.
    """

    name = models.CharField(max_length=120, help_text="Shown at the top of every page.")
    phone = models.CharField(max_length=40, help_text="The number patients should call.")
    email = models.EmailField(help_text="The address patients and staff notifications use.")
    address = models.TextField(help_text="Postal address, one line per row.")
    opening_hours = models.CharField(
        max_length=200, blank=True, help_text="For example: Monday to Friday, 9am to 5pm."
    )

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(CLINIC_CACHE_KEY)

    @classmethod
    def load(cls):
        """The clinic's details, from the shared cache when possible."""
        clinic = cache.get(CLINIC_CACHE_KEY)
        if clinic is None:
            clinic = cls.objects.filter(pk=1).first() or cls.placeholder()
            cache.set(CLINIC_CACHE_KEY, clinic, 60 * 60)
        return clinic

    @classmethod
    def placeholder(cls):
        return cls(
            pk=1,
            name="Your Clinic",
            phone="000 0000 0000",
            email="clinic@example.com",
            address="Set the clinic's address in the admin",
        )

    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

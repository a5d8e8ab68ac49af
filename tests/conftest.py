import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fast_passwords_and_clean_cache(settings):
    # Argon2 is deliberately slow; tests that check hashing ask for it themselves.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()

"""Shared by the migrations that make staff roles (Django's migration loader skips
modules whose names start with "_")."""

from django.contrib.auth.management import create_permissions


def role_permissions(apps, app_label, codenames):
    """These permissions of one app, made first if the app's models are new in this
    migration run (Django only makes permissions after every migration has run)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

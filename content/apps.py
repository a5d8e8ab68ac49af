from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class ContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = "Patient information"

    def ready(self):
        from content.caching import content_changed, move_version
        from content.models import Clinic, Topic
        from mesoinfo.recent import after_migrate

        for model in (Topic, Clinic):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"changed-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"deleted-{model}")
        m2m_changed.connect(content_changed, sender=Topic.related.through, dispatch_uid="rel")
        post_migrate.connect(
            after_migrate(move_version), sender=self, weak=False, dispatch_uid="pages-migrated"
        )

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ScreeningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "screening"
    verbose_name = "Screening"

    def ready(self):
        from mesoinfo.recent import after_migrate
        from screening.models import Contraindication, Question
        from screening.questionnaire import forget_questionnaire, questionnaire_changed

        for model in (Question, Contraindication):
            post_save.connect(questionnaire_changed, sender=model, dispatch_uid=f"s-{model}")
            post_delete.connect(questionnaire_changed, sender=model, dispatch_uid=f"d-{model}")
        forget = after_migrate(forget_questionnaire)
        post_migrate.connect(forget, sender=self, weak=False, dispatch_uid="forget-questions")

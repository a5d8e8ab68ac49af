import random
import uuid
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from screening import audit
from screening.models import (
    AuditEvent,
    RaisedFlag,
    ReviewStatus,
    Submission,
    as_name_key,
    new_reference,
)
from screening.questionnaire import Questionnaire
from screening.rules import NO, NOT_SURE, YES

BATCH = 2000


class Command(BaseCommand):
    help = (
        "Add made-up submissions for demos, benchmarks and drills (about 30%% flagged). "
        "Refuses to run unless --fake-data-ok is given: never use it on real clinic data."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--fake-data-ok", action="store_true")
        parser.add_argument("--audit-events", type=int, default=0)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, count, fake_data_ok, audit_events, seed, **options):
        if not fake_data_ok:
            raise CommandError("This adds made-up patients. Pass --fake-data-ok to confirm.")
        rng = random.Random(seed)  # noqa: S311 - made-up data, repeatable on purpose
        questionnaire = Questionnaire.current()
        for start in range(0, count, BATCH):
            with transaction.atomic():
                made = Submission.objects.bulk_create(
                    fake(rng, questionnaire) for _ in range(min(BATCH, count - start))
                )
                RaisedFlag.objects.bulk_create(
                    RaisedFlag(submission=s, code=f["code"]) for s in made for f in s.flags
                )
        for n in range(audit_events):
            audit.record(AuditEvent.Action.VIEW, reference=f"SEED-{n % 10000:04d}")
        self.stdout.write(f"Added {count} made-up submissions and {audit_events} audit events.")


def fake(rng, questionnaire):
    answers = {q.key: NO for q in questionnaire.questions if q.kind == "yes_no"}
    answers.update(area="face", goal="skin", medicines="", allergy_details="")
    if rng.random() < 0.3:
        key = rng.choice([k for k in answers if answers[k] == NO])
        answers[key] = rng.choice([YES, NOT_SURE])
    flags = questionnaire.flags(answers)
    today = timezone.localdate()
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return Submission(
        reference=new_reference(),
        token=uuid.UUID(int=rng.getrandbits(128)),
        full_name=name,
        name_key=as_name_key(name),  # bulk_create does not call save(), which sets it
        date_of_birth=today - timedelta(days=rng.randint(18 * 365, 80 * 365)),
        email=f"patient{rng.randint(1, 10**9)}@example.com",
        consult_date=today + timedelta(days=rng.randint(-30, 60)) if rng.random() < 0.9 else None,
        questionnaire_version=questionnaire.version,
        answers=questionnaire.snapshot(answers),
        flags=[
            {"code": f.code, "name": f.name, "explanation": f.explanation, "guidance": f.guidance}
            for f in flags
        ],  # fmt: skip
        flagged=bool(flags),
        consent_version="seed",
        consent_text="Made-up submission for a drill or benchmark.",
        consent_given_at=timezone.now(),
        status=rng.choice([ReviewStatus.NOT_REVIEWED] * 3 + list(ReviewStatus)),
    )


FIRST = ["Amira", "Ben", "Chloe", "Dev", "Erin", "Femi", "Grace", "Hamza", "Isla", "Jon"]
LAST = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal"]

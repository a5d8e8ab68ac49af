from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from content import starter
from content.models import Topic


class Command(BaseCommand):
    help = (
        "Add the starter topic pages that are not there yet. A page that exists, or that an "
        "admin has deleted, is left alone, so an admin's edits are never overwritten."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        pages = starter.pages()
        known = set(Topic.history.values_list("slug", flat=True).distinct())
        added = []
        for page in pages:
            if page.slug in known:
                continue
            Topic.objects.create(
                title=page.title,
                slug=page.slug,
                summary=page.summary,
                body=page.body,
                position=page.position,
                status=Topic.Status.PUBLISHED,
                last_reviewed=page.reviewed,
                next_review_due=page.reviewed + timedelta(days=365),
                reviewer_name=page.reviewer_name,
                reviewer_role=page.reviewer_role,
                sources=page.sources,
            )
            added.append(page)
        by_slug = {t.slug: t for t in Topic.objects.filter(slug__in=[p.slug for p in added])}
        for page in added:
            by_slug[page.slug].related.set(Topic.objects.filter(slug__in=page.related))
        self.stdout.write(
            f"Starter content: {len(added)} page(s) added, {len(pages) - len(added)} kept as is."
        )

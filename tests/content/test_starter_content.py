import re
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from content import starter
from content.markdown import render
from content.models import Topic
from content.readability import measure

PAGES = starter.pages()
REQUIRED_SLUGS = {
    "what-is-mesotherapy", "uses", "procedure-and-sessions", "side-effects", "evidence",
    "who-should-not-have-it", "aftercare", "mesotherapy-or-fillers", "does-it-hurt",
    "preparing-for-your-consultation", "faq",
}  # fmt: skip
CONTRAINDICATION_CODES = [
    "pregnancy", "breastfeeding", "anticoagulants", "bleeding_disorder", "skin_infection",
    "allergy", "immune_compromise", "serious_illness", "cardiovascular_event",
    "weight_loss_goal",
]  # fmt: skip


def test_every_required_starter_page_exists():
    assert {page.slug for page in PAGES} >= REQUIRED_SLUGS


@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_starter_page_meets_the_reading_target(page):
    level = measure(page.title, page.summary, page.body)
    assert level.meets_target, f"{page.slug}: {level}"


@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_starter_page_links_only_to_pages_that_exist(page):
    targets = set(re.findall(r"\]\((/[^)]*)\)", page.body))
    known = {f"/topics/{p.slug}/" for p in PAGES} | {"/screening/"}
    assert targets <= known
    assert set(page.related) <= {p.slug for p in PAGES}


def test_who_should_not_have_it_has_a_section_for_every_contraindication():
    page = next(p for p in PAGES if p.slug == "who-should-not-have-it")
    ids = [h.id for h in render(page.body).headings]
    assert set(CONTRAINDICATION_CODES) <= set(ids)


@pytest.mark.django_db
def test_each_flags_read_more_link_lands_on_a_heading_with_the_flags_own_name():
    from screening.models import Contraindication

    page = next(p for p in PAGES if p.slug == "who-should-not-have-it")
    titles = {h.id: h.title for h in render(page.body).headings}
    names = dict(Contraindication.objects.values_list("code", "name"))
    assert names == {code: titles[code] for code in names}


@pytest.mark.django_db
def test_starter_pages_show_the_date_they_were_checked_not_the_date_they_were_loaded(
    monkeypatch,
):
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2030, 5, 1))
    call_command("load_starter_content")
    reviewed = dict(Topic.objects.values_list("slug", "last_reviewed"))
    assert reviewed == {page.slug: page.reviewed for page in PAGES}


def test_evidence_page_says_it_is_not_approved_for_fat_loss_nor_a_weight_loss_treatment():
    body = next(p for p in PAGES if p.slug == "evidence").body.lower()
    assert "fda" in body
    assert "not a weight-loss treatment" in body or "not a way to lose weight" in body


@pytest.mark.django_db
def test_loading_starter_content_publishes_every_page_with_review_dates():
    call_command("load_starter_content")
    topics = Topic.objects.published()
    assert topics.count() == len(PAGES)
    assert all(t.last_reviewed and t.next_review_due > t.last_reviewed for t in topics)
    assert Topic.objects.get(slug="uses").related.exists()


@pytest.mark.django_db
def test_loading_again_never_overwrites_an_admins_edit_or_revives_a_deleted_page():
    call_command("load_starter_content")
    edited = Topic.objects.get(slug="aftercare")
    edited.summary = "The clinic's own words."
    edited.save()
    Topic.objects.get(slug="faq").delete()
    call_command("load_starter_content")
    assert Topic.objects.get(slug="aftercare").summary == "The clinic's own words."
    assert not Topic.objects.filter(slug="faq").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("words", ["blood thinner", "Eliquis", "Plavix", "lidocaine"])
def test_searching_the_words_patients_use_finds_who_should_not_have_it(client, words):
    call_command("load_starter_content")
    page = client.get("/topics/search/", {"q": words}).content.decode()
    assert "/topics/who-should-not-have-it/" in page

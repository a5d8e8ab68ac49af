from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from mesoinfo.encryption import UnreadableValue
from screening import audit, limits, services
from screening.models import AuditEvent, Submission
from screening.questionnaire import Questionnaire
from staff import attempts, emergency, queue
from staff.access import landing_page, staff_permission_required
from staff.exports import QUEUE_HEADER, csv_response, export_fields, queue_rows
from staff.forms import (
    AuditFilterForm,
    EmergencyAccessForm,
    QueueFilterForm,
    ReviewForm,
    SignInForm,
    TokenForm,
    valid_filters,
)

PAGE_SIZE = 25
HEALTH_FIELDS = ("answers", "flags")
Action = AuditEvent.Action


class SignInView(auth_views.LoginView):
    template_name = "staff/login.html"
    form_class = SignInForm

    def post(self, request, *args, **kwargs):
        if attempts.paused(request.POST.get("username")):
            audit.record(Action.SIGN_IN_PAUSED, request=request, detail="account, any address")
            return render(request, "staff/locked_out.html", {"account_wide": True}, status=429)
        return super().post(request, *args, **kwargs)

    def get_success_url(self):
        asked_for = self.get_redirect_url()
        return "/staff/two-factor/" + (f"?{urlencode({'next': asked_for})}" if asked_for else "")


def safe_next(request):
    default = landing_page(request.user)
    target = request.GET.get("next") or request.POST.get("next") or default
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if allowed else default


@never_cache
@require_http_methods(["GET", "POST"])
def two_factor(request):
    user = request.user
    if not user.is_authenticated:
        return redirect("staff:login")
    if user.is_verified():
        return redirect(safe_next(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "Authenticator app"}
        )
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and not form.is_valid():
        audit.record(Action.VERIFY_FAILED, request=request)
    if request.method == "POST" and form.is_valid():
        if enrolling:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        request.session.cycle_key()  # the key known before the second factor stops working
        audit.record(Action.VERIFIED, request=request)
        return redirect(safe_next(request))
    context = {"form": form, "enrolling": enrolling, "next": safe_next(request)}
    if enrolling:
        context.update(
            qr_svg=qr_svg(device.config_url), secret=TokenForm.secret_for_people(device)
        )
    return render(request, "staff/two_factor.html", context)


def qr_svg(text):
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def flag_choices():
    return [(c.code, c.name) for c in Questionnaire.current().flag_order()]


class SignOutView(auth_views.LogoutView):
    next_page = "staff:login"

    def post(self, request, *args, **kwargs):
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.info(request, "You have signed out.")
        return response


class HttpResponseSeeOther(HttpResponseRedirect):
    """After a POST: the browser follows with a GET, and a reload does not send again."""

    status_code = 303


def queue_form(request, remembered=True):
    """The queue's filter form for this person: no flag filter without health access."""
    with_flags = request.user.has_perm("screening.view_health_answers")
    return QueueFilterForm.for_request(
        request, flag_choices(), with_flags=with_flags, remembered=remembered
    )


def queue_url(filters):
    return reverse("staff:queue") + (f"?{urlencode(filters)}" if filters else "")


def drop_search_from_address(request):
    """An address with `q=` (an old bookmark, or a link someone sent): the words are not
    searched for, so that no link can set or change someone's search, and the browser
    is sent to the queue's address with only the other valid filters. Searches are
    typed into the queue's form."""
    if request.GET.get("q", "").strip():
        messages.info(
            request,
            "Searches are no longer kept in page addresses, to keep patient details out of "
            "them. Type the search into “Reference or name” again.",
        )
    return HttpResponseSeeOther(queue_url(queue_form(request).address_filters()))


@staff_permission_required("screening.view_queue", others_go_home=True)
@require_http_methods(["GET", "POST"])
def queue_list(request):
    """The review queue. The filter form is sent by POST: its search is kept in the
    session and the browser is sent to an address holding only the other filters."""
    if "q" in request.GET:
        return drop_search_from_address(request)
    form = queue_form(request)
    if request.method == "POST":
        form.remember_search(request.session)
        if not form.is_bound or form.is_valid():  # nothing sent: every filter cleared
            return HttpResponseSeeOther(queue_url(form.address_filters()))
    return show_queue(request, form)


def show_queue(request, form):
    can_see_health = form.with_flags
    data = valid_filters(form)
    cached = queue.cached_state()
    counts = queue.status_counts(cached, with_health=can_see_health)
    total = (
        None
        if any(data.get(k) for k in ("q", "status", "flag", "consult"))
        else sum(n for *_, n in counts)
    )
    submissions = queue.filtered(data, with_health=can_see_health)
    fields = queue.shown_fields(can_see_health)
    paginator = queue.QueuePaginator(
        submissions,
        PAGE_SIZE,
        total=total,
        fields=fields,
        with_health=can_see_health,
    )
    page = paginator.get_page(request.GET.get("page"))
    rows = queue.rows(page, with_health=can_see_health)
    references = [row.reference for row in rows]
    detail = AuditEvent.list_detail(references, page.number)
    audit.record(Action.LIST, request=request, detail=detail)
    kept_filters = form.address_filters()
    return render(
        request,
        "staff/queue.html",
        {
            "form": form,
            "filter_fields": queue.filter_fields(form),
            "search": data.get("q", ""),
            "kept_filters": kept_filters,
            "page": page,
            "rows": rows,
            "counts": counts,
            "today": timezone.localdate(),
            "filters": urlencode(kept_filters),
            "can_see_health": can_see_health,
            "form_paused": limits.clinic_limit_reached(cached),
            "can_export": request.user.has_perm("screening.export_submissions"),
            "queue_url": reverse("staff:queue"),
            "export_url": reverse("staff:export"),
        },
    )


@staff_permission_required("screening.view_queue", "screening.export_submissions")
@require_http_methods(["GET", "POST"])
def queue_export(request):
    """The queue as CSV. The queue page sends its own filters and search by POST; an
    address (GET) exports what its filters say, without any search."""
    if "q" in request.GET:
        return drop_search_from_address(request)
    form = queue_form(request, remembered=False)
    data = valid_filters(form)
    submissions = queue.filtered(data, with_health=form.with_flags)
    submissions = submissions.only(*export_fields(with_flags=form.with_flags))
    # Read first, so no row is sent that the audit log does not name (a submission that
    # arrives meanwhile is left out of the file). The flags are opened here too: a row
    # no key opens then gets the usual 503 before anything is audited or sent, rather
    # than cutting the file off half way.
    exported = references_to_export(submissions, with_flags=form.with_flags)
    audit.record_each(
        Action.EXPORT,
        list(exported.values()),
        request=request,
        detail=f"{len(exported)} rows, {export_filters(data)}",
    )
    rows = queue_rows(submissions, only=exported, with_flags=form.with_flags)
    return csv_response("screening-queue.csv", QUEUE_HEADER, rows)


def references_to_export(submissions, *, with_flags):
    """{id: reference} of the rows to export, with their flags opened on the way."""
    fields = ("pk", "reference", "flags") if with_flags else ("pk", "reference")
    try:
        rows = submissions.values_list(*fields).iterator(chunk_size=2000)
        return {row[0]: row[1] for row in rows}
    except UnreadableValue as error:
        problem = str(error)
    # Raised again out here, so the first error's traceback, which holds PostgreSQL's
    # server-side cursor, is let go and the cursor closed while its connection has it.
    raise UnreadableValue(problem)


def export_filters(data):
    """The filters an export used, for its audit events. Never the search text, which may
    be a name, nor the flag: next to the references it would say which patients raised
    it, and people who may not know read the audit log."""
    return f"status={data.get('status') or 'any'}, consultation={data.get('consult') or 'any'}"


@staff_permission_required("screening.view_queue")
@require_http_methods(["GET", "POST"])
def submission_detail(request, reference):
    submission = get_object_or_404(submissions_for(request.user), reference=reference)
    user = request.user
    form = review_form(user, submission, request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.record_review(
                submission=submission,
                version=form.cleaned_data["version"],
                user=user,
                request=request,
                decision=form.cleaned_data.get("decision", ""),
                attendance=form.cleaned_data.get("attendance", ""),
                note=form.cleaned_data.get("note", "").strip(),
            )
        except services.StaleEdit:
            status = 409
            submission.refresh_from_db()
            form.add_error(
                None,
                "Someone else saved this submission while you were working on it. Their "
                "changes are shown below. What you typed is still in the form: check it, "
                "then save again.",
            )
            form.data = form.data.copy()
            form.data["version"] = submission.version
        except services.IllegalTransition as refused:
            status = 409
            form.add_error(None, f"That change is not allowed. {refused}")
        else:
            if changed:
                messages.success(request, "Saved.")
            else:
                messages.info(request, "Nothing to save: those choices were already recorded.")
            return redirect(submission)
    return show_submission(request, submission, form, status=status)


@staff_permission_required("screening.view_queue", "screening.review_submission")
@require_http_methods(["GET"])
def next_to_review(request):
    """Sends a clinician on to the next submission waiting for review."""
    reference = queue.next_to_review(after=request.GET.get("after", ""))
    if reference is None:
        messages.info(request, "No other submissions are waiting for review.")
        return redirect("staff:queue")
    return redirect("staff:submission", reference)


def submissions_for(user):
    """Without health access, a submission's answers and flags are left unread (so not
    decrypted) unless emergency access opens them, which then reads them on first use."""
    if user.has_perm("screening.view_health_answers"):
        return Submission.objects.all()
    return Submission.objects.defer(*HEALTH_FIELDS)


def review_form(user, submission, data=None):
    return ReviewForm(
        data,
        initial={
            "version": submission.version,
            "decision": submission.status,
            "attendance": submission.attendance,
        },
        can_review=user.has_perm("screening.review_submission"),
        can_note=user.has_perm("screening.view_health_answers"),
        can_record_attendance=user.has_perm("screening.record_attendance"),
    )


def show_submission(request, submission, form, emergency_form=None, status=200):
    """The submission page, recorded in the audit log as a view (an emergency view when
    only emergency access lets this person see the health answers)."""
    user = request.user
    allowed = user.has_perm("screening.view_health_answers")
    emergency_now = not allowed and emergency.is_open(request, submission.reference)
    action = Action.EMERGENCY_VIEW if emergency_now else Action.VIEW
    audit.record(action, request=request, reference=submission.reference)
    can_see_health = allowed or emergency_now
    offer_emergency = user.has_perm("screening.emergency_access") and not can_see_health
    emergency_form = (emergency_form or EmergencyAccessForm()) if offer_emergency else None
    return render(
        request,
        "staff/submission.html",
        {
            "submission": submission,
            "form": form,
            "reviews": submission.reviews.select_related("author"),
            "can_see_health": can_see_health,
            "can_print": allowed,
            "emergency_now": emergency_now,
            "emergency_minutes": emergency.MINUTES,
            "emergency_form": emergency_form,
        },
        status=status,
    )


@staff_permission_required("screening.view_queue", "screening.emergency_access")
@require_http_methods(["POST"])
def emergency_access(request, reference):
    submission = get_object_or_404(submissions_for(request.user), reference=reference)
    emergency_form = EmergencyAccessForm(request.POST)
    if not emergency_form.is_valid():
        form = review_form(request.user, submission)
        return show_submission(request, submission, form, emergency_form, status=400)
    emergency.open_access(request, submission, emergency_form.cleaned_data["reason"])
    return redirect(submission)


@staff_permission_required("screening.view_queue", "screening.view_health_answers")
def submission_print(request, reference):
    submission = get_object_or_404(Submission, reference=reference)
    audit.record(Action.PRINT, request=request, reference=submission.reference)
    return render(
        request,
        "staff/submission_print.html",
        {
            "submission": submission,
            "reviews": submission.reviews.select_related("author"),
            "can_see_health": True,  # printing needs the health-answers permission
        },
    )


def page_number(request):
    text = request.GET.get("page", "1")
    return int(text) if text.isdigit() and len(text) < 7 else 1


def _audit_events(request):
    """The filter form, the events it selects, and a description of the filters used."""
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    data = valid_filters(form)
    described = AuditFilterForm.described(data)
    # Whole days in UTC, as the log shows them; bounds rather than __date, so the
    # created_at index is used.
    if data.get("start"):
        events = events.filter(created_at__gte=utc_midnight(data["start"]))
    if data.get("end") and data["end"] < date.max:  # there is no day after 9999-12-31
        events = events.filter(created_at__lt=utc_midnight(data["end"] + timedelta(days=1)))
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("user"):
        events = events.filter(actor_name__icontains=data["user"])
    if data.get("reference"):
        events = events.naming(data["reference"])
    return form, events.order_by(data.get("sort") or "-created_at", "-id"), described


@staff_permission_required()
@require_http_methods(["POST"])
def still_here(request):
    """The idle warning's "Stay signed in": a request like any other, so the idle clock
    starts again (the absolute limit still applies). Nothing else happens."""
    return HttpResponse(status=204)


def utc_midnight(day):
    return datetime.combine(day, time.min, tzinfo=UTC)


@staff_permission_required("screening.view_auditlog")
def audit_log(request):
    form, events, described = _audit_events(request)
    paginator = Paginator(events, 50)
    detail = f"page {page_number(request)}, {described}"
    audit.record(Action.AUDIT_VIEW, request=request, detail=detail)
    page = paginator.get_page(request.GET.get("page"))
    filters = request.GET.copy()
    filters.pop("page", None)
    sort_filters = request.GET.copy()
    for key in ("page", "sort"):
        sort_filters.pop(key, None)
    return render(
        request,
        "staff/audit_log.html",
        {
            "form": form,
            "page": page,
            "searched": form.cleaned_data.get("reference", "") if form.is_bound else "",
            "filters": filters.urlencode(),
            "sort_filters": sort_filters.urlencode(),
            "columns": [
                ("created_at", "When (UTC)"),
                ("actor_name", "Who"),
                ("action", "What"),
                ("reference", "Submission"),
                ("ip_address", "From"),
            ],  # fmt: skip
        },
    )


@staff_permission_required("screening.view_auditlog", "screening.export_auditlog")
def audit_export(request):
    _, events, described = _audit_events(request)
    audit.record(Action.AUDIT_EXPORT, request=request, detail=described)
    header = ["When (UTC)", "Who", "What", "Submission", "From", "Detail", "Hash"]
    rows = (
        [
            e.created_at.isoformat(),
            e.actor_name,
            e.get_action_display(),
            e.reference,
            e.ip_address,
            e.detail,
            e.hash,
        ]  # fmt: skip
        for e in events.iterator(chunk_size=1000)
    )
    return csv_response("audit-log.csv", header, rows)

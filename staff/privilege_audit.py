"""Privilege changes go to the audit log (security matrix T45), however they are made:
the admin's forms, a management command or the shell. They are caught at the models,
because Django's own record of admin changes (django_admin_log) can be edited and misses
the rest. The actor is whoever is signed in to the request being served; from the shell
there is none.

Not caught: a bulk `QuerySet.update()` and `loaddata`, which send no per-row signals."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from simple_history.models import HistoricalRecords

from screening import audit
from screening.models import AuditEvent

FLAGS = ("is_superuser", "is_staff", "is_active")
Action = AuditEvent.Action


def current_request():
    """The request being served, if any. django-simple-history's middleware keeps it in a
    context-local for the whole request, so concurrent requests never see each other's."""
    return getattr(HistoricalRecords.context, "request", None)


def record_privilege_change(action, subject, changes=(), what=""):
    """An event naming the account or role and what changed, e.g. "for sam: groups
    +Clinician"; more than one when the changes would not fit in one event's detail, so
    none is cut off."""
    who = f"role {subject.name}" if isinstance(subject, Group) else subject.get_username()
    head = f"for {who}"
    if changes:
        head = f"{head}: {what}".rstrip()
    details = [head]
    limit = AuditEvent._meta.get_field("detail").max_length
    for change in changes:
        if details[-1] != head and len(details[-1]) + 1 + len(change) > limit:
            details.append(head)
        details[-1] += " " + change
    for detail in details:
        audit.record(action, request=current_request(), detail=detail)


def name_of(item):
    """A group's name, or a permission as `has_perm` names it."""
    if isinstance(item, Permission):
        return f"{item.content_type.app_label}.{item.codename}"
    return item.name


def connect(devices):
    user = get_user_model()
    pre_save.connect(remember_flags, sender=user, dispatch_uid="audit-user-flags")
    post_save.connect(user_saved, sender=user, dispatch_uid="audit-user-saved")
    post_delete.connect(user_deleted, sender=user, dispatch_uid="audit-user-deleted")
    pre_delete.connect(group_deleted, sender=Group, dispatch_uid="audit-group-deleted")
    for model in (user, Group):
        post_save.connect(mark_loaded, sender=model, dispatch_uid=f"audit-load-{model._meta}")
    for model in devices:
        post_save.connect(device_saved, sender=model, dispatch_uid=f"audit-{model._meta}")
        post_delete.connect(device_deleted, sender=model, dispatch_uid=f"audit-{model._meta}")
    for field, action, what in [
        (user._meta.get_field("groups"), Action.PRIVILEGES, "groups"),
        (user._meta.get_field("user_permissions"), Action.PRIVILEGES, "permissions"),
        (Group._meta.get_field("permissions"), Action.ROLE_PERMISSIONS, "permissions"),
    ]:
        MEMBERSHIPS[field.remote_field.through] = (field, action, what)
        m2m_changed.connect(
            membership_changed,
            sender=field.remote_field.through,
            dispatch_uid=f"audit-{field.remote_field.through._meta}",
        )


def mark_loaded(sender, instance, raw, **kwargs):
    """Rows loaded as they are (`loaddata`, a test database restored) are data being
    copied in, not changes anyone made; their memberships are set straight after, while
    the rows they name may not be there yet."""
    if raw:
        instance._loaded_raw = True


def remember_flags(sender, instance, raw, update_fields=None, **kwargs):
    """Read the flags as stored, to compare after saving; saves that cannot change them
    (the last-login time at every sign-in) cost no query."""
    if raw or instance.pk is None or (update_fields and not set(FLAGS) & update_fields):
        return
    instance._stored_flags = sender._default_manager.filter(pk=instance.pk).values(*FLAGS).first()


def user_saved(sender, instance, created, raw, **kwargs):
    if raw:
        return
    if created:
        now = [f"{flag}={getattr(instance, flag)}" for flag in FLAGS]
        record_privilege_change(Action.USER_ADDED, instance, now)
        return
    stored = instance.__dict__.pop("_stored_flags", None)
    changes = [
        f"{flag} {stored[flag]}→{getattr(instance, flag)}"
        for flag in FLAGS
        if stored and stored[flag] != getattr(instance, flag)
    ]
    if changes:
        record_privilege_change(Action.PRIVILEGES, instance, changes)


def user_deleted(sender, instance, **kwargs):
    record_privilege_change(Action.USER_DELETED, instance)


def group_deleted(sender, instance, **kwargs):
    """Deleting a role takes its privileges from every member, and sends no membership
    signal: name each member before the rows go."""
    for member in instance.user_set.all():
        record_privilege_change(Action.PRIVILEGES, member, [f"-{instance.name}"], "groups")
    record_privilege_change(Action.ROLE_PERMISSIONS, instance, ["deleted"])


def device_saved(sender, instance, created, raw, **kwargs):
    if created and not raw:
        record_privilege_change(Action.DEVICE_ADDED, instance.user, [device_name(instance)])


def device_deleted(sender, instance, **kwargs):
    record_privilege_change(Action.DEVICE_REMOVED, instance.user, [device_name(instance)])


def device_name(device):
    return f"{device._meta.verbose_name} {device.name!r}"


# through model -> (the many-to-many field, the audit action, what the change is called)
MEMBERSHIPS = {}


def changed_pairs(through, field, instance, action, reverse, pk_set):
    """(user or role id, group or permission id) for each row being added or removed."""
    subject_column, item_column = field.m2m_field_name(), field.m2m_reverse_field_name()
    if action == "post_add":
        return [(pk, instance.pk) if reverse else (instance.pk, pk) for pk in pk_set]
    rows = through.objects.filter(**{item_column if reverse else subject_column: instance})
    if action == "pre_remove":
        rows = rows.filter(**{f"{subject_column if reverse else item_column}__in": pk_set})
    return rows.values_list(f"{subject_column}_id", f"{item_column}_id")


def membership_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Group membership and permissions, changed from either side. Removals are read
    before they happen: `remove()` names what it was asked to remove, not what was there,
    and `clear()` names nothing. The event is in the same transaction as the change."""
    if action not in ("post_add", "pre_remove", "pre_clear") or hasattr(instance, "_loaded_raw"):
        return
    field, audit_action, what = MEMBERSHIPS[sender]
    changed = defaultdict(list)
    for subject_pk, item_pk in changed_pairs(sender, field, instance, action, reverse, pk_set):
        changed[subject_pk].append(item_pk)
    if not changed:
        return
    subjects = field.model._default_manager.in_bulk(changed)
    items = field.related_model._default_manager.all()
    if field.related_model is Permission:
        items = items.select_related("content_type")
    items = items.in_bulk({pk for pks in changed.values() for pk in pks})
    sign = "+" if action == "post_add" else "-"
    for subject_pk in sorted(subjects):  # one order on every database, whatever it returns
        names = sorted(sign + name_of(items[pk]) for pk in changed[subject_pk])
        subject = subjects[subject_pk]
        record_privilege_change(audit_action, subject, names, what)

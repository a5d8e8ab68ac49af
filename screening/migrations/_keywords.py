"""Shared by the data migrations that add flag keywords (Django's migration loader skips
modules whose names start with "_")."""


from screening.migrations._history import record_versions


def adding(keywords_by_code, history_reason=None):
    """A RunPython function adding these keywords to each flag, after whatever an admin
    has kept there; one already present (in any case) is not added again. With a
    `history_reason` (from 0028 on, when flags have a history) each flag's new version
    is recorded in it."""

    def add_keywords(apps, schema_editor):
        Contraindication = apps.get_model("screening", "Contraindication")
        changed = []
        for flag in Contraindication.objects.filter(code__in=keywords_by_code):
            kept = [line for line in flag.keywords.splitlines() if line.strip()]
            known = {line.strip().lower() for line in kept}
            new = [word for word in keywords_by_code[flag.code] if word not in known]
            if new:
                flag.keywords = "\n".join(kept + new)
                flag.save(update_fields=["keywords"])
                changed.append(flag)
        if history_reason:
            record_versions(apps, "Contraindication", changed, history_reason)

    return add_keywords

"""Shared by the data migrations that add flag keywords (Django's migration loader skips
modules whose names start with "_")."""


def adding(keywords_by_code):
    """A RunPython function adding these keywords to each flag, after whatever an admin
    has kept there; one already present (in any case) is not added again."""

    def add_keywords(apps, schema_editor):
        Contraindication = apps.get_model("screening", "Contraindication")
        for flag in Contraindication.objects.filter(code__in=keywords_by_code):
            kept = [line for line in flag.keywords.splitlines() if line.strip()]
            known = {line.strip().lower() for line in kept}
            new = [word for word in keywords_by_code[flag.code] if word not in known]
            flag.keywords = "\n".join(kept + new)
            flag.save(update_fields=["keywords"])

    return add_keywords

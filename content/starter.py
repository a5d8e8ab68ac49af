"""The starter topic pages shipped in content/starter/*.md."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

STARTER_DIR = Path(__file__).resolve().parent / "starter"


@dataclass(frozen=True)
class StarterPage:
    title: str
    slug: str
    summary: str
    position: int
    reviewed: date  # when the page was last checked against the fact sheet
    reviewer_name: str
    reviewer_role: str
    sources: str
    related: tuple[str, ...]
    body: str


def parse(text):
    """A page: `key: value` lines between two `---` lines, then the Markdown body."""
    _, head, body = text.split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    return StarterPage(
        title=meta["title"],
        slug=meta["slug"],
        summary=meta["summary"],
        position=int(meta["position"]),
        reviewed=date.fromisoformat(meta["reviewed"]),
        reviewer_name=meta["reviewer_name"],
        reviewer_role=meta["reviewer_role"],
        sources=meta["sources"].replace("; ", "\n"),
        related=tuple(s.strip() for s in meta.get("related", "").split(",") if s.strip()),
        body=body.strip() + "\n",
    )


def pages():
    return [parse(path.read_text(encoding="utf-8")) for path in sorted(STARTER_DIR.glob("*.md"))]

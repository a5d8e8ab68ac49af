"""requirements.lock pins every production dependency inside the range pyproject.toml
allows (scripts/check-lock installs it with hashes checked)."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def pinned_versions():
    text = (ROOT / "requirements.lock").read_text()
    return {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, re.M)
    }


def test_every_dependency_is_pinned_inside_its_allowed_range():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pinned = pinned_versions()
    for line in declared:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not in requirements.lock: run make lock"
        assert requirement.specifier.contains(pinned[name]), (
            f"requirements.lock pins {name} {pinned[name]}, outside {requirement.specifier}"
        )


def test_every_pin_carries_a_hash():
    entries = re.split(r"\n(?=\S)", (ROOT / "requirements.lock").read_text().strip())
    pins = [e for e in entries if "==" in e.splitlines()[0]]
    assert pins and all("--hash=sha256:" in e for e in pins)

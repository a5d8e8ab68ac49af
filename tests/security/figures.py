"""Figures the security suite reports at the end of a run (fuzz cases, payloads, ...)."""

from collections import Counter

FIGURES = Counter()


def count(name, n=1):
    FIGURES[name] += n

"""A scorer that follows the MDN HTTP Observatory's published modifiers for the headers
it grades (CSP, cookies, HSTS, Referrer-Policy, X-Content-Type-Options, X-Frame-Options).
Start at 100; A+ needs 100 or more with no negative modifier."""

from http.cookies import SimpleCookie

UNSAFE_SCRIPT = ("'unsafe-inline'", "'unsafe-eval'", "data:", "https:", "http:", "*")


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def csp_modifier(response):
    header = response.get("Content-Security-Policy")
    if not header:
        return -25, "csp-not-implemented"
    policy = parse_csp(header)
    script = policy.get("script-src", policy.get("default-src", []))
    if any(source in UNSAFE_SCRIPT for source in script):
        return -20, "csp-implemented-with-unsafe-inline-or-broad-source"
    if policy.get("object-src") != ["'none'"] and policy.get("default-src") != ["'none'"]:
        return -5, "csp-object-src-not-none"
    if policy.get("default-src") == ["'none'"]:
        return 10, "csp-implemented-with-no-unsafe-default-src-none"
    return 5, "csp-implemented-with-no-unsafe"


def cookie_modifier(response):
    cookies = SimpleCookie()
    for header in response.cookies.values():
        cookies.load(header.output(header=""))
    if not response.cookies:
        return 0, "cookies-not-found"
    for morsel in response.cookies.values():
        if not morsel["secure"]:
            return -20, f"cookies-without-secure-flag: {morsel.key}"
        if "session" in morsel.key and not morsel["httponly"]:
            return -30, f"cookies-session-without-httponly-flag: {morsel.key}"
        if not morsel["samesite"]:
            return -20, f"cookies-anticsrf-without-samesite-flag: {morsel.key}"
    return 5, "cookies-secure-with-httponly-sessions-and-samesite"


def hsts_modifier(response):
    header = response.get("Strict-Transport-Security", "")
    values = dict(
        (part.strip().split("=", 1) + [""])[:2] for part in header.split(";") if part.strip()
    )
    max_age = int(values.get("max-age", "0") or 0)
    if not header:
        return -20, "hsts-not-implemented"
    if max_age < 15768000:
        return -10, "hsts-implemented-max-age-less-than-six-months"
    if "preload" in values:
        return 5, "hsts-preloaded"
    return 0, "hsts-implemented-max-age-at-least-six-months"


def referrer_modifier(response):
    policy = response.get("Referrer-Policy", "").lower()
    if not policy:
        return 0, "referrer-policy-not-implemented"
    if policy in {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }:
        return 5, "referrer-policy-private"
    return -5, "referrer-policy-unsafe"


def nosniff_modifier(response):
    if response.get("X-Content-Type-Options", "").lower() == "nosniff":
        return 0, "x-content-type-options-nosniff"
    return -5, "x-content-type-options-not-implemented"


def frame_modifier(response):
    policy = parse_csp(response.get("Content-Security-Policy", ""))
    if policy.get("frame-ancestors") == ["'none'"]:
        return 5, "x-frame-options-implemented-via-csp"
    if response.get("X-Frame-Options", "").upper() in {"DENY", "SAMEORIGIN"}:
        return 0, "x-frame-options-sameorigin-or-deny"
    return -20, "x-frame-options-not-implemented"


MODIFIERS = [csp_modifier, cookie_modifier, hsts_modifier, referrer_modifier,
             nosniff_modifier, frame_modifier]  # fmt: skip


def score(response):
    results = [modifier(response) for modifier in MODIFIERS]
    total = 100 + sum(points for points, _ in results)
    negatives = [name for points, name in results if points < 0]
    return total, negatives

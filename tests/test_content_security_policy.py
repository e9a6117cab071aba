"""Every page carries a strict Content-Security-Policy, and keeps to it: in Chromium, no page of
either language triggers a single violation, and a script slipped into a page does not run.
(macros/build/content_security_policy.py, notes/security.md)"""

from __future__ import annotations

import base64
import hashlib

import pytest
from every_page import RECORD_VIOLATIONS

from macros.build.content_security_policy import content_security_policy, script_hash
from macros.site.i18n import LANGUAGES


def policy_of(html) -> dict[str, list[str]]:
    (meta,) = html.select('meta[http-equiv="Content-Security-Policy"]')
    directives = [part.split() for part in meta["content"].split(";")]
    return {name: sources for name, *sources in directives}


def test_the_policy_allows_the_site_itself_and_nothing_else():
    """Every directive, pinned: a source added or dropped is a decision to make here."""
    trusted = "<script>a()</script><script>b()</script><script>a()</script>"
    policy = dict(part.split(" ", 1) for part in content_security_policy(trusted).split("; "))
    hashes = " ".join(sorted([script_hash("a()"), script_hash("b()")]))
    assert policy == {
        "default-src": "'self'",
        # WebAssembly for Pagefind's fallback when its worker cannot start (tests/test_search.py)
        "script-src": f"'self' 'wasm-unsafe-eval' {hashes}",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    assert content_security_policy("").split("; ")[1] == "script-src 'self' 'wasm-unsafe-eval'"


def test_a_hash_is_the_sha256_of_the_exact_script_text():
    # printf 'a()' | openssl dgst -sha256 -binary | base64
    assert script_hash("a()") == "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"


# The whole policy, as notes/security.md promises it: every directive, written out here.
STRICT = {
    "default-src": ["'self'"],
    # WebAssembly for Pagefind's fallback when its worker cannot start (tests/test_search.py)
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material's icons are data: SVGs in its CSS
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def parsed(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_the_policy_holds_every_directive_and_allows_only_the_trusted_inline_scripts():
    assert parsed(content_security_policy("")) == STRICT
    trusted = '<script>var a = 1</script><p>text</p><script>\nvar b = "é"\n</script>'
    policy = parsed(content_security_policy(trusted))
    hashes = sorted([sha256("var a = 1"), sha256('\nvar b = "é"\n')])
    assert policy == {**STRICT, "script-src": [*STRICT["script-src"], *hashes]}


def test_every_page_carries_a_strict_policy(site):
    for path in site.pages():
        policy = policy_of(site.html(path))
        assert {name: policy[name] for name in policy if name != "script-src"} == {
            name: sources for name, sources in STRICT.items() if name != "script-src"
        }, path
        assert policy["default-src"] == ["'self'"], path
        scripts = policy["script-src"]
        assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"], path
        assert all(source.startswith("'sha256-") for source in scripts[2:]), path
        for sources in policy.values():
            assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"} & set(sources)


def test_the_policy_comes_before_anything_a_page_carries(site):
    """A <meta> policy only governs what follows it: nothing from a page's content before it."""
    head = site.html("cas/g2id/").head
    before = str(head).partition("Content-Security-Policy")[0]
    assert "ld+json" not in before
    assert "<article" not in before


@pytest.fixture
def recording_page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and console.append(message.text),
    )
    yield page, console
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_of_either_language_violates_the_policy(every_page, language):
    visits = every_page(language)
    assert len(visits) > 100, len(visits)
    violations = {
        path: visit.policy_violations for path, visit in visits.items() if visit.policy_violations
    }
    assert violations == {}


INJECTED = (
    '<script>window.__ran = "inline"</script>'
    '<img src="nowhere.png" onerror="window.__ran = `handler`" alt="">'
    '<a id="injected" href="javascript:window.__ran = `link`">x</a>'
)


def test_a_script_slipped_into_a_page_does_not_run(site, recording_page):
    page, _console = recording_page
    address = site.url + "cas/g2id/"
    original = (site.root / "cas/g2id/index.html").read_text("utf-8")
    tampered = original.replace("<article", INJECTED + "<article", 1)
    page.route(address, lambda route: route.fulfill(body=tampered, content_type="text/html"))
    page.goto(address, wait_until="load")
    page.click("#injected")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    blocked = page.evaluate("window.__violations")
    assert len(blocked) >= 3, blocked
    assert page.evaluate("document.documentElement.classList.contains('js')"), "ours still runs"

"""A strict Content-Security-Policy on every page, as a <meta http-equiv> (GitHub Pages sets no
headers): everything from the site itself, no other host, and no inline script but the theme's
and ours, each allowed by the SHA-256 hash of its exact text. A script that data or a page
slips into the HTML, an event handler attribute or a javascript: link does not run.

overrides/main.html renders the trusted inline scripts (Material's and overrides/partials/
scripts/) with the page's own context and passes them to `content_security_policy`, so the
hashes always match what the page carries. See notes/security.md.
"""

from __future__ import annotations

import base64
import hashlib
import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from macros.build.state import Build

# Pagefind (search) runs in a worker loaded from the site; when the worker cannot start, it
# compiles its WebAssembly in the page, which only 'wasm-unsafe-eval' allows (not eval() of
# text: 'unsafe-eval' stays out). Material's icons are data: SVGs in the CSS.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(trusted_scripts: str) -> str:
    """The policy, allowing each inline <script> of `trusted_scripts` (HTML) by its hash."""
    hashes = sorted({script_hash(text) for text in _INLINE_SCRIPT.findall(trusted_scripts)})
    policy = dict(POLICY, **{"script-src": " ".join([POLICY["script-src"], *hashes])})
    return "; ".join(f"{name} {sources}" for name, sources in policy.items())


def add_to_theme(build: Build, env: Environment, config: MkDocsConfig) -> None:
    env.globals["content_security_policy"] = content_security_policy

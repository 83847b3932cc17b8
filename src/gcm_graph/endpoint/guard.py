"""What a read-only public endpoint refuses before any evaluation: updates and unlisted SERVICE calls.

pyoxigraph evaluates SERVICE with a real HTTP client that cannot be switched off from Python, so an
unchecked query could reach any host the server can (SSRF). The guard therefore runs on the raw text and on
its ``\\u``-unescaped form, and only exact IRIs from ``Settings.service_allowlist`` pass: a prefixed name or a
variable after SERVICE is refused because its target cannot be known before evaluation.
"""

from __future__ import annotations

from .errors import ServiceRefused, UpdateRefused
from .scanner import query_form, service_targets, unescape_codepoints


def check_query(query: str, service_allowlist: tuple[str, ...] = ()) -> str | None:
    """Raise if ``query`` is an update or calls a SERVICE not on the allow-list; return its form.

    >>> check_query("ASK {}")
    'ASK'
    >>> check_query("SELECT * { SERVICE <http://127.0.0.1/> {} }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcm_graph.endpoint.errors.ServiceRefused: parameter query: SERVICE <http://127.0.0.1/> is not on ...
    """
    for text in dict.fromkeys((query, unescape_codepoints(query))):
        if query_form(text) == "UPDATE":
            raise UpdateRefused("parameter query: SPARQL Update is refused, this is a read-only endpoint")
        for target in service_targets(text):
            if target.startswith("<") and target[1:-1] in service_allowlist:
                continue
            raise ServiceRefused(
                f"parameter query: SERVICE {target} is not on the allow-list (setting service_allowlist)"
            )
    return query_form(query)

"""What a read-only public endpoint refuses before any evaluation: updates, unlisted SERVICE calls, and
nesting deeper than the engine's parser survives.

pyoxigraph evaluates SERVICE with a real HTTP client that cannot be switched off from Python, so an
unchecked query could reach any host the server can (SSRF). The guard therefore runs on the raw text and on
its ``\\u``-unescaped form, and only exact IRIs from ``Settings.service_allowlist`` pass: a prefixed name or a
variable after SERVICE is refused because its target cannot be known before evaluation.

oxigraph's parser recurses once per nesting level, and a few thousand levels overflow a worker's stack: the
process dies (measured: 3,000 nested groups, 10,000 nested parentheses; a 2 MB thread stack died at 1,000).
A crashed worker is restarted, but it then reloads the graph, so a client could keep the pool busy
reloading; ``MAX_NESTING`` levels are refused with a 400 instead, far below the crash and far above what
any written query needs.
"""

from __future__ import annotations

from .errors import QuerySyntaxError, ServiceRefused, UpdateRefused
from .scanner import nesting_depth, query_form, service_targets, unescape_codepoints

MAX_NESTING = 500


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
        if (depth := nesting_depth(text)) > MAX_NESTING:
            raise QuerySyntaxError(f"parameter query: nested {depth} levels deep; at most {MAX_NESTING} are "
                                   "accepted (the parser recurses once per level)")
        if query_form(text) == "UPDATE":
            raise UpdateRefused("parameter query: SPARQL Update is refused, this is a read-only endpoint")
        for target in service_targets(text):
            if target.startswith("<") and target[1:-1] in service_allowlist:
                continue
            raise ServiceRefused(
                f"parameter query: SERVICE {target} is not on the allow-list (setting service_allowlist)"
            )
    return query_form(query)

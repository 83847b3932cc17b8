"""Any other IRI under https://w3id.org/gcm/id/: text units go to the reader at their anchor; everything
else (events, practices, mentions, footnotes, documents…) gets a page listing its triples both ways."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from ...vocab import ID_BASE, PREFIXES
from . import bp
from .common import select
from .links import page_path, split_unit
from .sparql_text import UnsafeTermError, iri

OUTGOING_LIMIT = 500
INCOMING_LIMIT = 200


def compact(value: str) -> str:
    """A prefixed name for display when a known prefix applies.

    >>> compact("http://purl.org/dc/terms/title"), compact("https://example.org/x")
    ('dcterms:title', 'https://example.org/x')
    """
    for name, base in PREFIXES.items():
        if value.startswith(base) and name != "gcmid":
            return f"{name}:{value[len(base):]}"
    return value


@bp.route("/page/<path:path>")
def resource_page(path: str) -> Response | str:
    unit = split_unit(path)
    if unit is not None:
        report, anchor = unit
        return redirect(url_for("pages.report_page", key=report.split("/", 1)[1], _anchor=anchor), 303)
    try:
        subject = iri(ID_BASE + path)
    except UnsafeTermError:
        abort(404)
    outgoing = select(f"""
SELECT ?p ?o (LANG(?o) AS ?lang) (isIRI(?o) AS ?isIri) WHERE {{ {subject} ?p ?o }}
ORDER BY ?p ?o LIMIT {OUTGOING_LIMIT}""")
    incoming = select(f"SELECT ?s ?p WHERE {{ ?s ?p {subject} }} ORDER BY ?p ?s LIMIT {INCOMING_LIMIT}")
    if not outgoing and not incoming:
        abort(404)
    return render_template("resource.html", iri=ID_BASE + path, outgoing=outgoing, incoming=incoming,
                           compact=compact, page_path=page_path)

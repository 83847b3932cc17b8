"""Dereferenceable IRIs: every ``https://w3id.org/gcm/id/…`` answers on this server under the same path.

The Cool-URIs 303 pattern (W3C Note "Cool URIs for the Semantic Web", §4.3): ``/id/<path>`` names the
thing itself, so it answers ``303 See Other`` to a document about it, chosen by the Accept header:
``/page/<path>`` (HTML, served by the pages blueprint) or ``/data/<path>.<ext>`` (ttl, jsonld, nt, rdf).
The 303 carries ``Vary: Accept`` and a ``Link: rel="alternate"`` for every representation, so a client
can pick one without negotiating. A data document holds the resource's own triples (all graphs) plus
those of its hash IRIs (``…/mention/3-7#target``, ``#pos``, ``#quote``) up to two hops away.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect

from ..vocab import ID_BASE
from . import state
from .rdf_responses import DOCUMENT_EXTENSIONS, HTML, negotiate, rdf_response

bp = Blueprint("resources", __name__)

_DESCRIBE = """CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ BIND(<{iri}> AS ?s) ?s ?p ?o }}
  UNION {{ <{iri}> ?p1 ?s . FILTER(STRSTARTS(STR(?s), "{iri}#")) ?s ?p ?o }}
  UNION {{ <{iri}> ?p1 ?x . ?x ?p2 ?s . FILTER(STRSTARTS(STR(?s), "{iri}#")) ?s ?p ?o }}
}}"""
_SAFE_PATH = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%")


def alternates(path: str) -> str:
    """The ``Link`` header listing every representation of ``/id/<path>``."""
    links = [f'</page/{path}>; rel="alternate"; type="text/html"']
    links += [f'</data/{path}.{ext}>; rel="alternate"; type="{media}"'
              for ext, media in DOCUMENT_EXTENSIONS.items()]
    return ", ".join(links)


@bp.route("/id/<path:path>")
def thing(path: str) -> Response:
    media = negotiate([HTML, *DOCUMENT_EXTENSIONS.values()])
    extension = {m: e for e, m in DOCUMENT_EXTENSIONS.items()}.get(media)
    target = f"/page/{path}" if media == HTML else f"/data/{path}.{extension}"
    response = redirect(target, code=303)
    response.vary.add("Accept")
    response.headers["Link"] = alternates(path)
    return response


@bp.route("/data/<path:path>.<ext>")
def data(path: str, ext: str) -> Response:
    if ext not in DOCUMENT_EXTENSIONS or not set(path) <= _SAFE_PATH:
        abort(404)
    app = state()
    iri = ID_BASE + path
    triples = app.backend.construct(_DESCRIBE.format(iri=iri))
    if not triples:
        abort(404, description=f"{iri} is not described in this dataset")
    response = rdf_response(triples, DOCUMENT_EXTENSIONS[ext], etag=app.build.build_id if app.build else iri)
    response.headers["Link"] = f'<{iri}>; rel="describes", ' + alternates(path)
    if app.build is not None:
        response.last_modified = app.build.finished
    return response

"""The dataset as a whole: VoID/DCAT at /.well-known/void (and /void, its w3id path), the dumps, the
ontology document, and /healthz for load balancers.

Dumps are files written at build time (gzip N-Quads, TriG, Turtle); only the files ``build.json`` lists are
served, with their SHA-256 as ETag and as ``Repr-Digest`` (RFC 9530).
"""

from __future__ import annotations

import base64
from http import HTTPStatus

import pyoxigraph
from flask import Blueprint, Response, abort, jsonify, send_from_directory

from ..endpoint.description import LICENSE, linksets, void_description
from ..endpoint.negotiation import GRAPH_FORMATS
from ..vocab import ID_BASE, PREFIXES
from . import state
from .rdf_responses import HTML, negotiate, rdf_response

bp = Blueprint("dataset", __name__)

_LINKS = f"""SELECT ?p ?o WHERE {{
  VALUES ?p {{ <{PREFIXES["skos"]}exactMatch> <{PREFIXES["skos"]}closeMatch> <{PREFIXES["owl"]}sameAs>
              <{PREFIXES["rdfs"]}seeAlso> }}
  ?s ?p ?o FILTER(isIRI(?o) && !STRSTARTS(STR(?o), "{ID_BASE}"))
}}"""


@bp.route("/.well-known/void")
@bp.route("/void")
def void() -> Response:
    app = state()
    if "linksets" not in app.cache:
        app.cache["linksets"] = linksets((row["p"], row["o"]) for row in app.backend.select(_LINKS))
    media = negotiate(list(GRAPH_FORMATS))
    triples = void_description(app.build, app.base_url(), app.cache["linksets"])  # type: ignore[arg-type]
    response = rdf_response(triples, media, etag=app.build.build_id if app.build else None)
    response.vary.add("Accept")
    if app.build is not None:
        response.last_modified = app.build.finished
    return response


@bp.route("/dumps/")
def dumps() -> Response:
    app = state()
    base = app.base_url()
    listing = [{"url": f"{base}dumps/{d.file}", "file": d.file, "format": d.format,
                "media_type": d.media_type, "compression": "gzip", "bytes": d.bytes, "sha256": d.sha256,
                "license": LICENSE} for d in (app.build.dumps if app.build else ())]
    response = jsonify(build=app.build.build_id if app.build else None, dumps=listing)
    response.headers["Link"] = f'<{base}.well-known/void>; rel="describedby"; type="text/turtle"'
    return response


@bp.route("/dumps/<name>")
def dump(name: str) -> Response:
    app = state()
    entry = next((d for d in (app.build.dumps if app.build else ()) if d.file == name), None)
    if entry is None:
        abort(404)
    response = send_from_directory(app.dumps_dir, entry.file, mimetype="application/gzip",
                                   as_attachment=True, etag=entry.sha256, conditional=True)
    response.headers["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(entry.sha256)).decode()}:"
    response.headers["Link"] = f'<{entry.media_type}>; rel="type"'
    response.headers["X-Content-Media-Type"] = entry.media_type
    return response


@bp.route("/ontology")
def ontology() -> Response:
    """The OWL ontology (a document: 200 with Vary: Accept), HTML for browsers; terms are hash IRIs."""
    app = state()
    source = app.settings.ontology_dir / "gcm.ttl"
    if not source.exists():
        abort(404, description=f"{source} does not exist")
    media = negotiate([HTML, *GRAPH_FORMATS])
    if media == HTML:
        from ..ontology_docs import render_html

        response = Response(render_html(source), mimetype="text/html")
    elif media == "text/turtle":
        response = Response(source.read_bytes(), content_type="text/turtle; charset=utf-8")
    else:
        triples = [q.triple for q in pyoxigraph.parse(path=source, format=pyoxigraph.RdfFormat.TURTLE)]
        response = rdf_response(triples, media)
    response.vary.add("Accept")
    response.set_etag(f"{media}-{source.stat().st_mtime_ns}")
    return response


@bp.route("/healthz")
def healthz() -> tuple[Response, int]:
    app = state()
    try:
        healthy = app.backend.ask("ASK { }")
    except (OSError, ValueError) as error:
        return jsonify(status="down", error=str(error)), HTTPStatus.SERVICE_UNAVAILABLE
    return jsonify(status="ok" if healthy else "down", build=app.build.build_id if app.build else None,
                   triples=app.build.triples if app.build else None,
                   backend=app.settings.backend_url or "embedded"), HTTPStatus.OK

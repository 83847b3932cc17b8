"""RDF documents as HTTP responses: negotiation among our RDF media types, serialisation, validators."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from flask import Response, request
from pyoxigraph import Triple

from ..endpoint.errors import NotAcceptable
from ..endpoint.negotiation import GRAPH_FORMATS, Formats, best_match
from ..endpoint.results import render

#: the formats a linked-data document is offered in, by file extension (the /data/<path>.<ext> URLs)
DOCUMENT_EXTENSIONS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
                       "rdf": "application/rdf+xml"}
HTML = "text/html"


def negotiate(offered: list[str]) -> str:
    """The client's preferred type among ``offered`` (the first one when it sends no Accept), or 406."""
    media = best_match(request.headers.get("Accept"), offered)
    if media is None:
        raise NotAcceptable(f"Accept: {request.headers.get('Accept')!r} matches none of {', '.join(offered)}")
    return media


def etag_for(*parts: object) -> str:
    """A digest of ``parts``; bytes are hashed as they are (a query string's ``str()`` would copy it as a repr)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode())
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


def rdf_response(triples: Iterable[Triple], media: str, etag: str | None = None) -> Response:
    """``triples`` in ``media`` (one of GRAPH_FORMATS); with an ETag when the content is build-bound."""
    if media not in GRAPH_FORMATS:
        raise NotAcceptable(f"Accept: {media} is not an RDF format we write")
    rendered = render(list(triples), Formats(None, media), max_rows=10**9)
    response = Response(rendered.body, content_type=rendered.media_type)
    if etag:
        response.set_etag(etag_for(etag, media))
    return response

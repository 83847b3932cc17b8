"""SPARQL 1.1 Protocol §2.1: the three ways to send a query, decoded into one :class:`QueryRequest`.

Parameters are decoded here, strictly as UTF-8, from the raw query string and body, so that a malformed
request (two ``query`` parameters, a UTF-16 body, an update in disguise) is refused with the parameter it
concerns rather than silently repaired by a framework.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from .errors import (
    MalformedRequest,
    MethodNotAllowed,
    RequestTooLarge,
    UnsupportedMediaType,
    UpdateRefused,
)

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"
_UPDATE_PARAMS = frozenset({"update", "using-graph-uri", "using-named-graph-uri"})


@dataclass(frozen=True)
class QueryRequest:
    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    #: a client's own time limit in seconds (it may only lower the server's)
    timeout: float | None = None
    #: a short result format name (``format=json``), an alternative to the Accept header
    format: str | None = None


def _decode_pairs(raw: bytes, where: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(raw.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise MalformedRequest(f"{where}: not valid percent-encoded UTF-8 ({error})") from error


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """The bare media type and its charset parameter, lower-cased."""
    if not content_type:
        return "", None
    media, *params = (part.strip() for part in content_type.split(";"))
    charsets = [p.split("=", 1)[1].strip('" ').lower() for p in params if p.lower().startswith("charset=")]
    charset = charsets[0] if charsets else None
    return media.lower(), charset


def _decode_body(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise UnsupportedMediaType(f"Content-Type: charset={charset} is not supported, send UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MalformedRequest(f"request body: not valid UTF-8 ({error})") from error


def parse_query_request(
    method: str, query_string: bytes, content_type: str | None, body: bytes, max_bytes: int
) -> QueryRequest | None:
    """Decode a protocol request; None when it carries no query at all (a GET for the description).

    >>> parse_query_request("GET", b"query=ASK%7B%7D&default-graph-uri=x%3Ag", None, b"", 1000)
    QueryRequest(query='ASK{}', default_graphs=('x:g',), named_graphs=(), timeout=None, format=None)
    >>> parse_query_request("POST", b"", "application/sparql-query", b"ASK {}", 1000).query
    'ASK {}'
    """
    if method not in ("GET", "POST"):
        raise MethodNotAllowed(f"method {method}: use GET or POST")
    if len(query_string) > max_bytes or len(body) > max_bytes:
        raise RequestTooLarge(f"request: larger than {max_bytes} bytes (setting max_request_bytes)")
    params = _decode_pairs(query_string, "URL query string")
    media, charset = _media_type(content_type)
    direct_query: str | None = None
    if method == "POST":
        if media == FORM:
            params += _decode_pairs(body, "form body")
        elif media == DIRECT_QUERY:
            direct_query = _decode_body(body, charset)
        elif media == DIRECT_UPDATE:
            raise UpdateRefused("Content-Type application/sparql-update: this is a read-only endpoint")
        elif not media:
            raise MalformedRequest("Content-Type: missing; use application/sparql-query or a form")
        else:
            raise UnsupportedMediaType(f"Content-Type {media}: use application/sparql-query or a form")
    names = {name for name, _ in params}
    if names & _UPDATE_PARAMS:
        raise UpdateRefused("parameter update: SPARQL Update is refused, this is a read-only endpoint")
    queries = [value for name, value in params if name == "query"]
    if direct_query is not None:
        queries.append(direct_query)
    if len(queries) > 1:
        raise MalformedRequest(f"parameter query: given {len(queries)} times, expected once")
    if not queries:
        if method == "POST":
            raise MalformedRequest("parameter query: missing")
        return None
    return QueryRequest(
        query=queries[0],
        default_graphs=tuple(v for n, v in params if n == "default-graph-uri"),
        named_graphs=tuple(v for n, v in params if n == "named-graph-uri"),
        timeout=_timeout(params),
        format=next((v for n, v in params if n == "format"), None),
    )


def _timeout(params: list[tuple[str, str]]) -> float | None:
    value = next((v for n, v in params if n == "timeout"), None)
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError as error:
        raise MalformedRequest(f"parameter timeout: {value!r} is not a number of seconds") from error
    if not seconds > 0:
        raise MalformedRequest(f"parameter timeout: {value!r} must be positive")
    return seconds

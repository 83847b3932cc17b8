"""Protocol errors: each carries the HTTP status it maps to, so views never decide statuses themselves."""

from __future__ import annotations


class ProtocolError(ValueError):
    """A request the endpoint refuses; ``status`` is the HTTP status, the message names the parameter."""

    status = 400


class MalformedRequest(ProtocolError):
    status = 400


class QuerySyntaxError(ProtocolError):
    status = 400


class UpdateRefused(ProtocolError):
    status = 403


class ServiceRefused(ProtocolError):
    status = 403


class MethodNotAllowed(ProtocolError):
    status = 405


class NotAcceptable(ProtocolError):
    status = 406


class RequestTooLarge(ProtocolError):
    status = 413


class UnsupportedMediaType(ProtocolError):
    status = 415


class QueryFailed(ProtocolError):
    """The query parsed but its evaluation failed (a type error the engine does not tolerate, I/O)."""

    status = 500


class RemoteFailed(ProtocolError):
    status = 502


class EndpointBusy(ProtocolError):
    """Every worker is taken and the queue is full: come back later (sent with Retry-After)."""

    status = 503


class QueryTimeout(ProtocolError):
    status = 503

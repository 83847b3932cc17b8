"""Protocol errors: each carries the HTTP status it maps to, so views never decide statuses themselves."""

from __future__ import annotations


class ProtocolError(ValueError):
    """A request the endpoint refuses; ``status`` is the HTTP status, the message names the parameter;
    ``retry_after`` (seconds), when set, is sent as ``Retry-After``."""

    status = 400
    retry_after: int | None = None


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


class BudgetExceeded(ProtocolError):
    """The client used up its query seconds for the minute (``endpoint/budget.py``)."""

    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class EndpointBusy(ProtocolError):
    """Every worker is taken and the queue is full: come back later (sent with Retry-After)."""

    status = 503
    retry_after = 5


class QueryTimeout(ProtocolError):
    status = 503
    retry_after = 5

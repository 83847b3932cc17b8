"""The Flask application factory: wires settings, the backend and the blueprints; no logic of its own."""

from __future__ import annotations

import atexit
from dataclasses import dataclass, field

from flask import Flask, current_app, request

from ..backend import Backend, open_backend
from ..endpoint.build_info import BuildInfo, load_build_info
from ..endpoint.cache import ResultCache
from ..settings import Settings


@dataclass
class AppState:
    settings: Settings
    backend: Backend
    #: the served build (None for a remote backend or a store without build.json)
    build: BuildInfo | None = None
    #: values computed once per build (VoID linksets), keyed by name
    cache: dict[str, object] = field(default_factory=dict)
    #: rendered /sparql results, keyed by the query job
    results: ResultCache = field(default_factory=ResultCache)

    def base_url(self) -> str:
        """The public root URL ending in '/', from settings.public_url or else the request."""
        if self.settings.public_url:
            return self.settings.public_url.rstrip("/") + "/"
        return f"{request.scheme}://{request.host}{request.root_path}/"


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    backend = open_backend(settings)
    atexit.register(backend.close)
    build = None if settings.backend_url else load_build_info(settings.build_info)
    app.extensions["gcm"] = AppState(settings=settings, backend=backend, build=build)

    from . import dataset_views, http_hygiene, page_views, resource_views, sparql_views

    app.register_blueprint(page_views.bp)
    app.register_blueprint(sparql_views.bp)
    app.register_blueprint(resource_views.bp)
    app.register_blueprint(dataset_views.bp)
    http_hygiene.install(app)
    return app


def state() -> AppState:
    """The running app's settings and backend (for view functions only; pass plain values inward)."""
    return current_app.extensions["gcm"]

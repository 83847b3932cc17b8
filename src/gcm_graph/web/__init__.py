"""The Flask application factory: wires settings, the served build and the blueprints; no logic of its own."""

from __future__ import annotations

import atexit
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, g, has_request_context, request

from ..backend import Backend
from ..endpoint.budget import QueryBudget
from ..endpoint.build_info import BuildInfo
from ..endpoint.cache import ResultCache
from ..settings import Settings
from .answers import service_base
from .query_lane import QueryLane
from .reloading import BuildFollower, Served
from .replay import ReplayFront


@dataclass
class AppState:
    settings: Settings
    builds: BuildFollower
    #: query seconds per client per minute, across builds
    budget: QueryBudget

    @property
    def served(self) -> Served:
        """The build this request started on (it keeps it to the end), else the one served now."""
        if has_request_context() and "gcm_served" in g:
            return g.gcm_served
        return self.builds.current

    @property
    def backend(self) -> Backend:
        return self.served.backend

    @property
    def build(self) -> BuildInfo | None:
        return self.served.build

    @property
    def cache(self) -> dict[str, object]:
        return self.served.cache

    @property
    def results(self) -> ResultCache:
        return self.served.results

    @property
    def dumps_dir(self) -> Path:
        return self.served.settings.dumps_dir

    def base_url(self) -> str:
        """The public root URL ending in '/', from settings.public_url or else the request."""
        return service_base(self.settings.public_url, request.scheme, request.host, request.root_path)


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app_state = AppState(settings=settings, builds=BuildFollower(settings),
                         budget=QueryBudget(settings.query_budget))
    atexit.register(lambda: app_state.builds.close())
    app.extensions["gcm"] = app_state

    @app.before_request
    def _pin_build() -> None:
        g.gcm_served = app_state.builds.enter()

    @app.teardown_request
    def _release_build(_error: BaseException | None) -> None:
        if "gcm_served" in g:
            app_state.builds.leave(g.pop("gcm_served"))

    from . import dataset_views, http_hygiene, page_views, resource_views, sparql_views

    app.register_blueprint(page_views.bp)
    app.register_blueprint(sparql_views.bp)
    app.register_blueprint(resource_views.bp)
    app.register_blueprint(dataset_views.bp)
    http_hygiene.install(app)
    app.wsgi_app = ReplayFront(QueryLane(app.wsgi_app, app_state), app_state.builds)  # type: ignore[method-assign]
    return app


def state() -> AppState:
    """The running app's settings and served build (for view functions only; pass plain values inward)."""
    return current_app.extensions["gcm"]

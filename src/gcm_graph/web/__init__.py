"""The Flask application factory: wires settings, the backend and the blueprints; no logic of its own."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app

from ..backend import Backend, LocalBackend
from ..settings import Settings


@dataclass
class AppState:
    settings: Settings
    backend: Backend


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings()
    app = Flask(__name__)
    app.extensions["gcm"] = AppState(settings=settings, backend=LocalBackend(settings.oxigraph_dir))

    from . import page_views

    app.register_blueprint(page_views.bp)
    return app


def state() -> AppState:
    """The running app's settings and backend (for view functions only; pass plain values inward)."""
    return current_app.extensions["gcm"]

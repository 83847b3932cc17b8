"""HTML pages for people: home, search, objectives, actors, report reader, visualisations."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("pages", __name__)

"""HTML pages for people: home, search, objectives, actors, report reader, visualisations.

The views live in the :mod:`.pages` package, one module per kind of page; this module only exposes the
blueprint the app factory registers.
"""

from __future__ import annotations

from .pages import bp

__all__ = ["bp"]

"""The page blueprint: language choice, template helpers, and the route modules that register on it.

Pages read data only through ``state().backend.select`` so they work in front of a remote endpoint too.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, g, render_template, request

from ..i18n import COOKIE, LANGUAGES, choose_language, translate
from .links import page_path
from .sparql_text import UnsafeTermError

bp = Blueprint("pages", __name__)  # templates and /static are the app's (web/templates, web/static)

_ONE_YEAR = 365 * 24 * 3600


def current_language() -> str:
    """The page language (``?lang=``, else the cookie), worked out once per request and only by requests that
    render a template: a SPARQL answer has no language to pick."""
    if "lang" not in g:
        g.lang = choose_language(request.args.get("lang"), request.cookies.get(COOKIE))
    return g.lang


@bp.after_app_request
def _remember_language(response: Response) -> Response:
    if b"lang=" not in request.query_string:  # parsing a long SPARQL query string for nothing took 0.1 ms
        return response
    requested = request.args.get("lang")
    if requested in LANGUAGES and request.cookies.get(COOKIE) != requested:
        response.set_cookie(COOKIE, requested, max_age=_ONE_YEAR, samesite="Lax", httponly=True)
    return response


@bp.app_context_processor
def _template_helpers() -> dict[str, object]:
    lang = current_language()
    return {"lang": lang, "other_lang": "zh" if lang == "en" else "en",
            "t": lambda key: translate(key, lang), "lang_url": _lang_url, "page_path": page_path}


@bp.errorhandler(404)
@bp.errorhandler(UnsafeTermError)
def _not_found(error: Exception) -> tuple[str, int]:
    """Unknown resources, and addresses that cannot even be an IRI, are both simply not here."""
    return render_template("error.html"), 404


def _lang_url(code: str) -> str:
    """This page in another language (the other query parameters kept)."""
    args = request.args.to_dict()
    args["lang"] = code
    return f"{request.path}?{urlencode(args)}"


from . import actor, home, objective, reader, resource, visuals  # noqa: E402,F401  (routes register on bp)

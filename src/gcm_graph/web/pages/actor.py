"""An actor's page (country, organization, local authority, person): practices by objective and year,
every mention across reports, events attended, codes and outward links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from flask import abort, render_template

from ...network import actor_kind
from ...vocab import GCM_NS, ID_BASE, PREFIXES
from . import bp
from .common import first_per, select
from .highlight import in_context
from .objective import group_practices, practices_query
from .sparql_text import iri, labels

ACTOR_PREFIXES = ("country", "org", "place", "person")
_CODES = {GCM_NS + "iso2": "ISO 3166-1 alpha-2", GCM_NS + "iso3": "ISO 3166-1 alpha-3",
          GCM_NS + "m49": "UN M49", PREFIXES["skos"] + "notation": "notation",
          GCM_NS + "shortName": "short name"}
_LINKS = (PREFIXES["skos"] + "exactMatch", PREFIXES["skos"] + "closeMatch", PREFIXES["rdfs"] + "seeAlso",
          PREFIXES["owl"] + "sameAs", PREFIXES["foaf"] + "homepage")
_EVENT_ROLES = "gcm:attendee|gcm:speaker|gcm:organizer|gcm:moderator|gcm:panellist"


def wikidata_lookup(iso3: str) -> str:
    """A Wikidata search for the item whose ISO 3166-1 alpha-3 code (P298) is ``iso3``.

    >>> wikidata_lookup("THA")
    'https://www.wikidata.org/w/index.php?search=haswbstatement%3AP298%3DTHA'
    """
    return "https://www.wikidata.org/w/index.php?search=" + quote(f"haswbstatement:P298={iso3}", safe="")


@dataclass
class Card:
    """What an actor page says about the entity itself."""

    kind: str
    zh: str = ""
    en: str = ""
    alt: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def describe(entity: str) -> Card | None:
    """Labels, kind, codes and outward links of an entity, from one query; None when it has no triples."""
    rows = select(f"SELECT ?p ?o (LANG(?o) AS ?lang) WHERE {{ {iri(entity)} ?p ?o }} LIMIT 500")
    if not rows:
        return None
    card = Card(kind=actor_kind(row["o"] for row in rows if row["p"] == PREFIXES["rdf"] + "type"))
    for row in rows:
        predicate, value, lang = row["p"], row["o"], row.get("lang", "")
        if predicate == PREFIXES["skos"] + "prefLabel" and lang in ("zh", "en"):
            setattr(card, lang, getattr(card, lang) or value)
        elif predicate == PREFIXES["skos"] + "altLabel":
            card.alt.append(value)
        elif predicate in _CODES:
            card.codes.append((_CODES[predicate], value))
        elif predicate in _LINKS:
            card.links.append(value)
        if predicate == GCM_NS + "iso3":
            card.links.append(wikidata_lookup(value))
    return card


def mentions_by_report(entity: str) -> list[tuple[str, list[dict[str, str]]]]:
    rows = first_per(select(f"""
SELECT ?unit ?anchor ?begin ?end ?text ?number ?report ?identifier WHERE {{
  ?mention gcm:refersTo {iri(entity)} ; gcm:mentionedIn ?unit .
  OPTIONAL {{ ?mention gcm:anchorOf ?anchor }}
  OPTIONAL {{ ?mention gcm:beginIndex ?begin ; gcm:endIndex ?end }}
  ?unit gcm:text ?text .
  OPTIONAL {{ ?unit gcm:paragraphNumber ?number }}
  GRAPH ?report {{ ?mention gcm:refersTo {iri(entity)} }}
  ?report dcterms:identifier ?identifier .
}} ORDER BY ?identifier ?number ?begin LIMIT 1000"""), "unit")
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        before, match, after = in_context(row["text"], int(row.get("begin", -1)), int(row.get("end", -1)))
        grouped[row["identifier"]].append({**row, "before": before, "match": match, "after": after})
    return list(grouped.items())


def events_of(entity: str) -> list[dict[str, str]]:
    return first_per(select(f"""
SELECT ?event ?title ?start ?end ?place ?placeZh ?placeEn WHERE {{
  {{ ?event {_EVENT_ROLES} {iri(entity)} }}
  UNION {{ ?event gcm:role ?role . ?role gcm:person|gcm:country {iri(entity)} }}
  OPTIONAL {{ ?event dcterms:title ?title }}
  OPTIONAL {{ ?event gcm:startDate ?start }}
  OPTIONAL {{ ?event gcm:endDate ?end }}
  OPTIONAL {{ ?event gcm:place ?place . {labels("place")} }}
}} ORDER BY ?start LIMIT 200"""), "event")


@bp.route("/page/<any(country, org, place, person):prefix>/<key>")
def actor_page(prefix: str, key: str) -> str:
    entity = f"{ID_BASE}{prefix}/{key}"
    found = describe(entity)
    if found is None:
        abort(404)
    practices = select(practices_query(f"FILTER(?actor = {iri(entity)})"))
    mentions = mentions_by_report(entity)
    return render_template(
        "actor.html", iri=entity, found=found, by_objective=group_practices(practices, "objective"),
        practice_count=len(first_per(practices, "practice")), mentions=mentions,
        mention_count=sum(len(rows) for _, rows in mentions), events=events_of(entity),
    )

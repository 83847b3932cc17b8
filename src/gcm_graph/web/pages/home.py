"""Home (the dataset at a glance), search, and the index pages of objectives, actors and reports."""

from __future__ import annotations

import json
import re

from flask import render_template, request

from ...network import actor_kind
from ...vocab import GCM_NS
from .. import state
from . import bp
from .common import first_per, objective_number, select
from .sparql_text import labels, string_literal

ACTOR_TYPES = "gcm:Country gcm:Organization gcm:UNEntity gcm:IntergovernmentalOrganization " \
              "gcm:NonGovernmentalOrganization gcm:PrivateSectorBody gcm:LocalAuthority gcm:Person"
SEARCH_LIMIT = 40
_OBJECTIVE_NUMBER = re.compile(r"^(?:目标|objective|obj\.?)?\s*(\d{1,2})$", re.IGNORECASE)

STATS = f"""
SELECT ?reports ?paragraphs ?practices ?actors ?objectives ?built WHERE {{
  {{ SELECT (COUNT(DISTINCT ?r) AS ?reports) WHERE {{ ?r a gcm:Report }} }}
  {{ SELECT (COUNT(DISTINCT ?u) AS ?paragraphs) WHERE {{ ?u a gcm:Paragraph }} }}
  {{ SELECT (COUNT(DISTINCT ?p) AS ?practices) WHERE {{ ?p a gcm:Practice }} }}
  {{ SELECT (COUNT(DISTINCT ?a) AS ?actors) WHERE {{
       ?m gcm:refersTo ?a . ?a a ?type . VALUES ?type {{ {ACTOR_TYPES} }} }} }}
  {{ SELECT (COUNT(DISTINCT ?o) AS ?objectives) WHERE {{ ?o a gcm:Objective }} }}
  OPTIONAL {{ SELECT (MAX(?end) AS ?built) WHERE {{ ?activity a prov:Activity ; prov:endedAtTime ?end }} }}
}}"""

TRIPLES = "SELECT (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _build_file() -> dict[str, object]:
    """build.json of a local store (dumps, graph sizes); empty in front of a remote endpoint."""
    path = state().settings.build_info
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@bp.route("/")
def home() -> str:
    stats = (select(STATS) or [{}])[0]
    build = _build_file()
    graphs = build.get("graphs")
    triples = sum(graphs.values()) if isinstance(graphs, dict) and graphs else \
        int(select(TRIPLES)[0]["triples"])
    reports = first_per(select(f"""
SELECT ?report ?identifier ?reportZh ?reportEn ?year WHERE {{
  ?report a gcm:Report ; dcterms:identifier ?identifier .
  OPTIONAL {{ ?report gcm:year ?year }}
  {labels("report", "dcterms:title")}
}} ORDER BY ?year ?identifier"""), "report")
    objectives = first_per(select(f"""
SELECT ?objective ?objectiveZh ?objectiveEn WHERE {{
  ?objective a gcm:Objective . {labels("objective")}
}}"""), "objective")
    objectives.sort(key=lambda row: objective_number(row["objective"]))
    return render_template("home.html", stats=stats, triples=triples, reports=reports, objectives=objectives,
                           number=objective_number,
                           dumps=build.get("dumps", []), built=stats.get("built") or build.get("finished"))


def search_entities(text: str) -> list[dict[str, str]]:
    """Countries, organizations, places, people and objectives whose label, alias or code contains text."""
    rows = select(f"""
SELECT DISTINCT ?entity ?type ?entityZh ?entityEn WHERE {{
  ?entity a ?type . VALUES ?type {{ {ACTOR_TYPES} gcm:Objective }}
  ?entity skos:prefLabel|skos:altLabel|rdfs:label|skos:notation|gcm:shortName ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE({string_literal(text)})))
  {labels("entity")}
}} ORDER BY ?entity LIMIT {SEARCH_LIMIT * 3}""")
    match = _OBJECTIVE_NUMBER.match(text.strip())
    if match and 1 <= int(match[1]) <= 23:
        rows = select(f"""
SELECT ?entity ?type ?entityZh ?entityEn WHERE {{
  ?entity a gcm:Objective . BIND(gcm:Objective AS ?type)
  FILTER(STRENDS(STR(?entity), "/objective/{int(match[1])}"))
  {labels("entity")}
}}""") + rows
    return first_per(rows, "entity")[:SEARCH_LIMIT]


def search_text(text: str) -> list[dict[str, str]]:
    """Text units whose Chinese text contains the query (a plain substring search: no tokenizer needed)."""
    return first_per(select(f"""
SELECT ?unit ?text ?number ?report ?identifier WHERE {{
  ?unit a gcm:Paragraph ; gcm:text ?text .
  FILTER(CONTAINS(LCASE(STR(?text)), LCASE({string_literal(text)})))
  OPTIONAL {{ ?unit gcm:paragraphNumber ?number }}
  ?unit dcterms:isPartOf+ ?report . ?report a gcm:Report ; dcterms:identifier ?identifier .
}} ORDER BY ?identifier ?number LIMIT {SEARCH_LIMIT}"""), "unit")


@bp.route("/search")
def search() -> str:
    text = request.args.get("q", "").strip()[:200]
    entities = search_entities(text) if text else []
    paragraphs = search_text(text) if text else []
    return render_template("search.html", q=text, entities=entities, paragraphs=paragraphs,
                           kind_of=_kind_of)


def _kind_of(type_iri: str) -> str:
    """The interface word for an entity's type: 'objective' or one of the network's actor kinds."""
    return "objective" if type_iri == GCM_NS + "Objective" else actor_kind([type_iri])


@bp.route("/objectives")
def objectives() -> str:
    rows = first_per(select(f"""
SELECT ?objective ?objectiveZh ?objectiveEn (COUNT(DISTINCT ?practice) AS ?practices) WHERE {{
  ?objective a gcm:Objective .
  OPTIONAL {{ ?practice a gcm:Practice ; gcm:objective ?objective }}
  {labels("objective")}
}} GROUP BY ?objective ?objectiveZh ?objectiveEn"""), "objective")
    rows.sort(key=lambda row: objective_number(row["objective"]))
    return render_template("objectives.html", objectives=rows, number=objective_number)


@bp.route("/actors")
def actors() -> str:
    # two aggregates joined on the actor, not one over mentions × practices (that product was 0.5 s)
    rows = first_per(select(f"""
SELECT ?actor ?type ?actorZh ?actorEn ?units ?practices WHERE {{
  {{ SELECT ?actor (COUNT(DISTINCT ?unit) AS ?units)
     WHERE {{ ?mention gcm:refersTo ?actor ; gcm:mentionedIn ?unit }} GROUP BY ?actor }}
  ?actor a ?type . VALUES ?type {{ {ACTOR_TYPES} }}
  OPTIONAL {{ SELECT ?actor (COUNT(DISTINCT ?practice) AS ?practices)
              WHERE {{ ?practice a gcm:Practice ; gcm:actor ?actor }} GROUP BY ?actor }}
  {labels("actor")}
}} ORDER BY DESC(?practices) DESC(?units)"""), "actor")
    return render_template("actors.html", actors=rows, kind_of=_kind_of)

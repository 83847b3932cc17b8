"""An objective's page: its title in both languages, practices grouped by actor and year, the paragraphs
that discuss it, related objectives by co-occurrence, and its actor network (drawn by network.js)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from flask import abort, render_template, request

from ...backend import Row
from ...iris import objective as objective_iri
from .. import state
from . import bp
from .catalog import NETWORK_QUERY, load_query
from .common import first_per, objective_number, select
from .sparql_text import iri, labels

# text units (anything with gcm:text, so not assignments or practices) an objective is attached to:
# directly, or through a practice derived from the unit
_UNITS_OF = """{{ ?unit gcm:objective {obj} ; gcm:text [] }}
  UNION {{ ?p a gcm:Practice ; gcm:objective {obj} ; prov:wasDerivedFrom ?unit }}"""


def practices_query(where: str) -> str:
    """Practices with actor, year, confidence, evidence unit and report; ``where`` narrows ?practice."""
    return f"""
SELECT ?practice ?description ?year ?confidence ?actor ?actorZh ?actorEn ?objective ?objectiveZh
       ?objectiveEn ?unit ?number ?report ?identifier WHERE {{
  ?practice a gcm:Practice ; gcm:actor ?actor ; gcm:objective ?objective ; prov:wasDerivedFrom ?unit .
  {where}
  OPTIONAL {{ ?practice gcm:year ?year }}
  OPTIONAL {{ ?practice gcm:confidence ?confidence }}
  OPTIONAL {{ ?practice dcterms:description ?description }}
  OPTIONAL {{ ?unit gcm:paragraphNumber ?number }}
  GRAPH ?report {{ ?practice a gcm:Practice }}
  OPTIONAL {{ ?report dcterms:identifier ?identifier }}
  {labels("actor")}{labels("objective")}
}} ORDER BY DESC(?year) ?identifier ?number"""


@dataclass
class PracticeGroup:
    """The practices of one actor (or under one objective), by year."""

    iri: str
    zh: str
    en: str
    by_year: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.by_year.values())

    @property
    def years(self) -> list[tuple[str, list[Row]]]:
        """Newest first; practices without a year ('') last."""
        return sorted(self.by_year.items(), key=lambda item: item[0] or "0", reverse=True)


def group_practices(rows: list[Row], key: str) -> list[PracticeGroup]:
    """Rows → groups by ``key`` ("actor" or "objective"); groups with the most practices first."""
    groups: dict[str, PracticeGroup] = {}
    for row in first_per(rows, "practice", key):
        group = groups.setdefault(row[key], PracticeGroup(row[key], row.get(f"{key}Zh", ""),
                                                          row.get(f"{key}En", "")))
        group.by_year[row.get("year", "")[:4]].append(row)
    return sorted(groups.values(), key=lambda group: (-group.count, group.en))


@bp.route("/page/objective/<int:number>")
def objective_page(number: int) -> str:
    obj = iri(objective_iri(number))
    head = select(f"""
SELECT ?objectiveZh ?objectiveEn WHERE {{
  BIND({obj} AS ?objective) ?objective a gcm:Objective .
  {labels("objective")}
}} LIMIT 1""")
    if not head:
        abort(404)
    practices = select(practices_query(f"FILTER(?objective = {obj})"))
    years = sorted({row["year"][:4] for row in practices if row.get("year", "")[:4].isdigit()})
    since = request.args.get("since", "")
    if since in years:  # "what did countries do on this objective since 2019": dated practices only
        practices = [row for row in practices if row.get("year", "")[:4] >= since]
    paragraphs = first_per(select(f"""
SELECT ?unit ?text ?number ?report ?identifier WHERE {{
  {_UNITS_OF.format(obj=obj)}
  ?unit gcm:text ?text .
  OPTIONAL {{ ?unit gcm:paragraphNumber ?number }}
  ?unit dcterms:isPartOf+ ?report . ?report a gcm:Report ; dcterms:identifier ?identifier .
}} ORDER BY ?identifier ?number LIMIT 200"""), "unit")
    # the units first, then their other objectives (via the unit, or a practice or recommendation from it);
    # labels last: in this order the query is a few ms, with labels inside the join it took 0.6 s
    related = first_per(select(f"""
SELECT ?other ?otherZh ?otherEn ?shared WHERE {{
  {{ SELECT ?other (COUNT(DISTINCT ?unit) AS ?shared) WHERE {{
    {{ SELECT DISTINCT ?unit WHERE {{ {_UNITS_OF.format(obj=obj)} }} }}
    {{ ?unit gcm:objective ?other }} UNION {{ ?fact prov:wasDerivedFrom ?unit ; gcm:objective ?other }}
    FILTER(?other != {obj})
  }} GROUP BY ?other }}
  ?other a gcm:Objective .
  {labels("other")}
}} ORDER BY DESC(?shared) ?other LIMIT 10"""), "other")
    return render_template(
        "objective.html", number=number, iri=objective_iri(number), head=head[0],
        by_actor=group_practices(practices, "actor"), practice_count=len(first_per(practices, "practice")),
        paragraphs=paragraphs, related=related, objective_number=objective_number, years=years,
        since=since if since in years else "",
        network_query=load_query(state().settings.queries_dir, NETWORK_QUERY),
    )

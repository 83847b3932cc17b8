"""The named queries written for speed (sub-SELECTs that make oxigraph join whole scans by hash, counts before
labels, short sort keys) answer exactly what their plain formulation answers, on the real build.

The plain forms below are the readable first drafts; each named query must give the same rows (as a multiset)
with the same sequence of ORDER BY keys. Where a LIMIT cuts through ties, the plain form carries the same
tie-breaker on the IRI that the named query sorts on by a short key, so the kept rows are the same too.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gcm_graph.settings import Settings
from gcm_graph.web.pages.catalog import load_queries

PREFIXES = """PREFIX gcm: <https://w3id.org/gcm/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

#: query name -> (plain formulation, the ORDER BY variables whose sequence must match)
PLAIN: dict[str, tuple[str, tuple[str, ...]]] = {
    "actor-objective-network": ("""
SELECT ?practice ?actor ?actorType ?actorZh ?actorEn ?objective ?objectiveNumber ?objectiveZh ?objectiveEn
       ?report ?year
WHERE {
  GRAPH ?report { ?practice a gcm:Practice ; gcm:actor ?actor ; gcm:objective ?objective . }
  ?objective a gcm:Objective .
  BIND(STRAFTER(STR(?objective), "/objective/") AS ?objectiveNumber)
  OPTIONAL { ?practice gcm:year ?year }
  OPTIONAL { ?actor a ?actorType }
  OPTIONAL { ?actor skos:prefLabel ?actorZh FILTER(LANGMATCHES(LANG(?actorZh), "zh")) }
  OPTIONAL { ?actor skos:prefLabel ?actorEn FILTER(LANGMATCHES(LANG(?actorEn), "en")) }
  OPTIONAL { ?objective skos:prefLabel ?objectiveZh FILTER(LANGMATCHES(LANG(?objectiveZh), "zh")) }
  OPTIONAL { ?objective skos:prefLabel ?objectiveEn FILTER(LANGMATCHES(LANG(?objectiveEn), "en")) }
}""", ()),
    "actors-on-most-objectives": ("""
SELECT ?actor ?actorEn ?actorZh (COUNT(DISTINCT ?objective) AS ?objectives) (COUNT(DISTINCT ?practice) AS ?practices)
WHERE {
  ?practice a gcm:Practice ; gcm:actor ?actor ; gcm:objective ?objective .
  ?objective a gcm:Objective .
  OPTIONAL { ?actor skos:prefLabel ?actorEn FILTER(LANGMATCHES(LANG(?actorEn), "en")) }
  OPTIONAL { ?actor skos:prefLabel ?actorZh FILTER(LANGMATCHES(LANG(?actorZh), "zh")) }
}
GROUP BY ?actor ?actorEn ?actorZh
ORDER BY DESC(?objectives) DESC(?practices) ?actor
LIMIT 50""", ("objectives", "practices", "actor")),
    "country-objective-matrix": ("""
SELECT ?country ?countryZh ?countryEn ?objectiveNumber (COUNT(DISTINCT ?practice) AS ?practices)
WHERE {
  ?practice a gcm:Practice ; gcm:actor ?country ; gcm:objective ?objective .
  ?country a gcm:Country .
  ?objective a gcm:Objective .
  BIND(STRAFTER(STR(?objective), "/objective/") AS ?objectiveNumber)
  OPTIONAL { ?country skos:prefLabel ?countryZh FILTER(LANGMATCHES(LANG(?countryZh), "zh")) }
  OPTIONAL { ?country skos:prefLabel ?countryEn FILTER(LANGMATCHES(LANG(?countryEn), "en")) }
}
GROUP BY ?country ?countryZh ?countryEn ?objectiveNumber
ORDER BY DESC(?practices)""", ("practices",)),
    "most-mentioned-countries": ("""
SELECT ?country ?countryEn ?countryZh (COUNT(DISTINCT ?unit) AS ?paragraphs) (COUNT(DISTINCT ?report) AS ?reports)
WHERE {
  GRAPH ?report { ?unit gcm:mentions ?country . }
  ?country a gcm:Country .
  OPTIONAL { ?country skos:prefLabel ?countryEn FILTER(LANGMATCHES(LANG(?countryEn), "en")) }
  OPTIONAL { ?country skos:prefLabel ?countryZh FILTER(LANGMATCHES(LANG(?countryZh), "zh")) }
}
GROUP BY ?country ?countryEn ?countryZh
ORDER BY DESC(?paragraphs) ?country
LIMIT 50""", ("paragraphs", "country")),
    "objectives-by-paragraphs": ("""
SELECT ?objective ?objectiveEn ?objectiveZh (COALESCE(?p, 0) AS ?paragraphs) (COALESCE(?n, 0) AS ?practices)
WHERE {
  ?objective a gcm:Objective .
  OPTIONAL { SELECT ?objective (COUNT(DISTINCT ?unit) AS ?p)
             WHERE { ?unit gcm:objective ?objective ; a gcm:Paragraph . } GROUP BY ?objective }
  OPTIONAL { SELECT ?objective (COUNT(DISTINCT ?practice) AS ?n)
             WHERE { ?practice gcm:objective ?objective ; a gcm:Practice . } GROUP BY ?objective }
  OPTIONAL { ?objective skos:prefLabel ?objectiveEn FILTER(LANGMATCHES(LANG(?objectiveEn), "en")) }
  OPTIONAL { ?objective skos:prefLabel ?objectiveZh FILTER(LANGMATCHES(LANG(?objectiveZh), "zh")) }
}
ORDER BY DESC(?paragraphs)""", ("paragraphs",)),
    "organizations-by-objective": ("""
SELECT ?organization ?organizationEn ?objective (COUNT(DISTINCT ?practice) AS ?practices)
WHERE {
  ?practice a gcm:Practice ; gcm:actor ?organization ; gcm:objective ?objective .
  ?objective a gcm:Objective .
  { ?organization a gcm:Organization } UNION { ?organization a gcm:UNEntity }
  UNION { ?organization a gcm:IntergovernmentalOrganization } UNION { ?organization a gcm:NonGovernmentalOrganization }
  OPTIONAL { ?organization skos:prefLabel ?organizationEn FILTER(LANGMATCHES(LANG(?organizationEn), "en")) }
}
GROUP BY ?organization ?organizationEn ?objective
ORDER BY ?organizationEn ?objective""", ("organizationEn", "objective")),
    "practices-per-year": ("""
SELECT ?year ?identifier (COUNT(DISTINCT ?practice) AS ?practices)
WHERE {
  GRAPH ?report { ?practice a gcm:Practice . }
  ?report dcterms:identifier ?identifier .
  OPTIONAL { ?practice gcm:year ?year }
}
GROUP BY ?year ?identifier
ORDER BY ?year ?identifier""", ("year", "identifier")),
    "practices-to-review": ("""
SELECT ?practice ?confidence ?rule ?description ?paragraph
WHERE {
  ?practice a gcm:Practice ; gcm:confidence ?confidence ; prov:wasDerivedFrom ?paragraph .
  OPTIONAL { ?practice gcm:rule ?rule }
  OPTIONAL { ?practice dcterms:description ?description }
}
ORDER BY ?confidence ?practice
LIMIT 100""", ("confidence", "practice")),
    "regional-review-attendees": ("""
SELECT ?meeting ?title ?start ?participant ?participantEn ?participantZh ?how
WHERE {
  ?meeting a gcm:Meeting .
  OPTIONAL { ?meeting dcterms:title ?title }
  OPTIONAL { ?meeting gcm:startDate ?start }
  VALUES ?how { gcm:attendee gcm:speaker gcm:organizer }
  ?meeting ?how ?participant .
  OPTIONAL { ?participant skos:prefLabel ?participantEn FILTER(LANGMATCHES(LANG(?participantEn), "en")) }
  OPTIONAL { ?participant skos:prefLabel ?participantZh FILTER(LANGMATCHES(LANG(?participantZh), "zh")) }
}
ORDER BY ?start ?meeting ?how ?participantEn""", ("start", "meeting", "how", "participantEn")),
    "sdg-targets-cited": ("""
SELECT ?identifier ?sdg ?sdgEn (COUNT(DISTINCT ?unit) AS ?paragraphs)
WHERE {
  GRAPH ?report { ?unit gcm:mentions ?sdg . }
  ?report a gcm:Report ; dcterms:identifier ?identifier .
  { ?sdg a gcm:SDGTarget } UNION { ?sdg a gcm:SDGGoal } UNION { ?sdg a gcm:SDGIndicator }
  OPTIONAL { ?sdg skos:prefLabel ?sdgEn FILTER(LANGMATCHES(LANG(?sdgEn), "en")) }
}
GROUP BY ?identifier ?sdg ?sdgEn
ORDER BY ?identifier DESC(?paragraphs)""", ("identifier", "paragraphs")),
    "un-entities-together": ("""
SELECT ?first ?firstEn ?second ?secondEn (COUNT(DISTINCT ?unit) AS ?paragraphs)
WHERE {
  ?unit gcm:mentions ?first, ?second .
  ?first a gcm:UNEntity . ?second a gcm:UNEntity .
  FILTER(STR(?first) < STR(?second))
  OPTIONAL { ?first skos:prefLabel ?firstEn FILTER(LANGMATCHES(LANG(?firstEn), "en")) }
  OPTIONAL { ?second skos:prefLabel ?secondEn FILTER(LANGMATCHES(LANG(?secondEn), "en")) }
}
GROUP BY ?first ?firstEn ?second ?secondEn
ORDER BY DESC(?paragraphs) ?first ?second
LIMIT 100""", ("paragraphs", "first", "second")),
}

NAMED = {query.name: query for query in load_queries(Settings().queries_dir)}


def test_every_plain_form_names_a_query() -> None:
    assert set(PLAIN) <= set(NAMED)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PLAIN))
def test_named_query_answers_what_its_plain_form_answers(built_settings: Settings, name: str) -> None:
    from gcm_graph.backend import open_backend

    plain, keys = PLAIN[name]
    backend = open_backend(built_settings)
    try:
        expected = backend.select(PREFIXES + plain)
        actual = backend.select(NAMED[name].text)
    finally:
        backend.close()
    assert expected, name

    def as_counter(rows: list[dict[str, str]]) -> Counter[tuple[tuple[str, str], ...]]:
        return Counter(tuple(sorted(row.items())) for row in rows)

    assert as_counter(actual) == as_counter(expected)
    assert [[row.get(key) for key in keys] for row in actual] == [[row.get(key) for key in keys] for row in expected]

"""Table rows -> reference records: one record per entity, the single source of both the lexicon the
extractor links against and the RDF of the reference graph, so the two cannot disagree.

Every function here is pure apart from reading its table; IRIs come from :mod:`gcm_graph.iris`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from .. import iris
from ..vocab import DCTERMS, GCM, ID_BASE, SKOS, XSD
from .tables import ReferenceTableError, Row, read_table, split_list

Term = NamedNode | Literal

#: the EU Publications Office country authority: its codes are ISO 3166 alpha-3, so the IRI follows
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"
#: the UN SDG KOS concept scheme that goals and targets belong to
SDG_SCHEME = "http://metadata.un.org/sdg"
ORG_TYPES = ("UNEntity", "IntergovernmentalOrganization", "NonGovernmentalOrganization",
             "PrivateSectorBody", "Organization")
LABEL_STATUS = ("official", "translation")


def region_scheme() -> str:
    return f"{ID_BASE}region"


@dataclass(frozen=True)
class Record:
    """One reference entity: its IRI, classes, labels and any further statements about it."""

    iri: str
    kind: str
    types: tuple[NamedNode, ...]
    label_zh: str
    label_en: str
    alt_zh: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()
    extra: tuple[tuple[NamedNode, Term], ...] = ()

    @property
    def subtype(self) -> str:
        return self.types[0].value.removeprefix(GCM.base)


@dataclass(frozen=True)
class Objective:
    """A GCM objective as the extractor and the pages need it."""

    number: int
    title_en: str
    title_zh: str
    title_zh_official: bool
    short_en: str
    short_zh: str

    @property
    def iri(self) -> str:
        return iris.objective(self.number)


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _en(text: str) -> Literal:
    return Literal(text, language="en")


def _status(row: Row, column: str) -> tuple[NamedNode, Literal]:
    """Whether the zh label is the UN's own wording: ``gcm:officialZhLabel`` true/false (see gcm.ttl)."""
    official = row.choice(column, LABEL_STATUS) == "official"
    return GCM.officialZhLabel, Literal("true" if official else "false", datatype=XSD.boolean)


def _number(row: Row, column: str) -> int:
    value = row.required(column)
    if not value.isdigit():
        raise ReferenceTableError(f"{row.where(column)}: {value!r} is not a number")
    return int(value)


def read_objectives(directory: Path) -> tuple[Objective, ...]:
    rows = read_table(directory / "objectives.tsv",
                      ("number", "title_en", "title_zh", "title_zh_status", "short_en", "short_zh"))
    objectives = tuple(
        Objective(_number(row, "number"), row.required("title_en"), row.required("title_zh"),
                  row.choice("title_zh_status", LABEL_STATUS) == "official",
                  row.required("short_en"), row.required("short_zh"))
        for row in rows
    )
    if [o.number for o in objectives] != list(range(1, 24)):
        raise ReferenceTableError(f"{directory / 'objectives.tsv'}: objectives must be 1..23 in order")
    return objectives


def read_keywords(directory: Path) -> dict[int, tuple[str, ...]]:
    """The extractor's objective lexicon, if its engineer has written it (it is optional here)."""
    path = directory / "objective-keywords.tsv"
    if not path.exists():
        return {}
    keywords: dict[int, list[str]] = {}
    for row in read_table(path, ("objective", "keyword")):
        number = _number(row, "objective")
        if not 1 <= number <= 23:
            raise ReferenceTableError(f"{row.where('objective')}: no objective {number}")
        keywords.setdefault(number, []).append(row.required("keyword"))
    return {number: tuple(dict.fromkeys(words)) for number, words in keywords.items()}


def objective_records(directory: Path) -> Iterator[Record]:
    scheme = NamedNode(iris.objective_scheme())
    keywords = read_keywords(directory)
    for objective in read_objectives(directory):
        official = Literal("true" if objective.title_zh_official else "false", datatype=XSD.boolean)
        extra: list[tuple[NamedNode, Term]] = [
            (SKOS.inScheme, scheme), (SKOS.topConceptOf, scheme),
            (SKOS.notation, Literal(str(objective.number))),
            (GCM.shortName, _zh(objective.short_zh)), (GCM.shortName, _en(objective.short_en)),
            (GCM.officialZhLabel, official),
            *((GCM.keyword, _zh(word)) for word in keywords.get(objective.number, ())),
        ]
        if not objective.title_zh_official:
            extra.append((SKOS.note, _en("The Chinese title is the project's translation, not the UN's "
                                         "official wording.")))
        yield Record(objective.iri, "objective", (GCM.Objective, SKOS.Concept), objective.title_zh,
                     objective.title_en, extra=tuple(extra))


def principle_records(directory: Path) -> Iterator[Record]:
    scheme = NamedNode(iris.principle_scheme())
    for row in read_table(directory / "principles.tsv", ("slug", "name_en", "name_zh", "name_zh_status")):
        yield Record(
            iris.principle(row.required("slug")), "principle", (GCM.GuidingPrinciple, SKOS.Concept),
            row.required("name_zh"), row.required("name_en"),
            extra=((SKOS.inScheme, scheme), (SKOS.topConceptOf, scheme), _status(row, "name_zh_status")),
        )


def region_records(directory: Path) -> Iterator[Record]:
    scheme = NamedNode(region_scheme())
    for row in read_table(directory / "regions.tsv", ("m49", "name_en", "name_zh", "parent")):
        m49 = row.required("m49")
        extra: list[tuple[NamedNode, Term]] = [(SKOS.inScheme, scheme), (SKOS.notation, Literal(m49)),
                                               (GCM.m49, Literal(m49))]
        if row["parent"]:
            extra.append((SKOS.broader, NamedNode(iris.region(row["parent"]))))
        else:
            extra.append((SKOS.topConceptOf, scheme))
        yield Record(iris.region(m49), "region", (GCM.Region, SKOS.Concept), row.required("name_zh"),
                     row.required("name_en"), extra=tuple(extra))


def country_records(directory: Path, regions: dict[str, str]) -> Iterator[Record]:
    """``regions``: M49 code -> parent code, to find each country's top-level region."""
    columns = ("iso3", "iso2", "m49", "un_status", "name_zh", "alt_zh", "name_en", "official_en", "alt_en",
               "subregion")
    notes = {"member": ("United Nations Member State", "联合国会员国"),
             "observer": ("non-member observer State of the United Nations", "联合国非会员观察员国"),
             "territory": ("territory named in the reports", "报告中提及的地区")}
    for row in read_table(directory / "countries.tsv", columns):
        iso3, iso2, m49 = row.required("iso3"), row.required("iso2"), row.required("m49")
        if len(iso3) != 3 or len(iso2) != 2 or len(m49) != 3:
            raise ReferenceTableError(f"{row.where('iso3')}: bad code {iso3!r}/{iso2!r}/{m49!r}")
        subregion = row.required("subregion")
        if subregion not in regions:
            raise ReferenceTableError(f"{row.where('subregion')}: no M49 region {subregion!r} in regions.tsv")
        top = subregion
        while regions[top] not in ("", "001"):
            top = regions[top]
        note_en, note_zh = notes[row.choice("un_status", tuple(notes))]
        official_en = row.required("official_en")
        extra: tuple[tuple[NamedNode, Term], ...] = (
            *((SKOS.notation, Literal(code)) for code in (iso3, iso2, m49)),
            (GCM.iso3, Literal(iso3)), (GCM.iso2, Literal(iso2)), (GCM.m49, Literal(m49)),
            (GCM.officialName, _en(official_en)),
            (GCM.region, NamedNode(iris.region(top))), (GCM.subregion, NamedNode(iris.region(subregion))),
            (SKOS.note, _en(note_en)), (SKOS.note, _zh(note_zh)),
            (SKOS.exactMatch, NamedNode(EU_COUNTRY + iso3)),
        )
        alt_en = tuple(dict.fromkeys(name for name in (official_en, *split_list(row["alt_en"]))
                                     if name != row["name_en"]))
        yield Record(iris.country(iso3), "country", (GCM.Country,), row.required("name_zh"),
                     row.required("name_en"), split_list(row["alt_zh"]), alt_en, extra)


def organization_records(directory: Path) -> Iterator[Record]:
    columns = ("key", "type", "name_zh", "alt_zh", "name_en", "acronym_en", "alt_en", "parent")
    rows = list(read_table(directory / "organizations.tsv", columns))
    keys = {row["key"] for row in rows}
    for row in rows:
        kind = row.choice("type", ORG_TYPES)
        types = (getattr(GCM, kind),) if kind == "Organization" else (getattr(GCM, kind), GCM.Organization)
        extra: list[tuple[NamedNode, Term]] = []
        if row["acronym_en"]:
            extra.append((SKOS.notation, Literal(row["acronym_en"])))
        if row["parent"]:
            if row["parent"] not in keys:
                raise ReferenceTableError(f"{row.where('parent')}: no organization {row['parent']!r}")
            extra.append((DCTERMS.isPartOf, NamedNode(iris.organization(row["parent"]))))
        alt_en = tuple(name for name in (row["acronym_en"], *split_list(row["alt_en"])) if name)
        yield Record(iris.organization(row.required("key")), "organization", types, row.required("name_zh"),
                     row.required("name_en"), split_list(row["alt_zh"]), alt_en, tuple(extra))


def sdg_records(directory: Path) -> Iterator[Record]:
    kinds = ("SDGGoal", "SDGTarget", "SDGIndicator")
    for row in read_table(directory / "sdg.tsv", ("code", "kind", "label_en", "label_zh", "label_zh_status",
                                                  "exact_match")):
        code = row.required("code")
        kind = row.choice("kind", kinds)
        if code.count(".") != kinds.index(kind):
            raise ReferenceTableError(f"{row.where('code')}: {code!r} is not an SDG {kind} code")
        extra: list[tuple[NamedNode, Term]] = [
            (SKOS.inScheme, NamedNode(SDG_SCHEME)), (SKOS.notation, Literal(code)),
            _status(row, "label_zh_status"),
        ]
        if "." in code:
            extra.append((SKOS.broader, NamedNode(iris.sdg(code.rsplit(".", 1)[0]))))
        if row["exact_match"]:
            extra.append((SKOS.exactMatch, NamedNode(row["exact_match"])))
        yield Record(iris.sdg(code), "sdg", (getattr(GCM, kind), SKOS.Concept), row.required("label_zh"),
                     row.required("label_en"), extra=tuple(extra))


def group_records(directory: Path) -> Iterator[Record]:
    for row in read_table(directory / "actor-groups.tsv", ("key", "name_zh", "alt_zh", "name_en", "alt_en")):
        yield Record(iris.actor_group(row.required("key")), "group", (GCM.ActorGroup,),
                     row.required("name_zh"), row.required("name_en"), split_list(row["alt_zh"]),
                     split_list(row["alt_en"]))


def all_records(directory: Path) -> tuple[Record, ...]:
    regions = {row["m49"]: row["parent"]
               for row in read_table(directory / "regions.tsv", ("m49", "name_en", "name_zh", "parent"))}
    records: Iterable[Record] = (
        *objective_records(directory), *principle_records(directory), *region_records(directory),
        *country_records(directory, regions), *organization_records(directory), *sdg_records(directory),
        *group_records(directory),
    )
    return _unique(tuple(records))


def _unique(records: tuple[Record, ...]) -> tuple[Record, ...]:
    """One IRI per entity and one entity per Chinese label, else linking would be ambiguous."""
    seen_iri: set[str] = set()
    owner: dict[str, str] = {}
    for record in records:
        if record.iri in seen_iri:
            raise ReferenceTableError(f"reference tables: {record.iri} is defined twice")
        seen_iri.add(record.iri)
        for label in (record.label_zh, *record.alt_zh):
            if owner.setdefault(label, record.iri) != record.iri:
                raise ReferenceTableError(
                    f"reference tables: Chinese label {label!r} names both {owner[label]} and {record.iri}")
    return records

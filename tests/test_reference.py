"""The reference vocabularies against the real seeds: every country and organisation the reports name
resolves to exactly one IRI, labels are bilingual and unambiguous, codes agree with ISO/M49."""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from gcm_graph import iris
from gcm_graph.reference import load_entities, load_objectives, load_records, load_surfaces

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ESCAP = ROOT / "seeds" / "001_7a40013554c1f746.txt"
SEPARATORS = ("、", "和", "以及", "/")
BRACKETED = re.compile(r"^(?P<full>.+?)[(（](?P<short>[^()（）]+)[)）]$")


@cache
def seed_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SEEDS)


@cache
def resolver() -> dict[str, set[str]]:
    """Exact surface text -> the IRIs it names."""
    table: dict[str, set[str]] = defaultdict(set)
    for surface in load_surfaces():
        table[surface.text].add(surface.iri)
    return table


def resolve(name: str) -> set[str]:
    """The IRIs a printed name resolves to; 'Full(Short)' must resolve both halves to the same one."""
    name = name.strip().removeprefix("秘书处") if name.strip() not in resolver() else name.strip()
    match = BRACKETED.match(name)
    if match and match["full"] in resolver():
        full, short = resolver()[match["full"]], resolver().get(match["short"], set())
        return full if full == short else full | short | {"<short form names another entity>"}
    return resolver().get(name, set())


def segment(body: str) -> list[str] | None:
    """Split a printed list on 、/和/以及 so that every item resolves; None when no split does.

    Names may themselves contain the separators (联合国教育、科学及文化组织, 经济和社会事务部), so the split
    is searched for, not taken greedily; '/' joins co-organisers (全球工会理事会/国际建筑及林木工人工会).
    """
    @cache
    def from_(start: int) -> tuple[str, ...] | None:
        if start == len(body):
            return ()
        for end in range(len(body), start, -1):
            item = body[start:end]
            rest = body[end:]
            sep = next((s for s in SEPARATORS if rest.startswith(s)), "" if not rest else None)
            if sep is None or len(resolve(item)) != 1:
                continue
            tail = from_(end + len(sep))
            if tail is not None and (sep or end == len(body)):
                return (item, *tail)
        return None

    found = from_(0)
    return list(found) if found is not None else None


# The lists of participants and speakers the seeds print: "…的代表出席了会议：A、B和C。", "…作了发言：A、B。"
LIST = re.compile(r"(?:出席了会议|作了发言|作了联合发言|列席了会议|的成员)\s*[:：]\s*(?P<body>[^。：]+?)。")


def printed_lists() -> list[str]:
    return [re.sub(r"\s*(、|和|以及|/)\s*", r"\1", m["body"]).strip() for m in LIST.finditer(seed_text())]


def test_the_seeds_print_enough_lists_to_test():
    bodies = printed_lists()
    assert len(bodies) >= 15
    assert any("老挝人民民主共和国" in body for body in bodies)
    assert any("联合国教育、科学及文化组织" in body for body in bodies)


@pytest.mark.parametrize("body", printed_lists(), ids=lambda body: body[:12])
def test_every_listed_country_and_organization_resolves_to_one_iri(body: str):
    items = segment(body)
    assert items is not None, f"cannot split into known names: {body}"
    for item in items:
        assert len(resolve(item)) == 1, item


def test_listed_names_cover_both_countries_and_organizations():
    kinds = {load_entities()[next(iter(resolve(item)))].kind
             for body in printed_lists() for item in segment(body) or ()}
    assert {"country", "organization"} <= kinds


def test_every_bracketed_short_name_of_a_known_body_is_the_same_entity():
    """The seeds print 'Full name(short name)' pairs: both must resolve, to one IRI."""
    pairs = re.findall(r"([\u4e00-\u9fff、/]{2,40})[(（]([\u4e00-\u9fff/]{2,15})[)）]", seed_text())
    checked = 0
    for full, short in pairs:
        # the full name is the longest known surface ending where the bracket opens
        known = [full[i:] for i in range(len(full)) if full[i:] in resolver()]
        if not known or load_entities()[next(iter(resolver()[known[0]]))].kind != "organization":
            continue
        checked += 1
        assert resolver().get(short) == resolver()[known[0]], (known[0], short)
    assert checked >= 25


def test_every_country_name_in_the_seeds_is_a_surface():
    """Scan the seeds longest-first with every Chinese country name pycountry knows plus ours: any
    match must be one of our surfaces, so no printed country falls outside the table."""
    pycountry = pytest.importorskip("pycountry", reason="pycountry is the independent list of names")
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, ["zh_CN"])
    names = {zh.gettext(c.name) for c in pycountry.countries} | {
        zh.gettext(c.official_name) for c in pycountry.countries if hasattr(c, "official_name")}
    ours = {s.text for s in load_surfaces() if s.kind == "country"}
    pattern = re.compile("|".join(map(re.escape, sorted({n for n in names | ours if len(n) > 1},
                                                          key=len, reverse=True))))
    found = {m.group(0) for m in pattern.finditer(seed_text())}
    assert len(found) >= 60
    missing = {name for name in found if name not in ours and not any(name in o for o in ours)}
    assert not missing


@pytest.mark.parametrize("name", ["大不列颠及北爱尔兰联合王国", "多民族玻利维亚国", "老挝人民民主共和国",
                                  "摩尔多瓦共和国", "委内瑞拉玻利瓦尔共和国"])
def test_official_un_chinese_names_are_preferred_labels(name: str):
    entity = load_entities()[next(iter(resolver()[name]))]
    assert entity.kind == "country" and entity.label_zh == name


@pytest.mark.parametrize("short, full", [("玻利维亚", "多民族玻利维亚国"), ("摩尔多瓦", "摩尔多瓦共和国"),
                                         ("委内瑞拉", "委内瑞拉玻利瓦尔共和国"), ("约旦", "约旦哈希姆王国"),
                                         ("英国", "大不列颠及北爱尔兰联合王国"), ("香港", "中国香港")])
def test_short_forms_resolve_to_the_same_country(short: str, full: str):
    assert resolver()[short] == resolver()[full]


TRAPS = [("印度", "印度尼西亚"), ("苏丹", "南苏丹"), ("尼日尔", "尼日利亚"),
         ("几内亚", "几内亚比绍", "赤道几内亚", "巴布亚新几内亚"),
         ("刚果", "刚果民主共和国"), ("多米尼克", "多米尼加共和国"), ("中国", "中国香港")]


@pytest.mark.parametrize("names", TRAPS)
def test_names_that_trap_naive_matching_are_distinct_entities(names: tuple[str, ...]):
    iris_ = [resolver()[name] for name in names]
    assert all(len(found) == 1 for found in iris_)
    assert len(set.union(*iris_)) == len(names)


@pytest.mark.parametrize("short, acronym", [("移民组织", "IOM"), ("开发署", "UNDP"), ("人权高专办", "OHCHR"),
                                            ("伊加特", "IGAD"), ("南共体", "SADC"), ("东盟", "ASEAN")])
def test_organization_short_names_and_acronyms_resolve_together(short: str, acronym: str):
    assert resolver()[short] == resolver()[acronym]
    assert len(resolver()[short]) == 1


def test_igad_is_one_body_however_written():
    assert resolver()["政府间发展管理局"] == resolver()["伊加特"] == resolver()["政府间发展组织"]


def test_no_two_entities_share_a_chinese_label():
    owners: dict[str, set[str]] = defaultdict(set)
    for surface in load_surfaces():
        if surface.lang == "zh":
            owners[surface.text].add(surface.iri)
    assert {text: found for text, found in owners.items() if len(found) > 1} == {}


def test_every_entity_has_both_labels_and_a_known_kind():
    for entity in load_entities().values():
        assert entity.label_zh and entity.label_en, entity.iri
        assert re.search(r"[\u4e00-\u9fff]", entity.label_zh) or entity.label_zh == entity.label_en, entity
        assert entity.kind in {"country", "organization", "objective", "principle", "sdg", "region", "group"}


def test_objectives_are_the_23_with_bilingual_titles():
    objectives = load_objectives()
    assert [o.number for o in objectives] == list(range(1, 24))
    for objective in objectives:
        assert objective.title_en and objective.short_en
        assert objective.iri == iris.objective(objective.number)
        assert re.search(r"[\u4e00-\u9fff]", objective.title_zh)
        assert re.search(r"[\u4e00-\u9fff]", objective.short_zh)


def test_objective_titles_quoted_by_the_seeds_are_used_verbatim_and_marked_official():
    quoted = dict(re.findall(r"目标\s*(\d{1,2})\s*[(（]([^()（）]{6,80})[)）]", seed_text()))
    by_number = {o.number: o for o in load_objectives()}
    assert quoted, "the seeds quote at least objective 8"
    for number, title in quoted.items():
        objective = by_number[int(number)]
        assert objective.title_zh == title and objective.title_zh_official


def test_unquoted_objective_titles_are_marked_as_translations():
    quoted = {int(n) for n, _ in re.findall(r"目标\s*(\d{1,2})\s*[(（]([^()（）]{6,80})[)）]", seed_text())}
    assert all(not o.title_zh_official for o in load_objectives() if o.number not in quoted)


def test_the_ten_guiding_principles_are_bilingual():
    principles = [e for e in load_entities().values() if e.kind == "principle"]
    assert len(principles) == 10
    assert all(p.label_en and re.search(r"[\u4e00-\u9fff]", p.label_zh) for p in principles)


def test_country_codes_agree_with_iso_3166():
    pycountry = pytest.importorskip("pycountry", reason="pycountry is the independent source of ISO codes")
    records = [r for r in load_records() if r.kind == "country"]
    notes = [{v.value for p, v in r.extra if p.value.endswith("#note")} for r in records]
    assert sum(1 for found in notes if "United Nations Member State" in found) == 193
    for record in records:
        facts = {p.value.rsplit("#", 1)[-1]: v.value for p, v in record.extra}
        country = pycountry.countries.get(alpha_3=facts["iso3"])
        assert record.iri == iris.country(country.alpha_3)
        assert (facts["iso2"], facts["m49"]) == (country.alpha_2, country.numeric)
        assert facts["exactMatch"] == f"http://publications.europa.eu/resource/authority/country/{country.alpha_3}"


def test_each_country_subregion_lies_within_its_region():
    records = {r.iri: r for r in load_records()}
    for record in (r for r in records.values() if r.kind == "country"):
        facts = {p.value.rsplit("#", 1)[-1]: v.value for p, v in record.extra}
        chain, node = [], facts["subregion"]
        while node in records:
            chain.append(node)
            node = next((v.value for p, v in records[node].extra if p.value.endswith("#broader")), "")
        assert facts["region"] in chain, record.iri


def test_sdg_goals_and_targets_use_the_un_kos_and_10_7_1_matches_its_c_code():
    sdg = {e.iri: e for e in load_entities().values() if e.kind == "sdg"}
    assert "http://metadata.un.org/sdg/10.7" in sdg and "http://metadata.un.org/sdg/10" in sdg
    record = next(r for r in load_records() if r.iri == iris.sdg("10.7.1"))
    assert ("http://www.w3.org/2004/02/skos/core#exactMatch", "http://metadata.un.org/sdg/C100701") in {
        (p.value, v.value) for p, v in record.extra}
    for code in re.findall(r"(?:具体目标|指标)\s*(\d{1,2}\.[0-9a-z](?:\.\d)?)", seed_text()):
        assert iris.sdg(code) in sdg, code

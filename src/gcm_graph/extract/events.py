"""Events of a meeting report (ESCAP/GCM/2021/3): the meeting itself, who attended and who spoke, the
bureau, the panels with moderators and panellists, and the side events with their organizers.

The meeting's dates and place come from the manifest (``meeting_*``), which records the UN's own data;
everything else from the text, by the phrases such reports use: "…出席了会议：" (attendance), "…作了发言："
(speakers), "选出了下列主席团成员" (bureau lines "主席： Name 女士(国家)"), "由 … 主持" and "小组成员有："
(panels), "会外活动：“title”，由 … 组织" (side events). Event IRIs are slugs of their titles, so they stay
put when paragraphs are renumbered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .. import iris
from ..seeds import ReportMeta
from .context import UnitText
from .model import Event, Mention, Role

PARTY_KINDS = ("country", "organization")
ORGANIZER_KINDS = ("country", "organization", "person")
HELD = re.compile(r"[^，。；]{0,6}举行")
ATTENDED = re.compile(r"出席了会议|列席了会议")
SPOKE = re.compile(r"作了(?:联合)?发言|在会上作了发言")
BUREAU = re.compile(r"主席团成员")
ROLE = re.compile(r"(副主席|主席|报告员)\s*[：:]")
MODERATED = re.compile(r"由([^。；]{1,80}?)主持")
PANELLISTS = re.compile(r"小组成员有[：:]([^。]+)")
SIDE_EVENT = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[，,]\s*会外活动\s*[：:]\s*“([^”]+)”\s*[，,；;]?\s*"
    r"(?:由)?([^；;。]*?)(?:共同组织|联合举办|组织|举办)"
)


def find_events(units: Sequence[UnitText], mentions: Mapping[str, Sequence[Mention]],
                meta: ReportMeta) -> list[Event]:
    """The events of a report whose manifest entry records a meeting; [] for other reports."""
    if not meta.meeting_start:
        return []
    meeting = iris.event(iris.slug(meta.title_en))
    attendees, speakers, roles, derived = [], [], [], []
    panels: list[Event] = []
    side_events: list[Event] = []
    for unit in units:
        if unit.kind not in ("paragraph", "text"):
            continue
        found = mentions.get(unit.iri, ())
        after_colon = _after_colon(unit.text, found)
        if ATTENDED.search(unit.text):
            attendees.extend(after_colon)
            derived.append(unit.iri)
        if SPOKE.search(unit.text):
            speakers.extend(after_colon)
            derived.append(unit.iri)
        if BUREAU.search(unit.text) or ROLE.match(unit.text):
            roles.extend(_roles(unit.text, found))
            derived.append(unit.iri)
        panel = _panel(unit, found, meeting)
        if panel is not None:
            panels.append(panel)
        side_events.extend(_side_events(unit, found, meeting))
    place = next((mention.entity for unit in units for mention in mentions.get(unit.iri, ())
                  if mention.kind == "local" and _held_at(unit.text, mention)), None)
    main = Event(meeting, "Meeting", meta.title_zh, tuple(dict.fromkeys(derived)), meta.meeting_start,
                 meta.meeting_end, place or meta.meeting_place, None, _unique(attendees), _unique(speakers),
                 tuple(roles))
    return [main, *_merge_panels(panels), *side_events]


def _held_at(text: str, mention: Mention) -> bool:
    """Is the mention the place in "…在曼谷和线上举行" (where the meeting was held)?"""
    return bool(HELD.match(text, mention.end)) and text[max(0, mention.start - 1):mention.start] == "在"


def _after_colon(text: str, mentions: Sequence[Mention]) -> list[str]:
    colon = min((index for index in (text.find("："), text.find(":")) if index != -1), default=-1)
    return [m.entity for m in mentions if m.kind in PARTY_KINDS and m.start > colon >= 0]


def _roles(text: str, mentions: Sequence[Mention]) -> list[Role]:
    roles = []
    labels = [(match.end(), match.group(1)) for match in ROLE.finditer(text)]
    for person in (m for m in mentions if m.kind == "person"):
        label = next((name for end, name in reversed(labels) if end <= person.start), None)
        if label is None:
            continue
        bracket = re.match(r"\s*(?:女士|先生|博士)?\s*[(（]([^()（）]+)[)）]", text[person.end:])
        country = next((m.entity for m in mentions if m.kind == "country" and bracket
                        and person.end < m.start <= person.end + bracket.end()), None)
        roles.append(Role(person.entity, label, country))
    return roles


def _panel(unit: UnitText, mentions: Sequence[Mention], meeting: str) -> Event | None:
    moderated = MODERATED.search(unit.text)
    listed = PANELLISTS.search(unit.text)
    if not (moderated and "小组" in unit.text[:moderated.start()]) or not unit.headings:
        return None
    title = unit.headings[-1]
    persons = [m for m in mentions if m.kind == "person"]
    moderators = [m.entity for m in persons if moderated.start(1) <= m.start < moderated.end(1)]
    panellists = [m.entity for m in persons if listed and listed.start(1) <= m.start < listed.end(1)]
    slug = f"{iris.slug(meeting.rsplit('/', 1)[1])}-panel-{iris.slug(title)}"
    return Event(iris.event(slug), "Panel", title, (unit.iri,), part_of=meeting, moderators=tuple(moderators),
                 panellists=tuple(panellists))


def _merge_panels(panels: list[Event]) -> list[Event]:
    """One panel per heading, whatever the number of paragraphs that describe it."""
    merged: dict[str, Event] = {}
    for panel in panels:
        if panel.iri in merged:
            first = merged[panel.iri]
            panel = Event(first.iri, first.kind, first.title, (*first.derived_from, *panel.derived_from),
                          part_of=first.part_of, moderators=_unique([*first.moderators, *panel.moderators]),
                          panellists=_unique([*first.panellists, *panel.panellists]))
        merged[panel.iri] = panel
    return list(merged.values())


def _side_events(unit: UnitText, mentions: Sequence[Mention], meeting: str) -> list[Event]:
    events = []
    for match in SIDE_EVENT.finditer(unit.text):
        date = f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
        organizers = [m.entity for m in mentions
                      if m.kind in ORGANIZER_KINDS and match.start(5) <= m.start < match.end(5)]
        events.append(Event(iris.event(iris.slug(match.group(4))), "SideEvent", match.group(4), (unit.iri,),
                            start_date=date, end_date=date, part_of=meeting, organizers=_unique(organizers)))
    return events


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))

"""The regional review meeting of ESCAP/GCM/2021/3: dates, place, attendance, bureau, panels, side events."""

from __future__ import annotations

from evaluation import extracted, key_of
from gcm_graph import iris


def events():
    facts, _ = extracted()["ESCAP/GCM/2021/3"]
    return facts.events


def test_meeting_dates_and_place_come_from_the_manifest_and_text() -> None:
    meeting = events()[0]
    assert (meeting.kind, meeting.start_date, meeting.end_date) == ("Meeting", "2021-03-10", "2021-03-12")
    assert meeting.place == iris.local_authority("Bangkok")


def test_attending_member_states_and_speakers() -> None:
    meeting = events()[0]
    attendees = {key_of(a) for a in meeting.attendees}
    assert {"AZE", "VNM", "GBR", "USA", "AUT", "CHE", "SWE"} <= attendees
    speakers = {key_of(s) for s in meeting.speakers}
    assert "KAZ" in attendees and "KAZ" not in speakers  # attended, did not speak
    assert {"KHM", "TUR", "VUT"} <= {key_of(s) for s in meeting.speakers}


def test_bureau_roles_with_countries() -> None:
    roles = [(key_of(r.person), r.label, key_of(r.country or "")) for r in events()[0].roles]
    assert roles[0] == ("sarah-lou-y.-arriola", "主席", "PHL")
    assert [label for _, label, _ in roles].count("副主席") == 3


def test_four_panels_with_moderators_and_panellists() -> None:
    panels = [e for e in events() if e.kind == "Panel"]
    assert len(panels) == 4
    assert all(len(p.moderators) == 1 and len(p.panellists) >= 4 for p in panels)
    assert all(p.part_of == events()[0].iri for p in panels)


def test_side_events_with_dates_and_organizers() -> None:
    side = [e for e in events() if e.kind == "SideEvent"]
    assert len(side) == 8
    assert side[0].start_date == "2021-03-10" and [key_of(o) for o in side[0].organizers] == ["ICRC"]


def test_reports_without_a_meeting_have_no_events() -> None:
    assert extracted()["A/76/642"][0].events == ()

"""Publication times: parsed with time and zone, ordered only as far as both are known."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.trace import direction as dr
from retold.trace import times

UTC = dt.UTC


@pytest.mark.parametrize(("raw", "instant"), [
    ("2020-06-18T09:15:00+03:00", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
    ("2020-06-18T06:15:00Z", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
    ("2020-06-18 06:15:00", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),  # naive: UTC
    ("2020-06-18T06:15:00.250+00:00", dt.datetime(2020, 6, 18, 6, 15, 0, 250000, tzinfo=UTC)),
    ("Thu, 18 Jun 2020 09:15:00 +0300", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
    ("Thu, 18 Jun 2020 06:15:00 GMT", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
    (1592460900, dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
    ("1592460900", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
    ("1592460900000", dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),  # milliseconds
    (1592460900000, dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),  # as a JSON number too
    (1592460900000.0, dt.datetime(2020, 6, 18, 6, 15, tzinfo=UTC)),
])
def test_times_keep_the_time_and_zone(raw: object, instant: dt.datetime) -> None:
    t = times.parse(raw)
    assert isinstance(t, dt.datetime) and t.tzinfo is not None
    assert t == instant


@pytest.mark.parametrize("raw", ["", "yesterday", "2020-13-40", "99999999999999", True, [], -5])
def test_what_is_not_a_time_is_none(raw: object) -> None:
    assert times.parse(raw) is None


def test_a_bare_day_stays_a_day_and_round_trips() -> None:
    assert times.parse("2020-06-18") == dt.date(2020, 6, 18)
    for value in (dt.date(2020, 6, 18), times.parse("2020-06-18T09:15:00+03:00"), None):
        assert times.from_iso(times.iso(value)) == value


@given(st.datetimes(min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2090, 1, 1),
                    timezones=st.just(UTC)))
def test_every_form_gives_the_same_instant(t: dt.datetime) -> None:
    import email.utils

    t = t.replace(microsecond=0)
    forms = [t.isoformat(), email.utils.format_datetime(t), int(t.timestamp()),
             t.astimezone(dt.timezone(dt.timedelta(hours=-5))).isoformat()]
    assert {times.parse(f) for f in forms} == {t}


def test_order_uses_seconds_when_both_have_a_time_and_days_otherwise() -> None:
    wire = times.parse("2020-06-18T09:00:00+00:00")
    paper = times.parse("2020-06-18T15:00:00+02:00")  # 13:00 UTC, the same day
    assert times.order(wire, paper) == -1 and times.order(paper, wire) == 1
    assert times.order(dt.date(2020, 6, 18), paper) == 0  # a bare day: unknown on that day
    assert times.order(dt.date(2020, 6, 17), paper) == -1
    assert times.order(None, paper) == 0
    assert times.span(dt.date(2020, 6, 18))[1] - times.span(dt.date(2020, 6, 18))[0] == 86_399
    assert sorted([paper, dt.date(2020, 6, 19), None, wire], key=times.sort_key) == [
        wire, paper, dt.date(2020, 6, 19), None]


def test_same_day_wire_to_paper_gets_a_direction() -> None:
    wire = times.parse("Thu, 18 Jun 2020 09:00:00 +0000")
    paper = times.parse("2020-06-18T15:30:00+03:00")
    d = dr.by_published("paper", paper, "wire", wire)
    assert d is not None and (d.source, d.target, d.evidence) == ("wire", "paper", "published")
    assert "09:00:00" in d.detail  # the detail shows the times, not only the days
    assert dr.by_published("paper", dt.date(2020, 6, 18), "wire", wire) is None


def test_times_are_kept_from_corpus_line_to_links_output(tmp_path: Path) -> None:
    import json

    from retold.cli import main
    from tests.unit.test_trace_corpus import CUT, ORIGINAL

    rows = [  # a wire story at 09:00 UTC and two same-day copies, in three feed formats
        {"id": "wire", "text": ORIGINAL, "published": "Thu, 18 Jun 2020 09:00:00 +0000"},
        {"id": "paper", "text": ORIGINAL, "published": "2020-06-18T15:30:00+03:00"},
        {"id": "brief", "text": CUT, "published": 1592478000},  # 11:00 UTC
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db, out = tmp_path / "c.db", tmp_path / "links.jsonl"
    assert main(["trace", str(corpus), "--store", str(db), "--quiet"]) in (0, None)
    assert main(["links", str(db), "-o", str(out)]) in (0, None)
    links = {(r["source_id"], r["target_id"]): r
             for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(links) == {("wire", "paper"), ("wire", "brief")}  # paper-brief: siblings
    for link in links.values():
        assert link["evidence"] == "published" and link["decided"]
    assert links[("wire", "paper")]["target_published"] == "2020-06-18T15:30:00+03:00"
    assert links[("wire", "brief")]["target_published"] == "2020-06-18T11:00:00+00:00"
    assert links[("wire", "brief")]["source_published"] == "2020-06-18T09:00:00+00:00"

"""Verification's floor: partial reuse is a link near in time and in the source's order only."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from retold.model import Article
from retold.reuse import NON_REUSE, in_order, reuse_of
from retold.trace import times
from retold.trace import verify as vf

SOURCE = [
    ("The city council voted on Monday to close the old harbour bridge to heavy lorries from "
     "next March."),
    "Engineers found cracks in three of the steel girders during an inspection in the autumn.",
    "Repairs are expected to cost about 14 million pounds and to take two years.",
    "Lorry drivers will be sent along the ring road, which adds nine kilometres to the trip.",
    "The haulage association called the decision rushed and asked for a public hearing.",
    "Mayor Ellen Short said safety had to come first and promised weekly updates.",
    "Cars, buses and cyclists may still use the bridge at a lower speed limit.",
    "The bridge opened in 1961 and carries about 30,000 vehicles a day.",
]
OWN = [
    "Shopkeepers on the waterfront fear that fewer deliveries will reach them this winter.",
    "One baker said her flour already comes a day late because of roadworks elsewhere.",
    "Opposition members want the money taken from the stadium budget instead.",
    "A petition against the closure has gathered several hundred names in a week.",
    "Local schools plan to change their bus routes before the spring term begins.",
    "Traffic police expect long queues at the northern junction during the first weeks.",
]
S, O = SOURCE, OWN
# a paper that took three of the source's sentences, in its order, and wrote the rest itself
PARTLY = " ".join([S[0], O[0], S[2], O[1], O[2], S[5], O[3], O[4], O[5]])
# the same sentences and words, but the shared ones in another order
SCRAMBLED = " ".join([S[5], O[0], O[1], S[2], O[2], O[3], S[0], O[4], O[5]])
DAY = dt.date(2021, 3, 1)


def _pair(target: str, days: int | None) -> tuple[Article, Article]:
    later = DAY + dt.timedelta(days=days) if days is not None else None
    return (Article("agency", " ".join(SOURCE), published=DAY if days is not None else None),
            Article("paper", target, published=later))


def test_the_pair_is_partial_reuse_below_the_far_floor() -> None:
    reuse, _ = reuse_of(" ".join(SOURCE), PARTLY)
    assert NON_REUSE <= reuse < vf.MIN_REUSE
    assert reuse_of(" ".join(SOURCE), SCRAMBLED)[0] == reuse  # the same runs, other order


def test_partial_reuse_the_next_day_in_order_is_a_link() -> None:
    link = vf.verify_pair(*_pair(PARTLY, 1))
    assert link is not None
    assert (link.source_id, link.target_id, link.evidence) == ("agency", "paper", "published")
    assert link.derivation == "partially"


def test_partial_reuse_far_apart_is_no_link() -> None:
    assert vf.verify_pair(*_pair(PARTLY, 10)) is None


def test_undated_partial_reuse_is_a_link_where_sentences_are_copied_word_for_word() -> None:
    # no time tells the two are near; three sentences copied word for word tell they are
    # (a station's copy of two paragraphs of a wire brief)
    link = vf.verify_pair(*_pair(PARTLY, None))
    assert link is not None and link.derivation == "partially"
    # the source's words in other runs, undated: the far floor
    reworded = PARTLY.replace(S[0], (
        "On Monday the council of the city voted to close to heavy lorries the old bridge "
        "of the harbour, from March next.")).replace(S[2], (
            "The repairs, which should take two years, are expected to cost about 14 "
            "million pounds.")).replace(S[5], (
                "Safety had to come first, said Mayor Ellen Short, who promised updates "
                "every week."))
    assert vf.verify_pair(*_pair(reworded, None)) is None


def test_shared_words_out_of_the_source_order_are_no_link_even_near() -> None:
    assert vf.verify_pair(*_pair(SCRAMBLED, 1)) is None


def test_the_floor_depends_on_the_gap() -> None:
    t = times.parse("2021-03-01T09:00:00Z")
    assert vf.link_floor(DAY, DAY + dt.timedelta(days=2)) == vf.MIN_REUSE_NEAR
    assert vf.link_floor(DAY, DAY + dt.timedelta(days=3)) == vf.MIN_REUSE
    assert vf.link_floor(t, times.parse("2021-03-03T09:00:00Z")) == vf.MIN_REUSE_NEAR
    assert vf.link_floor(t, times.parse("2021-03-03T09:00:01Z")) == vf.MIN_REUSE
    assert vf.link_floor(DAY, None) == vf.MIN_REUSE


def test_apart_is_the_least_gap() -> None:
    assert times.apart(DAY, DAY) == 0
    assert times.apart(DAY, DAY + dt.timedelta(days=1)) == 1
    assert times.apart(DAY + dt.timedelta(days=2), DAY) == 86_401
    assert times.apart(DAY, times.parse("2021-03-01T23:00:00+00:00")) == 0  # within the day
    assert times.apart(None, DAY) is None


def test_in_order_sees_the_order_of_the_shared_words() -> None:
    src = " ".join(SOURCE)
    assert in_order(src, src) == 1.0
    assert in_order(src, PARTLY) >= vf.MIN_ORDER > in_order(src, SCRAMBLED)
    assert in_order("", PARTLY) == in_order(src, "") == 0.0


@given(st.lists(st.sampled_from("abcdefg"), max_size=30), st.lists(st.sampled_from("abcdefg"),
                                                                     max_size=30))
def test_in_order_is_a_share(a: list[str], b: list[str]) -> None:
    x, y = " ".join(a), " ".join(b)
    v = in_order(x, y)
    assert 0.0 <= v <= 1.0
    assert in_order(x, x + " " + y) >= (len(a) / (len(a) + len(b)) if a else 0.0) - 1e-9


def test_an_undated_summary_drawn_from_all_through_its_source_is_its_retelling() -> None:
    # A summary takes a few sentences from the whole article, so the article's unshared
    # sentences sit between shared ones as an insertion's would; but the article is mostly
    # text the summary lacks: the summary is the retelling, and the link is kept.
    article = Article("article", " ".join(SOURCE))
    summary = Article("summary", " ".join([S[0], S[3], S[7]]))
    for a, b in ((article, summary), (summary, article)):
        link = vf.verify_pair(a, b)
        assert link is not None
        assert (link.source_id, link.target_id, link.evidence) == (
            "article", "summary", "containment")
        assert link.reuse >= vf.MIN_REUSE


# -- which way round is read before grounding: the whole pipeline runs once, in that order ----

# the source with two sentences of the paper's own inserted between its shared ones
INSERTED = " ".join([S[0], S[1], O[0], S[2], S[3], O[2], S[4], S[5], S[6], S[7]])
# the source's first five sentences: a cut
CUT = " ".join(S[:5])


class _Counting:
    """The pair pipeline, counting the (original, retelling) orders it ran in."""

    def __init__(self) -> None:
        from retold.compare import compare_documents

        self.compare = compare_documents
        self.runs: list[tuple[str, str]] = []

    def __call__(self, original, retelling):  # type: ignore[no-untyped-def]
        self.runs.append((original.text[:20], retelling.text[:20]))
        return self.compare(original, retelling)


def test_an_undated_insertion_runs_the_pipeline_once_in_its_own_order() -> None:
    # The larger text is read first (as for a cut); containment then says it is the retelling
    # (sentences inserted between shared ones). Grounding and diff run only the right way round.
    source, paper = Article("agency", " ".join(SOURCE)), Article("paper", INSERTED)
    for a, b in ((source, paper), (paper, source)):
        counting = _Counting()
        link = vf.verify_pair(a, b, compare=counting)
        assert link is not None
        assert (link.source_id, link.target_id, link.evidence) == ("agency", "paper",
                                                                   "containment")
        assert counting.runs == [(source.text[:20], paper.text[:20])]


def test_an_undated_cut_runs_the_pipeline_once() -> None:
    counting = _Counting()
    link = vf.verify_pair(Article("paper", CUT), Article("agency", " ".join(SOURCE)),
                          compare=counting)
    assert link is not None and (link.source_id, link.target_id) == ("agency", "paper")
    assert len(counting.runs) == 1


def test_a_reading_places_the_extra_sentences_as_the_comparison_does() -> None:
    from retold.compare import compare_documents, read_pair

    src, cut = Article("a", " ".join(SOURCE)).to_document(), Article("b", CUT).to_document()
    reading, whole = read_pair(src, cut), compare_documents(src, cut)
    assert reading.summary.reuse == whole.summary.reuse
    assert reading.summary.derivation == whole.summary.derivation
    assert vf.extra_at_end(reading) == vf.extra_at_end(whole) == 1.0  # a cut from the bottom
    # the retelling as the larger side: its extra sentences are known after grounding only
    backwards = read_pair(cut, src)
    assert backwards.summary.reuse < backwards.summary.carried
    try:
        vf.extra_at_end(backwards)
    except ValueError:
        pass
    else:
        raise AssertionError("a reading cannot place the retelling's extra sentences")


def test_a_measure_taken_by_screening_is_not_taken_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b = _pair(PARTLY, 1)
    measured = reuse_of(a.text, b.text)
    expected = vf.verify_pair(a, b)

    def never(*_args):  # type: ignore[no-untyped-def]
        raise AssertionError("measured again")

    monkeypatch.setattr(vf, "reuse_of", never)
    assert vf.verify_pair(a, b, measured=measured) == expected
    # a pair measured far below the floor is turned down on that measure alone
    assert vf.verify_pair(a, b, measured=(0.01, 0.02), compare=never) is None


def test_the_whole_pipeline_starts_from_the_reading(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import retold.compare as cp

    reads: list[int] = []
    real = cp._read

    def counted(*args):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real(*args)

    monkeypatch.setattr(cp, "_read", counted)
    cp.READINGS.cache_clear()
    link = vf.verify_pair(*_pair(PARTLY, 1))
    assert link is not None and len(reads) == 1  # read once: the whole pipeline reused it


def test_a_kept_reading_still_reports_every_stage() -> None:
    from dataclasses import dataclass

    from retold.compare import STAGES, compare_documents

    @dataclass
    class Log:  # an unhashable callable: the reading is not kept by the callback
        seen: list[int]

        def __call__(self, stage: str, done: int, total: int) -> None:
            self.seen.append(done)

    src, cut = Article("a", " ".join(SOURCE)).to_document(), Article("b", CUT).to_document()
    log = Log([])
    compare_documents(src, cut, progress=log)
    compare_documents(src, cut, progress=log)  # the reading is kept from the first call
    whole = list(range(len(STAGES) + 1))
    assert log.seen == whole + whole


def test_unrelated_texts_place_no_extra_sentences_in_a_reading_either() -> None:
    from retold.compare import compare_documents, read_pair

    src = Article("a", " ".join(SOURCE)).to_document()
    other = Article("b", " ".join(OWN)).to_document()
    assert vf.extra_at_end(read_pair(src, other)) is None
    assert vf.extra_at_end(compare_documents(src, other)) is None


def test_the_local_engine_hands_screening_measures_to_verification(monkeypatch, tmp_path
                                                                   ) -> None:  # type: ignore[no-untyped-def]
    import json

    from retold.trace import trace

    rows = [{"id": "agency", "text": " ".join(SOURCE), "published": "2021-03-01"},
            {"id": "paper", "text": PARTLY, "published": "2021-03-02"},
            {"id": "cut", "text": CUT, "published": "2021-03-03"}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    before = trace(corpus, workers=1)
    seen: list[tuple[str, str, object]] = []
    real = vf.verify_pair

    def spy(a, b, **kw):  # type: ignore[no-untyped-def]
        seen.append((a.id, b.id, kw.get("measured")))
        return real(a, b, **kw)

    monkeypatch.setattr(vf, "verify_pair", spy)
    after = trace(corpus, workers=1)
    assert [(l.source_id, l.target_id, l.reuse) for l in after.links] == [
        (l.source_id, l.target_id, l.reuse) for l in before.links]
    assert seen and all(m is not None for _a, _b, m in seen)
    for a_id, b_id, m in seen:  # each pair's own measure, the right way round
        text = {r["id"]: r["text"] for r in rows}
        assert m == reuse_of(text[a_id], text[b_id])


# One wire's fixed-format items about two different companies: the same words around other
# names and figures (written here, after the shape of contract-award and results notices).
FORMAT_A = ("OSLO, March 4 - Tamber Marine Inc has received a 12.4 mln dlr contract for hull "
            "repairs on two supply ships, the Navy said.\n"
            "Revs 291.8 mln vs 151.1 mln\nNet profit 44.2 mln vs 31.9 mln\nReuter")
FORMAT_B = ("OSLO, March 4 - Velder Textile Co has received a 8.1 mln dlr contract for canvas "
            "and tent repairs on two supply ships, the Army said.\n"
            "Revs 74.0 mln vs 152.0 mln\nNet profit 12.6 mln vs 30.2 mln\nReuter")


def test_a_fixed_format_item_about_another_subject_is_no_link() -> None:
    when = dt.datetime(2024, 3, 4, 15, 40, tzinfo=dt.UTC)
    a = Article("a", FORMAT_A, outlet="Wire", published=when)
    b = Article("b", FORMAT_B, outlet="Wire", published=when + dt.timedelta(minutes=11))
    # the words alone reach the floor; the figures and names say it is another item
    assert reuse_of(FORMAT_A, FORMAT_B)[0] >= vf.MIN_REUSE_NEAR
    assert vf.verify_pair(a, b) is None
    # the same item retold, one figure changed, is still a link
    retold_b = FORMAT_A.replace("12.4 mln", "12.9 mln").replace("Revs", "Revenue")
    c = Article("c", retold_b, outlet="Paper", published=when + dt.timedelta(hours=2))
    assert vf.verify_pair(a, c) is not None


# Two reports of one harbour-board vote written independently: the same names, figures and the
# chair's statement, quoted by both, in words and order of their own.
REPORT_A = (
    "The Kestrel harbour board voted 7-2 on Tuesday to close the north quay to cruise ships "
    "from next spring, after a year of complaints from residents about noise and traffic. "
    '"We have listened to the people who live here, and the quay cannot take ships of this '
    'size any longer," said the board chair, Ingrid Solberg. Operators had asked for a '
    "delay of two seasons. The board said the closure would cost the port about 1.2 million "
    "euros a year in fees, which it hopes to recover from a new ferry terminal.")
REPORT_B = (
    "Cruise operators reacted angrily on Wednesday after Kestrel's port authority decided to "
    "bar their vessels from the north quay. Ingrid Solberg, who chairs the harbour board, "
    'defended the decision. "We have listened to the people who live here, and the quay '
    'cannot take ships of this size any longer," she told reporters. Two members voted '
    "against the plan, which takes effect next spring. Tour companies say the town will lose "
    "visitors; the board puts its own loss at 1.2 million euros a year.")


def test_independent_reports_sharing_a_quoted_statement_are_no_link() -> None:
    from retold.reuse import copied_share

    copied = copied_share(REPORT_A, REPORT_B)
    assert copied is not None and copied < vf.MIN_COPIED
    when = dt.datetime(2024, 3, 12, 8, tzinfo=dt.UTC)
    a = Article("gazette", REPORT_A, outlet="Gazette", published=when)
    b = Article("courier", REPORT_B, outlet="Courier", published=when + dt.timedelta(hours=5))
    assert vf.verify_pair(a, b) is None
    # a paper that took the first report's sentences is its retelling
    taken = REPORT_A.replace("on Tuesday", "on Tuesday night") + " Ferry firms welcomed it."
    c = Article("paper", taken, outlet="Paper", published=when + dt.timedelta(hours=6))
    assert vf.verify_pair(a, c) is not None


def test_copied_share_reads_english_runs_and_weighs_quoted_words_less() -> None:
    from retold.reuse import QUOTED_WEIGHT, copied_share

    said = "The minister said the new bridge over the river would open in May next year."
    assert copied_share(said, said) == 1.0
    rest = " Residents want a tunnel instead, and shopkeepers fear months of roadworks."
    quoted = 'Officials said: "the new bridge over the river would open in May next year."' + rest
    plain = "Officials said the new bridge over the river would open in May next year." + rest
    # the same copied run counts less inside quotation marks than outside
    assert QUOTED_WEIGHT < 1.0
    assert copied_share(said, quoted) < copied_share(said, plain) < 1.0
    assert copied_share("Мост откроется в мае.", "Мост откроется в мае.") is None  # not English


def test_fact_rows_say_what_the_retelling_did_with_each_fact() -> None:
    import retold

    c = retold.compare("The firm didn't pay its 40 staff. Police did not charge the owner.",
                       "The firm paid its 40 staff.")
    rows = {r["text"]: r["status"] for r in vf.fact_rows(c)}
    assert rows["didn't pay"] == "changed"  # a negation shown with the word it negates
    assert rows["not charge"] == "dropped"  # left out with its sentence, not "carried"
    assert rows["40 staff"] == "carried"


def test_two_copies_with_one_agency_dateline_say_so() -> None:
    story = ("DORVAL, Norland (NPA) — Flood barriers along the Selm river held overnight after two "
             "days of heavy rain, the water authority said. About 1,200 residents were told to "
             "leave their homes on Wednesday evening.")
    when = dt.datetime(2024, 9, 12, 8, tzinfo=dt.UTC)
    a = Article("herald", story, outlet="Herald", published=when)
    b = Article("tribune", story + " Schools stay shut.", outlet="Tribune",
                published=when + dt.timedelta(hours=1))
    link = vf.verify_pair(a, b)
    assert link is not None and link.detail.endswith("both carry the NPA dateline "
                                                     "(copies of one NPA story?)")
    stripped = Article("echo", story.split("— ", 1)[1], outlet="Echo",
                       published=when + dt.timedelta(hours=2))
    other = vf.verify_pair(a, stripped)
    assert other is not None and "dateline" not in other.detail


AGENCY = ("KESTREL, Norland (NPA) — A passenger ferry capsized in a storm off the port of Kestrel "
          "on Monday, killing at least 14 people and leaving 37 injured, the coastguard said. The "
          "ferry Aurora, operated by Nordlink Lines, was carrying 212 passengers and 18 crew when "
          "it overturned about two kilometres from the harbour shortly after 7 a.m. Rescue boats "
          "and two navy helicopters pulled 196 people from the water, coastguard spokesman Erik "
          "Valdal told reporters. Prime Minister Anna Hale called the accident a national tragedy "
          "and ordered an inquiry.")


def test_a_short_paraphrased_brief_stays_linked() -> None:
    when = dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC)
    source = Article("npa", AGENCY, outlet="NPA", published=when)
    # no run of four words in common; seven facts, every one the source's, in its order
    brief = ("Fourteen died and 37 were hurt on Monday as the ferry Aurora overturned in stormy "
             "seas close to Kestrel, according to the coastguard. Rescuers on boats and navy "
             "helicopters saved 196 people. Anna Hale, the prime minister, promised an inquiry.")
    target = Article("fm", brief, outlet="FM", published=when + dt.timedelta(hours=2))
    assert vf.verify_pair(source, target) is not None
    # the same words, the facts not the source's: independent reporting
    other = brief.replace("Fourteen", "Nine").replace("37", "12").replace("196", "88").replace(
        "Aurora", "Vega").replace("Anna Hale", "Tor Lie")
    assert vf.verify_pair(source, Article("x", other, outlet="X",
                                          published=when + dt.timedelta(hours=2))) is None


def test_an_update_that_copies_a_quarter_of_its_source_is_no_other_item(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    when = dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC)
    source = Article("npa", AGENCY, outlet="NPA", published=when)
    update = ("KESTREL, Norland (NPA) — A passenger ferry capsized in a storm off the port of "
              "Kestrel on Tuesday, killing 41 people and leaving 19 injured, the coastguard said. "
              "The ferry Aurora, operated by Nordlink Lines, was carrying 215 passengers and 20 "
              "crew when it overturned about two kilometres from the harbour. Divers worked "
              "through the night in freezing water to reach the hull, and relatives gathered at "
              "the harbour gates. Nordlink Lines suspended all sailings on the route while "
              "engineers inspected its other vessels.")
    target = Article("paper", update, outlet="Paper", published=when + dt.timedelta(hours=20))
    # however many of its figures clash with the source's, a copy of this much is an update
    monkeypatch.setattr(vf, "another_subject", lambda c: True)
    assert vf.verify_pair(source, target) is not None
    a = Article("a", FORMAT_A, outlet="Wire", published=when)
    b = Article("b", FORMAT_B, outlet="Wire", published=when + dt.timedelta(minutes=11))
    assert vf.verify_pair(a, b) is None


POST = ("Grateful to every volunteer who filled sandbags on the Selm this week. The barriers held, "
        "the town is dry, and we will rebuild the east bank before the autumn storms!")


def test_two_reports_quoting_one_post_are_no_link() -> None:
    when = dt.datetime(2024, 9, 14, 8, tzinfo=dt.UTC)
    first = Article("gazette", (
        "Mayor Ines Kovac thanks flood volunteers\n\n"
        "Mayor Ines Kovac on Saturday praised the crews who protected Dorval from the rising "
        f'river. "{POST}" Kovac wrote on her account.\n\n'
        "The council will meet on Monday to count the cost of the week's damage to the harbour "
        "road and the rail bridge."), outlet="Gazette", published=when)
    second = Article("herald", (
        "Kovac hails sandbag crews\n\n"
        "Ines Kovac used a post on Saturday to credit townspeople for keeping the water out of "
        f'Dorval.\n\n"{POST}" the mayor posted.\n\n{POST}\n\n'
        "— Ines Kovac (@MayorKovac) September 14, 2024"), outlet="Herald",
        published=when + dt.timedelta(hours=3))
    from retold.reuse import copied_shares
    shares = copied_shares(first.text, second.text)
    assert shares is not None and shares.unquoted < vf.MIN_COPIED_UNQUOTED <= shares.share
    assert vf.verify_pair(first, second) is None
    # the same page copying the first report's own sentences retells it
    copied = Article("echo", first.text + "\n\nSchools reopen on Tuesday.", outlet="Echo",
                     published=when + dt.timedelta(hours=4))
    assert vf.verify_pair(first, copied) is not None


FOOTER = ("© 2024 Wirefeed Ltd. All rights reserved.\n\nClick Here to comment on this article"
          "\n\nClose")


def test_an_outlet_footer_is_copied_by_no_one() -> None:
    when = dt.datetime(2024, 9, 14, 8, tzinfo=dt.UTC)
    a = Article("metro-1", (
        "Council blames old budgets for poor roads\n\nThe Dorval council blamed years of budget "
        "mistakes on Saturday for the state of the harbour road, hours before Mayor Ines Kovac "
        "met the transport board. Critics urged Kovac to press the board on the rail bridge. "
        f"The week ended with a quarrel over road money.\n\n{FOOTER}"),
        outlet="Metro", published=when)
    b = Article("metro-2", (
        "Mayor Ines Kovac said on Saturday that the flood week had gone well and was badly "
        f'reported.\n\n"The barriers are strong and paid for," Kovac wrote.\n\n{FOOTER}'),
        outlet="Metro", published=when + dt.timedelta(hours=2))
    assert vf.verify_pair(a, b) is None


def test_a_page_of_captions_and_credits_retells_nothing() -> None:
    when = dt.datetime(2024, 9, 14, 8, tzinfo=dt.UTC)
    caption = Article("photos", (
        "Sandbags showing Mayor Ines Kovac and Governor Pal Ortiz are seen on the harbour wall in "
        "Dorval on September 14, 2024, two days before Mayor Ines Kovac and Governor Pal Ortiz "
        "meet in Selmby. (Photo by Jo Reyes / Photo Desk)"), outlet="Photo Desk", published=when)
    stub = Article("money", (
        "Jo Reyes / Photo Desk\n\nMayor Ines Kovac (L) and Governor Pal Ortiz\n\n"
        "Governor Pal Ortiz opened his talks with Mayor Ines Kovac on Monday in Selmby by "
        'promising "a new deal" for the river towns.\n\nThis is a developing story.'),
        outlet="Money", published=when + dt.timedelta(days=2))
    assert vf.verify_pair(caption, stub) is None


def test_a_fact_told_three_times_is_one_fact_in_order() -> None:
    import retold

    source = ("Mayor Ines Kovac met Governor Pal Ortiz in Selmby on Monday. Kovac asked Ortiz for "
              "money. Ortiz said no. Kovac left.")
    told = ("Ines Kovac and Pal Ortiz met. Ines Kovac spoke; Pal Ortiz spoke; Ines Kovac and Pal "
            "Ortiz parted in Selmby.")
    assert not vf.facts_in_order(retold.compare(source, told))


FLOOD_STORY = ("Flood barriers along the Selm river held overnight after two days of heavy rain, "
               "the water authority said. About 1,200 residents were told to leave their homes "
               "on Wednesday evening.")


def test_two_copies_crediting_one_agency_in_their_bylines_say_so() -> None:
    story = FLOOD_STORY
    when = dt.datetime(2024, 9, 12, 8, tzinfo=dt.UTC)
    a = Article("herald", "Barriers hold\n\nBy JANE ROE Norland Press\n\n" + story,
                outlet="Herald", published=when)
    b = Article("tribune", "Barriers hold on the Selm\n\nBy JANE ROE, Norland Press\n\n" + story,
                outlet="Tribune", published=when + dt.timedelta(hours=1))
    link = vf.verify_pair(a, b)
    assert link is not None and link.detail.endswith(
        "both credit Norland Press (copies of one Norland Press story?)")
    assert vf._byline_agencies("Title\n\nBy JANE DOE and JOHN ROE Associated Press\n\nx") == ["AP"]
    assert vf._byline_agencies("T\n\nReuters reported that the ferry sank on Monday.\n\nx") == []


def test_a_dated_dateline_and_a_byline_credit_one_agency_alike() -> None:
    story = FLOOD_STORY
    when = dt.datetime(2024, 9, 12, 8, tzinfo=dt.UTC)
    dated = Article("portal", "DORVAL, Sept. 12 (NPA) - " + story, outlet="Portal", published=when)
    bylined = Article("daily", "Barriers hold\n\nBy JANE ROE / NPA\n\n" + story, outlet="Daily",
                      published=when + dt.timedelta(hours=1))
    link = vf.verify_pair(dated, bylined)
    assert link is not None and link.detail.endswith("both credit NPA (copies of one NPA story?)")
    plain = Article("daily", "Barriers hold\n\n" + story, outlet="Daily",
                    published=when + dt.timedelta(hours=1))
    link = vf.verify_pair(dated, plain)
    assert link is not None and "copies of one" not in link.detail


def test_a_report_naming_the_outlet_it_quotes_retells_it() -> None:
    when = dt.datetime(2024, 9, 10, 12, tzinfo=dt.UTC)
    said = ('"I told the board in January that the span could not take trucks," Hale said. '
            '"Nobody called me back." ')
    exclusive = Article("ledger", (
        "Engineer says bridge warnings were shelved\n\nThe engineer who inspected the Hollis "
        "bridge last winter says the county shelved his warning months before it collapsed. "
        + said + "The county declined to comment on Monday."), outlet="County Ledger",
        published=when)
    follow = Article("tv", (
        "County faces questions over bridge\n\nA former county engineer, Tom Hale, told the "
        "County Ledger he had raised the alarm long before Monday's collapse. " + said +
        "Commissioners meet on Thursday."), outlet="TV7", published=when + dt.timedelta(hours=20))
    assert vf._credits(follow.text, exclusive.outlet)
    assert vf.verify_pair(exclusive, follow) is not None


def test_one_shared_phrase_in_a_short_blurb_is_no_copy() -> None:
    when = dt.datetime(2024, 3, 2, 9, tzinfo=dt.UTC)
    wire = Article("wire", (
        "The mayor of Selmby said on Saturday that the new ferry pier on the Selm will open in "
        "June, two months later than planned. Speaking at a briefing, Mayor Ines Kovac blamed "
        "late steel deliveries and a wet winter. The pier cost 12 million euros and will serve "
        "about 3,000 passengers a day. Council members from both parties criticised the delay, "
        "and one asked for a review of the builder."), outlet="Wire", published=when)
    blurb = Article("tv", (
        "Selmby pier delayed\n\nMayor Ines Kovac told our reporter the new ferry pier on the Selm "
        "will open in June, in an interview before the council meets."), outlet="TV",
        published=when + dt.timedelta(hours=6))
    from retold.reuse import copied_shares
    copied = copied_shares(wire.text, blurb.text)
    assert copied is not None and copied.words < vf.MIN_COPIED_WORDS
    assert vf.verify_pair(wire, blurb) is None
    # a brief that takes the wire's lead sentence is its retelling
    brief = Article("brief", (
        "Selmby pier delayed\n\nThe mayor of Selmby said on Saturday that the new ferry pier on "
        "the Selm will open in June, two months later than planned."), outlet="Brief",
        published=when + dt.timedelta(hours=6))
    assert vf.verify_pair(wire, brief) is not None


def test_fact_rows_leave_out_page_furniture_and_names_said_elsewhere() -> None:
    body = ("Streamlyne reversed its conduct policy on Friday, three weeks after it removed "
            "singer Ola Brisk from its playlists. The policy had two parts, the company said. "
            "It came into force on May 10.")
    when = dt.datetime(2024, 5, 31, 22, tzinfo=dt.UTC)
    network = Article("network", "Streamlyne reverses policy\n\nBy Mira Holm, Northcast\n\n"
                      "Chat with us in Facebook Messenger.\n\nSinger Ola Brisk's music was at "
                      "the centre of the policy.\n\n" + body, outlet="Northcast", published=when)
    copy = Article("affiliate", "Streamlyne reverses artist policy\n\n" + body,
                   outlet="Affiliate", published=when + dt.timedelta(hours=10))
    link = vf.verify_pair(network, copy)
    assert link is not None
    lost = [row["text"] for row in link.facts if row["status"] != "carried"]
    assert lost == [], lost
    # a name the copy never mentions is left out
    cut = Article("affiliate", "Streamlyne reverses artist policy\n\n" + body.replace(
        "singer Ola Brisk", "a singer"), outlet="Affiliate", published=when + dt.timedelta(hours=10))
    link = vf.verify_pair(network, cut)
    assert link is not None and any(row["status"] != "carried" and "Ola Brisk" in row["text"]
                                    for row in link.facts)


def test_a_breadcrumb_credits_no_agency() -> None:
    assert vf._byline_agencies("Title\n\nHome / Business\n\nx") == []
    assert vf._byline_agencies("Title\n\nNews / World News\n\nx") == []
    assert vf._byline_agencies("Title\n\nBy JANE ROE / Northwire\n\nx") == ["Northwire"]


def test_a_brief_tells_a_figure_a_blurb_only_the_events_names() -> None:
    story = ("OSLO, Norway (AP) — Prime Minister Ola Brenn met President Kari Dahl of Vestland in "
             "Bergen on Monday for talks on fishing rights in the North Sea. Brenn said the talks "
             "with Dahl had been open. The two leaders spoke for two hours at the old harbour hall "
             "in Bergen. Dahl later told Vestland Radio that Norway and Vestland would meet again "
             "in Tromso. Fishermen in Bergen protested outside the hall, asking for a quota of "
             "40,000 tonnes. Brenn's office said no deal was signed. The European Union has called "
             "for a new treaty on the North Sea.")
    when = dt.datetime(2024, 9, 2, 8, tzinfo=dt.UTC)
    wire = Article("wire", story, outlet="Wire", published=when)
    later = when + dt.timedelta(hours=3)
    blurb = Article("blurb", "Watch: Brenn and Dahl hold talks in Bergen on Monday. The leaders of "
                    "Norway and Vestland discussed the North Sea, and the European Union is "
                    "watching closely, Vestland Radio says.", outlet="TV", published=later)
    brief = Article("brief", "Brenn and Dahl held two hours of talks in Bergen on Monday. "
                    "Fishermen asked for a quota of 40,000 tonnes, and the European Union wants a "
                    "North Sea treaty.", outlet="TV", published=later)
    assert vf.verify_pair(wire, blurb) is None
    link = vf.verify_pair(wire, brief)
    assert link is not None and link.source_id == "wire"


def test_a_text_crediting_an_agency_retells_the_agencys_copy() -> None:
    # a wire brief, and a site's longer rewrite that says "the Associated Press reports": by
    # lengths the brief would be a summary of the rewrite; the credit says otherwise
    brief = "HARBOUR CITY, Ore. (AP) — " + " ".join(S[:4])
    rewrite = (S[0][:-1] + ", the Associated Press reports. " + " ".join(S[1:4]) + " "
               + " ".join(O))
    link = vf.verify_pair(Article("rewrite", rewrite), Article("brief", brief))
    assert link is not None and (link.source_id, link.target_id) == ("brief", "rewrite")
    assert link.evidence == "credit" and "the Associated Press reports" in link.detail
    # without the credit, containment reads the brief as the rewrite's summary
    plain = S[0] + " " + " ".join(S[1:4]) + " " + " ".join(O)
    link = vf.verify_pair(Article("rewrite", plain), Article("brief", brief))
    assert link is not None and link.evidence == "containment" and link.source_id == "rewrite"
    # "per the AP" credits it too
    per = S[0][:-1] + ", per the AP. " + " ".join(S[1:4]) + " " + " ".join(O)
    link = vf.verify_pair(Article("rewrite", per), Article("brief", brief))
    assert link is not None and (link.source_id, link.evidence) == ("brief", "credit")
    # a text that carries the agency's dateline itself is a copy, not a rewrite crediting it
    both = "HARBOUR CITY, Ore. (AP) — " + rewrite
    link = vf.verify_pair(Article("rewrite", both), Article("brief", brief))
    assert link is None or link.evidence != "credit"


def test_a_copy_leaving_out_the_wires_middle_paragraphs_and_dateline_retells_the_wire() -> None:
    # undated: the wire's extra paragraphs sit between shared ones, which reads as sentences
    # inserted into the copy; the wire alone carries the agency's dateline, so it is the copy
    # that left them out
    wire = "HARBOUR CITY, Ore. (AP) — " + "\n\n".join(S)
    copy = "\n\n".join([S[0], S[1], S[5], S[6], S[7]])
    link = vf.verify_pair(Article("copy", copy), Article("wire", wire))
    assert link is not None and (link.source_id, link.target_id) == ("wire", "copy")
    assert link.evidence == "containment" and "agency dateline" in link.detail
    # without the dateline the wire's middle paragraphs read as sentences inserted
    link = vf.verify_pair(Article("copy", copy), Article("wire", "\n\n".join(S)))
    assert link is not None and (link.source_id, link.target_id) == ("copy", "wire")

"""Money written with its ISO code, tenses moved back in reported speech, a people named by
their place's possessive or plural, and a reprint's long periods: forms that a ninth review of
real copy found read as changes.

Pairs written for these tests, after mechanisms seen in real copy. Each test has what must be
flagged beside what must not.
"""

from __future__ import annotations

import retold


def flags(original: str, retelling: str, **kw: str) -> list[tuple[str, str]]:
    return [(c.kind, c.status) for c in retold.compare(original, retelling, **kw).changes]


def details(original: str, retelling: str) -> list[str]:
    return [c.detail for c in retold.compare(original, retelling).changes]


def test_a_currency_code_before_a_figure_is_its_currency() -> None:
    original = "Orlen Freight reported net income of $1.2 billion, up from $0.9 billion."
    assert flags(original, original.replace("$", "USD ")) == []
    assert flags("It paid EUR 300 million for the mill.", "It paid €300 million for the mill.") == []
    # another currency, or another sum, is a change, and the code is no name
    changed = details("It paid EUR 300 million for the mill.", "It paid $300 million for the mill.")
    assert len(changed) == 1 and "currency" in changed[0]
    assert flags(original, original.replace("$1.2", "USD 1.4")) == [("number", "changed")]


def test_could_for_can_in_reported_speech_is_no_hedge() -> None:
    original = "A clerk at Harwell General says no further information can be released."
    assert flags(original, "A clerk at Harwell General said no further information could be "
                           "released.") == []
    # without a report, "could" for "can" weakens the claim
    assert flags("The bridge can reopen in May.", "The bridge could reopen in May.") == [
        ("qualifier", "added")]


def test_a_people_named_by_their_place_s_possessive_or_plural() -> None:
    detained = "Police detained 40 Peruvians after the march. One marcher was wrapped in a flag."
    burnt = "Part of Peru's parliament was on fire. One marcher was wrapped in a flag."
    for original in (detained, burnt):
        retelling = original.replace("in a flag", "in a Peruvian flag")
        assert ("name", "added") not in flags(original, retelling)
    # a people the original never names is new
    assert ("name", "added") in flags(
        "Part of Peru's parliament was on fire. One marcher was wrapped in a flag.",
        "Part of Peru's parliament was on fire. One marcher was wrapped in a Bolivian flag.")


def test_a_reprint_keeps_a_long_period_but_not_a_short_one() -> None:
    dated = {"original_published": "2024-03-10", "retelling_published": "2024-03-12"}
    held = "The two clerks have been held at Norcastle prison for the last 13 months."
    assert flags(held, held, **dated) == []
    # two days move "the past two days" to other days: worth checking
    short = "The two clerks have been questioned over the past two days."
    assert flags(short, short, **dated) == [("date", "changed")]


def test_a_sentence_connective_claims_nothing() -> None:
    original = ("Rangers also fired rubber bullets and threw smoke canisters at farmers near the "
                "Orlin grain depot.")
    for link in ("Furthermore", "Moreover"):
        found = retold.compare(original, f"{link}, clashes between rangers and farmers escalated "
                                         "near the Orlin grain depot, with rubber bullets and "
                                         "smoke canisters being used.").changes
        words = [c.retelling.text for c in found if c.kind == "meaning" and c.retelling]
        # the link claims nothing; a word of the claim itself is still reported
        assert link not in words
        assert "clashes" in words


def test_codes_and_words_that_are_no_currency() -> None:
    # a summit's number and a language's version are no sums of money
    assert ("name", "changed") in flags("Ministers met at COP28 in Dubai on Monday.",
                                        "Ministers met at COP29 in Dubai on Monday.")
    assert flags("The site still runs PHP 7.4, the audit found.",
                 "The site still runs PHP version 7.4, the audit found.") == []
    # the Australian dollar is not the US dollar
    changed = details("It paid A$300 million for the mill.", "It paid US$300 million for the mill.")
    assert len(changed) == 1 and "currency" in changed[0]


def test_a_could_outside_the_reported_clause_is_a_hedge() -> None:
    assert ("qualifier", "added") in flags(
        "Engineers inspected the bridge on Monday, and it can reopen in May.",
        "Engineers said they inspected the bridge on Monday, and it could reopen in May.")


def test_a_plural_name_backs_only_its_own_people() -> None:
    assert ("name", "added") in flags(
        "Lawyers at Peters & Co drafted the plan. The council approved it on Monday.",
        "The council approved the plan on Monday. Its author, Peter, was not present.")


def test_an_opening_adverb_that_claims_something_is_read() -> None:
    c = retold.compare("The minister met the envoy in Orvel on Monday. Talks went on for hours.",
                       "Illegally, the minister quietly met the envoy in Orvel on Monday. Talks "
                       "went on for hours.")
    assert c.verdicts[0].verdict == "adds-unsupported"


def test_money_in_words_and_numbers_that_count_nothing() -> None:
    # "1.8 trillion yen" is "¥1.8 trillion"; another sum in yen is a change
    original = "Kasumi Motors raised its profit forecast to 1.8 trillion yen, up from 1.6 trillion yen."
    assert flags(original, "Kasumi Motors raised its profit forecast to ¥1.8 trillion, up from "
                           "¥1.6 trillion.") == []
    assert ("number", "changed") in flags(original, original.replace("1.8 trillion yen",
                                                                     "2.1 trillion yen"))
    # telephone numbers, a train's number and a security's code count nothing
    derailed = "Three coaches of the Velora Express derailed near Tamsi station on Friday."
    for original, retelling in (
            (derailed + " The helplines are 040-27786140 and 91234 56780.",
             derailed + " Relatives can call 9123456780 or 040- 27786140 for help."),
            (derailed, derailed.replace("Velora Express", "Velora Express (22618)")),
            ("Kasumi Motors <7311.T> said on Thursday it would cut 300 jobs.",
             "Kasumi Motors said on Thursday it would cut 300 jobs.")):
        assert not any(kind == "number" for kind, _s in flags(original, retelling))
    # a count in brackets after a place is still a count
    assert ("number", "changed") in flags("Crowds marched in Orvel (7,000) and Tamsi (8,500).",
                                          "Crowds marched in Orvel (7,000) and Tamsi (9,500).")


def test_a_weekday_a_pause_runs_until_is_ahead() -> None:
    c = retold.compare("A barge struck the Orlen Bridge early Tuesday.",
                       "A barge struck the Orlen Bridge early Tuesday. The search was suspended "
                       "until Wednesday morning.",
                       original_published="2024-05-14", retelling_published="2024-05-14")
    added = [ch.detail for ch in c.changes if ch.kind == "date"]
    assert len(added) == 1 and "15 May 2024" in added[0]
    # a weekday with no "until" in a past clause is still the one before
    c = retold.compare("A barge struck the Orlen Bridge early Tuesday.",
                       "A barge struck the Orlen Bridge early Tuesday. The search was suspended "
                       "on Wednesday.",
                       original_published="2024-05-14", retelling_published="2024-05-14")
    assert any("8 May 2024" in ch.detail for ch in c.changes if ch.kind == "date")

"""No exception but RetoldError escapes compare, for any text.

News-like generators: AP abbreviations with full stops, wire datelines, figures as wires and
tokenisers write them, quotes in every style, mixed scripts, and page clutter. Each test draws
an original and a retelling made from it by small edits (so sentences align and facts are
diffed, not only extracted), with and without publication dates.

The default example count is modest and derandomised for CI; a fuzz run sets
RETOLD_FUZZ_EXAMPLES (examples per test), e.g. ``RETOLD_FUZZ_EXAMPLES=25000``.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import retold
from retold.errors import RetoldError
from retold.model import Comparison

EXAMPLES = int(os.environ.get("RETOLD_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 1000,  # CI: the same examples every run; a fuzz run explores
    database=None,
    suppress_health_check=list(HealthCheck),
)

ABBREVIATIONS = [
    "Sept.", "Jan.", "Feb.", "Aug.", "Oct.", "Nov.", "Dec.", "Mar.", "Apr.", "U.S.", "U.N.",
    "Gen.", "Gov.", "Sen.", "Rep.", "Mr.", "Mrs.", "Dr.", "St.", "No.", "a.m.", "p.m.",
    "R-Neb.", "D-N.Y.", "Inc.", "Corp.", "Lt. Col.", "vs.", "e.g.", "i.e.", "Jr.", "Ph.D.",
]
DATELINES = [
    "WASHINGTON (AP) — ", "LONDON, Sept. 3 (Reuters) - ", "BEIRUT — ", "NEW DELHI: ",
    "PARIS (AFP) -- ", "Updated: 10:42 a.m. ET ", "By JANE DOE, Associated Press ",
    "KABUL, Afghanistan (AP) ", "Tokyo, Jan. 5 (Kyodo) — ",
]
NUMBERS = [
    "23 000", "23\u202f000", "23\u00a0000", "3, 000", "$ 53, 193, 914", "1,234,567", "1.5m",
    "$2.3bn", "£5", "€10", "¥300", "₹1 lakh", "½", "3½", "10 km (6.2 miles)", "10 miles",
    "25°C", "77 °F", "-3", "−12", "٣٤", "۱۲۳", "１２", "1e308", "9" * 60, "1973-90", "1973-1998",
    "2,000-3,000", "between 2 and 3 million", "at least 10", "about 500", "50 percent", "50%",
    "3 1/2", "0.5", ".5", "1/3", "10^9", "10.000,50", "12th", "No. 10", "Covid-19", "F-16",
    "0900", "09:00", "4:30 p.m.", "1 000 000 000 000 000 000 000", "2.", "5-10", "10x",
]
DATES = [
    "Sept. 11", "Sept 11", "Jan. 5, 2020", "Dec. 25", "last month", "last October", "in early May",
    "on Monday", "Tuesday night", "2020-06-18", "18.06.2020", "6/18/2020", "31.02.2021",
    "the '90s", "mid-August", "Q2 2020", "Q2", "the end of last year", "yesterday", "in 2019",
    "2019-20", "spring 2020", "three days ago", "May 10 people", "recently",
]
QUOTES = [
    '"Straight quote," he said.', "“Curly quote,” she said.", "‘‘Doubled single,’’ they said.",
    "«Guillemets», dit-il.", "„Low-high“, sagte er.", "“Outer ‘inner’ quote”", '"unbalanced',
    "’’stray closers’’", "“A quote that\n\nruns across paragraphs”", "'single'", "``tokenised ''",
]
SCRIPTS = [
    "قال الوزير إن ٣٤ شخصا قتلوا.", "北京时间2020年6月18日，12人死亡。", "Москва, 18 июня 2020 г.",
    "नई दिल्ली में 12 लोग", "Ελλάδα 2020", "שלום", "🙂🔥", "e\u0301", "\u200b", "\u200f", "\ufeff",
    "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "İstanbul", "ß", "ǅ",
]
CLUTTER = [
    "Subscribe", "SIGN UP", "PHOTO", "Get Today's Headlines", "Purchase: Order Reprint",
    "Share this article", "Photo: Reuters", "10:42 a.m.", "By          JOHN SMITH",
    "Advertisement", "Read more:", "© 2020 The Associated Press. All rights reserved.",
]
WORDS = [
    "the", "minister", "said", "police", "arrested", "people", "in", "Paris", "at", "least",
    "about", "percent", "not", "never", "allegedly", "reportedly", "may", "will", "could",
    "according", "to", "Reuters", "reported", "told", "Mr", "Balls", "Iran", "Iraq", "I'll",
    "CBS", "News", "Islamic", "State", "ISIS", "al-Qaida", "O'Neill", "McDonald's", ",", ";",
    ":", "—", "-", "(", ")", "...", "?", "!", "\n", "\n\n", "\t", "  ",
]
PIECES = st.sampled_from(ABBREVIATIONS + DATELINES + NUMBERS + DATES + QUOTES + SCRIPTS
                         + CLUTTER + WORDS)
SEPARATORS = st.sampled_from([" ", " ", " ", ". ", ", ", "\n", "\n\n", "", "\u00a0", " — "])


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """A run of news-like pieces, joined by spaces, stops and line breaks."""
    pieces = draw(st.lists(st.one_of(PIECES, st.text(max_size=12)), min_size=1, max_size=40))
    seps = draw(st.lists(SEPARATORS, min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


@st.composite
def retelling_of(draw: st.DrawFn, original: str) -> str:
    """The original with a few pieces replaced, dropped or added."""
    words = original.split(" ")
    for _ in range(draw(st.integers(0, 5))):
        op = draw(st.sampled_from(["replace", "drop", "add"]))
        at = draw(st.integers(0, max(0, len(words) - 1)))
        if op == "drop" and len(words) > 1:
            del words[at]
        elif op == "replace" and words:
            words[at] = draw(PIECES)
        else:
            words.insert(at, draw(PIECES))
    return " ".join(words)


PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                      st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


def compare_or_retold_error(a: str, b: str, o_pub: dt.date | None,
                            r_pub: dt.date | None) -> Comparison | None:
    """Compare; a RetoldError is an answer, anything else fails the test."""
    try:
        c = retold.compare(a, b, original_published=o_pub, retelling_published=r_pub)
    except RetoldError:
        return None
    for side in (c.original, c.retelling):
        text = side.document.text
        assert all(text[s.start : s.end] == s.text for s in side.sentences)
        assert all(text[f.start : f.end] == f.text for f in side.facts)
    for ch in c.changes:
        for excerpt, side in ((ch.original, c.original), (ch.retelling, c.retelling)):
            if excerpt is not None:
                assert side.document.text[excerpt.start : excerpt.end] == excerpt.text
    return c


@FUZZ
@given(st.data(), news_text(), PUBLISHED, PUBLISHED)
def test_edited_news_text_never_raises(data: st.DataObject, original: str,
                                       o_pub: dt.date | None, r_pub: dt.date | None) -> None:
    retelling = data.draw(retelling_of(original))
    compare_or_retold_error(original, retelling, o_pub, r_pub)


@FUZZ
@given(news_text(), news_text(), PUBLISHED)
def test_unrelated_news_texts_never_raise(a: str, b: str, o_pub: dt.date | None) -> None:
    compare_or_retold_error(a, b, o_pub, None)


@FUZZ
@given(news_text(), PUBLISHED)
# found by the 100,000-example run: a cue read as the word another cue negates
@example(text="never never\n\nnever ", pub=None)
# found by a 6,000-example run: a sentence said twice, once negated; its twin is its evidence
@example(text="not Sept. Sept.\nnot ", pub=None)
# a name written twice a few words apart, with symbols between: the text's own words, no pairing
@example(text="AB ÀÁ 0/0'A&A 0/0\x1b0<ÀÁ ", pub=None)
def test_a_text_against_itself_has_no_change(text: str, pub: dt.date | None) -> None:
    c = compare_or_retold_error(text, text, pub, pub)
    assert c is None or c.changes == ()


@FUZZ
@given(st.text(max_size=200), st.text(max_size=200), PUBLISHED)
def test_any_unicode_never_raises(a: str, b: str, pub: dt.date | None) -> None:
    compare_or_retold_error(a, b, pub, pub)

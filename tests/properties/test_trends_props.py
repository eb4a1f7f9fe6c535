"""The direction check (retold.trends) over generated earnings-style pairs: no exception, every
reversal it reports slices back to a direction word of the retelling and to a span of the
original that opens and closes with the figures it names, and a retelling that says the way
the figures go is never reported."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import retold

MEASURES = ["Ticket sales", "Net income", "The jobless rate", "Average rent", "Quarterly revenue",
            "Passenger numbers at the port"]
FIGURES = ["41,200", "38,900", "$5.2 million", "$4.1 million", "4.1%", "3.7%", "-$3 billion",
           "about 500", "more than 600", "12 deaths", "2,900 cases", "1,200 pounds", "£950"]
CUES = ["compared with", "compares to", "versus", "against", "compared with analysts' forecasts of",
        "up from", "down from", "from"]
BASES = ["in 2023", "a year earlier", "last quarter", "in February", "for the Conservatives",
         "nationally", ""]
WORDS = ["rose", "fell", "declined", "grew", "dropped", "was higher", "was lower",
         "did not rise", "is expected to fall", "stopped falling", "rose 11%"]
TAILS = ["", " in 2024", " in 2023", " for the full year", " than in 2023", " than expected",
         " in March"]

EXAMPLES = int(os.environ.get("RETOLD_FUZZ_EXAMPLES", "150"))  # a fuzz run sets more
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 1000,
                    database=None, suppress_health_check=list(HealthCheck))


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    measure = draw(st.sampled_from(MEASURES))
    original = (f"{measure} was {draw(st.sampled_from(FIGURES))} "
                f"{draw(st.sampled_from(['in 2024', 'in March', '']))}, "
                f"{draw(st.sampled_from(CUES))} {draw(st.sampled_from(FIGURES))} "
                f"{draw(st.sampled_from(BASES))}, the report said.")
    retelling = (f"{draw(st.sampled_from([measure, measure.lower(), 'The company said costs']))} "
                 f"{draw(st.sampled_from(WORDS))}{draw(st.sampled_from(TAILS))}.")
    return " ".join(original.split()), retelling


_NUMBER_RE = re.compile(r"\d")


@SETTINGS
@given(pairs())
def test_reversals_slice_back_to_their_words(pair: tuple[str, str]) -> None:
    original, retelling = pair
    c = retold.compare(original, retelling)
    for ch in c.changes:
        if ch.kind != "negation" or "own figures" not in ch.detail:
            continue
        assert ch.retelling is not None and ch.original is not None
        word = retelling[ch.retelling.start:ch.retelling.end]
        assert word == ch.retelling.text and word.isalpha()
        span = original[ch.original.start:ch.original.end]
        assert span == ch.original.text
        assert _NUMBER_RE.search(span)
        # the figures the detail names are the span's two ends
        ends = re.search(r": '(.+?)', against '(.+?)'\.$", ch.detail)
        assert ends is not None
        assert span.startswith(ends.group(1)) and span.endswith(ends.group(2))


@SETTINGS
@given(st.sampled_from(MEASURES), st.sampled_from(["41,200", "$5.2 million", "4.1%"]),
       st.sampled_from(["38,900", "$4.1 million", "3.7%"]))
def test_the_way_the_figures_go_is_never_a_reversal(measure: str, now: str, before: str) -> None:
    original = f"{measure} was {now} in 2024, compared with {before} in 2023."
    way = "rose" if _value(now) > _value(before) else "fell"
    c = retold.compare(original, f"{measure} {way} in 2024.")
    assert not [ch for ch in c.changes if "own figures" in ch.detail]


def _value(figure: str) -> float:
    return float(re.sub(r"[^\d.]", "", figure))

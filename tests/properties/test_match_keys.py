"""names.match_keys is a sound blocking: same_name(a, b) implies their keys meet."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.facts import names

POOL = [
    "Muammar Gaddafi", "Qadhafi", "Kadhafi", "Gadafi", "Moammar Khadafy", "Zelensky",
    "Volodymyr Zelenskyy", "Zelenskiy", "Islamic State", "IS", "ISIS", "Daesh", "ISIL",
    "Popular Mobilization Forces", "PMF", "Ministry of Defence", "MoD", "George Bush",
    "George W. Bush", "George H. W. Bush", "Bush", "J. Smith", "John Smith", "Smith",
    "Brookings Institution", "Brookings", "South Sudan", "Sudan", "Iran", "Iraq", "Iraqi",
    "Hassan", "Hussein", "Husayn", "Hossein", "Saeed", "Said", "Fallujah", "Falluja",
    "Mosul", "Baghdad", "United States", "U.S.", "US", "America", "American", "Netanyahu",
    "Netanyahou", "Mohammed bin Salman", "Mohammad bin Salman", "MBS", "Austria",
    "Australia", "Georgia", "George", "Abu Bakr al-Baghdadi", "Baghdadi", "al-Baghdadi",
    "Covid-19", "coronavirus", "World Health Organization", "WHO", "Jane Doe", "J Doe",
    "Anna Berg", "Lakeside Institute", "Lakeview Institute", "Kurdistan Regional Government",
    "KRG", "Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdogan",
]


def _meet(a: str, b: str) -> bool:
    return bool(names.match_keys(a)[1] & names.match_keys(b)[0])


def test_every_matching_pair_of_the_pool_shares_a_key() -> None:
    missed = [(a, b) for a, b in itertools.permutations(POOL, 2)
              if names.same_name(a, b) and not _meet(a, b)]
    assert not missed
    assert sum(names.same_name(a, b) for a, b in itertools.permutations(POOL, 2)) > 40


_letters = st.sampled_from("abcdefghijklmnopqrstuvwxyzáéüğ")
_word = st.text(_letters, min_size=1, max_size=9).map(str.capitalize)
_name = st.lists(_word, min_size=1, max_size=3).map(" ".join)


@st.composite
def _variant(draw: st.DrawFn) -> tuple[str, str]:
    """A name and a near spelling of it: a letter changed, dropped or doubled, words cut."""
    base = draw(_name)
    words = base.split()
    k = draw(st.integers(0, len(words) - 1))
    w = words[k]
    i = draw(st.integers(0, len(w) - 1))
    op = draw(st.sampled_from(["sub", "drop", "double", "cut", "initial"]))
    if op == "sub":
        w = w[:i] + draw(_letters) + w[i + 1 :]
    elif op == "drop" and len(w) > 1:
        w = w[:i] + w[i + 1 :]
    elif op == "double":
        w = w[: i + 1] + w[i:]
    elif op == "initial":
        w = w[0] + "."
    words[k] = w.capitalize() if w else "X"
    if op == "cut" and len(words) > 1:
        words = words[draw(st.integers(1, len(words) - 1)) :]
    return base, " ".join(words)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(_variant())
def test_near_spellings_that_match_share_a_key(pair: tuple[str, str]) -> None:
    a, b = pair
    if names.same_name(a, b):
        assert _meet(a, b) and _meet(b, a)

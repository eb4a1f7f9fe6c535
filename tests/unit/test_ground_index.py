"""Grounding's lookups: the same answers as a scan of every fact, and work linear in length.

The texts are generated here (seeded): stories that repeat a few figures, names and dates many
times, as a long text does, with figures rounded or changed, names garbled by one word of a
generic head ("Lakeside Institute" / "Lakeview Institute") and counted nouns that contain one
another ("people" / "people killed").
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from retold import ground as g
from retold.compare import compare
from retold.facts import attributions, dates, names, numbers, quotes
from retold.model import Fact

FIRST = ["Maria", "John", "Aisha", "Pedro", "Olga", "Chen", "Amir", "Sofia"]
LAST = ["Lopez", "Smith", "Khan", "Ivanova", "Wang", "Haddad", "Rossi", "Brown"]
HEADS = ["Institute", "University", "Council", "Party", "Ministry"]
STEMS = ["Lakeside", "Lakeview", "Northern", "Northland", "Central", "Western"]
NOUNS = ["people", "people killed", "homes", "soldiers", "houses", "votes", "jobs"]
VERBS = ["said", "told reporters", "announced", "added"]
MONTHS = ["January", "March", "June", "September", "November"]


def _figure(rnd: random.Random) -> str:
    n = rnd.choice([2, 3, 5, 12, 40, 100, 250, 1200, 12345, 48000])
    kind = rnd.random()
    if kind < 0.15:
        return f"{n}%"
    if kind < 0.3:
        return f"${n} million"
    return f"{n:,}"


def _sentence(rnd: random.Random) -> str:
    who = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    body = f"{rnd.choice(STEMS)} {rnd.choice(HEADS)}"
    shape = rnd.randrange(5)
    if shape == 0:
        return f"At least {_figure(rnd)} {rnd.choice(NOUNS)} were reported by the {body}, {who} said."
    if shape == 1:
        return (f"On {rnd.randint(1, 28)} {rnd.choice(MONTHS)} 2021 the {body} counted "
                f"{_figure(rnd)} {rnd.choice(NOUNS)}.")
    if shape == 2:
        return f"\u201cWe lost {_figure(rnd)} {rnd.choice(NOUNS)},\u201d {who} {rnd.choice(VERBS)}."
    if shape == 3:
        return f"{who} of the {body} said {_figure(rnd)} {rnd.choice(NOUNS)} died."
    return f"Between {_figure(rnd)} and {_figure(rnd)} {rnd.choice(NOUNS)} left, the {body} said."


def _retold(rnd: random.Random, sentence: str) -> str:
    """Copy, round, change a figure, or garble a name."""
    r = rnd.random()
    if r < 0.4:
        return sentence
    if r < 0.55:
        return sentence.replace("12,345", "12,000").replace("1,200", "1,000")
    if r < 0.75:
        return sentence.replace("250", "260").replace("40", "14")
    if r < 0.9:
        return sentence.replace("Lakeside", "Lakeview").replace("Northern", "Northland")
    return _sentence(rnd)


def pair(stories: int, seed: int = 7) -> tuple[str, str]:
    rnd = random.Random(seed)
    original: list[str] = []
    retelling: list[str] = []
    for _ in range(stories):
        story = [_sentence(rnd) for _ in range(6)]
        original.append(" ".join(story))
        retelling.append(" ".join(_retold(rnd, s) for s in story))
    return "\n\n".join(original), "\n\n".join(retelling)


@pytest.fixture(scope="module")
def sides() -> tuple[g.FactIndex, list[Fact], g._Contexts, g._Contexts]:
    c = compare(*pair(40), original_published="2021-12-01")
    index = g.FactIndex(c.original.facts)
    index.carry(c.retelling.facts)
    return index, list(c.retelling.facts), g._Contexts(c.original), g._Contexts(c.retelling)


def _retelling_facts(facts: list[Fact], kinds: tuple[str, ...]) -> Iterator[Fact]:
    return (f for f in facts if f.kind in kinds)


def test_stating_is_every_equivalent_fact_in_order(sides) -> None:  # type: ignore[no-untyped-def]
    index, facts, _o, _r = sides
    checked = 0
    for b in _retelling_facts(facts, g.GROUND_KINDS):
        module = g.MODULES[b.kind]
        scan = index.by_key.get((b.kind, b.key)) or [
            f for f in index.by_kind.get(b.kind, ()) if module.equivalent(f, b)]
        assert index.stating(b) == scan
        checked += 1
    assert checked > 100


def _far_scan(index: g.FactIndex, b: Fact) -> Fact | None:
    module = g.MODULES[b.kind]
    far = [(module.slot_score(a, b), -a.start, a) for a in index.free(index.by_kind.get(b.kind, ()))
           if not module.equivalent(a, b)]
    far = [t for t in far if t[0] >= g.GLOBAL_SLOT_MIN]
    return max(far, key=lambda t: (t[0], t[1]))[2] if far else None


def test_far_rival_is_the_best_of_a_scan(sides) -> None:  # type: ignore[no-untyped-def]
    index, facts, _o, _r = sides
    found = Counter[str]()
    for b in _retelling_facts(facts, ("number", "date", "name")):
        want = _far_scan(index, b)
        assert index.far_rival(b, g.MODULES[b.kind], g.GLOBAL_SLOT_MIN) is want
        found[b.kind] += want is not None
    # the blocks were exercised: garbled institutes, rounded figures, nouns inside nouns
    assert found["name"] and found["number"]


def test_sharing_and_in_slot_are_a_filtered_scan(sides) -> None:  # type: ignore[no-untyped-def]
    index, facts, o_ctx, r_ctx = sides
    for b in _retelling_facts(facts, ("number", "date")):
        mine = r_ctx.of(b)
        pool = index.free(index.by_kind.get(b.kind, ()))
        assert index.sharing(b.kind, o_ctx, mine) == [a for a in pool if o_ctx.of(a) & mine]
        stated = index.by_key.get((b.kind, b.key), [])
        assert index.in_slot(stated, o_ctx, mine) == [a for a in stated if o_ctx.of(a) & mine]
        assert index.fitting(b, stated, g.SLOT_CLASH) == [
            a for a in stated if g.MODULES[b.kind].slot_score(b, a) >= g.SLOT_CLASH]


def test_range_support_matches_a_scan(sides) -> None:  # type: ignore[no-untyped-def]
    index, facts, _o, _r = sides
    for b in _retelling_facts(facts, ("number",)):
        q = b.value
        same_unit = [a for a in index.by_kind["number"]
                     if isinstance(a.value, type(q)) and a.value.unit == q.unit]  # type: ignore[union-attr]
        if q.low == q.high:  # type: ignore[union-attr]
            want = [a for a in same_unit if a.value.low != a.value.high  # type: ignore[union-attr]
                    and q.low in (a.value.low, a.value.high)][:1]  # type: ignore[union-attr]
        else:
            low = [a for a in same_unit if q.low in (a.value.low, a.value.high)]  # type: ignore[union-attr]
            high = [a for a in same_unit if q.high in (a.value.low, a.value.high)]  # type: ignore[union-attr]
            want = [low[0], high[0]] if low and high else []
        assert g._range_support(b, index) == want


@pytest.mark.parametrize("text", ["NATO", "CNN", "CNNs", "A", "IS"])
@pytest.mark.parametrize("original", [
    "The NATO summit", "CNNs and the BBC", "xCNN", "CNN_", "NATOs", "ISIS and IS", "A man"])
def test_plural_acronym_search_agrees_with_its_pattern(text: str, original: str) -> None:
    import re

    bare = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
    want = bare.isupper() and bare.isalpha() and re.search(
        rf"(?<!\w){re.escape(bare)}s?(?!\w)", original) is not None
    assert g._plural_in(text, original) == want


def test_mention_word_check_never_hides_a_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    long_text = " ".join(pair(60)[0].split()) + " the coronavirus pandemic, American marines, isis"
    assert len(long_text) >= names._WORD_CHECK_CHARS
    for name in ["Covid-19", "U.S. Marines", "Islamic State", "Maria Lopez", "Lakeview Institute",
                 "Nobody Here", "United States", "Western Party", "Olga"]:
        fast = names.mentioned(name, long_text)
        monkeypatch.setattr(names, "_WORD_CHECK_CHARS", 10**12)
        assert names.mentioned(name, long_text) == fast, name
        monkeypatch.undo()


def _counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count every equivalence and slot-score test and every whole-text name search."""
    calls = Counter[str]()

    def wrap(module: object, name: str) -> None:
        fn: Callable[..., object] = getattr(module, name)

        def counted(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            return fn(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    for module in (numbers, dates, names, quotes, attributions):
        wrap(module, "equivalent")
        wrap(module, "slot_score")
    wrap(names, "mentioned")
    return calls


def test_grounding_work_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Four times the text costs about four times the fact tests, not sixteen (a scan of every
    original fact per retelling fact, as before the index, costs ~9x here)."""
    calls = _counting(monkeypatch)
    work = []
    for stories in (15, 60):
        calls.clear()
        compare(*pair(stories, seed=3), original_published="2021-12-01")
        work.append(sum(calls.values()))
    assert work[0] > 200
    assert work[1] <= 5.5 * work[0], work


def test_far_rival_with_long_nouns_compared_one_by_one(sides, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    index, facts, _o, _r = sides
    monkeypatch.setattr(g, "NOUN_PARTS_MAX", 3)  # every counted noun takes the long path
    fresh = g.FactIndex([f for fs in index.by_kind.values() for f in fs])
    fresh.taken = index.taken
    for b in _retelling_facts(facts, ("number",)):
        assert fresh.far_rival(b, numbers, g.GLOBAL_SLOT_MIN) is _far_scan(fresh, b)


def _given_name_pair(stories: int) -> tuple[str, str]:
    """Surnames said alone many times, full names once a story, the retelling's full names
    with other given names: every retelling name looks for the original's full form."""
    rnd = random.Random(5)
    original, retelling = [], []
    for _ in range(stories):
        last = rnd.choice(LAST)
        first, other = rnd.sample(FIRST, 2)
        original.append(f"{last} said {_figure(rnd)} homes burned. {last} added that "
                        f"{first} {last} had left the {rnd.choice(STEMS)} {rnd.choice(HEADS)}.")
        retelling.append(f"{other} {last} said the homes burned.")
    return "\n\n".join(original), "\n\n".join(retelling)


def test_names_alike_are_those_of_a_scan() -> None:
    c = compare(*_given_name_pair(20))
    index = g.FactIndex(c.original.facts)
    checked = 0
    for b in _retelling_facts(list(c.retelling.facts), ("name",)):
        backing = index.stating(b) or index.by_kind["name"][:3]
        alike = index.naming_alike(backing)
        scan = [a for a in index.by_kind["name"] if any(names.same_name(a.text, x.text) for x in backing)]
        assert [a for a in alike if a in scan] == scan  # every name a scan finds, in text order
        checked += bool(scan)
    assert checked > 10


def test_other_given_names_are_looked_up_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Counter[str]()
    same_name = names.same_name

    def counted(a: str, b: str) -> bool:
        calls["same_name"] += 1
        return same_name(a, b)

    monkeypatch.setattr(names, "same_name", counted)
    work = []
    for stories in (15, 60):
        calls.clear()
        compare(*_given_name_pair(stories))
        work.append(calls["same_name"])
    assert work[0] > 20
    assert work[1] <= 5.5 * work[0], work

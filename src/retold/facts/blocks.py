"""Blocking keys: which facts of one kind could be ``equivalent``, without comparing them all.

A long text repeats the same names and figures many times; comparing every fact with every
other is quadratic. Each fact gets a few keys, and two facts are compared only when their keys
meet. The keys are sound: whenever a kind's ``equivalent`` says yes, they meet (each kind's
rule is mirrored here, and tests hold the two in step).
"""

from __future__ import annotations

from typing import Any

from retold import lexicon
from retold.facts import dates, names, negation, numbers
from retold.model import Fact, Interval, Quantity

__all__ = ["equivalence_keys"]


def _bucket(x: float) -> float:
    """``x`` to one significant digit: buckets at least 10% wide."""
    return float(f"{x:.1g}")


def _loose_keys(value: Quantity, probe: bool) -> set[tuple[Any, ...]]:
    """Keys for numbers.equivalent's conversions and hedged roundings (within 5% of a value).

    An exact single figure gives the one-digit buckets of itself and 5% either side in every
    unit of its dimension; a hedged single figure, or one with a convertible unit, its own
    bucket. Two figures within 5% of each other (after conversion) then share a bucket.

    Without a convertible unit only a rounding can make two figures one, and a rounding pairs
    a hedged figure with an exact one: the two sorts key their buckets apart ("~h" indexes the
    hedged, "~e" the exact; each probes for the other sort), so two exact figures of one bucket
    ("2,150" and "2,300", thousands of times in a long text) never meet.
    """
    if value.low != value.high or value.hedge == numbers.VAGUE:
        return set()
    convertible = value.unit in numbers.TO_BASE
    hedged, exact = ("~e", "~h") if probe else ("~h", "~e")
    if not convertible:
        if value.hedge is not None:
            return {(hedged, value.unit, _bucket(value.low))}
        return {(exact, value.unit, _bucket(value.low * f)) for f in (0.95, 1.0, 1.05)}
    units = [u for u in numbers.TO_BASE
             if numbers.UNIT_DIMENSIONS.get(u) == numbers.UNIT_DIMENSIONS.get(value.unit or "")]
    keys: set[tuple[Any, ...]] = {("~", value.unit, _bucket(value.low))}
    for u in units:
        x = numbers.convert(value.low, value.unit, u)
        if x is not None:
            keys.update(("~", u, _bucket(x * f)) for f in (0.95, 1.0, 1.05))
    return keys


def equivalence_keys(fact: Fact, *, probe: bool) -> frozenset[tuple[Any, ...]] | None:
    """Keys two facts of one kind share whenever the kind calls them equivalent, or None
    (compare with every fact of the kind). Each kind's ``equivalent`` is mirrored here:
    numbers by hedge, unit and low bound (to within the tolerance of ``_close``) and by
    their wording (``numbers.written_key``), dates by
    their resolved interval, names by ``names.match_keys``, every kind by its key.

    ``equivalent(a, b)`` implies that the probe keys of ``a`` meet the index keys of ``b``.
    """
    keys: set[tuple[Any, ...]] = {("key", fact.key)}
    value = fact.value
    if fact.kind == "number":
        keys.add(("written", numbers.written_key(fact.text)))
        if isinstance(value, Quantity):
            # equivalent() needs lows within rel 1e-9: rounded to 6 digits they fall in one
            # bucket or two neighbouring ones, so a probe looks at both ends of the tolerance.
            slack = abs(value.low) * 2e-9 + 2e-12
            ends = (value.low - slack, value.low + slack) if probe else (value.low,)
            keys.update(("q", numbers.hedge_class(value), value.unit, float(f"{x:.6g}"))
                        for x in ends)
            if numbers.UNIT_DIMENSIONS.get(value.unit or "") == numbers.DURATION:
                # a figure with its period meets the same figure without one
                # (numbers.duration_left_out)
                keys.update(("q", numbers.hedge_class(value), None, float(f"{x:.6g}"))
                            for x in ends)
            keys.update(_loose_keys(value, probe))
            if value.unit == numbers.TIME:
                # a time read on a 12-hour dial is either half of the day (numbers.same_time)
                keys.add(("clock", round(value.low) % 720))
    elif fact.kind == "date":
        if isinstance(value, Interval) and value.start is not None:
            keys.add(("interval", value.start, value.end))
        part_keys = _same_part_keys(fact, probe)
        if part_keys is None:
            return None
        keys.update(part_keys)
    elif fact.kind == "name":
        index, probe_keys = names.match_keys(fact.text)
        keys.update(probe_keys if probe else index)
    elif fact.kind == "negation":
        if fact.key in negation.PLAIN_FAMILIES and fact.role:
            keys.add(("negated", lexicon.form_key(fact.role)))
    elif fact.kind not in ("quote", "qualifier"):
        return None
    return frozenset(keys)


# A "same period" date's span in years beyond which it is compared with every date.
SAME_PART_YEARS = 5


def _same_part_keys(fact: Fact, probe: bool) -> set[tuple[Any, ...]] | None:
    """Keys for dates.equivalent's "the same period last year": it is any date inside it.

    Every date keys the year it starts in (read from its interval, or from its first shape when
    unresolved), and a same-part date each year of its span too. The two sorts key apart ("in"
    indexes a date's start, "part" a same-part date's span; each probes for the other sort),
    so two ordinary dates of one year never meet by these keys. A same-part date spanning
    more than SAME_PART_YEARS years gives None: compared with every date (no such phrase
    spans that long).
    """
    value = fact.value
    span: tuple[str, str] | None = None
    if isinstance(value, Interval) and value.start is not None and value.end is not None:
        span = (value.start.isoformat(), value.end.isoformat())
    else:
        shapes = dates._shape_intervals(fact.key)
        span = shapes[0] if shapes else None
    if span is None:
        return set()
    first, last = int(span[0][:4]), int(span[1][:4])
    keys: set[tuple[Any, ...]] = {("part" if probe else "in", first)}
    if dates.SAME_PART_NOTE in fact.note:
        if last - first > SAME_PART_YEARS:
            return None
        # (and its own year as any date's: one same-part date may lie inside another)
        keys.update(("in" if probe else "part", y) for y in range(first, last + 1))
    return keys

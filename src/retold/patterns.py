"""``compile``: ``re.compile`` for a pattern that opens with an assertion, made to skip fast.

re finds where a match can start by a literal prefix or a set of first characters, read from the
pattern's opening. A pattern that opens with a look-behind or a word boundary ("a cue word, not
inside another word": ``(?<![\\w'-])(?:not|never|...)``) has neither, so every position of the
text is tried, the look-behind and each alternative in turn. ``compile`` works out the characters
a match can start with from the parsed pattern and puts them in a look-ahead before it: a
position that cannot start a match then fails at the first test. Matches are unchanged: the
look-ahead is added only where the set is complete (a pattern that may start with any
character, or match the empty string, is compiled as it is), and tests compare every pattern
compiled here with ``re.compile``'s on generated and real text.

Written by hand: re has no option for it, and the ``regex`` package would change the engine
under every pattern of the project for this one gain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# re's own parser (private, the same modules from Python 3.11 on; the tests compare every pattern
# compiled here with re.compile's, so a change there fails them rather than any match)
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["COMPILED", "compile", "first_characters"]

# Every pattern compiled here, with the plain pattern and flags: tests check each against re's.
COMPILED: list[tuple[re.Pattern[str], str, int]] = []

_CATEGORY = {
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a look-ahead of the characters a match can start
    with where re would otherwise try every position (see the module's docstring)."""
    plain = re.compile(pattern, flags)
    COMPILED.append((plain, pattern, flags))
    first = first_characters(plain)
    if first is None:
        return plain
    body = pattern
    # global inline flags ("(?i)") must stay at the very start
    while (m := _GLOBAL_FLAGS_RE.match(body)) is not None:
        body = body[m.end():]
    end = "\n" if plain.flags & re.VERBOSE else ""  # (a trailing comment must not eat the ")")
    fast = re.compile(f"(?={first})(?:{body}{end})", plain.flags)
    COMPILED[-1] = (fast, pattern, flags)
    return fast


_GLOBAL_FLAGS_RE = re.compile(r"\A\(\?[aiLmsux]+\)")


def first_characters(plain: re.Pattern[str]) -> str | None:
    """A look-ahead body matching every character a match of ``plain`` can start with; None
    where re already skips by itself, or where any character may start a match."""
    tree = sre_parse.parse(plain.pattern, plain.flags)
    if tree.getwidth()[0] == 0 or _skips_by_itself(tree.data):
        return None
    found = _first(tree.data, plain.flags)
    if found is None or found[1] or not found[0]:
        return None
    by_case: dict[bool, list[str]] = {}
    for case_blind, item in found[0]:
        if item not in by_case.setdefault(case_blind, []):
            by_case[case_blind].append(item)
    # each set under the case rule its items were written under
    return "|".join(f"(?{'i' if blind else '-i'}:[{''.join(items)}])"
                    for blind, items in by_case.items())


def _skips_by_itself(data: list[tuple[Any, Any]]) -> bool:
    """The pattern opens with a character or a set re itself reads as where a match starts."""
    while data and data[0][0] is sre.SUBPATTERN:
        data = data[0][1][3].data
    return bool(data) and data[0][0] in (sre.LITERAL, sre.IN)


def _first(data: list[tuple[Any, Any]], flags: int
           ) -> tuple[list[tuple[bool, str]], bool] | None:
    """(the set items a match of ``data`` can start with, each with its ignore-case flag;
    whether ``data`` can match the empty string), or None when that is anything."""
    items: list[tuple[bool, str]] = []
    blind = bool(flags & re.IGNORECASE)
    for op, av in data:
        if op in _ZERO_WIDTH:
            continue  # an assertion consumes nothing: the next item says what comes first
        if op is sre.LITERAL:
            return [*items, (blind, re.escape(chr(av)))], False
        if op is sre.IN:
            members = _set_items(av)
            if members is None:
                return None
            return [*items, (blind, members)], False
        if op is sre.BRANCH:
            empty = False
            for alternative in av[1]:
                found = _first(alternative, flags)
                if found is None:
                    return None
                items += found[0]
                empty |= found[1]
            if not empty:
                return items, False
        elif op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            found = _first(sub.data, (flags | add) & ~remove)
            if found is None:
                return None
            items += found[0]
            if not found[1]:
                return items, False
        elif op is sre.ATOMIC_GROUP:
            found = _first(av.data, flags)
            if found is None:
                return None
            items += found[0]
            if not found[1]:
                return items, False
        elif op in _REPEATS:
            least, _most, sub = av
            found = _first(sub.data, flags)
            if found is None:
                return None
            items += found[0]
            if least > 0 and not found[1]:
                return items, False
        else:
            return None  # any character, a character's complement, a back reference
    return items, True


def _set_items(members: list[tuple[Any, Any]]) -> str | None:
    out = []
    for op, av in members:
        if op is sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        else:
            return None  # a negated set: nearly any character
    return "".join(out)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``pattern``'s non-empty matches in ``text`` tried only at ``starts``, left to right, none
    overlapping the one before: what ``finditer`` finds where every match starts at one of them
    (a caller picks the starts cheaply, a keyword's or a token's, instead of trying each
    character)."""
    found: list[re.Match[str]] = []
    last = 0
    for start in sorted(set(starts)):
        if start < last:
            continue
        m = pattern.match(text, start)
        if m is not None and m.end() > m.start():
            found.append(m)
            last = m.end()
    return found

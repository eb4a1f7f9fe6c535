"""Qualifiers: words that hedge or date a claim ("alleged attacker", "so-called republic").

Dropping "alleged" turns a suspect into a culprit; dropping "former" turns a past office into a
present one. The list is ``QUALIFIERS``. A fact spans the qualifier alone; ``key`` is its
canonical form (the adverb and the adjective are one hedge: "allegedly" = "alleged"), ``role``
the word it qualifies, cheaply: the first lowercase content word after it ("former mayor",
"allegedly fired"), or the title right before a capitalised name ("former regional police chief
Ana Ruiz" -> "chief").

``key`` holds only the qualifier, not the head: the head is often translated or reworded
("so-called republic" / "so-called state"), and that is not a change of qualifier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.fuzz import ratio

from retold import patterns
from retold.facts import names
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence

__all__ = ["QUALIFIERS", "equivalent", "explain", "extract", "slot_score"]

# The hedges and status words a retelling drops or adds most often. Chosen from wire-service
# style guides' lists of words for unproven claims (alleged, purported, so-called, self-styled),
# reporting distance (reportedly, apparently, claimed, unconfirmed), likelihood (possibly,
# likely, probably) and status (former, suspected, would-be, acting, interim).
QUALIFIERS: tuple[str, ...] = (
    "alleged", "allegedly", "so-called", "former", "reportedly", "reported", "suspected",
    "purported", "purportedly", "self-styled", "self-proclaimed", "self-declared", "claimed",
    "unconfirmed", "unverified", "apparent", "apparently", "possible", "possibly", "likely",
    "unlikely", "probably", "probable", "presumed", "presumably", "supposed", "supposedly",
    "ostensibly", "seemingly", "would-be", "de facto", "acting", "interim", "disputed",
    "perhaps", "maybe", "potential", "potentially", "accused of",
)
# The adverb and the adjective are one hedge.
CANONICAL = {
    "allegedly": "alleged", "reportedly": "reported", "purportedly": "purported",
    "apparently": "apparent", "possibly": "possible", "probably": "probable",
    "presumably": "presumed", "supposedly": "supposed", "self-proclaimed": "self-styled",
    "self-declared": "self-styled", "unverified": "unconfirmed", "probable": "likely",
    "perhaps": "possible", "maybe": "possible", "might": "may", "could": "may",
    "potential": "possible", "potentially": "possible",
    # "twelve officers accused of hacking" hedges the hacking as "allegedly hacked" does
    "accused of": "alleged",
}
# A modal of possibility and a word of possibility are one hedge: "the possible exposure" /
# "people could have been exposed" / "potentially exposed".
POSSIBILITY = frozenset({"may", "possible"})
# Modal verbs of possibility: "may slow" -> "will slow" states as certain what was possible.
# One family ("may" = "might" = "could"); matched in lower case only ("May" is a month).
MODALS: tuple[str, ...] = ("may", "might", "could")
_MODAL_RE = re.compile(r"(?=[mc])(?<![\w-])(may|might|could)(?![\w-])(?![\s\u00a0]+(?:be[\s\u00a0]+)?not\b)")
# Words that are qualifiers only before a noun, after a determiner ("the claimed attack"):
# elsewhere they are verbs ("the group claimed responsibility", "the attack was reported").
_NEEDS_DETERMINER = frozenset({"claimed", "reported", "acting", "disputed", "possible", "apparent",
                               "potential"})
# "the potential of the drug", "the potential to grow": a noun, no hedge.
_NOUN_AFTER_RE = re.compile(r"[\s\u00a0]+(?:of|for|to|in)\b")
_DETERMINERS = r"(?:the|a|an|its|his|her|their|this|that|these|those|our|whose)"


def _either_case(word: str) -> str:
    """Return a pattern for a word in lowercase or capitalised ("[Aa]lleged").

    Not re.IGNORECASE: on an 800-word text it made this search twice as slow, and all-caps
    qualifiers only occur in headlines.
    """
    return f"[{word[0].upper()}{word[0]}]" + re.escape(word[1:]).replace(r"\ ", r"\s+")


_QUAL_RE = patterns.compile(
    r"(?<![\w-])(" + "|".join(_either_case(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")(?![\w-])"
)
_DET_BEFORE_RE = re.compile(rf"(?<![\w-]){_DETERMINERS}[\s\u00a0]+$", re.IGNORECASE)
_NEXT_WORDS_RE = re.compile(r"[\s\u00a0]+([^\W\d_][\w’'-]*)")
# Words skipped before the head ("allegedly was killed" -> "killed") or that end the phrase.
_FUNCTION = frozenset([
    "a", "an", "the", "be", "been", "being", "is", "are", "was", "were", "has", "have", "had",
    "to", "of", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "that", "which",
    "who", "as", "its", "his", "her", "their", "this", "these", "those", "it", "he", "she", "they",
    "also", "not", "no", "than", "then", "very",
])
HEAD_WORDS_MAX = 4  # "former regional police chief": the head is found within four words

# A changed qualifier (alleged -> suspected) on one head fills one slot; on different heads two
# qualifiers are more likely a drop and an add.
SLOT_SAME_HEAD = 0.8
SLOT_OTHER = 0.3


def _head(text: str, pos: int) -> str:
    """Return the word a qualifier ending at ``pos`` modifies (cheap, may be "")."""
    words: list[str] = []
    at = pos
    for _ in range(HEAD_WORDS_MAX + 2):
        m = _NEXT_WORDS_RE.match(text, at)
        if m is None:
            break
        word = m.group(1)
        at = m.end()
        if word.casefold() in _FUNCTION:
            if words:
                break
            continue  # "reportedly was killed": skip the auxiliary
        words.append(word)
        if len(words) >= HEAD_WORDS_MAX:
            break
    lower = [w for w in words if w[0].islower()]
    if lower:
        # The last lowercase word before a capitalised one: "chief" in "chief Jane Doe".
        for i, w in enumerate(words):
            if w[0].isupper() and i > 0 and words[i - 1][0].islower():
                return words[i - 1].casefold()
        return lower[0].casefold()
    return words[0].casefold() if words else ""


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Return the qualifiers of a document (key: canonical qualifier, role: its head)."""
    del context
    text = doc.text
    facts = []
    for m in _MODAL_RE.finditer(text):
        facts.append(Fact(kind="qualifier", start=m.start(), end=m.end(), text=m.group(1),
                          sentence=names._sentence_id(sentences, m.start()),
                          key=CANONICAL.get(m.group(1), m.group(1)), role=_head(text, m.end())))
    for m in _QUAL_RE.finditer(text):
        word = " ".join(m.group(1).casefold().split())
        if word in _NEEDS_DETERMINER and not _DET_BEFORE_RE.search(text, max(0, m.start() - 12),
                                                                     m.start()):
            continue
        if word == "potential" and _NOUN_AFTER_RE.match(text, m.end()):
            continue
        facts.append(Fact(kind="qualifier", start=m.start(), end=m.end(), text=m.group(1),
                          sentence=names._sentence_id(sentences, m.start()),
                          key=CANONICAL.get(word, word), role=_head(text, m.end())))
    facts.sort(key=lambda f: f.start)
    return facts


def equivalent(a: Fact, b: Fact) -> bool:
    """True when two qualifiers are the same hedge (alleged = allegedly; possible = could)."""
    return a.key == b.key or {a.key, b.key} == POSSIBILITY


def slot_score(a: Fact, b: Fact) -> float:
    """How likely qualifier ``b`` fills ``a``'s slot: by the word each one qualifies."""
    if equivalent(a, b):
        return 1.0
    if a.role and b.role and (a.role == b.role or ratio(a.role, b.role) >= 80):
        return SLOT_SAME_HEAD
    return SLOT_OTHER


def _before(f: Fact) -> str:
    """Return " before 'head'" when the head is known."""
    return f" before '{f.role}'" if f.role else ""


def explain(a: Fact | None, b: Fact | None) -> str:
    """One sentence on a qualifier change for a journalist."""
    if a is not None and b is None:
        if a.key in ("may", "possible"):
            return f"The retelling drops '{a.text}'{_before(a)}: a possibility now reads as certain."
        return f"The retelling drops '{a.text}'{_before(a)}."
    if b is not None and a is None:
        return f"The retelling adds '{b.text}'{_before(b)}."
    if a is not None and b is not None:
        return (f"The original says '{a.text}'{_before(a)}; the retelling says "
                f"'{b.text}'{_before(b)}.")
    return "No qualifier."

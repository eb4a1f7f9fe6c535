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

from retold import lexicon, patterns
from retold.facts import names
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence

__all__ = ["QUALIFIERS", "certainty_before", "equivalent", "explain", "extract", "slot_score"]

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
    # a forecast: "is expected to hit the coast" is no landfall yet
    "expected to", "forecast to", "forecasted to", "predicted to", "projected to",
    "anticipated to",
    # a result not yet final: "preliminary results", "unofficial results"
    "preliminary", "provisional", "unofficial",
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
    "forecast to": "expected to", "forecasted to": "expected to", "predicted to": "expected to",
    "projected to": "expected to", "anticipated to": "expected to",
    "preliminary": "provisional", "unofficial": "provisional",
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
# The same hedge on another head ("could rise" beside "may have prevented"): still the same
# hedge, but its twin on the same head ("may have been prevented") is the better partner.
SLOT_SAME_HEDGE_OTHER_HEAD = 0.95


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


# A condition put on a claim: "cancel the trip unless he raised the issue", "will strike if
# talks fail", "as long as", "provided that", "on condition that". Not "if" that asks ("asked
# if", "unclear if") or concedes ("even if"), nor the idioms "if any", "if so", "as if".
CONDITION = "condition"
_CONDITION_RE = patterns.compile(
    r"(?<![\w-])(?:[Uu]nless|[Oo]nly[\s\u00a0]+if|[Pp]rovid(?:ed|ing)[\s\u00a0]+that|[Aa]s[\s\u00a0]+long"
    r"[\s\u00a0]+as(?![\s\u00a0]+(?:\d|a\b|an\b|one\b|two\b|three\b|four\b|five\b|six\b|"
    r"ten\b|several\b|many\b|\w+teen\b|\w+ty\b))"  # ("lines as long as three hours": a length)
    r"|[Oo]n[\s\u00a0]+(?:the[\s\u00a0]+)?condition[\s\u00a0]+that|[Ii]f)(?![\w-])"
    r"(?![\s\u00a0]+(?:any|so|not|only|ever|necessary|possible|need\s+be)\b)")
_NOT_CONDITION_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|know|knows|knew|"
    r"see|saw|check|checks|checked|checking|decide|decides|decided|determine|determined|unclear|"
    r"clear|sure|certain|unsure|uncertain|tell|told|say|said|says|whether|even|as|what|doubt|"
    r"doubts|doubtful|question|questions|questioned|unknown|known|learn|find\s+out|found\s+out|"
    r"investigate|investigates|investigated|investigating|examine|examines|examined|examining|"
    r"on|about|over|establish|established|confirm|confirmed|verify|verified|wonder)[\s\u00a0,]+$")
# Where a condition's clause ends: a comma, a stop, a dash, a semicolon, a closing bracket.
_CONDITION_END_RE = re.compile(r"[,;:.!?)\u2014\u2013\n]|[\s\u00a0]-[\s\u00a0]")
CONDITION_CHARS = 160  # a condition's clause is read this far at most
_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


# An act only thought about: "urged the team to consider adding a question", "is weighing
# whether to sell". Dropping it turns a thought into a plan. (Not "explored flooding risks",
# "considered during the meeting": study, and a passive.)
_WEIGHED_RE = patterns.compile(
    r"(?<![\w-])((?i:consider|considers|considering|weigh|weighs|weighing))[\s\u00a0]+"
    r"(?=([a-z]+ing)(?![\w-])|whether(?![\w-]))")
# -ing words that are no act: prepositions and pronouns ("considered during", "weighs nothing")
_NOT_ACTS = frozenset({"during", "including", "regarding", "concerning", "following",
                       "according", "something", "nothing", "anything", "everything",
                       "bring", "thing", "king", "wing", "ring", "spring", "evening",
                       "morning", "building", "funding", "spending", "meeting"})


# Qualifiers that only ever pair with their own kind.
OWN_SLOT = frozenset({"condition", "consider"})

# How badly someone is hurt: "seriously wounded" / "critically wounded", "in critical condition",
# "minor injuries". A casualty report's grade, dropped or changed as a toll is. Key: the grade
# (hospital condition terms and their adverbs, written by hand: no lexicon grades harm).
SEVERITY = {
    "critically": "critical", "critical": "critical", "gravely": "critical", "grave": "critical",
    "life-threatening": "critical", "seriously": "serious", "serious": "serious",
    "severely": "serious", "severe": "serious", "badly": "serious", "fatally": "fatal",
    "mortally": "fatal", "slightly": "minor", "lightly": "minor", "minor": "minor",
    "non-life-threatening": "minor", "not life-threatening": "minor", "stable": "stable",
}
# (verbs of harm said of people only: "badly hurt", "badly burned" are said of sales and churches)
_HARMED = r"(?:injured|wounded|ill|shot|stabbed)"
_SEVERITY_RE = re.compile(
    r"(?<![\w-])(?:(critically|gravely|seriously|severely|badly|fatally|mortally|slightly|"
    rf"lightly)[\s\u00a0]+{_HARMED}(?![\w-])"
    r"|(critical|serious|grave|life-threatening|severe|minor|non-life-threatening)[\s\u00a0]+"
    r"(?:head[\s\u00a0]+|gunshot[\s\u00a0]+|stab[\s\u00a0]+)?(?:injur(?:y|ies)|wounds?|burns)"
    r"|in[\s\u00a0]+(?:a[\s\u00a0]+)?(critical|serious|grave|stable)"
    r"(?:[\s\u00a0]+but[\s\u00a0]+stable)?[\s\u00a0]+condition"
    r"|injur(?:y|ies)[\s\u00a0]+(?:that|which)[\s\u00a0]+(?:was|were|is|are)[\s\u00a0]+"
    r"(not[\s\u00a0]+life-threatening))(?![\w-])", re.IGNORECASE)
# ... and after the harm, of some of those hurt: "three were injured, one critically".
_SEVERITY_AFTER_RE = re.compile(
    r"(?i),[\s\u00a0]*(?:one|two|three|four|five|several|some|many|most|all|both|\d+)"
    r"(?:[\s\u00a0]+of[\s\u00a0]+them)?[\s\u00a0]+"
    r"(critically|gravely|seriously|severely|fatally|mortally|slightly|lightly)"
    r"(?=[\s\u00a0]*[.,;:)]|$)")
_HARMED_BEFORE_RE = re.compile(rf"(?i)(?<![\w-]){_HARMED}[\s\u00a0]*$")
HARM = "harm"  # the role of every grade: they fill one slot


def _severities(text: str, sentences: Sequence[Sentence]) -> list[Fact]:
    """How badly the people of a text are hurt: key the grade, role ``HARM``."""
    out = []
    for m in _SEVERITY_RE.finditer(text):
        k = next(i for i in (1, 2, 3, 4) if m.group(i))
        word = m.group(k)
        out.append(Fact(kind="qualifier", start=m.start(k), end=m.end(k), text=word,
                        sentence=names._sentence_id(sentences, m.start(k)),
                        key=SEVERITY[" ".join(word.casefold().split())], role=HARM))
    for m in _SEVERITY_AFTER_RE.finditer(text):
        if _HARMED_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()) is None:
            continue  # (right after the harm: "were injured, one critically")
        out.append(Fact(kind="qualifier", start=m.start(1), end=m.end(1), text=m.group(1),
                        sentence=names._sentence_id(sentences, m.start(1)),
                        key=SEVERITY[m.group(1).casefold()], role=HARM))
    return out


def _weighed(text: str, sentences: Sequence[Sentence]) -> list[Fact]:
    """The acts a text says are only considered ("consider adding"): key "consider", role the
    act ("adding", or the verb after "whether to")."""
    out = []
    for m in _WEIGHED_RE.finditer(text):
        act = m.group(2)
        if act is not None and (act in _NOT_ACTS or not any(
                pos == "v" for _lemma, pos in lexicon.lemmas(act))):
            continue  # ("considered during the meeting": no act weighed)
        head = _head(text, m.end(1))
        if head == "whether":
            head = _head(text, text.index("whether", m.end(1)) + len("whether"))
        out.append(Fact(kind="qualifier", start=m.start(1), end=m.end(1), text=m.group(1),
                        sentence=names._sentence_id(sentences, m.start(1)), key="consider",
                        role=head))
    return out


def _conditions(text: str, sentences: Sequence[Sentence]) -> list[Fact]:
    """The conditions of a text: the clause from its cue ("unless he raised the issue"), with
    the claim's last word before it, or after the clause where it opens the sentence, as role."""
    out = []
    for m in _CONDITION_RE.finditer(text):
        if _NOT_CONDITION_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()):
            continue
        stop = _CONDITION_END_RE.search(text, m.end(), m.end() + CONDITION_CHARS)
        end = stop.start() if stop else min(len(text), m.end() + CONDITION_CHARS)
        clause = text[m.start():end].rstrip()
        if len(_WORD_RE.findall(clause)) < 2:
            continue
        sid = names._sentence_id(sentences, m.start())
        floor = sentences[sid].start if 0 <= sid < len(sentences) else max(0, m.start() - 200)
        before = [w for w in _WORD_RE.findall(text[floor:m.start()])
                  if w.casefold() not in _FUNCTION and not w.casefold().endswith("ly")]
        after = [w for w in _WORD_RE.findall(text[end:end + 120]) if w.casefold() not in _FUNCTION]
        claim = before[-1] if before else after[0] if after else ""
        out.append(Fact(kind="qualifier", start=m.start(), end=m.start() + len(clause),
                        text=clause, sentence=sid, key=CONDITION, role=claim.casefold()))
    return out


def condition_restated(f: Fact, text: str) -> bool:
    """True when condition ``f``'s content words are mostly in ``text``: the condition kept
    in other words ("unless he raised the issue" / "raise the issue or cancel")."""
    if f.key != CONDITION:
        return False
    own = [w for w in _WORD_RE.findall(f.text)[1:] if w.casefold() not in _FUNCTION
           and w.casefold() not in _CONDITION_WORDS]
    if not own:
        return True
    said: set[str] = set()
    for w in _WORD_RE.findall(text):
        said |= lexicon.word_forms(w)
    return 2 * sum(not lexicon.word_forms(w).isdisjoint(said) for w in own) >= len(own)


_CONDITION_WORDS = frozenset({"if", "unless", "only", "provided", "long", "condition", "he",
                              "she", "we", "i", "you"})


_THE_BEFORE_RE = re.compile(r"(?i)(?<![\w-])the[\s\u00a0]+$")


def _pronoun_former(text: str, start: int, end: int) -> bool:
    """True for "the former" standing for the first of two things named before ("the former
    is", "the former, who ..."): nothing it qualifies follows, only punctuation or a word that
    is no noun or adjective."""
    if not _THE_BEFORE_RE.search(text, max(0, start - 6), start):
        return False
    m = _NEXT_WORDS_RE.match(text, end)
    if m is None:
        return True
    word = m.group(1)
    if word[0].isupper():
        return False  # "the former Yugoslavia", "the former Mayor Ana Ruiz"
    if word in _FUNCTION or word in ("will", "would", "can", "could", "may", "did", "does"):
        return True  # "the former is", "the former has", "the former, and"
    readings = lexicon.lemmas(word)
    # a verb ("the former said", "is", "has"; "said" is an adjective too); a noun it qualifies
    # ("the former mayor") never
    return any(pos == "v" for _lemma, pos in readings) and not any(
        pos == "n" for _lemma, pos in readings)


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Return the qualifiers of a document (key: canonical qualifier, role: its head)."""
    del context
    text = doc.text
    facts = _conditions(text, sentences) + _weighed(text, sentences) + _severities(text, sentences)
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
        if word == "former" and _pronoun_former(text, m.start(), m.end()):
            continue  # "the former said": a pronoun for the first of two, no status
        facts.append(Fact(kind="qualifier", start=m.start(), end=m.end(), text=m.group(1),
                          sentence=names._sentence_id(sentences, m.start()),
                          key=CANONICAL.get(word, word), role=_head(text, m.end())))
    facts.sort(key=lambda f: f.start)
    return facts


# "can" of a claim the other text reports in the past ("says it can be released" / "said it
# could be released"): the sequence of tenses, no possibility added.
_CAN_RE = re.compile(r"(?<![\w-])[Cc]an(?![\w-])")
_REPORTED_PAST_RE = re.compile(
    r"(?<![\w-])(?:said|told|added|stated|reported|announced|explained|wrote|insisted|warned"
    r"|confirmed)(?![\w-])")


def backshifted(f: Fact, own: str, other: str) -> bool:
    """``f``, in the document text ``own``, is a "could" that a past verb of saying governs,
    and that stands for a "can" of ``other`` (a passage) before the same word ("says no
    further information can be released" / "said no further information could be
    released"): the tense moved back; nothing was hedged. The verb must come before it in its
    clause ("said they inspected it, and it could reopen": "said" governs another clause)."""
    if f.text.casefold() != "could" or not f.role:
        return False
    window = own[max(0, f.start - BACKSHIFT_CHARS):f.start]
    cut = max((m.end() for m in _CLAUSE_CUT_RE.finditer(window)), default=0)
    return _REPORTED_PAST_RE.search(window, cut) is not None and any(
        _head(other, m.end()) == f.role for m in _CAN_RE.finditer(other))


BACKSHIFT_CHARS = 120  # a reporting clause and the clause it reports, in one sentence
_CLAUSE_CUT_RE = re.compile(r"[.!?;]|,[^\S\n]+(?:and|but|while|although|though)\b")


def equivalent(a: Fact, b: Fact) -> bool:
    """True when two qualifiers are the same hedge (alleged = allegedly; possible = could; a
    forecast and a possibility or likelihood: "is expected to cover" / "could include")."""
    return a.key == b.key or {a.key, b.key} == POSSIBILITY or (
        EXPECTED in (a.key, b.key) and {a.key, b.key} <= _UNCERTAIN_FUTURE)


def slot_score(a: Fact, b: Fact) -> float:
    """How likely qualifier ``b`` fills ``a``'s slot: by the word each one qualifies."""
    if equivalent(a, b):
        return SLOT_SAME_HEDGE_OTHER_HEAD if a.role and b.role and not _same_head(a, b) else 1.0
    if (a.role == HARM) != (b.role == HARM):
        return 0.0  # a grade of harm fills no hedge's slot
    if a.role == b.role == HARM:
        return SLOT_SAME_HEAD
    if a.key in OWN_SLOT or b.key in OWN_SLOT:
        return 0.0  # a condition, an act considered and a hedge fill no one slot
    if a.role and b.role and _same_head(a, b):
        return SLOT_SAME_HEAD
    return SLOT_OTHER


def _same_head(a: Fact, b: Fact) -> bool:
    """The two qualifiers qualify one word, in one form or another ("prevented" / "prevent")."""
    return a.role == b.role or ratio(a.role, b.role) >= 80


# Words that state an act as certain: "will ask", "I'll be asking", "certainly asks".
_CERTAIN_RE = re.compile(
    r"(?i)((?<![\w-])(?:will|certainly|definitely|surely|(?:is|are|am)[\s\u00a0]+going"
    r"[\s\u00a0]+to)|(?<![\w-])\w+['’]ll)(?:[\s\u00a0]+(?:also|still|now|then|be))*[\s\u00a0]+([^\W\d_]+)")


def certainty_before(f: Fact, text: str, retelling: str = "") -> str | None:
    """The words of ``text`` that state as certain the act a possibility ``f`` hedges ("may
    ask" against "will ask", "I'll be asking"), or None; None too where ``retelling`` (the
    passage ``f`` is in) states it as certain as well."""
    if f.key not in POSSIBILITY or not f.role:
        return None
    wanted = lexicon.word_forms(f.role)
    if retelling and _certain_of(wanted, retelling) is not None:
        return None  # the retelling says "will review" too: only another act is hedged
    return _certain_of(wanted, text)


def _certain_of(wanted: frozenset[str], text: str) -> str | None:
    """The words of ``text`` stating as certain an act of ``wanted`` forms, or None."""
    at = 0
    while (m := _CERTAIN_RE.search(text, at)) is not None:
        if not wanted.isdisjoint(lexicon.word_forms(m.group(2))):
            return m.group()
        at = m.start() + 1  # overlapping: "Certainly I'll be asking" reads "I'll be asking"
    return None


# Words that keep an act uncertain, however it is worded: "is expected to cover", "hopes it
# will offer", "among the options", "may raise".
_STILL_HEDGED_RE = re.compile(
    r"(?i)(?<![\w-])(?:may|might|could|possibly|perhaps|likely|unlikely|probably|"
    r"expect(?:s|ed)?[\s\u00a0]+to|hop(?:e|es|ed|ing)|plan(?:s|ned)?[\s\u00a0]+to|options?|"
    r"consider(?:s|ing|ed)?|weigh(?:s|ing|ed)?|potential(?:ly)?|possible)(?![\w-])")
# Words that keep a forecast one, however it is worded: "analysts expect sales to rise",
# "the forecast", "projections show", "the storm is set to batter the coast"
_STILL_FORECAST_RE = re.compile(
    r"(?<![\w-])(?:[Ee]xpect(?:s|ed|ing|ations?)?|[Ff]orecast(?:s|ed|ing|ers?)?|"
    r"[Pp]redict(?:s|ed|ing|ions?)?|[Pp]rojected|[Pp]rojections?|[Oo]utlook|likely|may|might|"
    r"could|(?:set|poised|slated|scheduled)[\s\u00a0]+to)(?![\w-])")  # ("May" is a month)
EXPECTED = "expected to"
_UNCERTAIN_FUTURE = POSSIBILITY | {"likely", EXPECTED}


def still_hedged(f: Fact, text: str) -> bool:
    """True when possibility or act-considered ``f`` dropped leaves ``text`` still hedging
    ("could include" / "is expected to cover", "will consider raising" / "may raise"), or a
    forecast dropped leaves it a forecast ("is expected to rise" / "analysts expect sales to
    rise")."""
    if f.key == EXPECTED:
        return _STILL_FORECAST_RE.search(text) is not None
    return (f.key in POSSIBILITY or f.key == "consider") and \
        _STILL_HEDGED_RE.search(text) is not None


def explain_certainty_weakened(b: Fact, certain: str) -> str:
    """One sentence on a possibility where the original states the act as certain."""
    return (f"The original says '{certain}'; the retelling says '{b.text}'{_before(b)}: a "
            f"certainty now reads as a possibility.")


def _graded(f: Fact) -> str:
    """A grade of harm as said, with its grade where the word is not it: "'gravely' (critical)"."""
    return f"'{f.text}'" if f.text.casefold() == f.key else f"'{f.text}' ({f.key})"


def _before(f: Fact) -> str:
    """Return " before 'head'" when the head is known."""
    return f" before '{f.role}'" if f.role else ""


def explain(a: Fact | None, b: Fact | None) -> str:
    """One sentence on a qualifier change for a journalist."""
    if a is not None and b is None and a.key == CONDITION:
        return (f"The retelling drops the condition '{a.text}': what the original makes "
                f"conditional now reads as unconditional.")
    if b is not None and a is None and b.key == CONDITION:
        return f"The retelling adds the condition '{b.text}', which the original does not pose."
    if a is not None and b is not None and a.role == b.role == HARM:
        return (f"How badly someone was hurt changed: the original says {_graded(a)}, the "
                f"retelling {_graded(b)}.")
    if a is not None and b is None and a.role == HARM:
        return f"The retelling drops how badly someone was hurt: the original says {_graded(a)}."
    if b is not None and a is None and b.role == HARM:
        return f"The retelling adds how badly someone was hurt: {_graded(b)}."
    if a is not None and b is None:
        if a.key in ("may", "possible"):
            return f"The retelling drops '{a.text}'{_before(a)}: a possibility now reads as certain."
        if a.key == "consider":
            return (f"The retelling drops '{a.text}'{_before(a)}: an act only considered now "
                    f"reads as decided.")
        return f"The retelling drops '{a.text}'{_before(a)}."
    if b is not None and a is None:
        return f"The retelling adds '{b.text}'{_before(b)}."
    if a is not None and b is not None:
        return (f"The original says '{a.text}'{_before(a)}; the retelling says "
                f"'{b.text}'{_before(b)}.")
    return "No qualifier."

"""Attributions: who a claim is credited to ("X said", "according to X", "the writer believes").

Found with regexes around a speech verb, then a look at what stands right before it:

1. a name ("Jane Doe says", "Doe also said");
2. a generic speaker, a noun phrase ending in officials/sources/the writer/... ("Western security
   sources believe", "the ministry's spokesman said"), keyed as written without its article;
3. a pronoun ("he said"), resolved to the nearest earlier name, or keyed as the pronoun;
4. an appositive ("Doe, the editor of the Review, added that").

Inverted forms (", said Jane Doe") and "according to X" are matched forwards; a job title before
a name is not the speaker ("said Finance Minister Anna Berg" -> Anna Berg). A speech verb right
after a quotation is left to quotes.py, which carries the speaker. "deny" is not a speech verb
here ("X denied the report" credits no claim to X); the negation kind reports a "not" dropped
before it.

Two speakers are the same when their keys agree, when they are the same name, or when one
generic speaker is a short form of the other: its words all occur in the longer one (plurals
aside) or abbreviate a run of them ("the agency" / "the regional disaster agency", "police" /
"police officers", "MoD officials" / "Ministry of Defence officials"). Limit: "officials" is
then the same speaker as "Iraqi officials"; "Iraqi officials" and "US officials" differ. The fact spans the
speaker and the verb; ``key`` is the normalised speaker (a name's canonical key, or the generic
phrase in lowercase), ``note`` the speaker as written, ``role`` is always "attribution".

``speaker_near`` is shared with quotes.py: it finds who a quotation is attributed to.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.fuzz import token_set_ratio

from retold import lexicon, patterns
from retold.facts import names
from retold.facts.base import Context
from retold.memo import text_memo
from retold.model import Document, Fact, Sentence

__all__ = ["SPEECH_VERBS", "credited_in_other_words", "equivalent", "explain", "extract",
           "slot_score", "speaker_near"]

# Verbs that credit a claim to a speaker. "alleged"/"reported" are also adjectives ("the alleged
# attacker"); they count only with a speaker right before them.
SPEECH_VERBS = (
    "say", "says", "said", "add", "adds", "added", "state", "states", "stated", "tell", "tells",
    "told", "write", "writes", "wrote", "believe", "believes", "believed", "confirm", "confirms",
    "confirmed", "warn", "warns", "warned", "claim", "claims", "claimed", "argue", "argues",
    "argued", "note", "notes", "noted", "explain", "explains", "explained", "insist", "insists",
    "insisted", "report", "reports", "reported", "announce", "announces", "announced", "declare",
    "declares", "declared", "assert", "asserts", "asserted", "suggest", "suggests", "suggested",
    "maintain", "maintains", "maintained", "acknowledge", "acknowledges", "acknowledged", "admit",
    "admits", "admitted", "estimate", "estimates", "estimated", "predict", "predicts", "predicted",
    "allege", "alleges", "alleged", "stress", "stresses", "stressed",
    "emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized", "think",
    "thinks", "thought", "fear", "fears", "feared", "contend", "contends", "contended", "concede",
    "concedes", "conceded", "tweeted", "recall", "recalls", "recalled", "reveal", "reveals",
    "revealed", "proclaim", "proclaims", "proclaimed", "estimate", "estimates", "estimated",
)
# "deny" is not a speech verb for attributions: "X denied the report" credits no claim to X, and
# "X did not deny it" has no attribution either; the negation kind reports that change. It still
# introduces a quotation ('He denied: "..."'). Verbs that introduce a quotation without a person
# as their subject ("a message which read") are here too.
_QUOTE_VERBS = SPEECH_VERBS + ("deny", "denies", "denied", "read", "reads", "reading", "saying")
# Nouns that make a generic speaker ("officials say", "the writer believes").
GENERIC_SPEAKERS = (
    "officials", "official", "sources", "source", "experts", "expert", "analysts", "analyst",
    "observers", "diplomats", "diplomat", "spokesman", "spokeswoman", "spokesperson", "ministry",
    "minister", "government", "police", "witnesses", "witness", "residents", "authorities",
    "military", "army", "report", "statement", "study", "survey", "writer", "author", "columnist",
    "journalist", "commentator", "editor", "newspaper", "agency", "researchers", "scientists",
    "doctors", "leaders", "leader", "commander", "commanders", "president", "activists", "critics",
    "officers", "aides", "aide", "spokesmen", "lawmakers", "prosecutors", "investigators",
    "envoy", "envoys", "negotiator", "negotiators", "ambassador", "prosecutor", "lawyer",
    "lawyers", "attorney", "governor", "mayor", "chairman", "director", "judge", "office",
    "bureau", "documents", "records", "filings", "review", "poll", "analysis", "paper", "journal",
    # bodies that speak as one ("the earthquake monitoring service said", "the company said")
    "service", "department", "administration", "commission", "council", "committee",
    "authority", "board", "institute", "company", "firm", "court", "hospital", "embassy",
    "regulator", "rescuers", "centre", "center", "team", "group", "media",
    # and the bodies of news about work, politics, sport and money ("the union has said")
    "union", "unions", "party", "club", "association", "federation", "organisation",
    "organization", "bank", "airline", "university", "charity", "watchdog", "campaigners",
    "organisers", "organizers",
)
_GENERIC_WORDS = frozenset(GENERIC_SPEAKERS)
# Words allowed between a speaker and its verb ("Doe has also said", "which ominously read").
_BETWEEN = (r"(?:(?<![\w'’.-])(?:has|have|had|also|further|later|then|previously|recently|"
            r"reportedly|once|again|repeatedly|publicly|itself|himself|herself|themselves|"
            r"[a-z]+ly)\s+){0,2}")
# How far back the words between a speaker and its verb, and a generic speaker, can reach.
_BETWEEN_CHARS = 48
_GENERIC_CHARS = 90
_SPACE = r"[\s\u00a0\u202f]"
_VERB_RE = patterns.compile(rf"(?<![\w-])(?:{'|'.join(SPEECH_VERBS)})(?![\w-])")
_QUOTE_VERB_TAIL_RE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_QUOTE_VERBS)})(?:{_SPACE}+(?:that|as\s+follows))?"
    rf"{_SPACE}*[,:]?{_SPACE}*$"
    # "Mr Balls told Today:", "she told the BBC:": the verb, whom it was told to, a colon
    rf"|(?<![\w-])(?:{'|'.join(_QUOTE_VERBS)})(?:{_SPACE}+[\w.’'-]+){{1,3}}{_SPACE}*:{_SPACE}*$"
)
# A sentence break inside a look-back window: a generic speaker never reaches across it
# ("... too deep. Parliamentary sources said": the speaker is "Parliamentary sources").
_SENTENCE_BREAK_RE = re.compile(r"[.!?;:][\"”’)]?[\s\u00a0]+(?=[\"“‘(]?[A-Z])|\n")
# Words that cannot modify a generic speaker: "that officials say" is spoken by "officials".
_NOT_MODIFIERS = ("that|which|who|whom|and|or|but|the|a|an|of|in|on|at|to|for|with|by|as|from|"
                  "says|said|say|is|are|was|were|be|been|has|have|had|do|does|did|will|would|"
                  "not|also|if|when|while|because|since|after|before|than|then|so|it|this|"
                  "these|those|there|here")
_BETWEEN_TAIL_RE = re.compile(rf"{_BETWEEN}$")
_GENERIC_TAIL_RE = re.compile(
    rf"(?:(?<![\w'’.-])(?:the|a|an|some|many|several|other|two|three|its|their|his|her)\s+)?"
    rf"(?:(?<![\w'’.-])(?!(?:{_NOT_MODIFIERS})(?![\w'’.-]))[\w.’'-]+{_SPACE}+){{0,3}}"
    rf"(?<![\w'’.-])(?:{'|'.join(GENERIC_SPEAKERS)}){_SPACE}*$",
    re.IGNORECASE,
)
_GENERIC_WORDS = frozenset(GENERIC_SPEAKERS)  # (each one word of ASCII letters)


def _generic_tail(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_GENERIC_TAIL_RE.search(text, start, end)``, run only where ``text[start:end]`` ends
    in a generic speaker's word: a pattern anchored at its end is tried from every position
    of the window, and most windows end in no such word."""
    tail = text[start:end].rstrip()
    k = len(tail)
    while k and tail[k - 1].isalpha():
        k -= 1
    if tail[k:].casefold() not in _GENERIC_WORDS:
        return None
    return _GENERIC_TAIL_RE.search(text, start, end)


_GENERIC_HEAD_RE = re.compile(
    rf"(?:(?:the|a|an|some|many|several|other)\s+)?(?:[\w.’'-]+{_SPACE}+){{0,3}}?"
    rf"(?:{'|'.join(GENERIC_SPEAKERS)})(?![\w-])",
    re.IGNORECASE,
)
# A generic speaker goes on over the generic words after its first ("government officials",
# "court documents", "hospital records"): the last one names who speaks.
_GENERIC_MORE_RE = re.compile(rf"{_SPACE}+(?:{'|'.join(GENERIC_SPEAKERS)})(?![\w-])",
                              re.IGNORECASE)


def _generic_end(text: str, end: int, ceiling: int | None = None) -> int:
    """Where a generic speaker ending at ``end`` ends, with the generic words after it."""
    while (more := _GENERIC_MORE_RE.match(text, end, len(text) if ceiling is None
                                          else ceiling)) is not None:
        end = more.end()
    return end


# A full stop after a lower-case word, then a space, or after an acronym before a capitalised
# word ("according to PTI. The police ..."): a sentence ends inside the match (not "U.S.
# officials", "Gov. officials").
_SENTENCE_END_INSIDE_RE = re.compile(r"[a-z]{3,}\.\s|(?<![\w.])[A-Z]{2,}\.\s+(?=[A-Z][a-z])")
_ABBREVIATION_STOP_RE = re.compile(r"(?<=\w)\.(?=[\w,])|(?<=\w)\.$")
# "in Paris", "in nearby Corinth", "in heavily populated Hainan": two lower-case words may come
# between.
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:in|from|at|of|for|near)[\s\u00a0]+"
    r"(?:(?!(?:a|an|the)[\s\u00a0])[a-z]+[\s\u00a0]+){0,2}$")  # ("at a rally Trump said": Trump)
_PRONOUN_TAIL_RE = re.compile(r"(?<![\w-])(he|she|they|we|I)\s*$", re.IGNORECASE)
_RELATIVE_TAIL_RE = re.compile(r"(?<![\w-])(which|that|who|where|and)\s*$", re.IGNORECASE)
_ACCORDING_RE = patterns.compile(rf"(?<![\w-])[Aa]ccording{_SPACE}+to{_SPACE}+")
_INVERTED_RE = re.compile(
    rf"[,\"”»]{_SPACE}*(said|says|added|wrote|warned|stated|explained|insisted|noted|declared)"
    rf"{_SPACE}+"
)
# A verb right before an opening quote mark, or after a closing one and a short subject
# ('"...," he said'), introduces a quotation: quotes.py compares that speaker, once.
_QUOTE_AFTER_RE = re.compile(r"[\s\u00a0]*[,:]?[\s\u00a0]*[\"“«„‘]")
# The quote must end in a comma (or ! ?) inside its marks and the verb follow on the same line:
# after '...decade.”' a new sentence begins, and its speaker is a fact of its own.
_QUOTE_BEFORE_RE = re.compile(
    r"[,!?–—-][\"”»’][ \t\u00a0]*(?:[\w.’'-]+[ \t\u00a0]+){0,4}$"
)
# After a closing quote mark: the mark, a comma or full stop, spaces.
_AFTER_QUOTE_LEAD = re.compile(r"[\"”»“'’]?[\s\u00a0]*[,.]?[\"”»“'’]?[\s\u00a0]*")
_AFTER_VERB_RE = re.compile(rf"(?:{'|'.join(_QUOTE_VERBS)}){_SPACE}+")
_VERB_NEXT_RE = re.compile(rf"{_SPACE}+{_BETWEEN}(?:{'|'.join(_QUOTE_VERBS)})(?![\w-])")


def speech_verb_at(text: str, at: int) -> bool:
    """True when a speech verb follows ``at`` (maybe after "has", "also"...): what stands
    before it speaks ("the Coastal Survey has said")."""
    return _VERB_NEXT_RE.match(text, at) is not None


_PRONOUN_HEAD_RE = re.compile(r"(?:he|she|they)(?![\w-])", re.IGNORECASE)
# A name's appositive before the verb: '"...," Dana Voss, the director of Fairplay, said'.
_APPOSITIVE_VERB_RE = re.compile(
    rf",[^,.;:!?\"“”«»\n]{{1,80}},{_SPACE}*{_BETWEEN}(?:{'|'.join(_QUOTE_VERBS)})(?![\w-])")
# What follows a verb where no speaker does: "said in a statement", "said on Twitter".
_PREPOSITION_AFTER_RE = re.compile(
    r"(?i:in|on|at|to|by|during|with|from|via|through|after|before|over|late|earlier|later)"
    r"(?![\w-])")
# "state" followed by a word no clause opens with is the noun ("state judge", "state media").
_STATE_NOUN_RE = re.compile(
    r"[ \t\u00a0]+(?!(?:that|the|a|an|his|her|their|its|it|in|on|to|at|he|she|they|we|there|this|"
    r"these|those|what|how|why|no|not)\b)[a-z]")
# A verb needs an object: "state" before punctuation is the noun.
_PUNCT_NEXT_RE = re.compile(r"[,.;:)]")
# A speech verb's bare form after an article and a capitalised name ("a Boston Herald report",
# "the Pentagon estimate") is a noun: a singular subject would take "reports".
# (A plural name takes the bare form: "the Democrats say".)
_BASE_FORMS = frozenset(v for v in SPEECH_VERBS if v + "s" in SPEECH_VERBS or v + "es" in SPEECH_VERBS)
_DETERMINED_NAME_RE = re.compile(
    r"(?<![\w'’-])(?:[Aa]n?|[Tt]he)[ \t\u00a0]+(?:[A-Z][\w.'’-]*[ \t\u00a0]+){0,3}"
    r"[A-Z][\w.'’-]*[^s\W][ \t\u00a0]+$")
# An amount right after "added" ("added 12 points", "added $3 million", "added another
# 5,000 jobs"): the verb of a count going up, not of speech.
_AMOUNT_NEXT_RE = re.compile(
    r"[ \t\u00a0]+(?:(?:another|a[ \t\u00a0]+further|some|about|nearly|almost|more[ \t\u00a0]+than)"
    r"[ \t\u00a0]+)?[$€£¥]?[\d]", re.IGNORECASE)
# A company's results with their figure after "reported" or "announced" ("reported earnings of
# $2.61 a share", "announced a net profit of €3 billion"): the act of publishing its own figures,
# not a claim credited to a source ("reported the loss of three officers", "reported results
# showing ..." still credit one). Written by hand: the nouns of results.
_RESULTS_NEXT_RE = re.compile(
    r"(?i)[ \t\u00a0]+(?:(?:a|an|its|their|record|higher|lower|net|adjusted|quarterly|annual|"
    r"[a-z]+-quarter|full-year|half-year)[ \t\u00a0]+){0,3}"
    r"(?:earnings|profits?|loss(?:es)?|revenues?|sales|income|turnover)"
    r"(?:[ \t\u00a0]+per[ \t\u00a0]+share)?[ \t\u00a0]+of[ \t\u00a0]+"
    r"(?:about[ \t\u00a0]+|nearly[ \t\u00a0]+|some[ \t\u00a0]+)?(?:[A-Z]{0,3}[$€£¥₹]|[A-Z]{3}[ \t\u00a0]*)?\d")
# A report passing on a source's word: "quoted the aviation agency as saying", "cited police as
# saying" (the source is the one quoted, as with "citing").
_QUOTED_AS_RE = re.compile(r"(?<![\w'’-])(?:quoted|quotes|quoting|cited|cites)[ \t\u00a0]+")
# (its name or title between commas first: 'quoted the air transport agency, "Rosaviatsia", as')
_AS_SAYING_RE = re.compile(r"(?:[ \t\u00a0]*,[^,.;:\n]{1,40},)?[ \t\u00a0]*,?[ \t\u00a0]+as"
                           r"[ \t\u00a0]+(?:saying|telling|stating)(?![\w'’-])")
# Verbs that report speech only before what was said ("declared that", "declared:", "...,
# he declared.", "recalled how"); before an object each is an act ("declared a state of
# emergency", "Ford recalled 50,000 cars", "maintained its lead", "revealed a new phone").
_SPEECH_OR_ACT = ("declare", "maintain", "recall", "reveal")
_BEFORE_WHAT_WAS_SAID_RE = re.compile(
    r"[ \t\u00a0]*(?:[,:;.!?\"“”]|$|(?:that|how|what|why|where|when|whether)\b)")
# What opens an object noun phrase, and a finite verb, which after one makes it a clause
# ("revealed the agency had ...": what was said, "that" left out)
_OBJECT_OPENS_RE = re.compile(
    r"[ \t\u00a0]+(?:the|a|an|its|his|her|their|our|this|these|those|some|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|dozens|hundreds|thousands|\d[\d,.]*)(?![\w'’-])",
    re.IGNORECASE)
_FINITE_VERB_RE = re.compile(
    r"(?<![\w'’-])(?:had|has|have|was|were|is|are|will|would|could|should|can|may|might|must|"
    r"did|does|do|said|says)(?![\w'’-])", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[.;:!?\n]|,[ \t\u00a0]+(?:and|but|as|after|while|when)\b")
OBJECT_CLAUSE_CHARS = 80


def _an_act(text: str, end: int, verb: str) -> bool:
    """Whether ``verb``, one of the verbs that are speech or an act, ending at ``end``, is the
    act: an object follows ("declared a state of emergency", "recalled 50,000 cars", "maintained its
    lead", "revealed a new phone"), not what was said ("declared that", "recalled seeing",
    "revealed in court that", "maintained Sunday that", "revealed the agency had ...")."""
    if _BEFORE_WHAT_WAS_SAID_RE.match(text, end):
        return False
    if verb.casefold().startswith("declare"):
        return True  # ("has declared two days of mourning"; speech only before what was said)
    if not _OBJECT_OPENS_RE.match(text, end):
        return False
    stop = _CLAUSE_END_RE.search(text, end, end + OBJECT_CLAUSE_CHARS)
    clause_end = stop.start() if stop else min(len(text), end + OBJECT_CLAUSE_CHARS)
    return _FINITE_VERB_RE.search(text, end, clause_end) is None and \
        not re.search(r"(?<![\w'’-])that(?![\w'’-])", text[end:clause_end])


# A verb of saying before "to be" / "to have" is a passive or a report of belief with no
# speaker ("feared to have claimed dozens of lives", "is said to be in hiding").
_RAISING_NEXT_RE = re.compile(r"[ \t\u00a0]+to[ \t\u00a0]+(?:have|be)(?![\w'’-])")
# What an appositive never holds: a finite verb outside a relative clause ("PORTREE, Scotland
# — Hale is keeping hopes low, saying": a clause; "Anna Hale, who has led the party, said" is
# one), or a dash with spaces (a dateline's, an aside's).
_NOT_APPOSITIVE_RE = re.compile(
    r"^(?!,\s*(?:who|whom|whose|which)\b).*?"
    r"(?<![\w'’-])(?:is|are|was|were|has|have|had|will|would|can|could)(?![\w'’-])"
    r"|\s[\u2013\u2014-]{1,2}\s", re.DOTALL)
_CLOSING_MARKS = "\"”»’"
_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”«»\n]")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_WS = re.compile(r"[\s\u00a0\u202f]+")
# How far back a pronoun looks for the name it stands for (about two sentences of news).
PRONOUN_LOOKBACK = 400
# How long an appositive may be ("Doe, the editor of ... and a fellow of ..., added").
APPOSITIVE_MAX = 200

# Slot scores: any two leftover attributions in aligned sentences are most likely the same claim
# credited to different speakers, so the floor sits at diff.SLOT_MIN (0.5).
SLOT_FLOOR = 0.5
SLOT_SPAN = 0.4


def _generic_key(speaker: str) -> str:
    """Return the key of a generic speaker: lowercase, no leading article, single spaces, one
    apostrophe ("agency’s officials" is "agency's officials")."""
    return _LEADING_ARTICLE.sub("", _WS.sub(" ", speaker.strip()).casefold()).replace("’", "'")


def _spans(text: str, sentences: Sequence[Sentence]) -> tuple[tuple[names.NameSpan, ...],
                                                               list[int], list[int]]:
    """Return the names of a text with their start and end offsets (for bisecting)."""
    # Asked once per quotation with the same text and sentences: hashing every sentence for
    # find_spans' cache and rebuilding the offset lists each time was quadratic in a long
    # text. The last answer is kept by identity (the memo holds both, so ids stay theirs).
    last = _SPANS_MEMO.get("last")
    if last is not None and last[0] is text and last[1] is sentences:
        return last[2]
    spans = names.find_spans(text, tuple(sentences))
    found = spans, [n.start for n in spans], [n.end for n in spans]
    _SPANS_MEMO["last"] = (text, sentences, found)
    return found


_SPANS_MEMO: dict[str, tuple[str, Sequence[Sentence], tuple[tuple[names.NameSpan, ...],
                                                            list[int], list[int]]]] = {}


def _name_ending_at(spans: tuple[names.NameSpan, ...], ends: list[int],
                    pos: int) -> names.NameSpan | None:
    """Return the name whose span ends exactly at ``pos``."""
    i = bisect_left(ends, pos)
    if i < len(ends) and ends[i] == pos:
        return spans[i]
    return None


def _name_starting_at(spans: tuple[names.NameSpan, ...], starts: list[int],
                      pos: int) -> names.NameSpan | None:
    """Return the name whose span starts exactly at ``pos``."""
    i = bisect_left(starts, pos)
    if i < len(starts) and starts[i] == pos:
        return spans[i]
    return None


# An acronym names a body ("AP", "IMF"): no "he" or "she" stands for it.
_ACRONYM_RE = re.compile(r"[A-Z]{2,5}")


def _nearest_name_before(spans: tuple[names.NameSpan, ...], ends: list[int], pos: int,
                         floor: int, text: str = "", pronoun: str = "") -> names.NameSpan | None:
    """Return the nearest name ending at or before ``pos`` and after ``floor``, people first,
    never one inside a quotation closed before ``pos`` (given ``text``)."""
    i = bisect_right(ends, pos)
    fallback = None
    sex = _PRONOUN_SEX.get(pronoun.casefold())
    if sex is not None and text:
        # "a woman in Dallas filed a lawsuit ..., and she claimed": the pronoun is that
        # person's, whom the text does not name; no name before her is meant
        unnamed = [m.end() for m in _UNNAMED_PERSON_RE[sex].finditer(text, floor, pos)]
        floor = max([floor, *unnamed])
    for n in reversed(spans[:i]):
        if n.end <= floor:
            break
        # Countries, groups and organisations rarely speak for a pronoun: prefer a person.
        # A lone adjective ("a Parliamentary lunch", "Iraqi forces") never stands for "he".
        # A time zone ("at 5 p.m. EDT.") speaks for no one.
        if _ADJECTIVE_RE.fullmatch(n.text) or n.text in names.TIME_ZONES or text and (
                _quoted_before(text, n.end, pos) or _attributive(text, n.end)) \
                or pronoun and not _may_be(pronoun, n.text):
            continue  # (nor a person of the other sex: "he" is not "Anna")
        if n.role in ("", "person") and not (sex is not None and _ACRONYM_RE.fullmatch(n.text)):
            return n  # (an acronym is a body's: "AP reported" stands for no "he")
        fallback = fallback or n
    # "he" or "she" is a person's: a province, a court or a party named before is "it" or
    # "they" ('... in Dunmore Province. "The court dismisses the appeal," he said')
    return None if sex is not None else fallback


# A person the text describes and does not name, by a noun of one sex after a determiner ("a
# woman in Dallas", "his wife", "the boy's father").
_UNNAMED_PERSON_RE = {sex: re.compile(
    rf"(?i)(?<![\w-])(?:a|an|the|his|her|their|one)[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+)?"
    rf"(?:{nouns})(?![\w-])") for sex, nouns in (
        ("F", ("woman|girl|mother|wife|daughter|sister|lady|grandmother|widow|niece|aunt|"
              "girlfriend|actress")),
        ("M", ("man|boy|father|husband|son|brother|gentleman|grandfather|widower|nephew|uncle|"
              "boyfriend|actor")))}


def _attributive(text: str, at: int) -> bool:
    """True when the name ending at ``at`` qualifies the noun after it ("North Korean leader Kim",
    "the Trump administration"): it names what the noun is of, no one who speaks."""
    m = _NEXT_LOWER_RE.match(text, at)
    if m is None:
        return False
    readings = lexicon.lemmas(m.group(1))
    return bool(readings) and all(pos == "n" for _lemma, pos in readings)


_NEXT_LOWER_RE = re.compile(r"[ \t\u00a0]+([a-z]{3,})\b")
# A dateline's place ("HELSINKI, Finland (CNN) -", "OSLO (AP) —"): no subject.
_DATELINE_AFTER_RE = re.compile(r"(?:,[ \t\u00a0]+[A-Z][\w. ]{0,30})?[ \t\u00a0]*(?:\([^)]{1,30}\))?"
                                r"[ \t\u00a0]*[-–—]")


def _quoted_before(text: str, at: int, pos: int) -> bool:
    """True when a quotation open at ``at`` closes before ``pos``: a name inside it ("the
    Witch Hunt headed by Strzok!") is what was said, not who is speaking after it."""
    between = text[at:pos]
    return between.count('"') % 2 == 1 or between.count("”") > between.count("“")


def _sentence_subject(text: str, at: int, floor: int, spans: tuple[names.NameSpan, ...],
                      ends: list[int], pronoun: str) -> tuple[int, str, str] | None:
    """The speaker opening the sentence that holds ``at`` (start, as written, key), when it is
    a name or a generic speaker ("The mayor") ``pronoun`` may stand for, and what stands at
    ``at`` is no person's name or the sentence says the subject is of the pronoun's sex before
    it: a pronoun then goes on with the last sentence's subject ("The mayor praised the Boston
    Marathon. He said ...", "The mayor praised her talks with Governor Lopez. She said ..."),
    not with a person named after it ("The judge sentenced Maria Lopez. She said ...")."""
    window = max(floor, at - PRONOUN_LOOKBACK)
    # (read a little past ``at``: a break's lookahead must see the capital it opens on)
    start = max((m.end() for m in _SENTENCE_BREAK_RE.finditer(text, window, at + 2)
                 if m.end() <= at), default=None)
    if start is None:
        if window > floor:
            return None  # (the sentence starts further back than is read)
        start = window
    while start < at and text[start] in " \t\u00a0\u202f(—-":
        start += 1
    if text[start:start + 1] in ('"', "“", "‘", "«"):
        return None  # (a sentence that opens with a quotation has its speaker after it)
    k = bisect_left(ends, at)
    named = spans[k] if k < len(spans) and spans[k].start == at else None
    if named is not None and (named.role == "person" or names.sex_of(named.text) is not None) \
            and not _OWN_PRONOUN_RE.get(pronoun.casefold(), _NEVER).search(text, start, at):
        return None  # a person named after the subject may be whom the pronoun means
    i = bisect_left(ends, start)
    if i < len(spans) and spans[i].start == start:
        name = spans[i]
        if name.role in ("", "person") and not _ADJECTIVE_RE.fullmatch(name.text) \
                and _may_be(pronoun, name.text) and not _attributive(text, name.end) \
                and not _DATELINE_AFTER_RE.match(text, name.end) \
                and not text.startswith(("'s", "’s"), name.end):
            return name.start, name.text, names._key(name.text)
        return None  # ("Tom Reed's lawyer", "Congressional Democrats", "HELSINKI (CNN) -")
    head = _SUBJECT_HEAD_RE.match(text, start, at)
    if head is None or (pronoun.casefold() in ("he", "she")) == head.group(1).endswith("s"):
        return None  # ("they" for "officials", "he" for "the mayor")
    return start, head.group(), _generic_key(head.group())


# A possessive of the pronoun's sex after the subject ("The mayor praised her talks with ..."):
# the subject is of that sex.
_OWN_PRONOUN_RE = {"she": re.compile(r"(?i)\bher\b|\bherself\b"),
                   "he": re.compile(r"(?i)\bhis\b|\bhimself\b")}
_NEVER = re.compile(r"(?!)")
# A generic speaker opening a sentence, as its subject: "The mayor", "Local officials".
_SUBJECT_HEAD_RE = re.compile(
    rf"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}?({'|'.join(GENERIC_SPEAKERS)})(?![\w'’-])"
    rf"(?!\s+(?:of|for|to|in|at|on)\b)", re.IGNORECASE)


# One capitalised word with an adjective ending that given names and surnames lack at these
# lengths: "Parliamentary", "Chinese", "British" (not Hillary, Reese, Trish; "-an" and "-ian"
# are left out: Duncan, Brian).
_ADJECTIVE_RE = re.compile(r"[A-Z][a-z]{5,}ary|[A-Z][a-z]{3,}ese|[A-Z][a-z]{3,}ish")


def _subject_before(text: str, pos: int, floor: int, spans: tuple[names.NameSpan, ...],
                    ends: list[int], *, relative: bool,
                    prior: tuple[int, int, str, str] | None = None) -> tuple[int, str, str] | None:
    """Find the speaker whose verb starts at ``pos``: (start, speaker as written, key)."""
    # Searches run on the full text between bounds, so lookbehinds see the word before a
    # bound and "$" anchors at the bound: short windows, no truncated words.
    between = _BETWEEN_TAIL_RE.search(text, max(floor, pos - _BETWEEN_CHARS), pos)
    end = between.start() if between else pos
    while end > floor and text[end - 1] in " \t\u00a0\u202f":
        end -= 1
    if end <= floor:
        return None
    # 1. a name right before the verb
    name = _name_ending_at(spans, ends, end)
    if name is not None:
        return _speaker_or_place(text, floor, name, end)
    # 2. a generic speaker
    window = max(floor, end - _GENERIC_CHARS)
    window = max((m.end() for m in _SENTENCE_BREAK_RE.finditer(text, window, end)),
                 default=window)
    generic = _generic_tail(text, window, end)
    if generic is not None and generic.start() < end:
        start = generic.start()
        # A name the generic phrase begins inside or right after belongs to it:
        # "Ministry of Defence officials", not "Defence officials".
        i = bisect_left(ends, start)
        if i < len(spans) and spans[i].start < start <= spans[i].end + 1 < end:
            start = max(floor, spans[i].start)
        speaker = text[start:end]
        return start, speaker, _generic_key(speaker)
    # 3. a pronoun, or (for quotes) a relative clause: the nearest name before stands for it
    pronoun = _PRONOUN_TAIL_RE.search(text, max(floor, end - 8), end)
    relative_m = _RELATIVE_TAIL_RE.search(text, max(floor, end - 8), end) if relative else None
    if pronoun is not None or relative_m is not None:
        m = pronoun or relative_m
        assert m is not None
        start = m.start()
        # "... led to Homo erectus, he said": a name in the clause a pronoun reports is not the
        # pronoun's (it would be "Smith will win, Smith said"); its person is named before.
        upto = floor if pronoun is not None and text[:start].rstrip().endswith(",") else start
        ref = _nearest_name_before(spans, ends, upto, max(0, start - PRONOUN_LOOKBACK), text,
                                   pronoun.group(1) if pronoun is not None else "")
        if (ref is not None and prior is not None and prior[0] <= ref.start < prior[1]
                and pronoun is not None and _may_be(pronoun.group(1), prior[2])
                and start - prior[0] <= PRONOUN_LOOKBACK):
            # "Madden said Dutschke was arrested. She said ...": the nearest name is what the
            # last speaker said something about; the pronoun goes on with the speaker.
            return start, prior[2], prior[3]
        if ref is not None and pronoun is not None and (subject := _sentence_subject(
                text, ref.start, max(0, start - PRONOUN_LOOKBACK), spans, ends,
                pronoun.group(1))) is not None and subject[0] != ref.start:
            return start, subject[1], subject[2]
        if ref is not None:
            return start, ref.text, names._key(ref.text)
        if pronoun is not None:
            return start, m.group(1), m.group(1).casefold()
        return None
    # 4. an appositive: "Doe, the editor of ..., added"
    if text[end - 1] == ",":
        comma = end - 1
        i = bisect_right(ends, comma)
        for n in reversed(spans[:i]):
            if n.end <= comma - APPOSITIVE_MAX or n.end <= floor:
                break
            # Abbreviation stops ("R-Neb.,", "D-N.Y.,") end no clause.
            between_text = _ABBREVIATION_STOP_RE.sub("", text[n.end:comma])
            if (between_text.startswith(",") and len(between_text.strip(", ")) > 0
                    and not _CLAUSE_BREAK.search(between_text)
                    and not _VERB_RE.search(between_text)
                    and not _NOT_APPOSITIVE_RE.search(between_text)):
                # ("Police in Eugene, Oregon, said": a place and its state, not an appositive;
                # the speakers are "Police in Eugene")
                return _speaker_or_place(text, floor, n, n.end)
    return None


def _speaker_or_place(text: str, floor: int, name: names.NameSpan,
                      end: int) -> tuple[int, str, str] | None:
    """The speaker a name before its verb gives: the name, or where a preposition puts it
    ("Officials in Paris said") the speakers in that place (up to ``end``), or no one."""
    prep = _PREPOSITION_BEFORE_RE.search(text, max(floor, name.start - 24), name.start)
    if prep is None:
        return name.start, name.text, names._key(name.text)
    generic = _generic_tail(text, max(floor, prep.start() - _GENERIC_CHARS), prep.start())
    if generic is not None and generic.start() < prep.start():
        speaker = text[generic.start():end]
        return generic.start(), speaker, _generic_key(speaker)
    # "a search of his home in nearby Corinth revealed": a place in a phrase is no speaker,
    # and the phrase names none either.
    return None


_TITLE_WORD_RE = re.compile(r"[^\W_][\w.’'-]*")
_NOT_TITLE_CHARS = re.compile(r"[^\w\s.’'-]|\n")
# How far a job title may run before the name it belongs to ("Deputy Foreign Minister ").
TITLE_CHARS = 60
# Words no job title in lower case holds after a lower-case word ("aides to president ...",
# "allies of governor ..."; "Department of Corrections spokesperson" names a body)
_NOT_IN_A_TITLE = frozenset({"to", "of", "for", "at", "in", "on", "with", "by", "from", "and",
                             "or", "near", "close", "told", "tells"})


def _plural_people(word: str) -> bool:
    """A plural of people ("aides", "allies", "officials"): many speak, not one title."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


# Job titles as agency style writes them before a name, in lower case ("said coach Ray Dunn",
# "head coach", "team captain"); honorifics and a title's first words ("Mr", "Prime") are not.
_JOBS_IN_LOWER_CASE = frozenset(
    t.casefold() for t in names.TITLES
    if t.isalpha() and len(t) > 3 and t.casefold() not in (
        "acting", "crown", "dame", "defence", "defense", "deputy", "father", "field", "finance",
        "foreign", "former", "interior", "king", "lady", "late", "lord", "miss", "pope",
        "prime", "prince", "princess", "queen", "shadow", "sheik", "sheikh", "vice", "justice",
        "general", "major"))


def _titled_name_at(text: str, pos: int, spans: tuple[names.NameSpan, ...],
                    starts: list[int]) -> names.NameSpan | None:
    """Return the name after a job title starting at ``pos`` ("Finance Minister Anna Berg")."""
    i = bisect_left(starts, pos + 1)
    if i >= len(spans) or spans[i].start > pos + TITLE_CHARS:
        return None
    name = spans[i]
    between = text[pos:name.start]
    # the name set off by commas after its title: "County Police Superintendent, John Reed,"
    appositive = between.rstrip().endswith(",") and text[name.end:name.end + 1] in (",", ".", "")
    words = _TITLE_WORD_RE.findall(between)
    if not words or _NOT_TITLE_CHARS.search(between.rstrip()[:-1] if appositive else between):
        return None
    if appositive and words[-1].rstrip(".") not in names.TITLES:
        return None  # "according to the report, Anna Berg ...": no title of hers
    titled = qualified = False
    for w in words:
        bare = w.rstrip(".")
        if w.endswith(".") and bare not in names.TITLES:
            return None  # a sentence ended: "said the minister. Anna Berg ..."
        if bare in names.TITLES or bare.casefold() in _GENERIC_WORDS or bare in _JOBS_IN_LOWER_CASE:
            titled = True
        elif not (w[0].isupper() or w in ("of", "the", "for")):
            qualified = True  # "head coach", "defence lawyer", or "the report on Anna Berg"
    last = words[-1].rstrip(".")
    ends_titled = last in names.TITLES or last.casefold() in _GENERIC_WORDS or \
        last in _JOBS_IN_LOWER_CASE
    lower_case = qualified or any(w in _JOBS_IN_LOWER_CASE for w in words)
    if lower_case and (text.startswith(("'s", "’s"), name.end) or any(
            w.casefold() in _NOT_IN_A_TITLE and (k == 0 or words[k - 1].islower())
            or (w.islower() and _plural_people(w)) for k, w in enumerate(words))):
        # "aides to president Luis Arce", "allies of governor Ann Cole", "former president
        # Donald Trump's lawyer": someone else, of or near the titled person
        return None
    if qualified and not (ends_titled and words[-1] == last and len(words) <= 3):
        return None  # "said the report on Anna Berg": not a title
    if name.role != "person" and not ends_titled:
        return None  # "the president of Chile": Chile is where, not who
    return name if titled else None


def strip_titles(speaker: str) -> str:
    """Return the person of a speaker written with a job title ("Finance Minister Anna Berg" ->
    "Anna Berg"); a title alone ("Finance Minister") is returned as it is."""
    words = speaker.split()
    last = max((i for i, w in enumerate(words[:-1]) if w.rstrip(".") in names.TITLES),
               default=-1)
    if last < 0:
        return speaker
    rest = words[last + 1:]
    if all(w[0].isupper() for w in rest):
        return " ".join(rest)
    return speaker


def _speaker_after(text: str, pos: int, spans: tuple[names.NameSpan, ...],
                   starts: list[int]) -> tuple[int, str, str] | None:
    """Find a speaker starting at ``pos`` (after 'said' or 'according to'): (end, text, key)."""
    if _PREPOSITION_AFTER_RE.match(text, pos):
        return None  # "said in a statement", "said on Friday": how or when, not who
    # A person after a job title: "Finance Minister Anna Berg" is Anna Berg.
    titled = _titled_name_at(text, pos, spans, starts)
    if titled is not None:
        return titled.end, titled.text, names._key(titled.text)
    # "the ministry's spokesman" / "Doe's office": a name with a possessive and a noun
    name = _name_starting_at(spans, starts, pos)
    tail = text[pos:pos + 120]
    if name is None and tail[:4].casefold() == "the ":
        name = _name_starting_at(spans, starts, pos + 4)
    if (stop := _SENTENCE_END_INSIDE_RE.search(tail)) is not None:
        tail = tail[:tail.index(".", stop.start())]  # "according to court documents.
        # Prosecutors ...": ends
    generic = _GENERIC_HEAD_RE.match(tail)
    if generic is not None and (name is None or pos + generic.end() > name.end):
        end = pos + _generic_end(tail, generic.end())
        speaker = text[pos:end]
        return end, speaker, _generic_key(speaker)
    if name is not None:
        return name.end, name.text, names._key(name.text)
    return None


def _clause_floor(breaks: list[int], pos: int) -> int:
    """Return the start of the clause holding ``pos`` (after the last . ; ! ? or quote)."""
    i = bisect_right(breaks, pos)
    return breaks[i - 1] if i else 0


# A subject that denies there was a speaker: "Neither leader", "No official", "None of them".
_DENIED_SUBJECT_RE = re.compile(r"(?i:neither|no|none|nobody|no[ -]one|not[ \t]+one)(?![\w-])")


# A report that passes on another source's word ("reports citing the Red Cross")
_CITING_RE = re.compile(rf"{_SPACE}*,?{_SPACE}+citing{_SPACE}+")


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Return the attributions of a document (key: the normalised speaker)."""
    del context
    text = doc.text
    spans, starts, ends = _spans(text, sentences)
    found: dict[tuple[int, int], Fact] = {}
    spans_found: list[tuple[int, int]] = []

    def add(start: int, end: int, speaker: str, key: str) -> None:
        if end <= start or (start, end) in found:
            return
        # A span that overlaps one already found is the same attribution found twice. (The
        # spans found never overlap, so sorted by start their ends are sorted too: the one
        # starting last before ``end`` is the only one that may reach past ``start``.)
        k = bisect_left(spans_found, (end, -1))
        if k and spans_found[k - 1][1] > start:
            return
        insort(spans_found, (start, end))
        found[(start, end)] = Fact(
            kind="attribution", start=start, end=end, text=text[start:end],
            sentence=names._sentence_id(sentences, start), key=key, role="attribution",
            note=speaker)

    for m in _ACCORDING_RE.finditer(text):
        hit = _speaker_after(text, m.end(), spans, starts)
        if hit is not None:
            add(m.start(), hit[0], hit[1], hit[2])
    for m in _QUOTED_AS_RE.finditer(text):
        # "RIA Novosti quoted Rosaviatsia as saying": the quoted body is the claim's source
        hit = _speaker_after(text, m.end(), spans, starts)
        if hit is not None and (saying := _AS_SAYING_RE.match(text, hit[0])) is not None:
            add(m.start(), saying.end(), hit[1], hit[2])
    for m in _INVERTED_RE.finditer(text):
        if text[m.start()] in _CLOSING_MARKS or text[max(0, m.start() - 1)] in _CLOSING_MARKS:
            continue  # '"...," said Doe' introduces a quotation: the quote fact carries Doe
        hit = _speaker_after(text, m.end(), spans, starts)
        if hit is not None:
            add(m.start(1), hit[0], hit[1], hit[2])
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text)
              if not (m.group() == "." and _ABBREVIATION_STOP_RE.match(text, m.start())
                      and m.start() and text[m.start() - 1].isalnum()
                      and text[m.start() + 1 : m.start() + 2] in (",", ""))]
    # The last named speaker: (end of its verb, end of its sentence, speaker, key).
    prior: tuple[int, int, str, str] | None = None
    for m in _VERB_RE.finditer(text):
        if _QUOTE_AFTER_RE.match(text, m.end()) or _QUOTE_BEFORE_RE.search(
                text, max(0, m.start() - 40), m.start()):
            continue  # introduces a quotation: the quote fact carries its speaker
        if m.group() in ("state", "states") and (_STATE_NOUN_RE.match(text, m.end())
                                                 or _PUNCT_NEXT_RE.match(text, m.end())):
            continue  # "a Mississippi state judge", "India's West Bengal state,": a noun
        if m.group().casefold() in ("add", "adds", "added") and _AMOUNT_NEXT_RE.match(
                text, m.end()):
            continue  # "the index added 12 points", "added 300 jobs": an amount, no speech
        if m.group().casefold().startswith(("report", "announce")) and _RESULTS_NEXT_RE.match(
                text, m.end()):
            continue  # "Brellis reported earnings of $2.61 a share": its results, not speech
        if m.group().casefold().startswith(_SPEECH_OR_ACT) and _an_act(text, m.end(), m.group()):
            continue  # "declared a state of emergency", "recalled 50,000 cars": an act
        if _RAISING_NEXT_RE.match(text, m.end()):
            continue  # "a sinking feared to have claimed", "is said to be": no one speaks
        if m.group() in _BASE_FORMS and _DETERMINED_NAME_RE.search(
                text, max(0, m.start() - 60), m.start()):
            continue  # "confirmed a Boston Herald report": a noun after an article and a name
        floor = _clause_floor(breaks, m.start())
        hit2 = _subject_before(text, m.start(), floor, spans, ends, relative=False, prior=prior)
        if hit2 is not None and _DENIED_SUBJECT_RE.match(text, hit2[0]):
            continue  # "Neither leader revealed what was discussed": nobody said it
        if hit2 is not None and m.group().casefold() in _PLURAL_NOUN_FORMS and \
                _OBJECT_BEFORE_RE.search(text, max(floor, hit2[0] - 16), hit2[0]):
            continue  # "topping Wall Street estimates", "beating analysts' estimates": a noun
        if hit2 is not None and (citing := _CITING_RE.match(text, m.end())) is not None and (
                cited := _speaker_after(text, citing.end(), spans, starts)) is not None:
            # "Channel Nine reports citing the Red Cross": the outlet passes on the Red Cross's
            # word, which is the claim's source
            add(hit2[0], cited[0], cited[1], cited[2])
            continue
        if hit2 is not None:
            add(hit2[0], m.end(), hit2[1], hit2[2])
            if not _PRONOUN_HEAD_RE.fullmatch(text[hit2[0]:m.start()].strip()):
                prior = (m.end(), _next_break(text, m.end()), hit2[1], hit2[2])
    return sorted(found.values(), key=lambda f: f.start)


# Verbs of saying that are also plural nouns, and the words that make the run before them an
# object ("topping Wall Street estimates", "in line with analysts' estimates", "than police
# reports"): a thing, not a speaker and a verb.
_PLURAL_NOUN_FORMS = frozenset({"estimates", "reports", "claims", "notes", "states", "fears",
                                "thoughts"})
_OBJECT_BEFORE_RE = re.compile(
    r"(?i)(?<![\w'’-])(?:topping|topped|beating|beat|missing|missed|exceeding|exceeded|above|"
    r"below|than|with|versus|against|of|to|from|by|on|in|despite)[ \t\u00a0]+$")


def speaker_near(text: str, sentences: Sequence[Sentence], start: int, end: int,
                 floor: int, ceiling: int) -> str:
    """Return who the quotation at ``[start, end)`` is attributed to, or "".

    Looks before the opening mark ("Doe said:", "according to Doe,", "a message which read:",
    "he said,") and after the closing mark ("", said Doe", "", Doe said"). ``floor`` and
    ``ceiling`` bound the search (the quotation's paragraph). The speaker is the person, not
    the job title: "said Finance Minister Anna Berg" gives "Anna Berg".
    """
    return strip_titles(_speaker_near(text, sentences, start, end, floor, ceiling))


_PARTICIPLE_TAIL_RE = re.compile(r",[ \t\u00a0]*$")
# Where a clause opens: a sentence's start, or after a dateline's or an aside's dash.
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\s[\u2013\u2014-]{1,2}\s+|\n)")


def _clause_opener(text: str, cue: int, floor: int, spans: tuple[names.NameSpan, ...],
                   starts: list[int]) -> str | None:
    """The name that opens the clause a participle after a comma goes with ("Hale is keeping
    hopes low, saying \"...\"": Hale), or None."""
    if not text[cue:cue + 12].split()[0].casefold().endswith("ing") or \
            _PARTICIPLE_TAIL_RE.search(text, max(floor, cue - 4), cue) is None:
        return None
    opens = [floor, *(m.end() for m in _CLAUSE_OPEN_RE.finditer(text, floor, cue))]
    name = _name_starting_at(spans, starts, opens[-1])
    if name is None or name.end >= cue or text[name.end:name.end + 2] in ("'s", "’s"):
        return None  # ("Hale's lawyer issued a statement, saying": the lawyer speaks)
    return name.text


def _speaker_near(text: str, sentences: Sequence[Sentence], start: int, end: int,
                  floor: int, ceiling: int) -> str:
    """speaker_near() before job titles are stripped."""
    spans, starts, ends = _spans(text, sentences)
    cue = _QUOTE_VERB_TAIL_RE.search(text, max(floor, start - 40), start)
    if cue is not None:
        hit = _subject_before(text, cue.start(), max(floor, cue.start() - 300), spans, ends,
                              relative=True, prior=_prior_speaker(text, cue.start(), spans, ends))
        if hit is not None:
            return hit[1]
        opener = _clause_opener(text, cue.start(), max(floor, cue.start() - 300), spans, starts)
        if opener is not None:
            return opener
    at = text.rfind("ccording", max(floor, start - 250), start)
    according = _ACCORDING_RE.match(text, at - 1) if at > 0 else None
    if according is not None and not _CLAUSE_BREAK.search(text, according.end(), start):
        hit3 = _speaker_after(text, according.end(), spans, starts)
        if hit3 is not None:
            return hit3[1]
    lead = _AFTER_QUOTE_LEAD.match(text, end, ceiling)
    pos = lead.end() if lead else end
    verb = _AFTER_VERB_RE.match(text, pos, ceiling)
    if verb is not None:  # '"...," said Jane Doe'
        hit4 = _speaker_after(text, verb.end(), spans, starts)
        if hit4 is not None:
            return hit4[1]
    # '"...," Jane Doe said' / '"...," the minister said' / '"...," she said'
    name = _name_starting_at(spans, starts, pos) or _titled_name_at(text, pos, spans, starts)
    generic = _GENERIC_HEAD_RE.match(text, pos, ceiling)
    pronoun = _PRONOUN_HEAD_RE.match(text, pos, ceiling)
    subject_end = (name.end if name is not None else _generic_end(text, generic.end(), ceiling)
                   if generic is not None else pronoun.end() if pronoun is not None else None)
    if subject_end is None or not (
            _VERB_NEXT_RE.match(text, subject_end, ceiling)
            or name is not None and _APPOSITIVE_VERB_RE.match(text, subject_end, ceiling)):
        return ""
    if name is not None:
        return name.text
    if generic is not None:
        return generic.group()
    said = pronoun.group() if pronoun is not None else ""
    ref = _nearest_name_before(spans, ends, start, max(0, start - PRONOUN_LOOKBACK), text, said)
    prior = _prior_speaker(text, start, spans, ends)
    if ref is not None and prior is not None and prior[0] <= ref.start < prior[1] \
            and _may_be(said, prior[2]):
        return prior[2]  # "Moreau said he and Hale spoke. He added: ...": Moreau
    if ref is not None and (subject := _sentence_subject(
            text, ref.start, max(0, start - PRONOUN_LOOKBACK), spans, ends, said)) is not None \
            and subject[0] != ref.start:
        return subject[1]
    return ref.text if ref is not None else ""


_PRONOUN_SEX = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F"}


def _may_be(pronoun: str, name: str) -> bool:
    """Whether ``pronoun`` may stand for the person ``name``: not "he" for Anna, "she" for Tom."""
    want = _PRONOUN_SEX.get(pronoun.casefold())
    sex = names.sex_of(name)
    return want is None or sex is None or sex == want


@lru_cache(maxsize=4)
def _break_starts(text: str) -> list[int]:
    """Where each sentence break of ``text`` starts (read once a text)."""
    return [m.start() for m in _SENTENCE_BREAK_RE.finditer(text)]


def _next_break(text: str, pos: int) -> int:
    """Where the first sentence break at or after ``pos`` starts, or the text's end (a search
    from ``pos`` for each speaker ran to the end of a text with no break: quadratic)."""
    starts = _break_starts(text)
    k = bisect_left(starts, pos)
    return starts[k] if k < len(starts) else len(text)


def _prior_speaker(text: str, pos: int, spans: tuple[names.NameSpan, ...], ends: list[int]
                   ) -> tuple[int, int, str, str] | None:
    """The last speaker named before ``pos``, as (end of its verb, end of its sentence,
    speaker, key), for a pronoun to go on with ("Moreau said he and Hale had spoken. He
    added: ..."), or None."""
    floor = max(0, pos - PRONOUN_LOOKBACK)
    for m in reversed(list(_VERB_RE.finditer(text, floor, pos))):
        clause = max((b.end() for b in _SENTENCE_BREAK_RE.finditer(text, floor, m.start())),
                     default=floor)
        hit = _subject_before(text, m.start(), clause, spans, ends, relative=False)
        if hit is not None and not _PRONOUN_HEAD_RE.fullmatch(hit[1]) \
                and _generic_key(hit[1]) not in _PRONOUN_SPEAKERS:
            return m.end(), _next_break(text, m.end()), hit[1], hit[2]
    return None


# --- the fact-kind contract -------------------------------------------------------------------


_SPEAKER_WORD_RE = re.compile(r"[^\W_][\w.’'-]*")
_POSSESSIVE_RE = re.compile(r"[’']s?$")
# Connectors ignored when a generic speaker is compared word by word.
_SPEAKER_SKIP = frozenset({"the", "a", "an", "of", "for", "and", "its", "their", "his", "her",
                           # "the country's maritime ministry" is the ministry of the story's
                           # country: its place in a word that names none
                           "country's", "nation's", "state's", "city's", "province's",
                           "region's", "county's", "island's", "town's", "country’s",
                           "nation’s", "state’s", "city’s"})


def _stem(word: str) -> str:
    """Return a word without a plural or possessive ending (officers -> officer)."""
    w = _POSSESSIVE_RE.sub("", word.casefold()).replace(".", "")
    if w.endswith(("sses", "shes", "ches")):
        return w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _speaker_words(speaker: str) -> list[str]:
    """Return the words of a speaker as written (articles dropped, case kept)."""
    return [w for w in _SPEAKER_WORD_RE.findall(speaker) if w.casefold() not in _SPEAKER_SKIP]


def _acronym_for(acronym: str, words: list[str]) -> bool:
    """True when ``acronym`` (MoD, UNHCR) spells the initials of ``words`` (connectors kept or
    not: "MoD" = Ministry of Defence, "MD" likewise)."""
    letters = acronym.replace(".", "")
    if not (2 <= len(letters) <= 7 and letters.isalpha() and letters[0].isupper()
            and sum(c.isupper() for c in letters) >= 2) or len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).casefold()
    upper = "".join(c for c in letters if c.isupper()).casefold()
    return letters.casefold() == initials or upper == "".join(
        w[0] for w in words if w[0].isupper()).casefold()


def _generic_short_form(a: str, b: str) -> bool:
    """True when one generic speaker is a short form of the other.

    The shorter's words all occur in the longer (plurals aside), or stand for a run of them as an
    acronym: "the agency" / "the regional disaster agency", "police" / "police officers",
    "MoD officials" / "Ministry of Defence officials". "Iraqi officials" / "US officials" share
    only the head and differ.
    """
    wa, wb = _speaker_words(a), _speaker_words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short or not long_:
        return False
    stems = [_stem(w) for w in long_]
    long_words = _SPEAKER_WORD_RE.findall(a if long_ is wa else b)  # connectors kept
    for w in short:
        if _stem(w) in stems:
            continue
        # An acronym for a run of the longer speaker's capitalised words.
        caps = [x for x in long_words if x[0].isupper() or x.casefold() in ("of", "for", "and")]
        if not any(_acronym_for(w, caps[i:j]) for i in range(len(caps))
                   for j in range(i + 2, len(caps) + 1)):
            return False
    return True


def same_speaker(a: str, b: str) -> bool:
    """True when two speakers as written are the same speaker.

    Names by spelling rules; generic speakers when equal or one is a short form of the other
    ("the agency" for "the regional disaster agency", "MoD officials" for "Ministry of Defence
    officials", "police" for "police officers").
    """
    if not a or not b:
        return False
    ka, kb = _generic_key(a), _generic_key(b)
    if ka == kb or _one_public_source(ka, kb) or _unspaced(ka) == _unspaced(kb) or \
            {ka, kb} <= _ONE_COMPANY or {ka, kb} <= _ONE_PAPER:
        return True  # ("coast guard" / "coastguard", "law-enforcement" / "law enforcement")
    # A pronoun no name was found for stands for a person the text names elsewhere: no other
    # speaker ("He said" / "Brenn said"); two pronouns of other persons ("he" / "she") differ,
    # and so do a pronoun and a body that speaks ("he said" / "police said").
    if (ka in _PRONOUN_SPEAKERS) != (kb in _PRONOUN_SPEAKERS):
        named = b if ka in _PRONOUN_SPEAKERS else a
        if "they" in (ka, kb):
            return True  # ("they said" / "the ministry said": a body speaks as "they")
        return not _is_generic(named) and any(w[:1].isupper() for w in _speaker_words(named))
    if names.same_name(a, b) or _with_home(a, b) or _with_home(b, a):
        return True
    if (ka in _BODY_BY_KIND) != (kb in _BODY_BY_KIND):
        # A body the text named, referred to by its kind ("Labour said" / "the party said",
        # "Unison" / "the union"): no other speaker, as "they" is none
        named = b if ka in _BODY_BY_KIND else a
        return not _is_generic(named) and any(w[:1].isupper() for w in _speaker_words(named))
    if _side_of(a, b) or _side_of(b, a):
        return True
    if _officials_of(a, b) or _officials_of(b, a):
        return True
    if _state_of(a, b) or _state_of(b, a):
        return True
    if _body_described(a, b) or _body_described(b, a) or _bodies_alike(a, b):
        return True
    if _sources_of_kind(ka, kb) or _sources_of_kind(kb, ka):
        return True
    if _research_and_its_authors(ka, kb) or _research_and_its_authors(kb, ka):
        return True
    if _place_and_its_body(ka, kb) or _place_and_its_body(kb, ka):
        return True
    return _is_generic(a) and _is_generic(b) and _generic_short_form(a, b)


def _research_and_its_authors(a: str, b: str) -> bool:
    """True when ``a`` is a piece of research and ``b`` the people who did it, neither told
    whose ("according to a new study" / "researchers say"; not "a Harvard study" / "Oxford
    researchers", which may be two)."""
    wa, wb = a.split(), b.split()
    return 1 <= len(wa) <= 3 and 1 <= len(wb) <= 3 and wa[-1] in _ONE_PAPER | {"paper"} \
        and wb[-1] in _RESEARCHERS and all(w in _PLAIN_MODIFIERS for w in [*wa[:-1], *wb[:-1]])


def _place_and_its_body(a: str, b: str) -> bool:
    """True when ``b`` is the place ``a`` names with its kind of government ("Halden County"
    / "Halden", "Tarvo Province"): the county reporting its cases is the place reporting them."""
    place, _, head = a.rpartition(" ")
    return bool(place) and head in _LOCAL_BODIES and place == b


_LOCAL_BODIES = frozenset({"county", "province", "district", "municipality", "region", "state",
                           "prefecture", "governorate", "council"})
_RESEARCHERS = frozenset({"researchers", "scientists", "authors"})
_PLAIN_MODIFIERS = frozenset({"new", "latest", "recent", "published", "the", "study's",
                              "paper's", "its", "their"})


def described_body(speaker: str) -> str | None:
    """The kind of body a speaker only describes ("the global news and information company"
    -> "company"), or None: for grounding, where the original's one body of that kind may be
    it (``same_speaker`` keeps the two apart: "the airline company" may be another airline)."""
    kind = _kind_of_body(_generic_key(speaker))
    return kind if kind in _BODY_BY_KIND and kind != _generic_key(speaker) else None


def sole_body(speakers: Iterable[str]) -> str | None:
    """The one named organisation among ``speakers`` (one body however written), or None where
    there are none or several."""
    bodies: list[str] = []
    for who in speakers:
        if _is_generic(who) or not any(w[:1].isupper() for w in _speaker_words(who)) or \
                names.could_be_person(who):
            continue
        if not any(same_speaker(who, b) for b in bodies):
            bodies.append(who)
            if len(bodies) > 1:
                return None
    return bodies[0] if bodies else None


def _kind_of_body(key: str) -> str:
    """A body's kind noun, where the key only describes one ("global news and information
    company" is "company"); the key as it is otherwise, and where a word says the body is
    another ("the rival company", "its parent company"). Not a group: "the militant group",
    "a rights group" are seldom the body the text named."""
    words = key.split()
    if len(words) < 2 or words[-1] not in _BODY_BY_KIND - {"group"} or not all(
            w.islower() and w not in _ANOTHER_BODY for w in words[:-1]):
        return key
    return words[-1]


# Words that make a described body another one than the named body ("the rival company")
_ANOTHER_BODY = frozenset({"rival", "other", "another", "competing", "parent", "partner",
                           "sister", "former", "second", "third", "acquiring", "target",
                           "merged", "new", "larger", "smaller", "subsidiary", "its", "their",
                           "his", "her", "our", "whose"})


def _sources_of_kind(a: str, b: str) -> bool:
    """True when ``a`` is sources of a kind and ``b`` the people of that kind ("diplomatic
    sources" / "diplomats", "medical sources" / "medics"): the adjective opens with the noun."""
    words, other = a.split(), b.split()
    if len(words) != 2 or words[1] not in _SOURCE_NOUNS or len(other) != 1:
        return False
    noun = other[0].removesuffix("s")
    return len(noun) >= 5 and words[0] != noun and words[0].startswith(noun)


_SOURCE_NOUNS = frozenset({"sources", "source", "officials", "official"})
_PLACE_BEFORE = frozenset({"in", "of", "at", "for", "from"})


def _bodies_alike(a: str, b: str) -> bool:
    """True when two bodies described in lower case share the field that names them, and
    whatever place each says is the other's too ("the provincial meteorological bureau" / "the
    meteorological agency in Hainan Province", "China's national meteorological authorities" /
    "national meteorological authorities in China"; not "the Hainan weather bureau" / "the
    Guangdong weather bureau")."""
    parts = []
    for speaker in (a, b):
        words = _speaker_words(speaker)
        cut = next((k for k, w in enumerate(words) if w.casefold() in _PLACE_BEFORE), len(words))
        body, place = words[:cut], words[cut + 1:]
        if len(body) < 2 or body[-1].casefold() not in _BODIES or body[-1][:1].isupper():
            return False
        fields = {_stem(w) for w in body[:-1] if len(w) >= 4 and w.islower()
                  and w.casefold() not in _NO_FIELD}
        # (whose body: "China's", "Hainan", a place after "in"; not "National" opening them)
        places = {_possessor(w) for w in [*body[:-1], *place]
                  if w[:1].isupper() and _possessor(w) not in _NO_FIELD}
        levels = {w.casefold() for w in body[:-1] if w.casefold() in _LEVELS}
        parts.append((fields, places - {""}, levels))
    (fields_a, places_a, levels_a), (fields_b, places_b, levels_b) = parts
    if places_a and places_b and places_a.isdisjoint(places_b):
        return False
    if levels_a and levels_b and levels_a.isdisjoint(levels_b) and \
            not levels_a | levels_b <= _ONE_LEVEL:
        return False  # "the state health department" / "the federal health agency"
    return bool(fields_a & fields_b)


# Levels of government a body's description may give
_LEVELS = frozenset({"national", "federal", "state", "provincial", "regional", "local",
                     "municipal", "city", "county", "district", "town", "central"})
# ("the state news agency" / "the national news agency": a state's own, the nation's)
_ONE_LEVEL = frozenset({"state", "national", "central"})


def _possessor(word: str) -> str:
    return _POSSESSIVE_RE.sub("", word).casefold()


# Words of a body's description that say where or whose it is, not what it does
_NO_FIELD = frozenset({"national", "state", "federal", "central", "regional", "local",
                       "provincial", "municipal", "government", "public", "official", "country",
                       "city", "town", "general", "main", "chief", "new", "joint", "office"})


def _body_described(description: str, name: str) -> bool:
    """True when ``description`` describes the body ``name`` names by the field both name ("the
    government's earthquake monitoring service" / "the China Earthquake Administration"): a
    body in lower case, a name in capitals, both with a body's head, sharing a field word."""
    mine, theirs = _speaker_words(description), _speaker_words(name)
    if len(mine) < 2 or len(theirs) < 2 or mine[-1].casefold() not in _BODIES \
            or theirs[-1].casefold() not in _BODIES or not _is_generic(description) \
            or not theirs[-1][:1].isupper():
        return False
    fields = {_stem(w) for w in mine[:-1] if len(w) >= 4 and w.casefold() not in _NO_FIELD
              and w[:1].islower()}
    # whose body the description says, in capitals ("the US space agency"), the name must
    # say too ("the European Space Agency" is another's)
    named = {w.casefold() for w in theirs}
    if any(w[:1].isupper() and w.casefold() not in named and w.casefold() not in _DETERMINERS
           for w in mine[:-1]):
        return False
    return bool(fields & {_stem(w) for w in theirs[:-1] if w[:1].isupper()})


_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


# A body's people speak for it: "emergency officials" are the emergency ministry's, "health
# officials" the health department's (the same field words before both heads).
_SPOKESPEOPLE = frozenset({"officials", "official", "spokesman", "spokeswoman", "spokesperson",
                           "spokesmen"})
_BODIES = frozenset({"ministry", "department", "agency", "office", "bureau", "service",
                     "authority", "authorities", "administration", "commission"})


def _officials_of(people: str, body: str) -> bool:
    """True when ``people`` are a body's officials named by its field ("emergency officials")
    and ``body`` is that body ("the country's emergency ministry")."""
    mine, theirs = _speaker_words(people), _speaker_words(body)
    if len(mine) < 2 or len(theirs) < 2 or mine[-1].casefold() not in _SPOKESPEOPLE \
            or theirs[-1].casefold() not in _BODIES:
        return False
    return [_stem(w) for w in mine[:-1]] == [_stem(w) for w in theirs[:-1]]


def _state_of(country: str, body: str) -> bool:
    """True when ``body`` is the government of the place ``country`` names, by its people's
    adjective ("Rwanda" / "the Rwandan government", "Thai authorities"): a country speaks
    through its state."""
    place, words = _speaker_words(country), _speaker_words(body)
    if not place or len(words) < 2 or words[-1].casefold() not in _STATE_BODIES \
            or not all(w[:1].isupper() for w in place) or not words[-2][:1].isupper():
        return False
    return names.demonym_of(" ".join(words[:-1]), " ".join(place))


# What a country's state speaks as ("the Rwandan government", "Thai authorities")
_STATE_BODIES = frozenset({"government", "authorities", "administration", "state"})


# Unnamed public sources a retelling words freely ("Authorities said" / "Police said";
# "police" / "officers"): one source, by class. "Authorities" covers both other classes.
_POLICE_SOURCES = frozenset({"police", "officers", "police officers", "policemen",
                             "law enforcement", "law enforcement officers",
                             "law enforcement officials", "police officials"})
_OFFICIAL_SOURCES = frozenset({"officials", "government officials", "local officials"})
_AUTHORITY_SOURCES = frozenset({"authorities", "local authorities", "local authority"})
# A company unnamed, as copy words it by turns ("the company said" / "the firm said")
_ONE_COMPANY = frozenset({"company", "firm", "business"})
# What science news calls one published piece of research ("according to a review published
# by the journal" / "the study said"); a report, a survey and a paper are kept apart (a police
# report, a poll, a newspaper).
_ONE_PAPER = frozenset({"study", "review", "analysis", "research"})
# Kinds of body a text refers back to a named one by ("the party", "the club", "the union")
_BODY_BY_KIND = _ONE_COMPANY | {"party", "club", "union", "bank", "airline", "university",
                                "charity", "association", "federation", "organisation",
                                "organization", "group", "team"}


def _unspaced(key: str) -> str:
    return key.replace(" ", "").replace("-", "")


def _one_public_source(ka: str, kb: str) -> bool:
    """True when two generic keys are one unnamed public source (see _POLICE_SOURCES)."""
    if ka in _AUTHORITY_SOURCES or kb in _AUTHORITY_SOURCES:
        other = kb if ka in _AUTHORITY_SOURCES else ka
        return other in _POLICE_SOURCES | _OFFICIAL_SOURCES | _AUTHORITY_SOURCES
    return ka in _POLICE_SOURCES and kb in _POLICE_SOURCES \
        or ka in _OFFICIAL_SOURCES and kb in _OFFICIAL_SOURCES


def _side_of(people: str, speaker: str) -> bool:
    """True when ``people`` is a nation's people in the plural who speak as one side ("the
    Russians said") and ``speaker`` that nation's generic speaker ("Russian officials")."""
    words = _speaker_words(people)
    if len(words) != 1 or not words[0][:1].isupper() or not words[0].endswith("s") \
            or not _is_generic(speaker):
        return False
    own = [w.casefold() for w in _speaker_words(speaker)[:-1]]
    return _stem(words[0]) in own


_PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "we", "i"})
# "Brenn of Ohio", "Moore of Alabama": a name with where its bearer is from or serves
_HOME_RE = re.compile(r",?\s+of\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*$")


# A wire dateline credits the whole story to its agency: "LONDON (AP) —", "CAIRO, Egypt
# (Reuters) -", "WASHINGTON (AFP):" at a paragraph's start.
_AGENCY = r"[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*){0,2}"
_DATELINE_SOURCE_RE = re.compile(
    # the place in capitals, or as written with its region in brackets ("Guiyang [China]")
    r"(?m)^[ \t]*(?:[A-Z][A-Z .'-]{1,40}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}"
    r"(?:[ \t]*\[[A-Z][\w .-]{1,30}\])?)(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*"  # its date: "NEW YORK, May 30 (Reuters) -"
    rf"\(({_AGENCY}(?:/{_AGENCY})*)\)[ \t]*[-\u2013\u2014:]")  # one agency or more: "(ANI/Xinhua)"


def credited_by_dateline(f: Fact, text: str) -> bool:
    """True when ``text``'s wire dateline credits the story to the speaker of attribution
    ``f`` ("LONDON (AP) — ..." against "..., the AP reported"): no source added."""
    speaker = f.note or f.key
    if _generic_key(speaker) in _PRONOUN_SPEAKERS:
        return False  # ("he said": a person, whoever filed the story)
    return any(same_speaker(speaker, source) for source in _dateline_sources(text))


# Where a text credits its figures to a body in other words than a verb of saying: "analysts
# polled by Marlow Data", "figures compiled by the ministry", "data from the census bureau".
# Written by hand: no lexicon lists the phrases of provenance.
_PROVENANCE_TAIL_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?:polled|surveyed|compiled|published|conducted|commissioned|released|"
    r"issued|gathered|collected|provided|calculated|tracked|tallied)[ \t\u00a0]+by"
    r"|(?:data|figures|statistics|numbers|estimates|survey|poll|study|report|review|analysis|"
    r"research|census|forecasts?)[ \t\u00a0]+(?:from|by))"
    r"[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")


def credited_in_other_words(f: Fact, text: str) -> bool:
    """True when ``text`` credits figures to the speaker of attribution ``f`` in a phrase of
    provenance ("analysts polled by Marlow Data" against "according to Marlow Data"): the
    source is the original's own, said in other words."""
    speaker = _LEADING_ARTICLE.sub("", (f.note or f.key).strip())
    if not speaker[:1].isupper() or _generic_key(speaker) in _PRONOUN_SPEAKERS:
        return False  # a generic noun ("officials") or a pronoun is no named provider
    return any(_PROVENANCE_TAIL_RE.search(text, max(0, m.start() - 40), m.start())
               for m in re.finditer(rf"(?<![\w-]){re.escape(speaker)}(?![\w-])", text))


def dateline_agencies(text: str) -> tuple[str, ...]:
    """The agencies ``text``'s wire datelines credit ("LONDON (AP) —" gives "AP")."""
    return _dateline_sources(text)


@text_memo(maxsize=64, max_chars=2_000_000)
def _dateline_sources(text: str) -> tuple[str, ...]:
    """The agencies ``text``'s datelines credit (read once a text: asked of each attribution)."""
    return tuple(agency for m in _DATELINE_SOURCE_RE.finditer(text)
                 for agency in m.group(1).split("/"))


# Words that make a title another office than its last word's: a deputy mayor is not "the
# mayor", an attorney general not "the general", a prime minister not "the minister".
_OTHER_OFFICE = frozenset({
    "deputy", "vice", "lieutenant", "lt", "attorney", "assistant", "associate", "acting",
    "former", "ex", "prime", "shadow", "junior", "under", "inspector", "surgeon", "co",
})
_TITLE_RUN_RE = re.compile(r"(?:[A-Z][\w.’'-]*[ \t\u00a0]+){1,5}$")


def _titles_before(name: str, text: str) -> list[list[str]]:
    """The capitalised words written right before each mention of ``name`` in ``text``, up to
    the last title word ("Judge Ann Varley" gives ["judge"] for "Ann Varley" and for
    "Varley"), lower-cased, without stops."""
    out = []
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        run = _TITLE_RUN_RE.search(text, max(0, m.start() - TITLE_CHARS), m.start())
        if run is None:
            continue
        words = [w.rstrip(".") for w in run.group().split()]
        while words and words[-1] not in names.TITLES and words[-1].casefold() not in \
                _GENERIC_WORDS:
            words.pop()  # a given name before the surname asked about
        if words:
            out.append([w.casefold() for w in words])
    return out


def _titled(words: list[str], role: list[str]) -> bool:
    """True when title ``words`` name the office ``role`` ("Harris County Judge" / "judge"),
    not another one ("Deputy Mayor" / "mayor")."""
    n = len(role)
    return len(words) >= n and words[-n:] == role and \
        (len(words) == n or words[-n - 1] not in _OTHER_OFFICE)


_NAME_RUN = r"[A-Z][\w’'-]+(?:[ \t\u00a0]+[A-Z][\w’'-]+){0,2}"


# Offices one person holds and speaks from ("the mayor said"), as against bodies ("the
# ministry") and crowds ("officials"): the offices a named person may stand in for.
_PERSON_OFFICES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "writer", "author", "columnist",
    "journalist", "commentator", "editor", "leader", "commander", "president", "aide", "envoy",
    "negotiator", "ambassador", "prosecutor", "lawyer", "attorney", "governor", "mayor",
    "chairman", "director", "judge",
})


# Offices any holder of another is: "the American leader" may be the text's "President Roe".
_BROAD_OFFICES = frozenset({"leader", "official", "chief", "head", "executive"})


def _holder(role: str, role_text: str, person: str, person_text: str) -> str | None:
    """What the texts say of an office speaker (``role``, "the judge") and a person (``person``,
    "Ann Varley") being one: "same" when either text gives the person that title ("Judge Ann
    Varley"), "other" when the office's text names another holder of it or names the person
    never with that title, "unknown" when neither; None when ``role`` is no office or
    ``person`` no person."""
    if not _is_generic(role) or _is_generic(person) or _generic_key(person) in _PRONOUN_SPEAKERS:
        return None
    office = _generic_key(role).split()
    if len(office) > 3:
        return None
    person = strip_titles(person)
    surname = person.split()[-1]
    # Either text may give the person the title: wire copy writes "President Jane Roe says"
    # in one paragraph and "the president also told CBS" in the next.
    titled = [any(_titled(words, office) for m in {person, surname}
                  for words in _titles_before(m, t)) for t in (role_text, person_text)]
    if re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", role_text) and not titled[0] \
            and not (office[-1] in _BROAD_OFFICES and _titles_before(surname, role_text)):
        # the office's text names the person, never with that title; a word any office
        # holder is ("the American leader" where it says "President Jane Roe") may be them
        return "other"
    office_re = re.escape(" ".join(office))
    others = [x.group(1) or x.group(2) for x in re.finditer(
        rf"(?<![\w-])(?i:{office_re})[ \t\u00a0]+({_NAME_RUN})"  # "Judge Tom Reed"
        rf"|({_NAME_RUN}),[ \t\u00a0]+(?i:the)[ \t\u00a0]+(?:[\w’'-]+[ \t\u00a0]+)?"
        rf"(?i:{office_re})(?![\w-])", role_text)]  # "Tor Lie, the presiding judge"
    if any(not names.same_name(other, person) and other.split()[-1] != surname
           for other in others):
        return "other"
    return "same" if any(titled) else "unknown"


def titled_alike(a: str, a_text: str, b: str, b_text: str) -> bool:
    """True when one speaker is an office ("the judge") and the other a person either text
    gives that title ("Judge Ann Varley"): one speaker, described one way and named the other.

    Not when the office's text names another holder of it ("Judge Tom Reed", "Tor Lie, the
    presiding judge"), nor names the person without that title (the original knows who Ola
    Brenn is and calls her no mayor), nor for another office ending in the same word ("Deputy
    Mayor", "Attorney General", "Prime Minister").
    """
    return any(_holder(role, rt, person, pt) == "same"
               for role, rt, person, pt in ((a, a_text, b, b_text), (b, b_text, a, a_text)))


def office_for_person(a: Fact, b: Fact, a_text: str, b_text: str) -> bool:
    """True when one attribution credits an office one person holds ("the president also
    tells CBS") and the other a person ("Trump said"), and neither text says whether the
    person holds it: likely one speaker described and named, which only a reader can tell."""
    if a.kind != "attribution" or b.kind != "attribution":
        return False
    for role, rt, person, pt in ((a, a_text, b, b_text), (b, b_text, a, a_text)):
        role_words = _generic_key(role.note or role.key).split()
        speaker = person.note or person.key
        if role_words and role_words[-1] in _PERSON_OFFICES and names.could_be_person(
                strip_titles(speaker)) and _holder(role.note or role.key, rt, speaker,
                                                   pt) == "unknown" \
                and not _described_otherwise(strip_titles(speaker), (rt, pt),
                                             titles=role_words[-1] not in _BROAD_OFFICES) \
                and not _holder_described(role_words[-1], rt):
            return True
    return False


def speaks_for(a: str, b: str, texts: tuple[str, str]) -> bool:
    """True when one speaker (or name) is a body and the other a person either text names as
    that body's officer ("Ruth Okoye, chair of the Marlow Water Board", "the board's chair,
    Ruth Okoye", "Water Board spokesperson Ruth Okoye"): the body speaking through its person,
    one source. Not "Ruth Okoye, a critic of the Water Board"."""
    for body, person in ((a, b), (b, a)):
        body_words = _LEADING_ARTICLE.sub("", body.strip()).split()
        who = strip_titles(person).strip()
        if not body_words or not who or not names.could_be_person(who) or \
                names.same_name(" ".join(body_words), who):
            continue
        # the body as written or by its last words ("the Water Board", "the board"), maybe
        # after more of its name; the person by name or surname
        bodies = "|".join(re.escape(" ".join(body_words[k:])) for k in range(len(body_words)))
        people = "|".join(re.escape(w) for w in dict.fromkeys([who, who.split()[-1]]))
        office = rf"(?i:{'|'.join(_OFFICERS)})"
        officer = (rf"(?:{people}),?[ \t\u00a0]+(?:the[ \t\u00a0]+|its[ \t\u00a0]+)?"
                   rf"(?:[\w’'-]+[ \t\u00a0]+){{0,2}}?{office}[ \t\u00a0]+(?:of|at|for)[ \t\u00a0]+"
                   rf"(?:the[ \t\u00a0]+)?(?:[A-Z][\w’'-]*[ \t\u00a0]+){{0,3}}?(?i:{bodies})(?![\w-])")
        titled = (rf"(?<![\w-])(?i:{bodies})(?:['’]s)?[ \t\u00a0]+(?:[\w’'-]+[ \t\u00a0]+){{0,2}}?"
                  rf"{office},?[ \t\u00a0]+(?:{people})(?![\w-])")
        if any(re.search(officer, text) or re.search(titled, text) for text in texts):
            return True
    return False


# Who speaks for a body
_OFFICERS = ("chair", "chairman", "chairwoman", "chairperson", "head", "chief", "director",
             "president", "spokesman", "spokeswoman", "spokesperson", "CEO",
             "chief executive", "executive", "secretary", "secretary-general", "leader",
             "commissioner", "manager", "governor", "superintendent", "mayor", "minister",
             "general manager", "managing director")


def _described_otherwise(person: str, texts: tuple[str, str], titles: bool = True) -> bool:
    """True when a text gives ``person`` a role: a title before the name ("Defence lawyer Tom
    Reed", "Council member Ann Varley"; not read with ``titles`` False, for an office any title
    holder fills, "the American leader") or an appositive after it ("Ann Varley, a neighbour
    who saw the chase", "Ola Brenn, who is charged with fraud")."""
    surname = person.split()[-1] if person.split() else person
    for text in texts:
        if titles and any(_titles_before(m, text) for m in {person, surname}):
            return True
        if re.search(rf"(?<![\w-]){re.escape(surname)},[ \t\u00a0]+(?:a|an|the|who|whose|"
                     rf"which|its|his|her)(?![\w-])", text):
            return True
        if titles and re.search(rf"(?i)(?:member|lawyer|attorney|spokes\w*|official|resident|neighbou?r|"
                     rf"witness|owner|chief|head|leader|manager|officer|minister|senator|"
                     rf"representative|councillor|councilor)[ \t\u00a0]+"
                     rf"(?:[A-Z][\w’'-]+[ \t\u00a0]+){{0,2}}{re.escape(surname)}(?![\w-])", text):
            return True
    return False


def _holder_described(office: str, text: str) -> bool:
    """True when ``text`` names who holds ``office`` in a clause ("Tom Reed, who became
    president of Norland")."""
    return re.search(rf"{_NAME_RUN},[^.;\n]{{0,60}}(?<![\w-]){re.escape(office)}(?![\w-])",
                     text) is not None


def one_speaker_titled(a: Fact, b: Fact, a_text: str, b_text: str) -> bool:
    """True when two attributions, or two quotations of the same words, differ only in that
    one names by office the speaker the other names with that title ("the judge" / "Judge
    Ann Varley"): `titled_alike` of their speakers, each read in its own text."""
    if a.kind != b.kind or a.kind not in ("attribution", "quote"):
        return False
    if a.kind == "quote":
        return bool(a.role and b.role) and a.key == b.key and \
            titled_alike(a.role, a_text, b.role, b_text)
    return titled_alike(a.note or a.key, a_text, b.note or b.key, b_text)


def _with_home(a: str, b: str) -> bool:
    """True when ``a`` is ``b`` with a home or constituency after "of" ("Brenn of Ohio" /
    "Brenn"), or with its city after it, as clubs are called abroad ("Galatasaray Istanbul" /
    "Galatasaray"; not a country: "Kim Jordan" / "Kim"); "the Bank of England" is no "Bank of
    Japan" (only one side has its "of")."""
    m = _HOME_RE.search(a)
    if m is not None and m.start() > 0 and names.same_name(a[: m.start()], b):
        return True
    head = names.without_its_city(a)
    return bool(head) and names.same_name(head, b)



def _is_generic(speaker: str) -> bool:
    """True when a speaker ends in a generic speaker noun (officials, the agency, police)."""
    words = _SPEAKER_WORD_RE.findall(speaker)
    return bool(words) and words[-1].casefold() in _GENERIC_WORDS


def equivalent(a: Fact, b: Fact) -> bool:
    """True when two attributions credit the same speaker."""
    return a.key == b.key or same_speaker(a.note or a.key, b.note or b.key)


def slot_score(a: Fact, b: Fact) -> float:
    """How likely attribution ``b`` fills ``a``'s slot: always plausible, closer when alike."""
    if equivalent(a, b):
        return 1.0
    return SLOT_FLOOR + SLOT_SPAN * token_set_ratio(a.key, b.key) / 100.0


def _who(f: Fact) -> str:
    """Return the speaker for a sentence ("the writer", not "The writer")."""
    who = f.note or f.key
    return "the" + who[3:] if who.startswith("The ") else who


def explain_office_for_person(a: Fact, b: Fact) -> str:
    """One sentence on an attribution given to an office on one side and a person on the
    other, neither text saying whether the person holds it."""
    return (f"The original attributes this to {_who(a)}; the retelling to {_who(b)}. Likely "
            f"one person described and named, but neither text says so: worth checking.")


def explain(a: Fact | None, b: Fact | None) -> str:
    """One sentence on an attribution change for a journalist."""
    if a is not None and b is None:
        return (f"The retelling drops the attribution to {_who(a)}; the claim now reads as the "
                f"outlet's own.")
    if b is not None and a is None:
        return (f"The retelling attributes this to {_who(b)}, which the original states without "
                f"attribution.")
    if a is not None and b is not None:
        if equivalent(a, b):
            return f"Both attribute this to {_who(a)}."
        return f"The original attributes this to {_who(a)}; the retelling to {_who(b)}."
    return "No attribution."

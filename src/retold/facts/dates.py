"""Date facts: find news time expressions and resolve them against the publication date.

No library measured here resolves news time expressions well (LIBRARIES.md: dateparser invents
dates from "we" and "5-10" and misses "last month's"; recognizers-text is an unmaintained alpha
at ~35 sentences/s), so this is a focused resolver of our own: one precompiled regex finds the
expressions, and plain calendar arithmetic resolves them into an inclusive ``Interval``.

Conventions (each one a choice a reader may disagree with, so written down here):

* ``last <Month>`` is the most recent occurrence of that month strictly before the publication
  month: published 2020-06-18, "last October" is 2019-10 and "last March" is 2020-03 (in June
  news "last March" usually means March of this year), "last June" is 2019-06.
  ``next <Month>`` is the first occurrence strictly after the publication month; ``this <Month>``
  is that month of the publication year.
* A bare month ("in April", "since April") is the most recent such month not after the
  publication month, unless its clause is in the future tense ("will", "is due to", ...), then
  the next one on or after it. A month-day without a year ("on July 3") is the most recent one,
  unless it falls at most ``NEAR_FUTURE_DAYS`` (45) days after publication (news says "on July 3"
  of a date weeks ahead, "last July" of one a year back) or its clause is in the future tense.
* ``on Monday`` in a clause in the past tense is the most recent Monday on or before the
  publication date (wire copy published on a Monday says "on Monday" of that day); future tense
  takes the next one on or after it; with no tense to go by ("Monday's meeting", "the leaders
  meet on Monday") the nearer of the two.
  The future seen from the past counts where it comes before the date ("said the river would
  peak on Tuesday"); a date right after a reporting verb dates the report ("said on Monday
  they will reopen": Monday is past).
  ``last Monday`` is strictly before, ``next Monday`` strictly after.
* Parts: early = days 1-10, mid = 11-20, late / end of = 21-end of a month; early = Jan-Apr,
  mid = May-Aug, late / end of = Sep-Dec of a year; thirds of a decade and of a week likewise.
  "earlier this month" runs from the 1st to the publication date, "later this year" from it on.
* Weeks run Monday to Sunday; "over the weekend" is the Saturday-Sunday just ended (or under
  way), or the coming one when its clause is in the future tense ("plan to meet over the
  weekend"); "the coming weekend" is that one too. "Q2 2020" is April-June 2020. Seasons are
  northern-hemisphere meteorological seasons (spring = Mar-May, summer = Jun-Aug, autumn =
  Sep-Nov, winter = Dec-Feb, named by the year of its December).
* Vague expressions ("in recent months", "recently", "these days", "in the past decade") are
  kept as vague with key ``vague:<normalised phrase>``; no dates are ever invented for them.
* Without a publication date, relative expressions keep ``start``/``end`` None, granularity
  ``relative-unresolved`` and key ``relative:<normalised phrase>``.
* A bare 4-digit number 1800-2100 is a year unless a hedge ("about"), a currency sign or a
  counted plural noun ("2000 people") says it is a count, or it sits in a numeric range with a
  non-year ("2000-3000"). When the next word is in a non-Latin script we cannot tell, so we
  leave it to numbers, unless a year word marks it: 年 ("2014年"), Russian/Ukrainian год/г./рік
  after it, Arabic عام/سنة or Persian سال before it. ``date_spans`` exposes what this module
  claims so numbers.py skips it.
* Numeric dates are days, in any script's surrounding text: year-first ("2021/05/03",
  "2021.5.3") is year-month-day; dotted and dashed day-month-year ("03.05.2021", "3-5-2021") is
  day-first (European); slashed ("5/3/2021") is month-first (US). A field above 12 forces the
  other reading ("13.05.2021", "5/13/2021", "13/5/2021"). The reading depends on the string
  alone, so the same string on both sides gives the same day; an ambiguous one (both fields
  1-12) says in its note which reading was taken. Impossible dates ("31.02.2021") are claimed
  (numbers.py skips them) but give no fact.
* The span includes a neutral locator ("in", "on", "at", "during", "over") but not "since",
  "by", "until", "before" or "after", whose meaning is a qualifier, not a date.
* Text in other languages: only ISO and numeric dates and years in digits are found; month and
  weekday names are English, so other languages degrade to nothing rather than garbage.
* Pairs: ``compatible`` holds when one interval contains the other (a more or less precise
  telling of one period) or when either side is a relative date left unresolved (no publication
  date to compare it by); ``explain`` says so. When the two sides were counted from different
  publication dates, ``explain`` names each side's own reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from retold import lexicon, patterns
from retold.facts.base import IDENTIFIER_WORDS, Context, dateline_spans, sentence_at
from retold.model import Document, Fact, Interval, Sentence

__all__ = ["clock_after_weekday", "compared_against", "compatible", "date_spans", "equivalent",
           "explain", "extract", "humanise", "slot_score"]


def _words(text: str) -> frozenset[str]:
    """Make a word set from a space-separated string (long word lists stay readable)."""
    return frozenset(text.split())


# --- vocabulary ------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
     "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_FULL_MONTHS = frozenset(name.lower() for name in calendar.month_name if name)
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
MONTH_NAMES = [""] + [calendar.month_name[i] for i in range(1, 13)]
# Holidays on one calendar day every year, as news names them: a date written as a name
# ("on Christmas Eve" is 24 December, and "on 24 December" says the same). Movable feasts
# (Easter, Thanksgiving) and national days, which differ by country, are not read.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "valentine's day": (2, 14), "st patrick's day": (3, 17),
    "halloween": (10, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31),
}
_APOSTROPHES_RE = re.compile(r"['’]")
_YEAR_AFTER_RE = re.compile(r",?\s+\d{4}$")


def holiday_spans(text: str) -> list[tuple[int, int]]:
    """The spans of fixed-date holidays named in ``text`` (for names.py to leave to dates)."""
    return [m.span() for m in _HOLIDAY_RE.finditer(text)] if _HOLIDAY_HINT_RE.search(text) \
        else []


def holiday_day(name: str) -> tuple[int, int] | None:
    """(month, day) of a fixed-date holiday as written ("Christmas Eve" -> (12, 24)), or None."""
    key = _APOSTROPHES_RE.sub("'", " ".join(name.lower().replace(".", "").split()))
    return FIXED_HOLIDAYS.get(key)


# A bare 4-digit number in this range may be a year: the bounds of ``_YEAR``, so the second year
# of "from 1885 to 1902" is read as the first one is (a year), not as a count beside a non-year.
YEAR_MIN, YEAR_MAX = 1800, 2100
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # day ranges
WEEK_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 0, "final": 0}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # month ranges
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}  # year offsets
# A month-day without a year up to this many days after publication is the coming one: news
# says "on July 3" of a date weeks ahead but "last July" of one a year back.
NEAR_FUTURE_DAYS = 45

# Words that, right before a bare month name, make it a date ("in May") and not a verb or a
# surname ("may", "Theresa May"). "the" is allowed except for May/March ("the March on Rome").
_MONTH_TRIGGERS = _words(
    "in on at during since by until till from before after throughout of early mid late last "
    "this next the end beginning start middle and or to between through"
)
# ... and so does "it is" before a month that is no one's first name: "it is July", "it's
# February", "it was already March" ("she is May", "its name is March", "March's vote" are not
# times).
_COPULA_MONTHS = frozenset({"January", "February", "March", "July", "September", "October",
                            "November", "December"})
_COPULA_BEFORE_RE = re.compile(
    r"(?i)\bit(?:['’]s|[^\S\n]+is|[^\S\n]+was)(?:[^\S\n]+(?:now|already|still))?[^\S\n]+$")
# A word after a hedged year-like number that makes it a year: a noun of what a year names
# ("census", "election", "budget"), not a count's unit.
_YEAR_NOUN_AFTER_RE = re.compile(
    r"(?:census|election|elections|budget|campaign|season|race|olympics|vote|poll|"
    r"report|survey|plan|law|act|deal|summit|cup|tournament|championship|model|edition)$")
# Plurals an election or sports year names, never a count of them in news copy ("the 2016
# elections", "potential 2020 challengers"; a count that large is written "2,020").
_CYCLE_NOUN_RE = re.compile(
    r"elections|midterms|primaries|caucuses|olympics|championships|playoffs")
# ... and the people of a race, only before a year that is no round hundred ("2020 hopefuls";
# "1800 contenders", "2000 hopefuls" may be counts)
_CYCLE_PEOPLE_RE = re.compile(r"challengers|hopefuls|contenders|candidates")


def _cycle_year(figure: str, after: str) -> bool:
    """Whether a bare year-like figure before plural ``after`` is the year of an election or a
    sports season ("the 2016 elections", "potential 2020 challengers")."""
    if _CYCLE_NOUN_RE.fullmatch(after):
        return True
    return _CYCLE_PEOPLE_RE.fullmatch(after) is not None and figure.isdigit() \
        and int(figure) % 100 != 0
# Words before a bare year that make it a count, not a year ("about 2000", "over 2000").
_COUNT_HEDGES = _words(
    "about around some roughly approximately nearly almost over than least most under below "
    "above estimated exceeding"
)
_IRREGULAR_PLURALS = _words(
    "people men women children police personnel staff troops dead wounded injured killed "
    "missing displaced homeless civilians cattle data media feet teeth"
)
_NOT_PLURAL = _words(
    "this is was has his its as us yes thus bus news series plus less"
)
_FUTURE_RE = re.compile(
    r"(?i)\b(?:will|shall|won['’]t|must|(?:has|have|needs?)\s+to\s+be"
    r"|(?:is|are)\s+(?:due|set|scheduled|expected|planning|going"
    r"|forecast|forecasted|predicted|projected|likely)\s+to(?!\s+have\b)|(?<!the\s)(?<!a\s)(?<!its\s)(?<!his\s)(?<!her\s)(?<!their\s)(?<!our\s)"
    r"(?:plan|intend|aim|propose|schedule)(?:s|ed)?\s+to|upcoming|forthcoming"
    r"|(?:set|scheduled|slated|planned)\s+for)\b|['’]ll\b"
)
# The future seen from the past ("the river would peak on Tuesday", "talks were due to resume on
# Monday"): future only where it comes before the date in its clause, since in "he said on
# Monday he would resign" the date belongs to the saying.
_FUTURE_IN_PAST_RE = re.compile(
    r"(?i)\b(?:would|(?:was|were)\s+(?:due|set|scheduled|expected|planning|going)\s+to)\b"
)
# A date right after a past reporting verb dates the report, whatever tense the report has
# ("officials said on Monday they will reopen the port").
_REPORTED_ON_RE = re.compile(
    r"(?i)\b(?:said|says|announced|confirmed|told\s+\w+|reported|added|stated|wrote|warned)"
    r"(?:\s+on)?\s*$"
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?\n]")
# "What ends right before pos" is matched on the reversed window: an end-anchored ``search``
# retries at every position of the window and dominated the scan's cost.
_WORD_BEFORE_REV = re.compile(r"[^\S\n]*-?[^\S\n]*([A-Za-z]+)")
_NAME_BEFORE_REV = re.compile(r"[^\S\n]+([A-Za-z]+)")  # same sentence: no punctuation between
_WORD_AFTER_RE = re.compile(r"^[^\S\n]*(?:-[^\S\n]*)?([^\W\d_][\w'’-]*)")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*\Z")

# --- the pattern -----------------------------------------------------------------------------

_S = r"[^\S\n]+"  # space inside one expression: never across a line break
# FIXED_HOLIDAYS as news writes them
_HOLIDAY_NAMES = (rf"\b(?:New{_S}Year['’]s{_S}(?:Day|Eve)|Christmas{_S}(?:Eve|Day)|Boxing{_S}Day"
                  rf"|Valentine['’]s{_S}Day|Halloween|St\.?{_S}Patrick['’]s{_S}Day)")
_HOLIDAY_RE = re.compile(_HOLIDAY_NAMES + r"(?![\w'’-])")
_HOLIDAY_HINT_RE = re.compile(r"Christmas|Year|Boxing|Valentine|Halloween|Patrick")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
_MONTH_ANY = rf"(?:{_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_UNIT = r"(?:day|week|month|year)"
_NUMWORD = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})")
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_COMMA = r"(?:[^\S\n]*,)?"  # "July 4, 1972", and "July , 1972" as tokenised text writes it
# Characters that glue a digit run into a word ("F16", "Su2000", "ф2014"): digits, the
# underscore and the letters of scripts that separate words with spaces (Latin, Greek,
# Cyrillic). Arabic and CJK letters may touch a year ("2014年", "2014م"), so they do not glue.
_GLUED = r"0-9A-Za-z_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"

_DATE_RE = re.compile(
    rf"""
    (?P<prep>\b(?i:in|on|at|during){_S})?
    (?P<part>\b(?i:
        (?:the{_S})?(?:very{_S})?(?:beginning|start|middle|end|close){_S}of
      | (?:the{_S})?(?:first|second|latter|last){_S}half{_S}of
      | (?:the{_S})?(?:first|second|third|fourth|last)(?:{_S}|-)quarter(?:{_S}of)?
      | (?:the{_S})?(?:first|second|third|fourth|last|final){_S}week(?:end)?{_S}of
      | earlier|later|early|mid|late
    )(?:{_S}|[^\S\n]*-[^\S\n]*))?
    (?P<core>
        (?P<iso>(?<![\d-]){_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-]))
      | (?P<numeric>(?<![{_GLUED}.,/])
            (?:\d{{1,2}}(?P<nsep>[./-])\d{{1,2}}(?P=nsep){_YEAR}
             | {_YEAR}(?P<ysep>[./-])\d{{1,2}}(?P=ysep)\d{{1,2}})
            (?![0-9]|[.,/][0-9]))
      | (?P<holiday>{_HOLIDAY_NAMES}(?:{_COMMA}{_S}{_YEAR}\b)?(?![\w'’-]))
      | (?P<mdy>\b{_MONTH_ANY}{_S}{_DAY}\b(?:{_COMMA}{_S}{_YEAR}\b)?(?!\d))
      | (?P<dmy>(?<![\d,.])\b{_DAY}{_S}(?:of{_S})?{_MONTH_ANY}(?:{_COMMA}{_S}{_YEAR}\b)?(?![\w]))
      | (?P<my>\b{_MONTH_ANY}{_COMMA}{_S}{_YEAR}\b(?![\d]|,\d))
      | (?P<quarter>\b(?:[Qq][1-4](?:{_S}{_YEAR}|['’]\d\d)?
                      | [1-4]Q(?:{_S}?{_YEAR}|['’]?\d\d)?)\b(?![\d]|,\d))
      | (?P<ordquarter>\b(?i:the{_S})?(?i:first|second|third|fourth)(?:{_S}|-)(?i:quarter)\b
                      (?!{_S}(?i:of)\b))
      | (?P<yrange>(?<![\w.,$£€¥₹/]){_YEAR}[^\S\n]*[-–/][^\S\n]*(?:{_YEAR}|\d\d)
                   (?![\w%]|[.,]\d))
      | (?P<yearpart>(?<![{_GLUED}.,$£€¥₹/]){_YEAR}['’]s{_S}(?i:end|beginning|start|middle|close)\b)
      | (?P<decade>(?i:the{_S})?(?:(?:1[89]|20)\d0s|['’]\d0s)\b)
      | (?P<fy>\b(?:FY|Fy|fy)[^\S\n]?['’]?(?:(?:19|20)\d\d|\d\d)\b(?![\d]|[.,]\d))
      | (?P<year>(?<![{_GLUED}.,$£€¥₹/]){_YEAR}(?![{_GLUED}%/-]|[.,]\d|:\d))
      | (?P<relmon>\b(?i:last|this|next|past){_S}{_MONTH}\b)
      | (?P<reldow>\b(?i:last|this|next|past|on){_S}{_WEEKDAY}\b)
      | (?P<dow>\b{_WEEKDAY}\b)
      | (?P<season>\b(?i:(?:last|this|next|past){_S}{_SEASON}
                       |(?:the{_S})?{_SEASON}{_S}(?:of{_S})?{_YEAR})\b)
      | (?P<rel>\b(?i:
            (?:the{_S})?year[-\u2010\u2011]ago
          | (?:last|this|next|past|previous|coming){_S}(?:week(?:end)?|month|quarter|year|season)
          | the{_S}(?:previous|prior|current){_S}(?:week|month|quarter|year|season)\b
            (?![-\u2010\u2011]\w)
            (?!{_S}(?:before|after))
          | the{_S}(?:week|month|year|weekend)\b(?![^\S\n]+(?:before|after|earlier|later))
          | the{_S}day{_S}before{_S}yesterday | yesterday | today | tomorrow | tonight
          | last{_S}night | this{_S}(?:morning|afternoon|evening)
          | {_NUMWORD}{_S}{_UNIT}s?{_S}ago
          | the{_S}(?:past|last|previous){_S}{_NUMWORD}{_S}{_UNIT}s?
          | the{_S}(?:past|last){_S}{_UNIT}
          )\b)
      | (?P<vague>\b(?i:
            recently | lately | of{_S}late | these{_S}days | nowadays
          | recent{_S}(?:days|weeks|months|years|decades|times)
          | (?:the{_S})?(?:past|last|previous|coming|next){_S}
            (?:few{_S}|several{_S}|couple{_S}of{_S})?(?:decades?|days|weeks|months|years)
          | the{_S}near{_S}future
          | (?:days|weeks|months|years){_S}ago
          )\b)
      | (?P<month>\b{_MONTH}\b)
    )
    """,
    re.VERBOSE,
)

_TOKEN_RE = re.compile(r"[A-Za-z]+|[0-9]+")
# A figure right before a vague "years ago" ("4.5 million years ago", "200 years ago").
# "the same period of the previous year", "the same quarter last year", "the year-ago quarter":
# the part of that year (or month, week) that matches the period the sentence speaks of, which
# the sentence names elsewhere. It is that part, whichever it is: any period inside the year
# is the same date, not a more precise one.
_SAME_PART_BEFORE_RE = re.compile(
    r"(?i)\bthe[^\S\n]+(?:same|comparable|corresponding|equivalent)[^\S\n]+(?:period|quarter|"
    r"months?|weeks?|days?|time|season|half|point)(?:[^\S\n]+(?:of|in|during|from|a))?[^\S\n]*,?"
    r"[^\S\n]*$")
_YEAR_AGO_PART_RE = re.compile(r"(?i)year[-\u2010\u2011]ago[^\S\n]+(?:period|quarter|months?|weeks?"
                               r"|half|season)\b")
SAME_PART_NOTE = "the same part of that period as the sentence's own"
_FIGURE_BEFORE_RE = re.compile(r"(?i)(?:\d|\b(?:hundred|thousand|million|billion))[^\S\n]*$")
_NUMERIC_DATE_NEXT_RE = re.compile(r"[./-]\d{1,2}[./-]\d{4}")  # "3" of "3.5.2021"
_DAY_OR_COUNT_NEXT_RE = re.compile(
    rf"(?:st|nd|rd|th)?{_S}(?:of{_S})?(?:{_MONTH_ANY}|(?i:{_UNIT})s?\b)"
)
_ARABIC_DIGIT_RE = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
_LOOKBACK_CHARS = 60  # "at the very beginning of the year": 29 characters before "year"
# Words that may come before the trigger inside one expression ("at the end of last month").
_PREFIX_WORDS = _words(
    "in on at during the very beginning start middle end close of first second latter last half "
    "final week weekend "
    "prior previous current "
    "third fourth quarter earlier later early mid late past a an one two three four five six "
    "seven eight nine ten eleven twelve"
)
_PREFIX_CHAIN_REV = re.compile(  # reversed: matched on the reversed text before a trigger
    r"(?i)(?:(?:[^\S\n]+|[^\S\n]*-[^\S\n]*)(?:"
    + "|".join(w[::-1] for w in sorted(_PREFIX_WORDS, key=len, reverse=True))
    + r")(?![A-Za-z0-9_]))+"
)
_TRIGGERS = frozenset([*MONTHS, *WEEKDAYS, *SEASONS]) | _words(
    "last this next past previous coming yesterday today tomorrow tonight recent recently "
    "lately late nowadays these ago year years month months week weeks weekend night morning "
    "afternoon evening future decade decades days times quarter season "
    "christmas boxing valentine halloween st new fy"
)
# Each trigger as written in lower, Title and UPPER case: a set lookup without lower().
_TRIGGER_FORMS = frozenset(f for w in _TRIGGERS for f in (w, w.title(), w.upper()))
_NORM_SPACE_RE = re.compile(r"\s+")
_LEADING_PREP_RE = re.compile(r"(?i)^(?:in|on|at|during|over|throughout)\s+")
_QUANTITY_RE = re.compile(rf"(?i)^(?P<n>{_NUMWORD}){_S}(?P<u>{_UNIT})s?")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_DIGITS = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)}
                        | {chr(0x06F0 + i): str(i) for i in range(10)})


@dataclass(frozen=True, slots=True)
class _Match:
    """A time expression found in the text, before resolution."""

    start: int
    end: int
    group: str  # which alternative of _DATE_RE matched
    core: str  # the matched core, lower-cased
    part: str  # "early" | "mid" | "late" | "earlier" | "later" | "half1" | ... | ""
    future: bool  # the clause is in the future tense
    role: str  # a noun the date qualifies ("last month's attack", "the 2003 invasion")
    # a weekday no tense places ("Monday's meeting", "the leaders meet on Monday"): the
    # nearer one, before or after publication
    untensed: bool = False


# --- scanning --------------------------------------------------------------------------------


def _word_before(text: str, pos: int) -> str:
    """Return the word right before ``pos`` on the same line, lower-cased, or ''."""
    m = _WORD_BEFORE_REV.match(text[max(0, pos - 30) : pos][::-1])
    return m.group(1)[::-1].lower() if m else ""


def _word_after(text: str, pos: int) -> str:
    """Return the word right after ``pos`` on the same line, or ''."""
    m = _WORD_AFTER_RE.match(text[pos : pos + 40])
    return m.group(1) if m else ""


def _looks_plural(word: str) -> bool:
    """Guess whether an English word is a plural noun (a count follows a number)."""
    w = word.lower()
    if w in _IRREGULAR_PLURALS or (w.endswith("men") and len(w) > 4):
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
        and w not in _NOT_PLURAL


# Verbs of being and seeming whose third person looks like a plural noun: after a year they
# are its verb ("the outlook for 2026 remains uncertain", "2022 looks tougher"); as counts
# ("2000 remains", "2000 looks") they are rare, and a count's "remains" takes "of" after it.
_LINKING_VERBS = _words("remains stays seems appears looks becomes proves promises")


def _linking_verb_after(text: str, end: int, after: str) -> bool:
    """Tell whether ``after``, the word after a year-like number ending at ``end``, is a verb
    of being whose subject the year is (not "2000 remains of soldiers")."""
    if after.lower() not in _LINKING_VERBS:
        return False
    at = text.find(after, end)
    return _word_after(text, at + len(after)).lower() != "of"


def _is_future(text: str, start: int, end: int) -> bool:
    """Tell whether the clause around [start, end) is in the future tense."""
    lo = max(0, start - 120)
    before = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    before = before[cut:]
    if _REPORTED_ON_RE.search(before):
        return False
    after = text[end : end + 120]
    stop = _CLAUSE_BREAK.search(after)
    clause = before + " " + after[: stop.start() if stop else len(after)]
    if stop is not None and stop.group() == "?" and _PRESENT_QUESTION_RE.search(before) \
            and not _PAST_RE.search(clause):
        return True  # "are you free at the weekend?": a question in the present asks ahead
    return _FUTURE_RE.search(clause) is not None or _FUTURE_IN_PAST_RE.search(before) is not None


# What a weekday no tense places is the nearer one of only where it names a thing held on a
# set day ("Monday's meeting", "the leaders meet on Monday"): a shooting, a fire or a crash
# ("Saturday's shooting", "investigating Saturday's fire", a headline's "opens fire on
# Saturday") is already past.
_SCHEDULED = _words(
    "meeting meetings summit talks vote votes election elections hearing hearings game match "
    "final debate deadline conference visit trial session launch ceremony rally race opening "
    "sitting parade festival concert auction")
_SCHEDULE_VERB_RE = re.compile(
    r"(?i)\b(?:meet|meets|gather|gathers|convene|convenes|vote|votes|sit|sits|play|plays|face"
    r"|faces|visit|visits|travel|travels|head|heads|hold|holds|host|hosts)\b[^.!?\n]{0,40}$")


# A thing set for a day: "a hearing on the request for Wednesday", "the vote for Friday".
# A weekday a pause or a closure runs to, from the day of writing ("suspended until Wednesday
# morning", "closed till Friday").
_UNTIL_BEFORE_RE = re.compile(r"(?i)\b(?:until|till)[^\S\n]+(?:on[^\S\n]+)?$")
_SCHEDULED_FOR_RE = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(_SCHEDULED))})\b[^.!?\n]{{0,40}}\bfor\s+$")


_HAD_BEFORE_RE = re.compile(r"(?i)\bhad(?:n['’]t)?\b")


def _recounted(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a day something was set for tells it as past: a past
    perfect before it ("had scheduled the vote for Wednesday") or a verb in the past after
    it ("the hearing for Wednesday went ahead", "..., and the bill passed")."""
    before, after = _sentence_around(text, start, end)
    return _HAD_BEFORE_RE.search(before) is not None or _past_verb_in(after)


def _is_past(text: str, start: int, end: int) -> bool:
    """Tell whether the sentence around [start, end) has a verb in the past tense ("At the
    conference on Wednesday, Ek said ...": the date's own clause may have none)."""
    before, after = _sentence_around(text, start, end)
    return _past_verb_in(before + " " + after)


SENTENCE_REACH = 240  # characters read either side of a date for its sentence


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the sentence holding [start, end) before it and after it."""
    before = text[max(0, start - SENTENCE_REACH):start]
    cut = max((m.end() for m in _SENTENCE_STOP_RE.finditer(before)), default=0)
    after = text[end:end + SENTENCE_REACH]
    stop = _SENTENCE_STOP_RE.search(after)
    return before[cut:], after[: stop.start() if stop else len(after)]


def _past_verb_in(words: str) -> bool:
    """Whether ``words`` hold a verb in the past tense (WordNet's irregular pasts too)."""
    return _PAST_RE.search(words) is not None or any(
        lexicon.irregular_verb_form(w) for w in _LOWER_WORD_RE.findall(words)
        if w not in _PRESENT_IRREGULAR and not w.endswith("ing"))


_SENTENCE_STOP_RE = re.compile(r"[.!?](?:\s|$)|\n")


# (a lower-case word: an irregular past among them, "spoke", "flew", dates the clause; the
# present forms WordNet lists with them do not)
_LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}\b")
_PRESENT_IRREGULAR = frozenset({"is", "are", "am", "has"})


# A question asked in the present or of what will be: its verb a present or modal auxiliary
# ("are you free", "can we meet", "do you want to", "will you come")
_PRESENT_QUESTION_RE = re.compile(
    r"(?i)\b(?:are|is|am|can|could|will|would|shall|should|do|does|may|might)\b")
# ... and never a past tense in its clause: an auxiliary ("how was the weekend?", "did you go"),
# a perfect ("have you seen"), a regular past ("what happened", "you went" is left to the
# auxiliaries' absence) or a common irregular past ("who won", "who saw")
_PAST_RE = re.compile(
    r"(?i)\b(?:was|were|did|had|have|has|wasn['’]t|weren['’]t|didn['’]t|hadn['’]t|went|won|"
    r"lost|saw|said|told|came|got|made|took|gave|found|left|met|ran|began|\w{2,}ed)\b")


_RANGE_AFTER_RE = re.compile(r"[^\S\n]*(?:-|–|—|to|and|or)[^\S\n]*([\d,]+)")
_RANGE_BEFORE_RE = re.compile(r"([\d,]+)[^\S\n]*(?:-|–|—|to|and|or)[^\S\n]*$")
_UP_TO_RE = re.compile(r"(?i)\bup[^\S\n]+to[^\S\n]*$")
_POSSESSIVE_RE = re.compile(r"['’]s[^\S\n]+((?:[a-z]+[^\S\n]+){0,2}[a-z]+)")
_ROLE_STOPS = _words(
    "on in at of and by for with to was is were that which who"
)
_DETERMINERS = _words("the a an its their his her our this that")
_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ALTERNATIVES = ("iso", "numeric", "holiday", "mdy", "dmy", "my", "quarter", "ordquarter", "yrange",
                 "yearpart", "decade",
                 "fy", "year", "relmon",
                 "reldow", "dow", "season", "rel", "vague", "month")


def _not_a_year(digits: str) -> bool:
    """Tell whether a digit string (maybe with commas) is outside the year range."""
    plain = digits.replace(",", "")
    return not plain.isdigit() or not YEAR_MIN <= int(plain) <= YEAR_MAX


# Words that mark a number as a year in languages other than English: Chinese/Japanese 年,
# Russian год/года/году/г., Ukrainian рік/року/році/р., Turkish yıl..., Arabic م (AD) after it;
# Arabic عام/العام/سنة, Persian سال before it.
_YEAR_AFTER_PREFIXES = ("年", "년", "год", "рік", "року", "році", "yıl", "سنة")
_YEAR_AFTER_WORDS = frozenset(["م"])
_YEAR_ABBREVIATIONS = frozenset(["г", "р"])  # only with their full stop: "2000 г" is grams
_YEAR_BEFORE_WORDS = frozenset(["عام", "العام", "لعام", "بعام", "سنة", "السنة", "لسنة", "سال",
                                "年度"])
_ANY_WORD_BEFORE_REV = re.compile(r"[^\S\n]*([^\W\d_]+)")


def _year_marked(text: str, start: int, end: int, after: str) -> bool:
    """Tell whether a word next to a year-like number marks it as a year in another language."""
    low = after.lower()
    if low.startswith(_YEAR_AFTER_PREFIXES) or low in _YEAR_AFTER_WORDS:
        return True
    if low in _YEAR_ABBREVIATIONS:
        at = text.find(after, end, end + 4)
        if at >= 0 and text[at + len(after) : at + len(after) + 1] == ".":
            return True
    m = _ANY_WORD_BEFORE_REV.match(text[max(0, start - 12) : start][::-1])
    return m is not None and m.group(1)[::-1] in _YEAR_BEFORE_WORDS


def _year_is_count(text: str, start: int, end: int) -> bool:
    """Tell whether a bare year-like number at [start, end) is a count ("about 2000 people")."""
    if _word_before(text, start) in _COUNT_HEDGES or _UP_TO_RE.search(text, max(0, start - 8),
                                                                         start):
        # ... unless what a year names follows: "debate over 2020 census rules", "about 2024
        # budget talks" (a count is of things: "over 2000 people"; and a round hundred before
        # a noun that qualifies a plural is one too: "more than 2000 election workers")
        noun = _word_after(text, end)
        if _YEAR_NOUN_AFTER_RE.fullmatch(noun) is None:
            return True
        m = re.compile(rf"[^\S\n]+{re.escape(noun)}[^\S\n]+([a-z]+)").match(text, end)
        return text[end - 2 : end] == "00" and m is not None and _looks_plural(m.group(1))
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True  # "Su-2000": a name; "mid-2019" never gets here (the part is consumed)
    after = _word_after(text, end)
    if _year_marked(text, start, end, after):
        return False  # "2014年", "в 2014 году", "عام 2014": the text says it is a year
    if after and not _LATIN_WORD_RE.match(after):
        return True  # non-Latin script follows: we cannot tell, numbers.py keeps it
    if _looks_plural(after) and not _linking_verb_after(text, end, after) \
            and not _cycle_year(text[start:end], after):
        return True
    # A year-like number next to a number that is not a year ("2000-3000") is a count.
    tail = _RANGE_AFTER_RE.match(text, end, min(len(text), end + 20))
    if tail and _not_a_year(tail.group(1)):
        return True
    head = _RANGE_BEFORE_RE.search(text, max(0, start - 20), start)
    return bool(head and _not_a_year(head.group(1)))


def _part_of(raw: str | None) -> str:
    """Normalise a part modifier ("the end of" -> "late")."""
    if not raw:
        return ""
    p = _NORM_SPACE_RE.sub(" ", raw.lower()).strip(" -")
    p = p.removeprefix("the ").removeprefix("very ")
    if p.startswith(("beginning", "start")):
        return "early"
    if p.startswith("middle"):
        return "mid"
    if p.startswith(("end", "close")):
        return "late"
    if "half" in p:
        return "half1" if p.startswith("first") else "half2"
    if "week" in p:
        # "the final weekend of June": a week of the month, read as its days (the weekend
        # inside them falls on days the year decides)
        return f"w{WEEK_ORDER[p.split()[0]]}"
    if "quarter" in p:
        order = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
        return f"q{order[p.replace('-', ' ').split()[0]]}"  # "third-quarter" too
    return p  # early | mid | late | earlier | later


def _possessive_role(text: str, end: int) -> str:
    """Return the noun after a possessive ("last month's brutal attack on" -> "attack")."""
    m = _POSSESSIVE_RE.match(text, end, min(len(text), end + 50))
    if not m:
        return ""
    kept: list[str] = []
    for word in m.group(1).split()[:2]:  # "brutal attack": at most an adjective and a noun
        if word in _ROLE_STOPS or (kept and word.endswith(("ed", "s"))):
            break  # "attack killed", "flood hits": the verb ends the noun phrase
        kept.append(word)
    return kept[-1] if kept else ""


def _capitalised_before(text: str, pos: int) -> bool:
    """Tell whether the word right before ``pos`` is capitalised and not a date trigger."""
    m = _NAME_BEFORE_REV.match(text[max(0, pos - 30) : pos][::-1])
    if m is None:
        return False
    word = m.group(1)[::-1]
    return word[0].isupper() and word.lower() not in _MONTH_TRIGGERS


def _matches(text: str) -> list[re.Match[str]]:
    """Find _DATE_RE matches like ``finditer``, trying only near trigger words.

    Trying the big pattern at every character costs ~6 ms per 800-word article. Every time
    expression contains a trigger token (a month, "last", "ago", a digit, ...), preceded only
    by locator and part words ("at the end of"), so only those word starts are tried.
    """
    starts: list[int] = []
    for t in _TOKEN_RE.finditer(text):
        tok = t[0]
        if tok not in _TRIGGER_FORMS and not tok[0].isdigit():
            continue
        pos = t.start()
        if tok[0].isdigit():
            if pos and text[pos - 1] in "'’Qq":
                pos -= 1  # "'90s", "Q2 2020": the expression starts one character earlier
            elif len(tok) > 4 or (len(tok) < 4 and not _DAY_OR_COUNT_NEXT_RE.match(text, t.end())
                                  and not _NUMERIC_DATE_NEXT_RE.match(text, t.end())
                                  and not text.startswith("Q", t.end())):  # "4Q21"
                # A figure is part of a date only as a year, a day before a month ("3 May";
                # "May 3" starts at the month) or a count of units ("3 days ago"): skipping
                # the rest keeps number-dense text cheap.
                continue
        chain = _PREFIX_CHAIN_REV.match(text[max(0, pos - _LOOKBACK_CHARS) : pos][::-1])
        if chain is not None:
            starts.extend(w.start() for w in _TOKEN_RE.finditer(text, pos - chain.end(), pos))
        starts.append(pos)
    return patterns.matches_at(_DATE_RE, text, starts)


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[_Match, ...]:
    """Find every time expression in ``text`` (cached: numbers.py asks for the same text)."""
    # Arabic-Indic digits become ASCII one for one, so offsets stay put; skip the walk when
    # there are none (translate costs ~0.4 ms on a long non-ASCII text).
    digits = text.translate(_DIGITS) if not text.isascii() and _ARABIC_DIGIT_RE.search(text) \
        else text
    found: list[_Match] = []
    for m in _matches(digits):
        group = next(g for g in _ALTERNATIVES if m.group(g) is not None)
        core_start, end = m.start("core"), m.end()
        start = m.start()
        core = m.group("core")
        part = _part_of(m.group("part"))
        qualified = m.group("part") is not None or m.group("prep") is not None
        if group == "holiday":  # "Christmas Eve 2019": read as "24 December 2019"
            year = _explicit_year(core)
            month, day = holiday_day(_YEAR_AFTER_RE.sub("", core)) or (0, 0)
            group, core = "dmy", f"{day} {MONTH_NAMES[month].lower()}" + (f" {year}" if year else "")
        if group == "yearpart":  # "2025's end": the end of 2025
            group, part, core = "year", _part_of(core.split()[-1]), core[:4]
        if group == "mdy" and _explicit_year(core) is None and \
                core.split()[0].lower() in _FULL_MONTHS and not core[-1].isalpha() and \
                _looks_plural(_word_after(digits, end)) and \
                _word_before(digits, core_start).lower() not in _DETERMINERS:
            # "In May 10 people died": the number counts people; keep only the month. An
            # abbreviated month ("after the Sept. 11 attacks") is AP date style, not a count;
            # nor is an ordinal ("On March 4th Corvins men"): a day; nor a day after a
            # determiner ("the September 11 attacks", "the May 4 riots"): a date before its noun.
            group, end = "month", core_start + len(core.split()[0])
            core = core.split()[0]
        if group == "month":
            before = _word_before(digits, core_start)
            if not qualified and (before not in _MONTH_TRIGGERS
                                  or (before == "the" and core in ("May", "March"))) \
                    and not (core in _COPULA_MONTHS and _COPULA_BEFORE_RE.search(
                        digits, max(0, core_start - 24), core_start)
                        and not _word_after(digits, end)[:1].isupper()
                        and digits[end : end + 2] not in ("'s", "’s")):
                continue
            if _word_after(digits, end).lower() in ("be", "have", "not"):
                continue  # "May be": a verb at a line start
        if group == "quarter" and core[0].isdigit() and not qualified and (
                len(core) == 2 or _word_before(digits, core_start).lower() not in _QUARTER_BEFORE):
            # "in 4Q", "the 4Q21 results": an earnings quarter after a preposition or a
            # determiner; "Route 4Q", "wrote 1Q84" (a title) are names
            continue
        if group == "dow" and (_capitalised_before(digits, core_start)
                               or _word_after(digits, end)[:1].isupper()):
            continue  # "Bloody Sunday", "Sunday Times": names, not dates
        if group in ("year", "yrange") and m.group("part") is None and \
                _year_is_count(digits, core_start, end):
            continue
        if group == "year" and clock_after_weekday(digits, core_start, end):
            continue  # "from Thursday 1800 to Friday 1200": a time on the 24-hour clock
        if group == "yrange":
            y1, y2 = re.findall(r"\d+", core)
            y2i = int(y2) if len(y2) == 4 else int(y1[:2] + y2)
            if not 0 < y2i - int(y1) <= 30:
                continue
        if group == "vague" and _FIGURE_BEFORE_RE.search(digits, max(0, core_start - 24),
                                                           core_start):
            continue  # "4.5 million years ago": a span of time counted, not a date
        if group == "rel" and re.fullmatch(r"(?i)the\s+weekend", core):
            if _word_before(digits, core_start) not in ("over", "at", "during", "on"):
                continue  # "over the weekend" is a date; "the weekend shift" is not
        elif group == "rel" and not part and \
                re.fullmatch(r"(?i)the\s+(?:week|month|year)", core):
            continue  # "the year" is a date only as "the end of the year"
        if part in ("earlier", "later") and not core.lower().startswith("this"):
            start, part = core_start, ""  # they only narrow "this week/month/year"
        if part.startswith(("half", "q")) and group not in ("year", "my", "month", "relmon",
                                                            "rel"):
            start, part = core_start, ""
        role = _possessive_role(digits, end)
        if not role and group in ("year", "my", "decade") and \
                _word_before(digits, start) in _DETERMINERS:
            after = _word_after(digits, end)
            if after and after[0].islower() and _LATIN_WORD_RE.match(after) and \
                    after not in _ROLE_STOPS and after not in _MONTH_TRIGGERS:
                role = after.lower()  # "the 2003 invasion" -> "invasion"
        future = (group in ("month", "dow", "reldow", "mdy", "dmy")
                  or (group == "rel" and core.lower().endswith("the weekend"))) and \
            _is_future(digits, start, end)
        if group == "dow" and _SCHEDULED_FOR_RE.search(digits, max(0, start - 60), start) \
                and not _recounted(digits, start, end):
            future = True  # "called a hearing for Wednesday": the day it is set for, ahead
        if group == "dow" and _UNTIL_BEFORE_RE.search(digits, max(0, start - 12), start):
            future = True  # "the search was suspended until Wednesday": a pause runs ahead
        untensed = group == "dow" and not future and not _is_past(digits, start, end) and (
            role in _SCHEDULED or _SCHEDULE_VERB_RE.search(digits, max(0, start - 60), start)
            is not None)
        found.append(_Match(start, end, group, _NORM_SPACE_RE.sub(" ", core.lower()),
                            part, future, role, untensed))
    # "Monday, July 16, 2018", "on Monday (July 16)": the weekday names the date after it, one
    # date, which the calendar date says
    return tuple([m for k, m in enumerate(found)
                  if not (m.group == "dow" and k + 1 < len(found)
                          and found[k + 1].group in ("mdy", "dmy")
                          and _WEEKDAY_BESIDE_RE.fullmatch(digits, m.end, found[k + 1].start)
                          and _weekday_of(found[k + 1].core) in (None, WEEKDAYS[m.core.split()[-1]]))])


def _weekday_of(core: str) -> int | None:
    """The weekday of a calendar date with its year ("july 16, 2018": 0, a Monday), else None
    (a weekday beside a date it does not fall on is a date of its own, and a change)."""
    year, month = _explicit_year(core), _month_in(core)
    day = re.search(r"\b(\d{1,2})\b", core)
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, int(day.group(1))).weekday()
    except ValueError:
        return None


_WEEKDAY_BESIDE_RE = re.compile(r"[\s,(]*")
# A weekday right before four digits that read as a time ("Thursday 1800"): a year is never
# written so, a warning's or a timetable's 24-hour time is.
_WEEKDAY_JUST_BEFORE_RE = re.compile(rf"{_WEEKDAY}[^\S\n]+$")
_HHMM_RE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


# ... and no word after them but a range's or a zone's ("Thursday 1800 to Friday 1200", "Friday
# 1200 GMT"): "On Friday 1500 workers walked out" counts workers.
_CLOCK_END_RE = re.compile(
    rf"(?i)(?:[^\S\n]*(?:[-\u2013\u2014,.;:)|]|$)|[^\S\n]+(?:to|until|till|and|hrs|hours|gmt|utc|bst|"
    rf"cet|local|{_WEEKDAY})\b)")


def clock_after_weekday(text: str, start: int, end: int) -> bool:
    """The four digits at ``text[start:end]`` are a 24-hour time after a weekday's name."""
    return _HHMM_RE.fullmatch(text, start, end) is not None and \
        _WEEKDAY_JUST_BEFORE_RE.search(text, max(0, start - 12), start) is not None and \
        _CLOCK_END_RE.match(text, end) is not None


DATELINE_NOTE = "a dateline's date"


def date_spans(text: str) -> list[tuple[int, int]]:
    """Return the half-open spans this module claims in ``text``, for numbers.py to skip."""
    return [(m.start, m.end) for m in _scan(text)]


# --- calendar arithmetic ---------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    """Return the last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Move a (year, month) by ``delta`` months."""
    i = year * 12 + (month - 1) + delta
    return i // 12, i % 12 + 1


def _month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Return a whole month as an inclusive interval."""
    return dt.date(year, month, 1), _month_end(year, month)


def _year_interval(year: int) -> tuple[dt.date, dt.date]:
    """Return a whole year as an inclusive interval."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week_interval(day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the Monday-to-Sunday week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _add_units(day: dt.date, unit: str, n: int) -> dt.date:
    """Move a date by ``n`` days, weeks, months or years (clamping the day of month)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, mo = _shift_month(day.year, day.month, months)
    return dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1]))


def _narrow(start: dt.date, end: dt.date, gran: str, part: str, ref: dt.date | None
            ) -> tuple[dt.date, dt.date, str]:
    """Apply a part modifier (early/mid/late/half/quarter/earlier/later) to an interval."""
    if not part:
        return start, end, gran
    if part == "earlier" and ref is not None:
        return start, min(end, ref), "period"
    if part == "later" and ref is not None:
        return max(start, ref), end, "period"
    if gran == "month":
        last = end.day
        if part in MONTH_PARTS:
            lo, hi = MONTH_PARTS[part]
            return start.replace(day=lo), start.replace(day=min(hi, last)), "part-of-month"
        if part in ("half1", "half2"):
            return ((start, start.replace(day=15)) if part == "half1"
                    else (start.replace(day=16), end)) + ("part-of-month",)
        if part.startswith("w"):
            return _week_of(start, end, int(part[1])) + ("part-of-month",)
    if gran == "year":
        y = start.year
        if part in YEAR_PARTS:
            lo, hi = YEAR_PARTS[part]
        elif part in ("half1", "half2"):
            lo, hi = (1, 6) if part == "half1" else (7, 12)
        elif part.startswith("q"):
            q = int(part[1])
            lo, hi = 3 * q - 2, 3 * q
        elif part.startswith("w"):
            return _week_of(start, end, int(part[1])) + ("part-of-year",)
        else:
            return start, end, gran
        return dt.date(y, lo, 1), _month_end(y, hi), "part-of-year"
    if gran == "decade" and part in DECADE_PARTS:
        lo, hi = DECADE_PARTS[part]
        return dt.date(start.year + lo, 1, 1), dt.date(start.year + hi, 12, 31), "part-of-decade"
    if gran == "week" and part in MONTH_PARTS:
        lo, hi = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]
        return start + dt.timedelta(days=lo), start + dt.timedelta(days=hi), "part-of-week"
    return start, end, gran


def _week_of(start: dt.date, end: dt.date, order: int) -> tuple[dt.date, dt.date]:
    """The days of a month's or a year's first (1) to fourth (4) week, or its last (0)."""
    if order == 0:
        return end - dt.timedelta(days=6), end
    return start + dt.timedelta(days=7 * (order - 1)), start + dt.timedelta(days=7 * order - 1)


def _resolve_month(month: int, ref: dt.date, mode: str) -> tuple[int, int]:
    """Pick the year of a month name: mode last | next | this | past | future."""
    y = ref.year
    if mode == "this":
        return y, month
    if mode == "last":  # strictly before the reference month
        return (y, month) if month < ref.month else (y - 1, month)
    if mode == "next":  # strictly after the reference month
        return (y, month) if month > ref.month else (y + 1, month)
    if mode == "future":  # on or after
        return (y, month) if month >= ref.month else (y + 1, month)
    return (y, month) if month <= ref.month else (y - 1, month)  # past: on or before


def _weekday_near(ref: dt.date, weekday: int, mode: str) -> dt.date:
    """Pick a weekday relative to ``ref``: mode past | last | next | future | this |
    nearest."""
    if mode == "this":
        return _week_interval(ref)[0] + dt.timedelta(days=weekday)
    back = (ref.weekday() - weekday) % 7
    if mode == "nearest":
        ahead = (weekday - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead) if ahead < back else ref - dt.timedelta(days=back)
    if mode == "past":
        return ref - dt.timedelta(days=back)
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    ahead = (weekday - ref.weekday()) % 7
    if mode == "next":
        return ref + dt.timedelta(days=ahead or 7)
    return ref + dt.timedelta(days=ahead)  # future: on or after


# A two-digit year below this is this century's ("Q4'21"), else the last one's ("Q4'99").
SHORT_YEAR_PIVOT = 50


# Words a digit-first quarter ("4Q21") follows in earnings copy.
_QUARTER_BEFORE = frozenset({"the", "a", "its", "their", "our", "for", "of", "since", "from",
                             "to", "by", "and", "than", "versus", "vs", "over", "during"})


def _short_year(tail: str) -> int | None:
    """The year of a two-digit tail ("'21", "21" in "4Q21")."""
    digits = tail.lstrip("'’ ")
    if len(digits) != 2 or not digits.isdigit():
        return None
    return (2000 if int(digits) < SHORT_YEAR_PIVOT else 1900) + int(digits)


def _explicit_year(core: str) -> int | None:
    """Return the 4-digit year written in an expression, if any."""
    m = re.search(r"\b(1[89]\d\d|20\d\d|2100)\b", core)
    return int(m.group(1)) if m else None


def _month_in(core: str) -> int | None:
    """Return the month number named in an expression, if any."""
    for word in re.findall(r"[a-z]+", core.lower()):
        if word in MONTHS:
            return MONTHS[word]
    return None


def _day_in(core: str) -> int | None:
    """Return the day of month written in a month-day expression."""
    for token in re.findall(r"\d+", core):
        if len(token) <= 2:
            return int(token)
    return None


def _numeric_fields(core: str) -> tuple[int, int, int, str]:
    """Read a numeric date into (year, month, day, note); the note says how an ambiguous one was read.

    The convention: year-first ("2021/05/03", "2021.5.3") is always year-month-day; dotted and
    dashed day-month-year ("03.05.2021", "3-5-2021") is day-first, as in Europe and most of the
    world; slashed ("5/3/2021") is month-first, as in US news. A field above 12 forces the other
    reading ("13.05.2021", "13/5/2021", "5/13/2021"). The reading depends on the string alone,
    so the same string on both sides always gives the same day.
    """
    parts = re.split(r"[./-]", core)
    sep = core[len(parts[0])]
    if len(parts[0]) == 4:
        return int(parts[0]), int(parts[1]), int(parts[2]), ""
    first, second, year = int(parts[0]), int(parts[1]), int(parts[2])
    day_first = sep != "/"
    if day_first and second > 12 >= first:
        day_first = False  # "05.13.2021": month-first after all
    elif not day_first and first > 12 >= second:
        day_first = True  # "13/5/2021": day-first after all
    day, month = (first, second) if day_first else (second, first)
    note = ""
    if first != second and first <= 12 and second <= 12:
        note = ("ambiguous numeric date read day-first (day.month.year)" if day_first
                else "ambiguous numeric date read month-first (month/day/year)")
    return year, month, day, note


def _resolve(mt: _Match, ref: dt.date | None) -> tuple[dt.date, dt.date, str, bool] | None:
    """Resolve a match into (start, end, granularity, relative), or None if it cannot be."""
    g, core = mt.group, mt.core
    if g == "iso":
        y, mo, d = (int(x) for x in core.split("-"))
        day = dt.date(y, mo, d)
        return day, day, "day", False
    if g == "numeric":
        y, mo, d, _ = _numeric_fields(core)
        day = dt.date(y, mo, d)
        return day, day, "day", False
    if g in ("mdy", "dmy"):
        month, dnum, year = _month_in(core), _day_in(core), _explicit_year(core)
        if month is None or dnum is None:
            return None
        relative = year is None
        if year is None:
            if ref is None:
                return None
            year = ref.year
            ahead = (dt.date(year, month, min(dnum, 28)) - ref).days
            if mt.future:
                if (month, dnum) < (ref.month, ref.day):
                    year += 1
            elif (month, dnum) > (ref.month, ref.day) and ahead > NEAR_FUTURE_DAYS:
                year -= 1  # "on July 3" in mid-June news is this July; "on December 3" is last
        if dnum > calendar.monthrange(year, month)[1]:
            return None
        day = dt.date(year, month, dnum)
        return day, day, "day", relative
    if g in ("quarter", "ordquarter"):
        # "Q4 2021", "Q4'21", "4Q21", "4Q 2021": the digit next to the Q, the year after it;
        # "the fourth quarter" is "Q4"
        q = _QUARTER_ORDINALS[core.lower().removeprefix("the").split()[0].split("-")[0]] \
            if g == "ordquarter" else int(core[0] if core[0].isdigit() else core[1])
        year = None if g == "ordquarter" else _explicit_year(core) or _short_year(core[2:])
        relative = year is None
        if year is None:  # "Q2": the most recent second quarter that has begun
            if ref is None:
                return None
            year = ref.year if 3 * q - 2 <= ref.month else ref.year - 1
        return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "part-of-year", relative
    if g == "my":
        month, year = _month_in(core), _explicit_year(core)
        if month is None or year is None:
            return None
        return *_month_interval(year, month), "month", False
    if g == "year":
        return *_year_interval(int(core)), "year", False
    if g == "fy":
        # "FY21", "FY 2021": a fiscal year, read as the year it is named after (a company's
        # fiscal year need not start in January: "fiscal 2021" is read the same way)
        digits = re.search(r"\d+", core)
        assert digits is not None
        n = int(digits.group(0))
        year = n if n >= 1900 else _short_year(digits.group(0))
        assert year is not None
        return *_year_interval(year), "year", False
    if g == "yrange":
        y1, y2 = re.findall(r"\d+", core)
        y2i = int(y2) if len(y2) == 4 else int(y1[:2] + y2)
        return dt.date(int(y1), 1, 1), dt.date(y2i, 12, 31), "period", False
    if g == "decade":
        digits = re.search(r"\d+", core)
        assert digits is not None
        written = digits.group(0)
        n = int(written)
        base = n if len(written) == 4 else (1900 + n if n >= 30 else 2000 + n)  # '90s, '20s
        return dt.date(base, 1, 1), dt.date(base + 9, 12, 31), "decade", False
    if g == "season" and (year := _explicit_year(core)) is not None:
        return _season(core, year)
    if ref is None:
        return None
    if g == "month":
        month = _month_in(core)  # "sept." as well as "september"
        if month is None:
            return None
        return *_month_interval(*_resolve_month(month, ref, "future" if mt.future else "past")), \
            "month", True
    if g == "relmon":
        mode, name = core.split()
        month = _month_in(name)
        if month is None:
            return None
        mode = "last" if mode == "past" else mode
        return *_month_interval(*_resolve_month(month, ref, mode)), "month", True
    if g in ("dow", "reldow"):
        words = core.split()
        weekday = WEEKDAYS[words[-1]]
        mode = words[0] if len(words) == 2 and words[0] != "on" else "past"
        mode = "last" if mode == "past" and words[0] == "past" else mode
        if mode == "past" and mt.future:
            mode = "future"
        elif mode == "past" and mt.untensed:
            mode = "nearest"
        day = _weekday_near(ref, weekday, mode)
        return day, day, "day", True
    if g == "season":
        mode, name = core.split()
        return _season(name, _season_year(SEASONS[name], ref, mode))
    if g == "rel":
        if (mt.future and core == "the weekend") or core.endswith("coming weekend"):
            # "plan to meet over the weekend", "the coming weekend": the next one (or today's)
            saturday = _week_interval(ref)[0] + dt.timedelta(days=5)
            if ref > saturday + dt.timedelta(days=1):
                saturday += dt.timedelta(days=7)
            return saturday, saturday + dt.timedelta(days=1), "weekend", True
        return _resolve_rel(core, ref)
    return None


def _season_year(start_month: int, ref: dt.date, mode: str) -> int:
    """Pick the year of a named season (winter: the year of its December) around ``ref``."""
    now = ref.year * 12 + ref.month - 1  # months since year 0
    current = now - (ref.month - 3) % 3  # start of the season containing ref
    target = start_month - 1
    if mode in ("last", "past"):  # most recent one that started before the current season
        idx = current - ((current - target) % 12 or 12)
    elif mode == "next":
        idx = current + ((target - current) % 12 or 12)
    else:  # this: the one of this calendar year (winter: the one running in Jan-Feb)
        idx = ref.year * 12 + target - (12 if start_month == 12 and ref.month <= 2 else 0)
    return idx // 12


def _season(core: str, year: int) -> tuple[dt.date, dt.date, str, bool]:
    """Return a meteorological season of ``year`` (winter: December of ``year`` to February)."""
    name = next(s for s in SEASONS if s in core)
    start_month = SEASONS[name]
    end_y, end_m = _shift_month(year, start_month, 2)
    return dt.date(year, start_month, 1), _month_end(end_y, end_m), "season", \
        _explicit_year(core) is None


def _resolve_rel(core: str, ref: dt.date) -> tuple[dt.date, dt.date, str, bool] | None:
    """Resolve "last month", "yesterday", "three days ago", "the past two weeks", ..."""
    if core.endswith("season"):
        return None  # a sports or a fiscal season keeps no calendar: compared by SEASON_KEYS
    day_offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
                   "the day before yesterday": -2, "this morning": 0, "this afternoon": 0,
                   "this evening": 0}
    if core in day_offsets:
        day = ref + dt.timedelta(days=day_offsets[core])
        return day, day, "day", True
    if core.endswith(" ago"):
        q = _QUANTITY_RE.match(core)
        if q is None:
            return None
        n, unit = _count(q.group("n")), q.group("u").lower()
        day = _add_units(ref, unit, -n)
        if unit == "day":
            return day, day, "day", True
        if unit == "week":
            return *_week_interval(day), "week", True
        if unit == "month":
            return *_month_interval(day.year, day.month), "month", True
        return *_year_interval(day.year), "year", True
    words = core.split()
    if words[-1].startswith("year") and words[-1][4:5] in "-\u2010\u2011" and \
            words[-1].endswith("ago"):
        words = ["last", "year"]  # "the year-ago quarter": the same quarter, a year back
        core = "last year"
    if len(words) == 3 and words[0] == "the" and words[1] in ("previous", "prior", "current"):
        # "the previous year" is last year, as "last year" is; "the current year" this year
        words = ["this" if words[1] == "current" else "last", words[2]]
        core = " ".join(words)
    if core == "the weekend":  # "over the weekend": the one just ended (or under way)
        saturday = _week_interval(ref)[0] + dt.timedelta(days=5)
        if ref < saturday:
            saturday -= dt.timedelta(days=7)
        return saturday, saturday + dt.timedelta(days=1), "weekend", True
    if len(words) == 2 and words[0] == "the":
        words = ["this", words[1]]  # "the end of the year": this year
    if words[0] == "the":  # the past/last/previous [N] unit(s): a period ending at ref
        q = _QUANTITY_RE.match(" ".join(words[2:]))
        n, unit = (_count(q.group("n")), q.group("u").lower()) if q else (1, words[-1].rstrip("s"))
        return _add_units(ref, unit, -n), ref, "period", True
    mode, unit = words[0], words[-1]
    delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[mode]
    if unit == "weekend":
        saturday = _week_interval(ref)[0] + dt.timedelta(days=5 + 7 * delta)
        if delta == -1 and ref.weekday() == 6:
            saturday += dt.timedelta(days=7)  # on a Sunday, "last weekend" is the one just ended
        return saturday, saturday + dt.timedelta(days=1), "weekend", True
    if unit == "week":
        return *_week_interval(ref + dt.timedelta(weeks=delta)), "week", True
    if unit == "month":
        return *_month_interval(*_shift_month(ref.year, ref.month, delta)), "month", True
    if unit == "quarter":  # a calendar quarter: "last quarter" in May is January-March
        year, month = _shift_month(ref.year, ref.month - (ref.month - 1) % 3, 3 * delta)
        return dt.date(year, month, 1), _month_end(year, month + 2), "part-of-year", True
    return *_year_interval(ref.year + delta), "year", True


def _count(word: str) -> int:
    """Read a small count written in digits or words."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


# --- the seam --------------------------------------------------------------------------------


# "Last season", "the previous season", "this season", "next season" (of a league, a show, a
# fiscal year): one season before, at or after the date of writing, whatever the calendar.
SEASON_OFFSETS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0,
                  "next": 1, "coming": 1}
SEASON_KEY = "relative:season "


def _season_key(mt: _Match) -> str:
    """The key of a season counted from the date of writing ("relative:season -1"), or ""."""
    words = mt.core.split()
    if mt.group != "rel" or words[-1] != "season" or mt.part:
        return ""
    return f"{SEASON_KEY}{SEASON_OFFSETS[words[-2]]:+d}"


def _normalised_phrase(text: str) -> str:
    """Normalise an expression for a key: case, spaces, apostrophes, leading locator."""
    t = _NORM_SPACE_RE.sub(" ", text.replace("’", "'")).strip().lower()
    t = _LEADING_PREP_RE.sub("", t)
    # "over the last decade" and "in the past decade" say the same thing.
    return re.sub(r"\b(?:last|previous)\b", "past", t) if not re.match(r"last \w+$", t) else t


# Vague expressions that say the same thing, keyed by one of them.
VAGUE_SYNONYMS = {"lately": "recently", "of late": "recently", "nowadays": "these days"}
# A span of the recent past or the near future however it is put: "the past few years", "the
# last several years", "recent years" are one time ("recent years"); "the coming months", "the
# next few months" another ("coming months"). "The past year" and "two years ago" are not vague
# periods of this kind and keep their own words.
_VAGUE_SPAN_RE = re.compile(
    r"(?:the )?(?:(?P<past>past|last|previous|recent)|(?P<future>coming|next))"
    r"(?: few| several| couple of)? (?P<unit>days|weeks|months|years|decades?|times)$")


def _vague_key(phrase: str) -> str:
    """The key of a vague time's normalised phrase (see _VAGUE_SPAN_RE)."""
    m = _VAGUE_SPAN_RE.match(phrase)
    if m is None:
        return VAGUE_SYNONYMS.get(phrase, phrase)
    # ("the past decade" is one decade: "recent decade", not "recent decades")
    return ("recent " if m.group("past") else "coming ") + m.group("unit")
# Without a publication date a relative expression cannot be dated, but two wordings of one
# expression ("13 February" / "February 13th", "mid August" / "mid-August", "the end of the
# year" / "end of the year") can be told apart from two expressions: resolved against two
# reference dates far apart (a Monday in June, a Wednesday in December), the same expression
# gives the same intervals, two different ones almost never do ("last month" / "in May" agree
# in June but not in December).
SHAPE_REFERENCES = (dt.date(2001, 6, 18), dt.date(2003, 12, 17))


def _shape(mt: _Match) -> str:
    """Key an unresolved relative expression by its resolutions against SHAPE_REFERENCES."""
    out = []
    for ref in SHAPE_REFERENCES:
        try:
            resolved = _resolve(mt, ref)
            if resolved is None:
                return ""
            start, end, _gran = _narrow(resolved[0], resolved[1], resolved[2], mt.part, ref)
        except (ValueError, OverflowError):
            return ""
        out.append(f"{start.isoformat()}/{end.isoformat()}")
    return "~" + "|".join(out)


_RELATIVE_TITLE_RE = re.compile(r"(?:This|Next|Last)(?:\s+[A-Z][a-z]+)+")
_OPENS_SENTENCE_RE = re.compile(r"(?:^|[.!?:][\"”’)]?\s+|\n\s*)[\"“‘(]?$")


def _headline(sentences: Sequence[Sentence], sid: int) -> bool:
    """Whether sentence ``sid`` is written in title case, where every word has its capital
    ("Mayor to Open New Bridge Next Week")."""
    from retold.facts.names import title_case  # (names reads dates' holidays: imported late)

    sentence = next((s for s in sentences if s.id == sid), None)
    return sentence is not None and title_case(sentence.text)


def _titled_relative(text: str, start: int, surface: str) -> bool:
    """A relative time written in title case inside a sentence ("on ABC's This Week"): the name
    of a show or a book, not a time."""
    return _RELATIVE_TITLE_RE.fullmatch(surface) is not None and \
        _OPENS_SENTENCE_RE.search(text, max(0, start - 4), start) is None


# A period of several units counted back from a time the story gave before it: "the previous
# two days", "the prior three weeks" ("the prior year" alone is the year before publication's).
_COUNTED_BACK_RE = re.compile(
    r"(?i)the[ \t\u00a0]+(?:previous|prior|preceding)[ \t\u00a0]+(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|several|few)[ \t\u00a0]")


_WORD_BEFORE_RE = re.compile(r"([A-Za-z&]+)[ \t\u00a0]$")


def _identified(text: str, start: int) -> bool:
    """A number right after a capitalised word that makes it an identifier (IDENTIFIER_WORDS:
    "Flight 2000", "the Russell 2000"), or that names an index with it ("the Tarrow 2000
    index"), not a year."""
    m = _WORD_BEFORE_RE.search(text, max(0, start - 20), start)
    if m is None or not m.group(1)[:1].isupper() or not text[start:start + 1].isdigit():
        return False
    return m.group(1).casefold() in IDENTIFIER_WORDS or \
        _INDEX_AFTER_RE.match(text, start) is not None


_INDEX_AFTER_RE = re.compile(r"\d+[ \t\u00a0]+(?:[Ii]ndex|[Ii]ndices)\b")


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Find the time expressions of ``doc`` and resolve them against ``context.published``.

    Args:
        doc: the document; offsets refer to ``doc.text``.
        sentences: its sentences, sorted by offset; facts outside every sentence are dropped.
        context: ``published`` resolves relative expressions ("last month").

    Returns:
        One ``Fact`` of kind "date" per expression, with an ``Interval`` value.

    Examples:
        >>> from retold.model import Sentence
        >>> text = "It happened last October."
        >>> facts = extract(Document(text), [Sentence(0, 0, len(text), text)],
        ...                 Context(published=dt.date(2020, 6, 18)))
        >>> facts[0].text, facts[0].key
        ('last October', 'date:2019-10-01/2019-10-31')
    """
    text = doc.text
    ref = context.published
    if ref is not None and isinstance(ref, dt.datetime):
        ref = ref.date()
    facts: list[Fact] = []
    # ("NEW YORK, May 30 (Reuters) -": the day the copy was filed, which a paper may retell
    # as "on Thursday": it supports such a date and is never itself a change)
    datelines = dateline_spans(text, sentences)
    told: set[int] = set()  # the sentences that have told a date so far
    for mt in _scan(text):
        sid = sentence_at(sentences, mt.start)
        if sid is None:
            continue
        surface = text[mt.start : mt.end]
        if _titled_relative(text, mt.start, surface) and not _headline(sentences, sid):
            continue  # ABC's "This Week", the film "Next Year": a title, no date
        if _identified(text, mt.start):
            continue  # "the Russell 2000", "Windows 2000": a name's number, no year
        note = ""
        counted_back = sid in told and _COUNTED_BACK_RE.match(surface) is not None
        told.add(sid)
        if mt.group == "vague" or counted_back:
            # ("On Wednesday, after the previous two days of selling": counted back from the
            # story's own time, which the sentence gave, not from publication: no date of its
            # own)
            value = Interval(None, None, "vague")
            phrase = _normalised_phrase(mt.core)
            key = "vague:" + _vague_key(phrase)
        else:
            try:
                resolved = _resolve(mt, ref)
            except (ValueError, OverflowError):
                continue  # not a real date ("2021-02-30"), or out of the calendar's range
            if resolved is None:
                value = Interval(None, None, "relative-unresolved")
                key = _season_key(mt) or "relative:" + (_shape(mt) or _normalised_phrase(surface))
                note = "no publication date to resolve it against"
            else:
                start, end, gran, relative = resolved
                try:
                    start, end, gran = _narrow(start, end, gran, mt.part, ref)
                except ValueError:
                    continue
                value = Interval(start, end, gran, relative, ref if relative else None)
                key = f"date:{start.isoformat()}/{end.isoformat()}"
                if relative and context.published_assumed:
                    note = "resolved against a publication date borrowed from the other side"
                if mt.future:
                    note = (note + "; " if note else "") + "read as future (future-tense clause)"
                if mt.group == "numeric":
                    note = _numeric_fields(mt.core)[3]
        if mt.group != "vague" and (
                _SAME_PART_BEFORE_RE.search(text, max(0, mt.start - 48), mt.start)
                or _YEAR_AGO_PART_RE.match(text, mt.end - len("year-ago"))):
            note = (note + "; " if note else "") + SAME_PART_NOTE
        if any(a <= mt.start < b for a, b in datelines):
            note = DATELINE_NOTE  # the day the copy was filed: support, never a change
        facts.append(Fact("date", mt.start, mt.end, surface, sid, key, value, mt.role, note))
    return facts


def equivalent(a: Fact, b: Fact) -> bool:
    """Tell whether two date facts state the same time, however written."""
    ia, ib = a.value, b.value
    if a.key != b.key and isinstance(ia, Interval) and isinstance(ib, Interval):
        # "the same period last year" is the part of last year the sentence speaks of: any
        # period inside last year is it ("the second quarter of last year"), not told more
        # precisely
        for outer, inner in ((a, b), (b, a)):
            if SAME_PART_NOTE in outer.note and (
                    _contains(outer.value, inner.value)  # type: ignore[arg-type]
                    or _shape_within(inner.key, outer.key)):
                return True
    if isinstance(ia, Interval) and isinstance(ib, Interval) and ia.start is not None \
            and ib.start is not None:
        return ia.start == ib.start and ia.end == ib.end
    if isinstance(ia, Interval) and isinstance(ib, Interval) and _unresolved(ia) \
            and _unresolved(ib) and _normalised_phrase(a.text) == _normalised_phrase(b.text):
        # The same words with no publication date: they differ only by the tense read around
        # them ("cycling at the weekend?" / "plan to meet over the weekend"), a guess of ours.
        return True
    return a.key == b.key


def _shape_within(inner_key: str, outer_key: str) -> bool:
    """Two unresolved dates whose shapes (see SHAPE_REFERENCES) put the first inside the
    second against every reference date."""
    si, so = _shape_intervals(inner_key), _shape_intervals(outer_key)
    return bool(si) and len(si) == len(so) and all(
        o[0] <= i[0] and i[1] <= o[1] for i, o in zip(si, so))


# Slot scores (diff: >= 0.5 is a change, >= 0.25 pairs the sole leftovers, >= 0.85 makes a
# leftover a change even beside a matched partner): the same wording resolved against two
# publication dates is surely one slot (0.95); a date inside the other is one period told more
# or less precisely (at least 0.7); an unresolved relative date may be anything (0.55).
SAME_WORDING, CONTAINED, UNRESOLVED = 0.95, 0.7, 0.55


def _contains(outer: Interval, inner: Interval) -> bool:
    """Tell whether ``inner`` lies within ``outer`` (both resolved)."""
    return outer.start is not None and outer.end is not None and inner.start is not None \
        and inner.end is not None and outer.start <= inner.start and inner.end <= outer.end


def _unresolved(value: Interval) -> bool:
    return value.granularity == "relative-unresolved"


def slot_score(a: Fact, b: Fact) -> float:
    """Score in [0, 1] how likely ``b`` is the date that fills ``a``'s slot."""
    ia, ib = a.value, b.value
    if not isinstance(ia, Interval) or not isinstance(ib, Interval):
        return 0.1
    if a.role and a.role == b.role or _yearless_same_day(a, b):
        return 0.9
    if not ia.vague and not ib.vague and ia.relative and ib.relative and \
            _normalised_phrase(a.text) == _normalised_phrase(b.text):
        return SAME_WORDING  # "last month" counted from two publication dates
    floor = 0.0
    if _contains(ia, ib) or _contains(ib, ia):
        floor = CONTAINED
    elif (_unresolved(ia) and ib.granularity != "vague") or \
            (_unresolved(ib) and ia.granularity != "vague"):
        floor = UNRESOLVED
    score = 0.3
    if ia.granularity == ib.granularity:
        score += 0.3
    if ia.relative == ib.relative:
        score += 0.1
    if ia.start is not None and ib.start is not None and ib.end is not None and ia.end is not None:
        if ia.start <= ib.end and ib.start <= ia.end:
            score += 0.2  # overlapping: the same period told more or less precisely
    elif ia.vague and ib.vague:
        score += 0.1
    return round(min(max(score, floor), 1.0), 4)


# Wire copy is reprinted within days; within a week the same relative words shift only by
# weekday arithmetic ("on Tuesday" counted from a Monday and from a Tuesday).
REPRINT_DAYS = 7


# A day counted from publication, and a weekday: with no publication date either may be the
# other ("today" / "Friday"; "yesterday" / "Thursday")
_TODAYISH_RE = re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon"
                          r"|evening))\b")
_WEEKDAY_RE = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


def compatible(a: Fact, b: Fact) -> bool:
    """Tell whether two different dates do not contradict each other.

    True when one interval contains the other ("earlier this month" / "in early June", published
    in June: the retelling is more precise), when either side is a relative date left
    unresolved for want of a publication date ("last month" / "in May" cannot be compared), or
    when the same relative words were kept by a reprint published within REPRINT_DAYS (a copy
    printed a day later keeps "on Tuesday": worth a note, not an alarm). A copy printed weeks
    later that keeps "last month" has a stale date: that is a real change.
    """
    ia, ib = a.value, b.value
    if not isinstance(ia, Interval) or not isinstance(ib, Interval):
        return False
    if _yearless_same_day(a, b):
        return True  # "Sept. 11, 2001" / "the Sept. 11 attacks": the year left out, not moved
    if a.key.startswith(SEASON_KEY) and b.key.startswith(SEASON_KEY):
        return a.key == b.key  # "last season" and "this season" are two seasons
    if _unresolved(ia) and _unresolved(ib):
        # Two unresolved expressions still compare by their shapes (see SHAPE_REFERENCES):
        # "on 9 April" and "on 12 April" are different days whatever the publication date;
        # "last month" and "in May" may be one month (published in June), "the last year"
        # and "the year-ago quarter" overlap.
        # A calendar date without a year ("Sept. 11") against words counted from the
        # publication date ("earlier this month") depends on that date, which is unknown:
        # they cannot be compared. Two calendar dates compare by calendar, two counted
        # expressions by their shapes against one shared reference.
        ca, cb = _calendar_span(a.key), _calendar_span(b.key)
        if ca is not None and cb is not None:
            return _overlap(ca, cb)
        if _TODAYISH_RE.search(a.text) and _WEEKDAY_RE.search(b.text) or \
                _TODAYISH_RE.search(b.text) and _WEEKDAY_RE.search(a.text):
            return True  # "today" / "Friday": Friday may be the day it was published
        if (ca is None) != (cb is None):
            return True
        sa, sb = _shape_intervals(a.key), _shape_intervals(b.key)
        if sa and sb and len(sa) == len(sb):
            return any(_overlap(x, y) for x, y in zip(sa, sb))
        return True
    if _unresolved(ia) or _unresolved(ib):
        # A calendar day or month without a year ("on 12 August") against a dated one ("15
        # July 2015"): compared by month and day; anything else cannot be compared.
        u, r = (a, ib) if _unresolved(ia) else (b, ia)
        day = _calendar_span(u.key)
        if day is None or r.start is None or r.end is None or r.start.year != r.end.year:
            return True
        return _overlap(day, (r.start.isoformat()[5:], r.end.isoformat()[5:]))
    if ia.granularity == ib.granularity == "period" and not (ia.relative or ib.relative):
        return False  # "1973-90" / "1973-1998": a range whose end moved is a change
    if (ia.relative and ib.relative and a.text.casefold() == b.text.casefold()
            and ia.reference and ib.reference
            and abs((ia.reference - ib.reference).days) <= REPRINT_DAYS):
        return True
    return _contains(ia, ib) or _contains(ib, ia)


# A date a figure is measured against ("bookings rose 6% from the first half of 2023", "down
# from $1.10 in 2019", "against $12 million in the spring quarter", "than in 2019"): the
# base of a comparison, not the period the figure is for. ("over" and "since" are left out:
# "over the weekend" is a period, "since 2019" a start.)
_FIGURE = (r"[$£€¥]?\d[\d.,]*[^\S\n]*(?:%|percent|per[^\S\n]+cent|million|billion|bn|m|k)?")
_BASE_BEFORE_RE = re.compile(
    r"(?i)\b(?:from|compared[^\S\n]+(?:with|to)|versus|vs\.?|than|against|relative[^\S\n]+to)"
    # the base's own figure ("from $1.10 in"), or the last of a list of bases ("compared with
    # $4 million a year ago and $6 million in")
    rf"(?:[^\S\n]+(?:a|an)?[^\S\n]*{_FIGURE}"
    rf"|[^\S\n](?:[^.;:!?,\n]|(?<=\d)\.(?=\d)){{0,40}}?[^\S\n](?:and|or)[^\S\n]+{_FIGURE})?"
    r"(?:[^\S\n]+(?:in|during|for|of|at))?[^\S\n]+$")


# "from 2019 to 2023", "from May through July": a range's first end, not a base.
_SECOND_END_RE = re.compile(r"[^\S\n]*(?:to|through|until|till|and|[-–—])[^\S\n]*(?:the[^\S\n]+)?"
                             r"(?:\d|[A-Z][a-z])")


def compared_against(text: str, fact: Fact) -> int | None:
    """Where the comparison starts when the date ``fact`` of ``text`` is the base a figure is
    compared with ("from the first half of 2023"; its own figure, "from $1.10 in 2019", lies
    in between), None when it is the period a figure is for ("for the first half of 2024")
    or the first end of a range ("from 2019 to 2023")."""
    m = _BASE_BEFORE_RE.search(text, max(0, fact.start - 96), fact.start)
    if m is None or _SECOND_END_RE.match(text, fact.end):
        return None
    return m.start()


# A date right after a reporting verb is the day something was said ("police said Saturday",
# "told reporters on Monday"), not the day of the event the sentence reports.
_SAID_ON_RE = re.compile(
    r"\b(?:said|says|told\s+(?:\S+\s+){0,4}?|announced|confirmed|reported|added|stated)"
    r"\s+(?:on\s+)?$", re.IGNORECASE)
# A sentence that reports a statement at all (its date may be the statement's).
# (generous: the rule that reads it keeps two dates apart only where nothing is reported)
_REPORTS_RE = re.compile(
    r"(?i)\b(?:sa(?:id|ys?|ying)|t(?:old|ells?|elling)|announc\w*|confirm\w*|report\w*"
    r"|add(?:ed|s|ing)|stat(?:ed|ing|ements?)|according\s+to|briefings?|updates?"
    r"|news\s+conferences?|press\s+conferences?)\b")


def stated_on(date: Fact, text: str) -> bool:
    """``date`` is the day its sentence's statement was made (``_SAID_ON_RE``)."""
    start = date.start + (3 if date.text[:3].casefold() == "on " else 0)
    return _SAID_ON_RE.search(text, max(0, start - 60), start) is not None


def told_later(event: Fact, statement: Fact) -> bool:
    """The day of ``event`` falls after the day ``statement`` was made ("resigned, his office
    said Thursday" / "resigned on Friday"): no event a statement tells, so the two dates are
    one slot told two ways, a contradiction."""
    ie, is_ = event.value, statement.value
    return isinstance(ie, Interval) and isinstance(is_, Interval) and ie.start is not None \
        and is_.end is not None and ie.start > is_.end


def reports(text: str) -> bool:
    """``text`` (a sentence) reports a statement: a verb of saying, or "according to"."""
    return _REPORTS_RE.search(text) is not None


# A reprint's relative words ("for the last 13 months") that, counted from its own later day,
# still cover this share of the first period are the same period (a few days of many months).
SHIFTED_OVERLAP_MIN = 0.9


def mostly_same_period(a: Fact, b: Fact) -> bool:
    """Two periods, counted from two publication dates, that overlap by SHIFTED_OVERLAP_MIN of
    the shorter: "the last 13 months" printed two days apart. ("last month" across a month's
    end, or "the past two days", moves to other days: no.)"""
    ia, ib = a.value, b.value
    if not isinstance(ia, Interval) or not isinstance(ib, Interval) or None in (
            ia.start, ia.end, ib.start, ib.end):
        return False
    assert ia.start is not None and ia.end is not None and ib.start is not None \
        and ib.end is not None
    shared = (min(ia.end, ib.end) - max(ia.start, ib.start)).days + 1
    shorter = min((ia.end - ia.start).days, (ib.end - ib.start).days) + 1
    return shared >= SHIFTED_OVERLAP_MIN * shorter


def incomparable(a: Fact, b: Fact) -> bool:
    """Tell whether two dates are compatible only because one of them could not be resolved
    ("today" / "Q2" with no publication date): nothing says they are one time or two."""
    ia, ib = a.value, b.value
    return compatible(a, b) and (not isinstance(ia, Interval) or not isinstance(ib, Interval)
                                 or _unresolved(ia) or _unresolved(ib)) \
        and not same_calendar_part(a, b)  # "Sept. 11" is "September 11, 2001", its year unsaid


def _days_later(a: dt.date | None, b: dt.date | None) -> str:
    """Say how much later (or earlier) a reprint came out: "a day later", "3 days earlier"."""
    if a is None or b is None or a == b:
        return "on another day"
    days = (b - a).days
    count = "a day" if abs(days) == 1 else f"{abs(days)} days"
    return f"{count} {'later' if days > 0 else 'earlier'}"


def _shape_intervals(key: str) -> list[tuple[str, str]]:
    """The intervals of an unresolved date's shape key ("relative:~2001-04-09/2001-04-09|...")
    as ISO (start, end) pairs, or [] when the key holds no shape."""
    if not key.startswith("relative:~"):
        return []
    out = []
    for part in key[len("relative:~"):].split("|"):
        start, _, end = part.partition("/")
        if not (start and end):
            return []
        out.append((start, end))
    return out


def yearless_day(f: Fact) -> tuple[int, int] | None:
    """(month, day) of a day written without its year ("Sept. 11"), else None."""
    i = f.value
    if not isinstance(i, Interval) or i.granularity != "day" or i.start is None \
            or _YEAR_IN_TEXT_RE.search(f.text) is not None or not _MONTH_WORD_RE.search(f.text):
        return None
    return i.start.month, i.start.day


_MONTH_WORD_RE = re.compile(rf"\b{_MONTH_ANY}")


def _yearless_same_day(a: Fact, b: Fact) -> bool:
    """One side writes a day without its year ("Sept. 11"), which the publication date placed
    in some year, and the other the same month and day of a year it names ("Sept. 11,
    2001"): the year was left out, not changed."""
    ia, ib = a.value, b.value
    if not (isinstance(ia, Interval) and isinstance(ib, Interval)) or \
            ia.granularity != "day" or ib.granularity != "day" or None in (ia.start, ib.start):
        return False
    assert ia.start is not None and ib.start is not None
    if (ia.start.month, ia.start.day) != (ib.start.month, ib.start.day) or \
            ia.start.year == ib.start.year:
        return False
    return _YEAR_IN_TEXT_RE.search(a.text) is None or _YEAR_IN_TEXT_RE.search(b.text) is None


_YEAR_IN_TEXT_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b|['’]\d\d\b")


def _calendar_span(key: str) -> tuple[str, str] | None:
    """("MM-DD", "MM-DD") of an unresolved date that is the same calendar span in every shape
    reference ("on 12 August", "in May"), or None ("last month" moves with the date; a whole
    year, "last year" or "next year", says no part of the calendar and moves too)."""
    shapes = _shape_intervals(key)
    spans = {(start[5:], end[5:]) for start, end in shapes if start[:4] == end[:4]}
    return spans.pop() if shapes and len(spans) == 1 and all(
        start[:4] == end[:4] for start, end in shapes) and spans != {_WHOLE_YEAR} else None


_WHOLE_YEAR = ("01-01", "12-31")


def vague(f: Fact) -> bool:
    """A vague time ("recently", "in recent years"): it dates nothing, so it neither backs nor
    contradicts a date, and said or left out it changes none."""
    return f.kind == "date" and isinstance(f.value, Interval) and f.value.granularity == "vague"


def on_calendar(f: Fact) -> bool:
    """Whether ``f`` is a date left unresolved that still names a part of the calendar ("in
    July", "on 12 August" with no publication date): it compares with another such date by
    calendar, whatever the year."""
    return isinstance(f.value, Interval) and _unresolved(f.value) \
        and _calendar_span(f.key) is not None


def calendar_parts(f: Fact) -> tuple[str, str] | None:
    """("MM-DD", "MM-DD") of the part of the calendar a date names: an unresolved one's
    ("Sept. 11"), or a resolved one's within a year ("September 11, 2001"); None for a date that
    names none or runs into another year."""
    if on_calendar(f):
        return _calendar_span(f.key)
    value = f.value
    if not isinstance(value, Interval) or value.start is None or value.end is None \
            or value.start.year != value.end.year or value.vague:
        return None
    part = value.start.strftime("%m-%d"), value.end.strftime("%m-%d")
    return None if part == _WHOLE_YEAR else part  # a year names no part of the calendar


def _calendar_note(a: Fact, b: Fact) -> str:
    """Say how two dates naming overlapping parts of the calendar differ, one or both without a
    year: "Sept. 11" for "September 11, 2001" leaves the year out; "in July" for "on July 4,
    2019" is less precise too."""
    pa, pb = calendar_parts(a), calendar_parts(b)
    assert pa is not None and pb is not None
    how = "" if pa == pb else " and is more precise" if pa[0] <= pb[0] and pb[1] <= pa[1] \
        else " and is less precise" if pb[0] <= pa[0] and pa[1] <= pb[1] \
        else " and names other days of it"
    ua, ub = _unresolved(a.value), _unresolved(b.value)  # type: ignore[arg-type]
    if ua != ub:
        return (f"The retelling leaves out the year{how}: {_described(a)} became '{_quote(b)}'."
                if ub else f"The retelling adds the year{how}: '{_quote(a)}' became "
                f"{_described(b)}.")
    return f"The retelling{how.replace(' and', '', 1) or ' is as precise'}: '{_quote(a)}' became " \
        f"'{_quote(b)}'."


def year_unsaid(a: Fact, b: Fact) -> bool:
    """Whether two dates name overlapping parts of the calendar, one or both without its year
    ("Sept. 11" / "September 11, 2001", "the first quarter" / "the first quarter of 2019", "in
    late January" / "in January")."""
    ia, ib = a.value, b.value
    return isinstance(ia, Interval) and isinstance(ib, Interval) \
        and (_unresolved(ia) or _unresolved(ib)) and same_calendar_part(a, b)


def same_calendar_part(a: Fact, b: Fact) -> bool:
    """Whether two dates name overlapping parts of the calendar, whatever their years."""
    pa, pb = calendar_parts(a), calendar_parts(b)
    return pa is not None and pb is not None and _overlap(pa, pb)


def other_period(a: Fact, b: Fact) -> bool:
    """Whether date ``a`` is a period of the kind of date ``b`` that is not ``b``: another of
    its granularity ("the third quarter of 2020" / "the second quarter of 2020"), or, where
    either is written without its year ("Third quarter", "in April"), a part of the year with
    as many days as ``b``'s and none of them ``b``'s."""
    ia, ib = a.value, b.value
    if not isinstance(ia, Interval) or not isinstance(ib, Interval):
        return False
    if ia.start is not None and ib.start is not None:
        return ia.granularity == ib.granularity and (ia.start, ia.end) != (ib.start, ib.end)
    span_a, span_b = _year_span(a), _year_span(b)
    if span_a is None or span_b is None or _overlap(span_a, span_b):
        return False
    return abs(_span_days(span_a) - _span_days(span_b)) <= 2  # quarters run 90 to 92 days


def _year_span(f: Fact) -> tuple[str, str] | None:
    """("MM-DD", "MM-DD") of a date within one calendar year, resolved or not, or None."""
    iv = f.value
    if isinstance(iv, Interval) and iv.start is not None and iv.end is not None:
        return (iv.start.isoformat()[5:], iv.end.isoformat()[5:]) \
            if iv.start.year == iv.end.year else None
    return _calendar_span(f.key)


def _span_days(span: tuple[str, str]) -> int:
    # (in a leap year: every "MM-DD" is a day of it)
    return (dt.date.fromisoformat(f"2024-{span[1]}") - dt.date.fromisoformat(f"2024-{span[0]}")).days


def _overlap(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """ISO dates (or "MM-DD") compare as strings: the two spans share a day."""
    return x[0] <= y[1] and y[0] <= x[1]


def humanise(value: Interval) -> str:
    """Say an interval the way a journalist would ("late May 2020", "the week of 8 June 2020")."""
    s, e = value.start, value.end
    if s is None or e is None:
        return "an unresolved relative date" if value.granularity == "relative-unresolved" \
            else "an unspecified time"
    if s == e:
        return f"{s.day} {MONTH_NAMES[s.month]} {s.year}"
    if s.year == e.year and s.month == e.month:
        month = f"{MONTH_NAMES[s.month]} {s.year}"
        last = calendar.monthrange(s.year, s.month)[1]
        if s.day == 1 and e.day == last:
            return month
        for name, (lo, hi) in MONTH_PARTS.items():
            if s.day == lo and e.day == min(hi, last):
                return f"{'mid-' if name == 'mid' else name + ' '}{month}"
        return f"{s.day}–{e.day} {month}"
    if value.granularity == "season":
        name = next(n for n, m in SEASONS.items() if m == s.month and n != "fall")
        return f"{name} {s.year}" if s.year == e.year else f"{name} {s.year}–{str(e.year)[2:]}"
    if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31:
        if e.year == s.year:
            return str(s.year)
        if s.year % 10 == 0 and e.year == s.year + 9:
            return f"the {s.year}s"
        decade = s.year - s.year % 10
        for name, (lo, hi) in DECADE_PARTS.items():
            if (s.year, e.year) == (decade + lo, decade + hi):
                return f"the {'mid-' if name == 'mid' else name + ' '}{decade}s"
        return f"{s.year}–{e.year}"
    if s.year == e.year and s.day == 1 and e == _month_end(e.year, e.month):
        for name, (lo, hi) in YEAR_PARTS.items():
            if (s.month, e.month) == (lo, hi):
                return f"{'mid-' if name == 'mid' else name + ' '}{s.year}"
        return f"{MONTH_NAMES[s.month]}–{MONTH_NAMES[e.month]} {s.year}"
    if value.granularity == "week" and s.weekday() == 0:
        return f"the week of {s.day} {MONTH_NAMES[s.month]} {s.year}"
    return f"{s.day} {MONTH_NAMES[s.month]} {s.year} – {e.day} {MONTH_NAMES[e.month]} {e.year}"


def _quote(fact: Fact) -> str:
    """Return a fact's text on one line, for quoting."""
    return _NORM_SPACE_RE.sub(" ", fact.text).strip()


def _described(fact: Fact) -> str:
    """Describe a date fact: its resolved interval and its wording."""
    value = fact.value
    if isinstance(value, Interval) and value.start is not None:
        return f"{humanise(value)} ('{_quote(fact)}')"
    return f"'{_quote(fact)}'"


def _reference_note(a: Fact | None, b: Fact | None) -> str:
    """Say which publication date relative expressions were counted from, if any."""
    for fact in (a, b):
        if fact is not None and isinstance(fact.value, Interval) and fact.value.relative \
                and fact.value.reference is not None:
            ref = fact.value.reference
            assumed = "an assumed " if "borrowed" in fact.note else ""
            return f", counting from {assumed}publication on {ref.day} " \
                   f"{MONTH_NAMES[ref.month]} {ref.year}"
    return ""


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


def _counted_from(fact: Fact) -> dt.date | None:
    """Return the publication date a relative fact was resolved against, if any."""
    value = fact.value
    if isinstance(value, Interval) and value.relative and value.reference is not None:
        return value.reference
    return None


def _described_at(fact: Fact) -> str:
    """Describe a date with its own reference: "'last month' (May 2024, counted from 18 June 2024)"."""
    value = fact.value
    ref = _counted_from(fact)
    if not isinstance(value, Interval) or value.start is None:
        return f"'{_quote(fact)}'"
    if ref is None:
        return f"'{_quote(fact)}' ({humanise(value)})"
    assumed = "an assumed publication on " if "borrowed" in fact.note else ""
    return f"'{_quote(fact)}' ({humanise(value)}, counted from {assumed}{_day(ref)})"


def explain(a: Fact | None, b: Fact | None) -> str:
    """Say in one plain sentence how the date changed (a None: added; b None: dropped).

    When the two sides were counted from different publication dates, each side names its own.

    Examples:
        >>> from retold.model import Sentence
        >>> def fact(text, published):
        ...     return extract(Document(text), [Sentence(0, 0, len(text), text)],
        ...                    Context(published=published))[0]
        >>> print(explain(fact("It began last month.", dt.date(2024, 6, 18)),
        ...               fact("It began last month.", dt.date(2024, 8, 2))))
        The date changed: 'last month' (May 2024, counted from 18 June 2024) became 'last month' (July 2024, counted from 2 August 2024).
    """
    if a is None and b is None:
        raise ValueError("explain() needs at least one fact")
    if b is None:
        assert a is not None
        return f"The original's date {_described(a)} is missing from the retelling" \
               f"{_reference_note(a, None)}."
    if a is None:
        return f"The retelling gives the date {_described(b)}, which the original does not" \
               f"{_reference_note(None, b)}."
    if equivalent(a, b):
        return f"The retelling gives the same date as the original ({_described(b)})."
    ia, ib = a.value, b.value
    ra, rb = _counted_from(a), _counted_from(b)
    two_refs = ra is not None and rb is not None and ra != rb
    if compatible(a, b):
        if a.key.startswith(SEASON_KEY) or b.key.startswith(SEASON_KEY):
            return f"A season counted from the date of writing has no calendar dates: " \
                   f"'{_quote(a)}' became '{_quote(b)}'."
        if incomparable(a, b):
            return f"The dates cannot be compared without publication dates: " \
                   f"'{_quote(a)}' became '{_quote(b)}'."
        assert isinstance(ia, Interval) and isinstance(ib, Interval)  # else incomparable
        if _unresolved(ia) or _unresolved(ib):  # the same part of the calendar (see incomparable)
            return _calendar_note(a, b)
        if _yearless_same_day(a, b):
            return f"The year is left out on one side: '{_quote(a)}' became '{_quote(b)}'."
        if not _contains(ia, ib) and not _contains(ib, ia):
            # Compatible without containment: the same relative words kept by a reprint.
            return f"A copy printed {_days_later(ra, rb)} keeps the words " \
                   f"'{_quote(b)}', which now point to another day: {_described_at(a)} became " \
                   f"{_described_at(b)}; worth checking which day is meant."
        how = "more" if _contains(ia, ib) else "less"
        if two_refs:
            return f"The retelling is {how} precise: {_described_at(a)} became {_described_at(b)}."
        return f"The retelling is {how} precise: {_described(a)} became {_described(b)}" \
               f"{_reference_note(a, b)}."
    if two_refs:
        return f"The date changed: {_described_at(a)} became {_described_at(b)}."
    if isinstance(ia, Interval) and isinstance(ib, Interval) and ia.start is not None \
            and ib.start is not None:
        return f"The date moved from {_described(a)} to {_described(b)}" \
               f"{_reference_note(a, b)}."
    return f"The retelling says {_described(b)} where the original says {_described(a)}" \
           f"{_reference_note(a, b)}."

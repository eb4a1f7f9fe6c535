"""Number facts: counts, ranges, hedges and percentages as news writes them.

No library keeps hedges ("at least 10") or reads distributive ranges in words ("between two
and three thousand" is 2,000-3,000; text2num gives "2 and 3000"), and text2num's ``alpha2digit``
rewrites the text, losing offsets (LIBRARIES.md). So numbers are read here, on the text itself:

1. Atoms: digits ("2,000", "1.5 million", "3.2bn", Arabic-Indic digits translated one
   character for one so offsets stay put), number words ("two thousand", "a dozen",
   "twenty-four"), vague plurals ("hundreds of" = 200-999, never 100), fractions ("half of" =
   50%).
2. Ranges: two atoms joined by "-", "to", "or", or "and" after "between"; a bare first bound
   borrows the scale of the second ("two and three thousand", "2-3 million").
3. Around them: a hedge before ("at least", "around" = "about"), a unit after (percent,
   currency), and the counted noun ("108 attacks" -> role "attack"), which names the slot.

Also read: tallies ("won 3-1", "passed 52-48", "a 1-3 defeat") as one figure of unit ``TALLY``,
not a range; shares ("nine in 10", "one in five") and fractions ("two-thirds of") as
percentages, with a note; currency signs and words as the unit (USD, GBP, EUR, ...); attached
units ("5km", "40C").

Ranks are figures with unit "ordinal": "57th minute", "the 6th overall pick", and the words
"third" to "twelfth" after a determiner ("the fifth overall pick"); "first" and "second" only
before a noun of a turn or a period ("the first year of the contract", "a second term"), as
elsewhere they are idioms ("at first", "a second chance"); any ordinal word as a result gives it
("finished fourth", "moved up to third", "in tenth place"). "Twice" and "thrice" after a verb
count times, as "two times" does ("scored twice"; not "twice as many", "twice a week").
Thousands are read as wires and tokenisers write them ("23 000" with a space, no-break or thin
space; "3, 000", "$ 53, 193, 914"). Units of measure after a figure ("10 km",
"10 miles", "5 kg") are its unit, so "10 km" / "10 miles" is a change; a figure restating
another in a unit of the same dimension in brackets ("10 km (6.2 miles)") is a conversion and
no fact of its own.

Times of day ("6:55 p.m.", "9am", "18:40", "7 o'clock", "0900 GMT") are figures with unit
``TIME``: minutes after midnight, role "time" (every time of day fills one kind of slot). A
time without "a.m."/"p.m." below 13:00 is read on a 12-hour dial (note ``TWELVE_HOUR``): it is
the same time as either reading ("6:55" = "6:55 p.m."), and "6:55" / "5:55" is a change.

Ages by their decade ("in his 40s", "in her early twenties", "in their teens") are ranges of
years with role ``AGE`` ("a 45-year-old man" has it too): a figure inside the decade tells the age
more precisely and never contradicts it. Figures told by their band of digits ("mid-single
digits" 4-6, "low double-digit" 10-13, "the high teens" 17-19) are ranges too (note
``BAND_NOTE``): another band is a change, a figure inside the band is not. Multiples ("profit
tripled", "halved", "twice the size", "three times as many", "a fourfold rise") are figures of
unit ``MULTIPLE``: "tripled" / "doubled" is a change, "rose two-fold" / "doubled" is not.

Deliberately not numbers: years and dates (dates.py claims them; ``date_spans``), names with
digits ("Covid-19", "F-16", "G7", "iPhone 11", "Boeing 737"), list markers ("3) The ...",
"2. Fares: ..." opening a line),
"a number of", ratios and scales ("a 1:50 scale"), phone numbers, ids after "No."/"Article"/"Flight", and
"one" used as a pronoun: "one" counts only when a plausible noun follows ("one soldier"), never
in "one of", "no one", "the one", "one another", "one day". Number words are English; in other
languages only digits are read (words degrade to nothing rather than garbage).

Values: ``Quantity(low, high, hedge, unit)``; hedges are at_least | more_than | nearly | about |
up_to | less_than | at_most, or "vague" for magnitudes ("hundreds of" = 200-999, "dozens of" =
24-99, "tens of thousands" = 20,000-99,999). The span covers hedge, figure, unit and the counted
noun when one follows ("at least 10 Iraqi militiamen"); ``role`` is that noun's singular, or
the noun of "the number of <noun>" earlier in the sentence, or else the predicate: the word
the clause says of the figure after auxiliaries ("12 were injured" -> "injured"). Every
figure with a predicate also carries it in its note ("predicate: died"), so "3 people died and
12 were injured" gives roles "people" and "injured", and "34 people were killed" still shares a
slot with "35 were killed".

Pairs: ``slot_score`` is high (>= 0.9) for the same figure under another hedge or rounding,
0.88 for the same figure in another unit or currency; ``compatible`` holds only for a rounding
("12,345" / "12,000", "a third" / "33%"), never for a hedge, unit or counted-noun change. A whole
1900-2100 figure written without a separator (a year dates.py could not claim, in Arabic or
Russian text) is said as written in ``explain``: "2014", not "2,014".
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from retold import lexicon, patterns
from retold.facts import names, negation
from retold.facts.base import (
    CURRENCY_CODES,
    IDENTIFIER_WORDS,
    LISTED_AFTER_FIGURE_RE,
    Context,
    instrument_code_spans,
    sentence_at,
)
from retold.facts.dates import clock_after_weekday, date_spans
from retold.model import Document, Fact, Quantity, Sentence

__all__ = [
    "PART",
    "TOLLS",
    "TOLL_OF",
    "bound_holds",
    "bound_kept",
    "compatible",
    "conversions",
    "count_toll",
    "counts_people",
    "equivalent",
    "events_differ",
    "explain",
    "extract",
    "hedge_class",
    "hedges_clash",
    "held_alike",
    "held_apart",
    "holder_of",
    "humanise",
    "measures_apart",
    "place_of",
    "restates",
    "same_toll",
    "slot_score",
]


def _words(text: str) -> frozenset[str]:
    """Make a word set from a space-separated string (long word lists stay readable)."""
    return frozenset(text.split())


# --- vocabulary ------------------------------------------------------------------------------

HEDGES: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "just over": "more_than",
    "well over": "more_than", "exceeding": "more_than", "surpassing": "more_than",
    "topping": "more_than", "exceed": "more_than", "exceeds": "more_than",
    "exceeded": "more_than", "surpass": "more_than", "surpasses": "more_than",
    "surpassed": "more_than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "virtually": "nearly", "practically": "nearly", "near": "nearly",
    "just short of": "nearly", "just shy of": "nearly",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about",
    "estimated": "about", "circa": "about", "around about": "about",
    # ("compared with estimates of $3.9 billion" / "the estimated $3.9 billion" / "market
    # expectations of 4.1%": one forecast)
    "estimates of": "about", "estimate of": "about", "expectations of": "about",
    "expectations of a": "about", "forecasts of": "about", "forecast of": "about",
    "projections of": "about",
    "up to": "up_to", "upto": "up_to", "as many as": "up_to", "as much as": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most",
}
# A bound its clause denies is the other bound: "the fare won't be more than 80 euros" is at
# most 80. Only a verb of being or amounting stands between ("will not cost more than", "is
# not expected to be more than"): "it is not clear whether more than 40 came" denies nothing.
_DENIED_BOUNDS = {"more_than": "at_most", "less_than": "at_least"}
_DENIED_BEFORE_RE = re.compile(
    rf"(?i)(?:\bnot|n['’]t|\bnever)(?:[^\S\n]+(?:{'|'.join(negation.BOUND_LINKS)}))"
    r"{0,4}[^\S\n]*$")
# A price's floor: "starting at $3,000", "a starting price of $3,000" is at least $3,000. Only
# before a sum of money ("the race starts at 9am" and "counts start at 10" set no floor).
PRICE_FLOORS = ("starting at", "starting from", "starts at", "start at", "starts from",
                "start from", "begins at", "begin at", "beginning at", "a starting price of",
                "starting prices of", "prices from")
HEDGE_WORDS: dict[str | None, str] = {
    "at_least": "at least", "more_than": "more than", "nearly": "nearly", "about": "about",
    "up_to": "up to", "less_than": "less than", "at_most": "at most", None: "",
}
SUFFIX_HEDGES = {"or more": "at_least", "or so": "about", "odd": "about", "plus": "at_least",
                 "+": "at_least"}
RATIO_MAX_BASE = 1000  # "one in five", "nine in 10": read as a share up to "one in 1,000"
# "10 in 20 minutes" is a count and a period, not a share.
_PERIOD_NOUNS = _words("second minute hour day week month year decade game match race season "
                       "attempt")
VAGUE = "vague"  # hedge of "hundreds of", "several thousand": a magnitude, not a figure

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}
TEENS = {"zero": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# South Asian copy counts in lakhs and crores after digits ("4 lakh residents", "Rs 1.5 crore")
SOUTH_ASIAN_SCALES = {"lakh": 1e5, "lac": 1e5, "crore": 1e7}
# "mln" / "bln" (wire and financial shorthand), "mn" and "bn" may stand apart from the figure
# ("5 mln"); "m", "b" and "k" may not ("5 m" is metres).
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
                "mln": 1e6, "bln": 1e9}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "$US": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                  "Rs": "INR", "Rs.": "INR",  # (rupees as "rupees" read: INR)
                  "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD"}
CURRENCY_SIGNS.update({code: code for code in CURRENCY_CODES})
# (with the wires' abbreviations: "1.07 bln dlrs", "12 mln stg")
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "dlrs": "USD", "dlr": "USD", "bucks": "USD",
                  "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "stg": "GBP",
                  "dinars": "dinar", "rupees": "INR", "yuan": "CNY", "yen": "JPY",
                  "baht": "THB", "rupiah": "IDR", "ringgit": "MYR", "roubles": "RUB",
                  "rubles": "RUB", "naira": "NGN", "swiss francs": "CHF"}
UNIT_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5}
VAGUE_BASES = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
               "billions": 1e9, "tens": 10.0}

# "rose from 5 to 10" is a change between two figures, not a range.
_CHANGE_VERBS = _words(
    "rose risen rise rises increased increase increases fell fallen fall falls dropped drop "
    "grew grown jumped climbed declined decreased soared surged plunged went gone cut raised "
    "reduced changed revised up down doubled halved slashed rising falling increasing "
    "decreasing growing dropping climbing jumping declining soaring surging plunging"
)
# Irregular past forms of the change verbs: "$4.10 grew 21%" counts no "grew".
_IRREGULAR_PAST = _words("rose risen fell fallen grew grown went gone sank sunk shrank shrunk")
# Words after "one" that make it a pronoun or an idiom, not a count.
_ONE_STOPS = _words(
    "of another day time way thing hand side point more such or and who which that another's "
    "by in on at to for is was has had will would can could may might must should said says "
    "says, told"
)
_ONE_BEFORE_STOPS = _words(
    "no the this that any every each which no-one someone"
)
# Words that cannot be the counted noun: the run of candidate nouns stops at them.
_NOUN_STOPS = _words(
    "a an the of in on at to for from by with and or but nor as than that which who whom "
    "whose this these those it its they them their he she his her we our you your i me my is "
    "are was were be been being has have had do does did will would can could may might must "
    "shall should not no so if then there here when where while after before since until "
    "during per each every all some any more most less least over under about around between "
    "into onto upon out up down off again also only just even still yet already alone apiece "
    "percent cent including include includes included among against according said says say "
    "told year-on-year within across through throughout via despite amid toward towards "
    "last next ago"
)
_IRREGULAR_PLURALS = {"people": "people", "men": "man", "women": "woman", "children": "child",
                      "police": "police", "personnel": "personnel", "staff": "staff",
                      "feet": "foot", "teeth": "tooth", "mice": "mouse", "cattle": "cattle",
                      "dead": "dead", "wounded": "wounded", "injured": "injured",
                      "missing": "missing", "displaced": "displaced", "homeless": "homeless",
                      "data": "data", "media": "media", "crew": "crew", "clergy": "clergy"}
_NOT_PLURAL = _words(
    "this is was has his its as us yes thus bus news series species means plus less gas analysis "
    "crisis basis status"
)
_NOT_MEN = _words("specimen specimens stamen abdomen omen semen regimen")
# Skipped between a figure and its predicate ("12 were reportedly injured" -> "injured").
_AUXILIARIES = _words(
    "were was are is be been being have has had got get gets reportedly allegedly also later "
    "all both still then now thought believed feared said"
)
_PREDICATE_NOTE_RE = re.compile(r"predicate: ([a-z'’-]+)")
_STREETS = _words(
    "street st road rd avenue ave boulevard lane square place way"
)

# --- patterns --------------------------------------------------------------------------------

_SP = r"[^\S\n]"  # a space inside one expression: never across a line break
_LETTER_BEFORE = r"A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"  # scripts that glue names
_NUMWORD = "|".join(sorted([*UNITS, *TEENS, *TENS, "hundred", *SCALES, "dozen"], key=len,
                           reverse=True))

_ATOM_RE = re.compile(
    rf"""
    (?P<vague>(?i:\b(?:(?:several|a{_SP}+few|a{_SP}+couple{_SP}+of|many){_SP}+)?
        (?P<vbase>dozens|hundreds|thousands|millions|billions|tens)(?:{_SP}+of\b)?
        (?:(?<=of){_SP}+(?P<vbase2>thousands|millions|billions)(?:{_SP}+of\b)?)?
      | \b(?:several|a{_SP}+few){_SP}+(?P<vbase3>dozen|hundred|thousand|million|billion)\b))
  | (?P<halfscale>(?i:\bhalf{_SP}+a{_SP}+(?P<hs>dozen|hundred|thousand|million|billion)\b))
  | (?P<fraction>(?i:\b(?:(?P<fnum>a|one|two|three|four)(?:{_SP}*-{_SP}*|{_SP}+))?
        (?P<fden>half|halves|thirds?|quarters?|fifths?)\b)
        (?={_SP}+(?i:of|the|its|their|his|her|our|all|those|these)\b))
  | (?P<words>(?i:\b(?:an?{_SP}+)?(?:{_NUMWORD})
        (?:(?:{_SP}+and{_SP}+a{_SP}+half{_SP}+|{_SP}+and{_SP}+|{_SP}*-{_SP}*|{_SP}+)(?:{_NUMWORD}))*
        (?:{_SP}+(?:point|dot)(?:{_SP}+(?:{_NUMWORD}|oh)\b)+)?
        (?:(?:{_SP}+|-)and(?:{_SP}+|-)a(?:{_SP}+|-)half)?\b))
  | (?P<digits>
        (?:(?<=\$US)|(?<![0-9{_LETTER_BEFORE}_]))(?<![0-9][.,:/])(?<![^\W\d_]-)
        (?P<int>[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?![0-9])
               |[0-9]{{1,3}}(?:(?:,|[^\S\n]?,[^\S\n])[0-9]{{3}}(?![0-9]))+
               |[0-9]{{1,3}}(?:[\u202f\u2009\u00a0 ][0-9]{{3}}(?![0-9]|[.,][0-9]))+|[0-9]+)
        (?P<dec>\.[0-9]+)?
        (?![0-9]|[.,][0-9]|/[0-9]|:[0-9])
        (?:(?P<scalesp>{_SP}?|-)(?P<scale>(?i:(?:lakhs?|lacs?|thousand|hundred){_SP}+crores?
                                             |thousand|million|billion|trillion|hundred
                                             |lakhs?|lacs?|crores?))\b
          |(?P<short>(?i:bn|mn|tn|m|k|b)|{_SP}?(?i:mln|bln|mn|bn))(?![\w])
          |(?P<usym>(?i:km|kg|cm|mm|mph|kmh|mw|gw|kw|ft|lbs?)|bps?|°?C|°?F)(?![\w]))?)
    """,
    re.VERBOSE,
)
_WORD_TOKEN_RE = re.compile(r"[A-Za-z]+")
_TOKEN_RE = re.compile(r"[A-Za-z]+|[0-9]+")
_ATOM_TRIGGERS = frozenset(
    [*UNITS, *TEENS, *TENS, *SCALES, *FRACTIONS, *VAGUE_BASES]
    + ["hundred", "dozen", "a", "an", "several", "few", "many", "half"]
)
# Each trigger as written in lower, Title and UPPER case: a set lookup without lower().
_ATOM_TRIGGER_FORMS = frozenset(
    f for w in _ATOM_TRIGGERS for f in (w, w.title(), w.upper())
)
# Hedges end right before the number: match them on the reversed window (an end-anchored
# ``search`` retries the whole alternation at every position of the window).
def _phrases_before(phrases: Iterable[str], *, article: bool = False) -> re.Pattern[str]:
    """A pattern matching one of ``phrases`` at the start of reversed text (the words right
    before a figure, read backwards from it), longest first, any run of spaces inside; with
    ``article``, followed by "a" or "an" before the figure. A phrase joined by a hyphen to the
    word before it is that word's ("a 5-under 65" is a golf score, no bound; after a dash,
    "--more than 40", it is a hedge)."""
    return re.compile(
        rf"(?i){_SP}*" + (rf"(?:a|na){_SP}+" if article else "") + "(?:"
        + "|".join(re.escape(h[::-1]).replace(r"\ ", rf"{_SP}+")
                   for h in sorted(phrases, key=len, reverse=True))
        + r")(?!\w|-\w)")


_HEDGE_REV = _phrases_before(HEDGES)
# Hedges that also bound a figure across an article ("up to a 30% increase", "nearly a 10%
# drop", "more than a 50% stake"); "over a 10-year period" and "under a three-year deal" give
# the time something took, no bound.
ARTICLE_HEDGES = ("up to", "nearly", "almost", "close to", "more than", "less than", "at least",
                  "at most", "about", "roughly", "approximately", "as much as")
_ARTICLE_HEDGE_REV = _phrases_before(ARTICLE_HEDGES, article=True)
# A bound before a rough figure's hedge ("up to about", "more than around")
_BOUND_BEFORE_RE = re.compile(
    r"(?i)\b(up[^\S\n]+to|more[^\S\n]+than|less[^\S\n]+than|at[^\S\n]+least|at[^\S\n]+most)"
    r"[^\S\n]+$")
# What has a price floor: a thing sold ("rooms start at €90"), not a threshold ("the top rate
# starts at £125,140" is exact).
_PRICED_RE = re.compile(
    r"(?i)\b(?:prices?|pricing|fares?|tickets?|rooms?|rents?|plans?|packages?|subscriptions?|"
    r"services?|models?|memberships?|fees?|costs?|deals?|products?|suites?|seats?|tours?|"
    r"menus?|meals?|homes?|flats?|apartments?|cars?|phones?|versions?|editions?|tiers?|"
    r"available|sold|sells?|offered|offers?|costs?)\b")
# "a minimum order (amount) of", "the maximum sentence of": a bound with the bounded noun
# between
_BOUND_NOUN_BEFORE_RE = re.compile(
    rf"(?i)\b(?:an?{_SP}+|the{_SP}+)?(?P<b>minimum|maximum){_SP}+(?P<n>[a-z]+)"
    rf"(?:{_SP}+[a-z]+)?{_SP}+of{_SP}+(?:US\$|\$|£|€|¥|₹)?$")
# ("rooms start at just €90": an intensifier between the floor and the sum)
_FLOOR_REV = _phrases_before(PRICE_FLOORS + tuple(
    f"{floor} {word}" for floor in PRICE_FLOORS for word in ("just", "only")))
# "between 2 and 3", "between $90 million and", "between the range of 90 to": the word may
# stand a few words before the first bound, with no figure or clause break in between.
_BETWEEN_RE = re.compile(rf"(?i)(?<![\w])(?P<w>between|from|range)(?:{_SP}+[a-z]+){{0,3}}{_SP}+"
                         r"(?:US\$|\$|£|€|¥|₹)?$")
# ("$US2 billion": Australian and New Zealand copy writes the US dollar so)
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:US\$|\$US|(?<![\w.])(?:A|C|HK|NZ|S)\$|\$|£|€|¥|₹|(?<![\w.])Rs\.?"
    r"|(?<![\w.])(?:" + "|".join(sorted(CURRENCY_CODES)) + r"))[^\S\n]?$")
# ("20- to 30-metre-long": a hyphen left hanging before the word, its unit said once at the end)
_RANGE_GAP_RE = re.compile(
    rf"(?i)(?:{_SP}*(?P<dash>[-–—]){_SP}*|(?:[-–—](?={_SP}+(?:to|or)\b))?{_SP}+"
    rf"(?P<word>to|and|or|in){_SP}+)"
    r"(?P<cur>US\$|\$|£|€|¥|₹)?$"
)
_PERCENT_RE = re.compile(
    rf"(?i)(?:{_SP}*(?P<sign>%)|{_SP}+(?P<pp>percentage{_SP}+points?)\b"
    rf"|{_SP}*(?P<bp>basis{_SP}+points?|(?-i:bps?))\b"
    rf"|{_SP}*(?P<word>percent|per{_SP}+cent|pc|pct)\b)"
)
_CURRENCY_AFTER_RE = re.compile(
    rf"(?i){_SP}+(?:US{_SP}+)?(?P<cur>dollars?|dlrs?|bucks|euros?|pounds{_SP}+sterling|stg"
    rf"|dinars|rupees|yuan|yen|baht|rupiah|ringgit|r[ou]+bles|naira|swiss{_SP}+francs)\b"
)
# "... and fifty cents": a currency's hundredths after an amount in it ("pounds" is read here
# only before "pence": alone it may be a weight).
_SUBUNIT_GAP_RE = re.compile(rf"(?i)(?P<pounds>{_SP}+pounds?)?{_SP}+and{_SP}+")
_SUBUNIT_RE = re.compile(rf"(?i){_SP}*(cents?|pence|centimes?|paise|fils|kopecks?|kopeks?)\b")
_SUFFIX_HEDGE_RE = re.compile(
    rf"(?i)(?:{_SP}+(?P<w>or{_SP}+more|or{_SP}+so|plus)\b|-(?P<odd>odd)\b|(?P<plus>\+))"
)
_TIME_AFTER_RE = re.compile(
    rf"(?i)(?:{_SP}*(?:a\.?m\b\.?|p\.?m\b\.?|o['’]clock|gmt|utc|hrs\b|bst|est|cet))"
)
_PHONE_RE = patterns.compile(
    r"(?<![\w,.])(?:\+[0-9]{1,3}[ .-]?)?(?:\(?[0-9]{2,5}\)?[ .-]){2,}[0-9]{2,5}(?![\w,.])"
    r"|\+[0-9][0-9 ().-]{6,}[0-9]"
    # an area code and its number ("040-27786140"), a number in two halves ("91234 56780"),
    # and nine digits or more unbroken ("9123456780"): news writes counts that long with
    # separators or words, so these are telephone numbers and identifiers
    r"|(?<![\w,.])0[0-9]{2,4}[ -][ ]?[0-9]{6,8}(?!\w|[,.]\d)"
    r"|(?<![\w,.])[0-9]{4,5} [0-9]{5}(?!\w|[,.]\d)"
    r"|(?<![\w,.])[0-9]{9,}(?!\w|[,.]\d)"
)
# A train's or a flight's number in brackets after its name ("the Coromandel Express
# (12841)"): an identifier, counting nothing.
_NAMED_NUMBER_RE = re.compile(r"[A-Z][\w'’-]*[^\S\n]+\(([0-9]{5,6})\)")
_NEXT_WORDS_RE = re.compile(rf"(?:{_SP}+|{_SP}*-{_SP}*)([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF_NOUN_RE = re.compile(rf"(?i){_SP}+of{_SP}+(?:(?:the|these|those|its|their){_SP}+)?"
                         # ("169 of the 336 seats": the whole's own figure before its noun)
                         rf"(?:\d[\d,.]*{_SP}+)?"
                         rf"((?:[A-Za-z][A-Za-z'’-]*{_SP}+){{0,2}}[A-Za-z][A-Za-z'’-]*)")
_NUMBER_OF_RE = re.compile(rf"(?i)\b(?:the|a){_SP}+(?:total{_SP}+)?(?:number|total|tally|count)"
                           rf"{_SP}+of{_SP}+((?:[A-Za-z][A-Za-z'’-]*{_SP}+){{0,3}}"
                           rf"[A-Za-z][A-Za-z'’-]*)")
# Reversed "<noun> by|of" right before a figure: "spending by 12%", "a cut of 8%".
_MEASURED_REV = re.compile(rf"{_SP}*(?P<p>yb|fo){_SP}+(?P<w>[a-z]+)(?![A-Za-z])")
_TOLL_RE = re.compile(rf"(?i)\b(?!the\b|a\b|its\b|their\b)([a-z]+){_SP}+toll\b")
_WORD_BEFORE_REV = re.compile(r"#?[^\S\n]*\.?([A-Za-z]+)")  # reversed, like _HEDGE_REV
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“‘(\n])[^\S\n]*$")
# The zero of each common non-ASCII decimal digit block (Arabic-Indic, Extended Arabic-Indic
# (Persian/Urdu), NKo, Devanagari and other Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer,
# Mongolian, fullwidth); each block holds 0-9 in order.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
                0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
                0xFF10)
_ISO_DIGITS = str.maketrans(
    {chr(z + i): str(i) for z in _DIGIT_ZEROS for i in range(10)}
    # Arabic decimal and thousands separators and percent signs, so "٪٥٠" reads as "%50".
    | {"\u066b": ".", "\u066c": ",", "\u066a": "%", "\uff05": "%", "\uff0c": ","}
)
_NON_ASCII_DIGIT_RE = re.compile(
    "[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _DIGIT_ZEROS)
    + "\u066b\u066c\u066a\uff05\uff0c]"
)
# Reversed, like _HEDGE_REV: a capitalised word and spaces right before a number.
_NAME_BEFORE_REV = re.compile(r"[^\S\n]+([a-z]*[A-Z][A-Za-z]*)")
_DATE_WORDS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday"
)
_ONE_IN_DIGITS_RE = re.compile(rf"{_SP}+(?:in|and|to|or){_SP}+[0-9]")
_SPACE_RE = re.compile(r"\s+")
# Thousands separators as wires and tokenisers write them: "23,000", "23 000" (space, NBSP,
# thin space), "3, 000" and "3 , 000" (tokenised).
_GROUPING_RE = re.compile(r"[,\s\u202f\u2009\u00a0]")
# Ordinal suffixes: "57th minute", "the 6th overall pick" are facts (a rank); unit "ordinal".
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z0-9_])")
# A figure that opens a line or sentence and is closed by ")" without an opener is a list
# marker ("3) The document ..."), not a count.
_LIST_MARKER_RE = re.compile(r"\)[^\S\n]+")
# One or two digits and a full stop opening a line ("1. The panel ..."): a numbered list's marker
_NUMBERED_LINE_RE = re.compile(r"\.[^\S\n]+(?=[^\W\d_])")
_LINE_START_RE = re.compile(r"(?:^|\n)[^\S\n]*$")
# Units of measure written as words or symbols after a figure, by canonical unit; the
# dimension of each unit says which pairs are conversions ("10 km (6.2 miles)").
MEASURE_UNITS = {
    "km": "km", "kilometre": "km", "kilometer": "km", "mile": "mi", "mi": "mi",
    "metre": "m", "meter": "m", "foot": "ft", "feet": "ft", "ft": "ft", "yard": "yd",
    "inch": "in", "cm": "cm", "centimetre": "cm", "centimeter": "cm", "mm": "mm",
    "millimetre": "mm", "millimeter": "mm", "kg": "kg", "kilogram": "kg", "kilo": "kg",
    "lb": "lb", "lbs": "lb", "gram": "g", "tonne": "t", "ton": "ton", "ounce": "oz",
    "°c": "°C", "°f": "°F", "celsius": "°C", "fahrenheit": "°F", "degree": "degree",
    "mph": "mph", "kmh": "km/h", "litre": "l", "liter": "l", "gallon": "gal",
    "hectare": "ha", "acre": "acre",
    # periods of time: "six months" and "six years" are two durations, "20 years" and "two
    # decades" one
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
    "century": "century",
}
DURATION = "duration"
UNIT_DIMENSIONS = {
    "km": "length", "mi": "length", "m": "length", "ft": "length", "yd": "length",
    "in": "length", "cm": "length", "mm": "length", "kg": "mass", "lb": "mass", "g": "mass",
    "t": "mass", "ton": "mass", "oz": "mass", "°C": "temperature", "°F": "temperature",
    "degree": "temperature", "mph": "speed", "km/h": "speed", "l": "volume",
    "gal": "volume", "ha": "area", "acre": "area",
    **{u: DURATION for u in ("second", "minute", "hour", "day", "week", "fortnight", "month",
                             "year", "decade", "century")},
    "percentage point": "rate change", "basis point": "rate change",
}
_CONVERSION_GAP_RE = re.compile(r"[^\S\n]*(?:\(|\[|/|,?[^\S\n]+or)[^\S\n]*")
# (a hard-wrapped line goes on into the next: one line break, not a blank line)
_PREDICATE_WORD_RE = re.compile(rf"(?:{_SP}|\n(?!{_SP}*\n))+([a-z][a-z'’-]*)")


@dataclass(frozen=True, slots=True)
class _Atom:
    """One number as written, before ranges and hedges are read around it."""

    start: int
    end: int
    value: float
    mantissa: float  # the value before its final scale word ("three thousand" -> 3)
    scale: float  # that final scale (1000), or 1
    kind: str  # digits | words | vague | fraction
    unit: str | None = None
    low: float | None = None  # vague atoms are ranges already
    high: float | None = None


# --- atoms -----------------------------------------------------------------------------------


def _normalise_digits(text: str) -> str:
    """Translate non-ASCII digits and Arabic separators one-for-one (offsets stay put)."""
    # str.translate walks every character (~0.4 ms on an article with curly quotes); most
    # texts have no such digit, and a character-class search says so in microseconds.
    if text.isascii() or not _NON_ASCII_DIGIT_RE.search(text):
        return text
    return text.translate(_ISO_DIGITS)


def _word_before(text: str, pos: int) -> str:
    """Return the word right before ``pos`` on the same line, or ''."""
    m = _WORD_BEFORE_REV.match(text[max(0, pos - 30) : pos][::-1])
    return m.group(1)[::-1] if m else ""


def _next_words(text: str, pos: int, limit: int = 3) -> list[re.Match[str]]:
    """Return up to ``limit`` Latin words following ``pos`` (spaces or hyphens between)."""
    words: list[re.Match[str]] = []
    while len(words) < limit:
        m = _NEXT_WORDS_RE.match(text, pos, min(len(text), pos + 60))
        if not m:
            break
        words.append(m)
        pos = m.end()
    return words


def _parse_words(text: str, start: int, end: int) -> list[_Atom]:
    """Read a run of English number words into atoms, splitting where grammar breaks."""
    tokens = [(m.group(0).lower(), m.start(), m.end())
              for m in _WORD_TOKEN_RE.finditer(text, start, end)]
    atoms: list[_Atom] = []
    i, n = 0, len(tokens)
    while i < n:
        word, s, _ = tokens[i]
        lead_a = word in ("a", "an")
        j = i + 1 if lead_a else i
        total = current = 0.0
        last = ""  # class of the last number token
        mantissa, scale = 0.0, 1.0
        first = j
        while j < n:
            w = tokens[j][0]
            if w == "and":
                # "and" joins only "hundred and five" / "thousand and one", or "and a half".
                nxt = tokens[j + 1][0] if j + 1 < n else ""
                if nxt == "a" and j + 2 < n and tokens[j + 2][0] == "half" and last in (
                        "unit", "teen", "tens", "scale", "hundred"):
                    if last in ("scale", "hundred"):
                        # "two million and a half" is rare; "one and a half million" is not.
                        break
                    current += 0.5
                    last = "half"
                    j += 3
                    continue
                if last in ("hundred", "scale") and (nxt in UNITS or nxt in TEENS or nxt in TENS):
                    j += 1
                    continue
                break
            if w in ("point", "dot"):
                # a decimal said aloud ("three point five percent", "twelve dot fifty euros");
                # not "at one point two officers arrived"
                fraction = _spoken_fraction(tokens, j + 1) if last in (
                    "unit", "teen", "tens") and not total and not (
                    j - first == 1 and tokens[first][0] == "one"
                    and _AT_BEFORE_RE.search(text, max(0, s - 8), tokens[first][1])) else None
                if fraction is None:
                    break
                digits, j = fraction
                current += float(f"0.{digits}")
                last = "decimal"
                continue
            if w in ("a", "an", "half"):
                break
            cls = ("unit" if w in UNITS else "teen" if w in TEENS else "tens" if w in TENS
                   else "hundred" if w == "hundred" else "dozen" if w == "dozen" else "scale")
            ok = {
                "": cls in ("unit", "teen", "tens") or (lead_a and cls in ("hundred", "scale",
                                                                            "dozen")),
                "unit": cls in ("hundred", "scale", "dozen"),
                "teen": cls in ("hundred", "scale"),
                "tens": cls in ("unit", "scale"),
                "hundred": cls in ("unit", "teen", "tens", "scale"),
                "scale": cls in ("unit", "teen", "tens"),
                "half": cls in ("scale", "hundred", "dozen"),
                "decimal": cls == "scale",
                "dozen": False,
            }[last]
            if cls == "scale" and last in ("hundred", "unit", "teen", "tens", "half", "") and \
                    total and SCALES[w] >= _last_scale(total):
                ok = False  # "thousand ... thousand": a second number
            if not ok:
                break
            if cls in ("unit", "teen", "tens"):
                current += UNITS.get(w) or TEENS.get(w) or TENS.get(w) or 0
                mantissa, scale = 0.0, 1.0
            elif cls == "hundred":
                mantissa, scale = current or 1.0, 100.0
                current = (current or 1.0) * 100
            elif cls == "dozen":
                mantissa, scale = current or 1.0, 12.0
                current = (current or 1.0) * 12
            else:
                mantissa, scale = current or 1.0, SCALES[w]
                if total:
                    mantissa, scale = 0.0, 1.0  # "two million three thousand": no mantissa
                total += (current or 1.0) * SCALES[w]
                current = 0.0
            last = cls
            j += 1
        if j == first:  # nothing read: skip this token ("a" before a non-number, "and", ...)
            i += 1
            continue
        value = total + current
        # "a" belongs to "a hundred", "a dozen"; not to "a one-off" or "a two-year plan".
        keep_a = lead_a and first == i + 1 and tokens[first][0] in ("hundred", "dozen", *SCALES)
        begin = s if keep_a else tokens[first][1]
        atoms.append(_Atom(begin, tokens[j - 1][2], value, mantissa if scale > 1 else value,
                           scale, "words"))
        i = j
    return atoms


_AT_BEFORE_RE = re.compile(r"(?i)\bat\s+$")


def _spoken_fraction(tokens: Sequence[tuple[str, int, int]], k: int) -> tuple[str, int] | None:
    """(the digits after a spoken decimal point, the index after them), or None: digit by digit
    ("point one four", "point oh five") or one number under a hundred ("dot fifty",
    "point twenty five")."""
    n = len(tokens)
    if k >= n:
        return None
    w = tokens[k][0]
    if w in TENS:
        value, k = TENS[w], k + 1
        if k < n and tokens[k][0] in UNITS:
            value, k = value + UNITS[tokens[k][0]], k + 1
        return str(value), k
    if w in TEENS and w != "zero":
        return str(TEENS[w]), k + 1
    digits = ""
    while k < n and (tokens[k][0] in UNITS or tokens[k][0] in ("zero", "oh")):
        digits += str(UNITS.get(tokens[k][0], 0))
        k += 1
    return (digits, k) if digits else None


def _last_scale(total: float) -> float:
    """Return the smallest scale already used in a word number's total."""
    for s in sorted(SCALES.values()):
        if total % (s * 1000) != 0 or s == 1e12:
            return s
    return 1e12


# Times of day. A clock time is a figure of its own unit: minutes after midnight.
TIME = "time"
TWELVE_HOUR = "12-hour clock"  # note of a time read without a.m./p.m.: either half of the day
# ("p.m." keeps its dots; "pm." ends the sentence: its full stop is not the time's)
_MERIDIEM = r"(?P<mer>[AaPp](?:\.[Mm]\b\.?|[Mm]\b))"
_CLOCK_RE = patterns.compile(
    rf"(?<![\w:.,/])(?:"
    rf"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)|\.(?P<dm>[0-5]\d)(?={_SP}*[AaPp]\.?[Mm]\b))"
    rf"(?![\d:]|[.,]\d)(?:{_SP}*{_MERIDIEM})?"
    rf"|(?P<h2>1[0-2]|0?[1-9]){_SP}*(?P<mer2>[AaPp](?:\.[Mm]\b\.?|[Mm]\b))"
    rf"|(?P<h3>1[0-2]|[1-9]){_SP}+o['’]clock\b"
    rf"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?={_SP}*(?:GMT|UTC|BST|CET|hrs\b|hours\b|local\b))"
    rf"|(?P<h5>0\d)(?P<m5>[0-5]\d)(?![\w:]|[.,]\d)"  # "0900": no count starts with a zero
    rf"|(?P<h6>[01]\d|2[0-3])(?P<m6>[0-5]\d)(?![\w:]|[.,]\d)"  # after a weekday only
    rf"|(?P<noon>[Nn]oon|[Mm]idday)(?![\w-])|(?P<midnight>[Mm]idnight)(?![\w-])"
    rf")"
)
# Between a time and its restatement in another zone: "9:20 pm (1320 GMT)", "noon (1600 GMT)"
# (a zone name may close the first time: "3 p.m. ET (1900 GMT)").
_RESTATED_BEFORE_RE = re.compile(r"(?:[^\S\n]+[A-Z]{2,4})?[^\S\n]*\([^\S\n]*")
_STAMP_BEFORE_RE = re.compile(
    r"(?i)\b(?:updated|posted|published|modified|edited|last\s+updated)[^\S\n]*:?[^\S\n]*$")
# "a 1:50 scale", "odds of 5:1": a ratio written like a time.
_RATIO_AFTER_RE = re.compile(rf"{_SP}*(?:scale|ratio|odds|aspect|margin)\b", re.IGNORECASE)
# ... and a score after a result ("won 21:17").
_RATIO_BEFORE_RE = re.compile(
    r"(?i)\b(?:ratio|odds|scale|won|lost|beat|beaten|defeated|drew|drawn|scored?|"
    r"finished|ended)[^\S\n]+$")
# Capitalised words a time may follow ("At 18:40, ..."); after any other ("John 3:16",
# "Psalm 23:4") it is a reference.
_BEFORE_A_TIME = frozenset({"at", "by", "from", "until", "till", "before", "after", "around",
                            "about", "since", "between", "circa", "approximately", "nearly",
                            "almost", "roughly", "shortly", "just", "on", "to", "and", "or"})


# An age by its decade: "a man in his 40s", "in her early twenties", "in their late teens".
AGE = "year-old"  # the role of an age, as "a 45-year-old man" has it
_YEARS_OLD_RE = re.compile(r"[ \t\u00a0]+old(?![\w'’-])")
AGE_NOTE = "an age by its decade"
_DECADE_WORDS = {"teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
                 "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_AGE_DECADE_RE = re.compile(
    rf"(?i)\bin{_SP}+(?:his|her|their|its|my|your|our){_SP}+"
    rf"(?:(?P<part>early|mid|late)(?:{_SP}+|-))?"
    rf"(?:(?P<d>[1-9])0['’]?s|(?P<w>{'|'.join(_DECADE_WORDS)}))\b")
# early / mid / late: the decade's first four, middle three and last three years
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_TEEN_PARTS = {None: (13, 19), "early": (13, 14), "mid": (15, 16), "late": (17, 19)}


def _age_decades(text: str, blocked: Callable[[int, int], bool]) -> list[_Phrase]:
    """The ages given by decade in ``text``, each a range of years ("in his 40s": 40-49)."""
    out = []
    for m in _AGE_DECADE_RE.finditer(text):
        if blocked(m.start(), m.end()):
            continue
        base = int(m.group("d")) * 10 if m.group("d") else _DECADE_WORDS[m.group("w").lower()]
        part = (m.group("part") or "").lower() or None
        if base < 20:
            low, high = _TEEN_PARTS[part]  # ("in his 10s" is no usage: read as the teens)
        else:
            low, high = base + _DECADE_PARTS[part][0], base + _DECADE_PARTS[part][1]
        out.append(_Phrase(m.start(), m.end(), Quantity(float(low), float(high)), AGE, AGE_NOTE))
    return out


@lru_cache(maxsize=8)
def _keyword_re(keywords: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, keywords)), re.IGNORECASE)


def _near_keywords(text: str, pattern: re.Pattern[str], keywords: Sequence[str], back: int
                   ) -> list[re.Match[str]]:
    """``pattern``'s matches in ``text``, as ``finditer`` finds them, for a pattern whose every
    match starts at a word no more than ``back`` words before one of ``keywords`` (lower
    case): tried only there. (Trying a pattern of many alternatives at every word of a long
    article costs milliseconds; a substring search costs microseconds.)"""
    starts: set[int] = set()
    # (searched in the text itself, case-insensitively: a lower-cased copy can be longer, "İ")
    for hit in _keyword_re(tuple(keywords)).finditer(text):
        at = hit.start()
        words = [t.start() for t in _TOKEN_RE.finditer(text, max(0, at - 60), at + 1)]
        starts.update(words[-(back + 1):])
    return patterns.matches_at(pattern, text, starts)


# A figure told by its band of digits, as earnings calls and business news give growth and
# margins: "mid-single digits" (4-6), "low double digits", "the high teens", "triple digits".
# A band and a figure inside it do not contradict each other; another band does. (Where the
# usage varies, "mid" / "high" double digits, the band spans both readings: the teens and
# the tens of percent.)
BAND_NOTE = "a band of digits"
_BANDS = {  # band -> part -> (low, high)
    "single": {None: (1, 9), "low": (1, 3), "mid": (4, 6), "high": (7, 9)},
    "double": {None: (10, 99), "low": (10, 13), "mid": (14, 60), "high": (17, 99)},
    "triple": {None: (100, 999), "low": (100, 399), "mid": (400, 699), "high": (700, 999)},
    "teens": {None: (13, 19), "low": (11, 13), "mid": (14, 16), "high": (17, 19)},
}
_BAND_PARTS = {"low": "low", "lower": "low", "mid": "mid", "middle": "mid", "high": "high",
               "upper": "high"}
_BAND_PART = r"low|lower|mid|middle|high|upper"
_BAND_RE = re.compile(
    rf"(?i)\b(?:(?P<part>{_BAND_PART})(?:{_SP}*-{_SP}*|{_SP}+)"
    rf"(?:to(?:{_SP}*-{_SP}*|{_SP}+)(?P<part2>{_BAND_PART})(?:{_SP}*-{_SP}*|{_SP}+))?)?"
    rf"(?:(?P<band>single|double|triple)(?:{_SP}*-{_SP}*|{_SP}+)digits?"
    rf"|(?P<teens>teens))\b")
# A band is read as a range of plain figures, a percentage or not ("grew in the mid-single
# digits", "low single-digit growth" and "scored in double digits" alike): what the digits
# measure is said around it in ways no rule reads reliably. Its sign or word is in its span.
_BAND_PERCENT_RE = re.compile(rf"(?i){_SP}*(?:%|-?{_SP}*(?:percent|per{_SP}cent)\b)")


def _digit_bands(text: str, blocked: Callable[[int, int], bool]) -> list[_Phrase]:
    """The figures told by their band of digits in ``text``, each a range."""
    out = []
    for m in _near_keywords(text, _BAND_RE, ("digit", "teens"), 5):
        if blocked(m.start(), m.end()):
            continue
        band = (m.group("band") or "teens").lower()
        part = _BAND_PARTS.get((m.group("part") or "").lower())
        if band == "teens" and part is None:
            continue  # "in the teens" alone is an age or a temperature as often
        low, high = _BANDS[band][part]
        upto = _BAND_PARTS.get((m.group("part2") or "").lower())
        if upto is not None:  # "low-to-mid single digits": from the one's low to the other's high
            high = max(high, _BANDS[band][upto][1])
        sign = _BAND_PERCENT_RE.match(text, m.end())
        out.append(_Phrase(m.start(), sign.end() if sign else m.end(),
                           Quantity(float(low), float(high)), "", BAND_NOTE))
    return out


# A multiple: "profit doubled", "tripled", "halved", "twice the size", "three times as many",
# "a fourfold rise", "roughly double last year's output". Unit MULTIPLE, the factor as the
# figure; its hedge is read as a count's is ("roughly double" / "exactly twice" is a change).
# "Doubled" and "rose two-fold" are one figure: a multiple carries no way of change of its own.
MULTIPLE = "times"
MULTIPLE_NOTE = "a multiple"
_MULTIPLE_VERBS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "quintupl": 5.0,
                   "halv": 0.5}
_MULTIPLE_WORDS = {"twice": 2.0, "thrice": 3.0, "double": 2.0, "triple": 3.0, "treble": 3.0,
                   "quadruple": 4.0}
_MULTIPLE_NUMBER = "|".join(sorted([*UNITS, *(w for w in TEENS if w != "zero"), *TENS, "hundred",
                                    "thousand"], key=len, reverse=True))
# a multiple's figure: "1,000", "2.5", "ten", "twenty-five"
_MULTIPLE_FIGURE = (rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
                    rf"|(?:{_MULTIPLE_NUMBER})(?:-(?:{_MULTIPLE_NUMBER}))?")
# what follows a multiple of something ("twice the size", "three times as many", "double what")
_OF_SOMETHING = (r"as|the|that|than|what|more|less|fewer|higher|lower|larger|smaller|bigger|"
                 r"greater|faster|slower|longer|shorter|its|their|his|her|this|these|those|our|"
                 r"your|my")
_MULTIPLE_RE = re.compile(
    rf"(?i)\b(?:"
    # a verb: "doubled", "is tripling", "halves" ("doubled down", "doubled over" are idioms)
    rf"(?P<verb>doubl|tripl|trebl|quadrupl|quintupl|halv)(?:ed|es|ing)\b"
    rf"(?!{_SP}+(?:down|over|up|back)\b)"
    rf"|(?P<halve>halve)\b"
    # "double" / "triple" before what it multiplies, or after a modal or "to"
    rf"|(?P<bare>double|triple|treble|quadruple|twice|thrice)(?={_SP}+(?:{_OF_SOMETHING})\b)"
    rf"|(?P<modal>double|triple|treble|quadruple)\b(?![-\w])"
    # "three times as many", "10 times the size"
    rf"|(?P<times>{_MULTIPLE_FIGURE})(?:{_SP}+|-)times"
    rf"(?={_SP}+(?:{_OF_SOMETHING})\b)"
    # "threefold", "a 10-fold rise", "two-fold", "a 2,000-fold rise"
    rf"|(?P<fold>{_MULTIPLE_FIGURE})(?:{_SP}*-{_SP}*)?fold\b)")


_MULTIPLE_WORD_VALUES = {**UNITS, **TEENS, **TENS, "hundred": 100, "thousand": 1000}
# the words every multiple holds
_MULTIPLE_KEYS = ("doubl", "tripl", "trebl", "quadrupl", "quintupl", "halv", "twice", "thrice",
                  "times", "fold")
# the words after which "double" / "triple" is a verb or a multiple ("will double", "roughly
# double")
_MODALS = _words("to will would could can may might should must roughly about nearly almost "
                 "more than")


def _multiples(text: str, blocked: Callable[[int, int], bool]) -> list[_Phrase]:
    """The multiples said in ``text`` ("tripled", "twice the size"), each a figure of unit
    ``MULTIPLE`` with the hedge before it."""
    out = []
    for m in _near_keywords(text, _MULTIPLE_RE, _MULTIPLE_KEYS, 3):
        if blocked(m.start(), m.end()):
            continue
        if m.group("verb"):
            factor = _MULTIPLE_VERBS[m.group("verb").lower()]
        elif m.group("halve"):
            factor = 0.5
        elif m.group("modal") and _word_before(text, m.start()).lower() not in _MODALS:
            continue  # "a double room", "the triple jump"
        elif m.group("bare") and _SENTENCE_START_RE.search(text, max(0, m.start() - 3),
                                                            m.start()):
            continue  # "Twice the ferry turned back": how often, put first
        elif m.group("bare") or m.group("modal"):
            factor = _MULTIPLE_WORDS[(m.group("bare") or m.group("modal")).lower()]
        else:
            n = (m.group("times") or m.group("fold")).lower()
            factor = float(n.replace(",", "")) if n[0].isdigit() else float(sum(
                _MULTIPLE_WORD_VALUES[w] for w in n.split("-")))  # "twenty-five"
        start, hedge = m.start(), None
        h = _HEDGE_REV.match(text[max(0, start - 24):start][::-1])
        if h:
            phrase = _SPACE_RE.sub(" ", h.group(0)[::-1].strip().lower())
            hedge = HEDGES.get(phrase)
            if hedge is not None:
                start -= h.end()
        out.append(_Phrase(start, m.end(), Quantity(factor, factor, hedge, MULTIPLE), "",
                           MULTIPLE_NOTE))
    return out


# A rate moved by a fraction of a point: "cut rates by a quarter point", "half a percentage
# point", "a three-quarter-point rise": a figure in percentage points, read only in a sentence
# about a rate (elsewhere "half a point" is a score).
BASIS_POINT = "basis point"
RATE_CHANGE_UNITS = frozenset({"percentage point", BASIS_POINT})
_POINT_FRACTIONS = {"quarter": 0.25, "half": 0.5, "three-quarter": 0.75, "three quarter": 0.75,
                    "three-quarters": 0.75, "three quarters": 0.75}
_POINT_FRACTION_RE = re.compile(
    rf"(?i)\b(?:(?:an?|one){_SP}+)?(?P<f>three[- ]quarters?|quarter|half)"
    rf"(?:{_SP}+of)?(?:{_SP}+an?)?(?:{_SP}+|-)(?:percentage{_SP}+|-)?point\b")
_RATE_WORDS_RE = re.compile(
    r"(?i)\b(?:rates?|yields?|interest|inflation|percent|bonds?|mortgages?|lending|borrowing|"
    r"deposits?|unemployment|jobless|tax|taxes|tariffs?|margins?|basis)\b|%")


def _point_fractions(text: str, sentences: Sequence[Sentence],
                     blocked: Callable[[int, int], bool]) -> list[_Phrase]:
    """The fractions of a percentage point said in ``text``, in sentences about a rate."""
    out = []
    by_id: dict[int, Sentence] | None = None
    for m in _near_keywords(text, _POINT_FRACTION_RE, ("point",), 6):
        sid = sentence_at(sentences, m.start())
        if blocked(m.start(), m.end()) or sid is None:
            continue
        if by_id is None:
            by_id = {x.id: x for x in sentences}
        s = by_id.get(sid)
        if s is None or not _RATE_WORDS_RE.search(s.text):
            continue
        value = _POINT_FRACTIONS[_SPACE_RE.sub(" ", m.group("f").lower())]
        out.append(_Phrase(m.start(), m.end(), Quantity(value, value, None, "percentage point"),
                           "", ""))
    return out


# A result's two figures: "won 3-1", "passed 52-48", "a 1-1 draw" (``_tally``). Unit TALLY, the
# figures in the order written: "a 1-3 defeat", told by the side that lost, states the tally
# "won 3-1" does, and ``_key`` sorts the pair so that the two are one.
TALLY = "tally"


# A numbered list: lines opening "1." / "1)" and counting up by one (their markers are
# no figures: ``_digit_atom``; a list states how many items it has).
_LIST_ITEM_RE = re.compile(r"(?m)^[^\S\n]*(\d{1,2})[.)][^\S\n]+\S")


@lru_cache(maxsize=64)
def numbered_lists(text: str) -> tuple[tuple[int, int, int], ...]:
    """(items, start, end) of each numbered list of a text ("1. ... 2. ... 3. ..." has three),
    from the last line before it that is not blank to the end of its last item's line."""
    out: list[tuple[int, int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if len(run) >= 2:
            lead = text.rfind("\n", 0, len(text[: run[0].start()].rstrip())) + 1
            tail = text.find("\n", run[-1].end())
            out.append((len(run), lead, len(text) if tail < 0 else tail))

    for m in _LIST_ITEM_RE.finditer(text):
        n = int(m.group(1))
        if n == len(run) + 1:
            run.append(m)
            continue
        close()
        run = [m] if n == 1 else []
    close()
    return tuple(out)


def _clock_atoms(text: str, blocked: Callable[[int, int], bool]) -> list[_Atom]:
    """The times of day of ``text`` (see TIME), outside ``blocked`` spans."""
    found: list[_Atom] = []
    for m in _CLOCK_RE.finditer(text):
        if blocked(m.start(), m.end()) or _RATIO_AFTER_RE.match(text, m.end()):
            continue
        if _STAMP_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "Updated 6:00 p.m. ET", "Posted: 4:56 AM": the page's time stamp
        if found and _RESTATED_BEFORE_RE.fullmatch(text, found[-1].end, m.start()):
            continue  # "9:20 pm (1320 GMT)": the same moment in another zone, no time of its own
        if m.group("h6") is not None and not clock_after_weekday(text, m.start(), m.end()):
            continue  # ("Thursday 1800" is a time; any other four digits are a count or a year)
        if m.group("noon") or m.group("midnight"):
            value = 720.0 if m.group("noon") else 0.0
            found.append(_Atom(m.start(), m.end(), value, value, 1.0, "clock", TIME))
            continue
        hour_text = m.group("h") or m.group("h2") or m.group("h3") or m.group("h4") \
            or m.group("h5") or m.group("h6")
        minute_text = m.group("m") or m.group("dm") or m.group("m4") or m.group("m5") \
            or m.group("m6") or "0"
        meridiem = (m.group("mer") or m.group("mer2") or "").casefold()
        before = _word_before(text, m.start())
        if (m.group("h") is not None or m.group("h5") is not None) and meridiem == "" and (
                _RATIO_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
                or before[:1].isupper() and before.casefold() not in _BEFORE_A_TIME):
            # "won 21:17", "John 3:16", "Flight 0515": a score, a reference or an id
            continue
        if not meridiem and before.casefold() == "in":
            continue  # "finished in 2:21", "ran it in 3:29": how long it took, no time of day
        hour, minute = int(hour_text), int(minute_text)
        if meridiem:
            if hour > 12:
                continue
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
        # ("03:00" is the 24-hour clock's: a 12-hour dial writes no leading zero)
        twelve = not meridiem and all(m.group(g) is None for g in ("h4", "h5", "h6")) and \
            1 <= hour <= 12 and not hour_text.startswith("0")
        value = float(hour * 60 + minute)
        found.append(_Atom(m.start(), m.end(), value, value, 1.0,
                           "clock12" if twelve else "clock", TIME))
    return found


def clock_text(minutes: float, twelve_hour: bool) -> str:
    """Say a time of day: "6:55" on a 12-hour dial, "6:55 p.m.", "9 a.m.", "noon"."""
    hour, minute = divmod(int(minutes), 60)
    if twelve_hour:
        return f"{hour}:{minute:02d}"
    if (hour, minute) == (12, 0):
        return "noon"
    if (hour, minute) == (0, 0):
        return "midnight"
    h12 = hour % 12 or 12
    return f"{h12}{f':{minute:02d}' if minute else ''} {'p.m.' if hour >= 12 else 'a.m.'}"


# the word after "1.2m": a plural it counts, or a size it measures in metres
_SHORT_AFTER_RE = re.compile(r"(?:[^\S\n]+|-)([A-Za-z]+)\b")
_SIZE_WORDS = _words("high long tall wide deep away deeper higher longer taller wider metres "
                     "meters hurdles freestyle sprint relay butterfly backstroke breaststroke "
                     "medley dash")  # (and a race's distance: "the 100m hurdles")


# A fraction after a whole number: "3 1/2", "2 3/4", "3½" (halves, thirds, quarters, eighths).
VULGAR_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅛": 0.125,
                    "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_MIXED_FRACTION_RE = re.compile(
    rf"(?:{_SP}|-)?(?P<v>[½⅓⅔¼¾⅛⅜⅝⅞])|(?:{_SP}|-)(?P<n>[1-7])/(?P<d>[2348])(?![\d/])")
# A scale after a mixed fraction: "3 1/2 million", "4 1/2 mln dlrs".
_SCALE_AFTER_RE = re.compile(rf"(?i){_SP}*(million|billion|trillion|thousand|mln|bln|mn|bn)\b")


# A figure written to more decimal places than this (the stop counted) is a map coordinate or
# an identifier: news gives exchange rates to four or five places at most.
COORDINATE_DECIMALS = 6


def _digit_atom(m: re.Match[str], text: str) -> _Atom | None:
    """Build an atom from a digits match, or None when it is not a count (time, id, ...)."""
    raw = m.group("int")
    if len(m.group("dec") or "") > COORDINATE_DECIMALS:
        return None  # "69.649208": a coordinate or a reading of an instrument, no news figure
    plain = _GROUPING_RE.sub("", raw)
    value = float(plain + (m.group("dec") or ""))
    start, end = m.start("digits"), m.end("int") + len(m.group("dec") or "")
    scale = 1.0
    unit: str | None = None
    currency = _CURRENCY_BEFORE_RE.search(text, max(0, start - 4), start)
    if m.group("scale"):
        word = m.group("scale").lower()
        scale = 1.0
        for part in word.split():  # ("2 lakh crore": a lakh of crores, two trillion)
            part = part.removesuffix("s") if part not in SCALES else part
            scale *= 100.0 if part == "hundred" else SCALES.get(part) or SOUTH_ASIAN_SCALES[part]
        end = m.end("digits")
    elif m.group("usym"):
        sym = m.group("usym").lstrip("°")
        unit, end = ("°" + sym if sym in "CF" else sym.lower()), m.end("digits")
        unit = MEASURE_UNITS.get(unit.lower(), unit)  # "lbs" is "lb", "kmh" is "km/h"
        if unit in ("bp", "bps"):
            unit = BASIS_POINT  # "25bp", written in lower case only ("2 BP workers")
    elif m.group("short"):
        short = m.group("short").lower().lstrip()
        # "5m" alone may be metres or minutes: read m/b as million/billion after a sign or
        # before a counted plural ("1.2m people", "3bn barrels"), "m" as metres before a word
        # of size ("a 3m-long fence", "1.2m high"), and not otherwise.
        if short in ("m", "b") and currency is None:
            after = _SHORT_AFTER_RE.match(text, m.end("digits"))
            if short == "m" and after is not None and after.group(1).lower() in _SIZE_WORDS:
                unit, end = "m", m.end("digits")
            elif after is not None and _is_plural(after.group(1).lower()) and \
                    after.group(1).lower() not in _SIZE_WORDS:
                scale, end = SHORT_SCALES[short], m.end("digits")
            else:
                return None
        else:
            scale, end = SHORT_SCALES[short], m.end("digits")
    if unit is None and scale == 1.0 and not m.group("dec") and end == m.end("int") and \
            (mixed := _MIXED_FRACTION_RE.match(text, end)) is not None:
        # "3 1/2 hours", "3½ hours": a whole number and a fraction, one figure
        value += VULGAR_FRACTIONS.get(mixed.group("v") or "", 0.0) if mixed.group("v") else \
            int(mixed.group("n")) / int(mixed.group("d"))
        end = mixed.end()
        if (after := _SCALE_AFTER_RE.match(text, end)) is not None:
            word = after.group(1).lower()
            scale, end = SCALES.get(word) or SHORT_SCALES[word], after.end()
    if unit is None and scale == 1.0 and not m.group("dec") and \
            _ORDINAL_RE.match(text, end) and "," not in raw:
        return _Atom(start, end + 2, value, value, 1.0, "digits", "ordinal")  # "57th"
    if end < len(text) and (text[end].isalpha() or text[end] == "_") and \
            (text[end].isascii() or "\u00C0" <= text[end] <= "\u04FF"):
        return None  # "10am", "3G": a time or a name (CJK may follow)
    if len(raw) == 4 and raw[0] == "0":
        return None  # "0900": a time of day on the 24-hour clock
    if len(raw) <= 2 and _LIST_MARKER_RE.match(text, end) and _SENTENCE_START_RE.search(
            text, max(0, start - 10), start) and not (len(raw) == 2 and _after_a_name(text, start)):
        # "3) The document ...", "(2) a fall": a list marker ("Angoulême (8,500) marched": a
        # count; "Tom Berg (27) has joined": two digits in brackets after a name, an age)
        return None
    if len(raw) <= 2 and end == m.end("int") and _NUMBERED_LINE_RE.match(text, end) and \
            _LINE_START_RE.search(text, max(0, start - 10), start):
        return None  # "2. Ferry times: ...": a numbered list's marker
    if _TIME_AFTER_RE.match(text, end, min(len(text), end + 8)):
        return None
    if start and text[start - 1] == "#":
        return None
    before = _word_before(text, start)
    if before and not currency and before not in _ERAS and (
            (before.lower() in IDENTIFIER_WORDS and before[0].isupper())
            or any(c.isupper() for c in before[1:]) and not _told_a_count(text, start, end)
            and not LISTED_AFTER_FIGURE_RE.search(text, max(0, start - 60), start)):
        # "Article 5", "No. 10", "iPhone 11", "UN 2254": an identifier (an acronym told a count:
        # "told CNN 5 people were hurt")
        return None
    if text[end + 1 : end + 2].isupper():  # only then can an address follow
        words = _next_words(text, end, 2)
        if len(words) == 2 and words[1].group(1).lower() in _STREETS:
            return None  # "10 Downing Street": an address
    return _Atom(start, end, value * scale, value, scale, "digits", unit)


# A capitalised word, a space and an opening bracket right before a figure ("Tom Berg (27")
_NAME_OPENS_RE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*[^\S\n]\($")


def _after_a_name(text: str, start: int) -> bool:
    """The figure at ``start`` opens brackets set after a capitalised word ("Tom Berg (27)";
    not "section 14(12)", nor a list's "(2)")."""
    return _NAME_OPENS_RE.search(text, max(0, start - 40), start) is not None


def _atom_matches(text: str) -> list[re.Match[str]]:
    """Find _ATOM_RE matches like ``finditer``, trying only at digits and number-ish words.

    Trying the pattern at every character cost ~2 ms per 800-word article; every atom starts
    at a digit or at one of ``_ATOM_TRIGGERS``, so only those positions are tried.
    """
    found: list[re.Match[str]] = []
    last_end = 0
    for t in _TOKEN_RE.finditer(text):
        tok = t[0]
        if tok in _ATOM_TRIGGER_FORMS or tok[0].isdigit():
            pos = t.start()
            if pos < last_end:
                continue
            m = _ATOM_RE.match(text, pos)
            if m is not None:
                found.append(m)
                last_end = m.end()
    return found


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Return a test telling whether [a, b) overlaps any of ``spans``."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    starts = [s for s, _ in merged]

    def overlaps(a: int, b: int) -> bool:
        """Tell whether [a, b) overlaps a blocked span (disjoint, sorted: check one)."""
        i = bisect_right(starts, b - 1) - 1
        return i >= 0 and merged[i][1] > a

    return overlaps


def _atoms(text: str, blocked: Callable[[int, int], bool]) -> list[_Atom]:
    """Find every number atom in the (digit-normalised) text, skipping blocked spans."""
    atoms: list[_Atom] = []
    for m in _atom_matches(text):
        found: list[_Atom] = []
        if m.group("digits") is not None:
            atom = _digit_atom(m, text)
            if atom and not (text.startswith("-on-", atom.end)
                             or text.endswith("-on-", 0, atom.start)):
                found.append(atom)  # ("1-on-1" is "one-on-one": a kind of meeting)
        elif m.group("words") is not None:
            found.extend(a for a in _parse_words(text, m.start(), m.end())
                         if _keep_word_atom(text, a))
        elif m.group("vague") is not None:
            base = VAGUE_BASES[(m.group("vbase") or m.group("vbase3") + "s").lower()]
            mult = VAGUE_BASES[m.group("vbase2").lower()] if m.group("vbase2") else 1.0
            if (m.group("vbase") or "").lower() == "tens" and not m.group("vbase2"):
                continue  # "tens of" alone is not a magnitude
            low, high = (24.0, 99.0) if base == 12 else (2 * base, 10 * base - 1)
            low, high = low * mult, (high + 1) * mult - 1
            found.append(_Atom(m.start(), m.end(), low, low, 1.0, VAGUE, None, low, high))
        elif m.group("halfscale") is not None:
            word = m.group("hs").lower()
            unit = {"dozen": 12.0, "hundred": 100.0}.get(word) or SCALES[word]
            found.append(_Atom(m.start(), m.end(), unit / 2, 0.5, unit, "words"))
        elif m.group("fraction") is not None:
            before = _word_before(text, m.start()).lower()
            if before in ("first", "second", "other", "latter", "former", "back", "front",
                          "last", "third", "fourth"):
                continue  # "the second half of": a part, not a share
            num = m.group("fnum")
            den = FRACTIONS[m.group("fden").lower()]
            count = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}.get((num or "a").lower(), 1)
            if num is None and den != 2:
                continue  # a bare "third"/"quarter" is an ordinal or a district
            pct = round(100.0 * count / den, 2)
            found.append(_Atom(m.start(), m.end(), pct, pct, 1.0, "fraction", "percent"))
        # A figure beyond float range (309+ digits) counts nothing a reader could check.
        atoms.extend(a for a in found if math.isfinite(a.value) and not blocked(a.start, a.end))
    ordinals = [a for a in _word_ordinals(text) + _frequencies(text) if not blocked(a.start, a.end)]
    # "an hour and a half", "a year-and-a-half": one and a half of a unit of time
    ordinals += [_Atom(m.start(), m.end(), 1.5, 1.5, 1.0, "words", m.group(1).lower())
                 for m in _UNIT_AND_A_HALF_RE.finditer(text) if not blocked(m.start(), m.end())]
    # "about an hour late", "a half hour", "half an hour": a period of one (or half an) hour,
    # not a rate ("$15 an hour", "60 miles an hour", "twice an hour")
    halves = {m.start() for m in _UNIT_AND_A_HALF_RE.finditer(text)} if ordinals else set()
    ordinals += [_Atom(m.start(), m.end(), value, value, 1.0, "words", "hour")
                 for m in _AN_HOUR_RE.finditer(text)
                 if m.start() not in halves and not blocked(m.start(), m.end())
                 # (not the end of "one-and-a-half-hour", which the number words read whole;
                 # "... and an hour later" is an hour)
                 and not _NUMBER_AND_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
                 and not _RATE_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
                 for value in (0.5 if "half" in m.group().casefold() else 1.0,)]
    return sorted(atoms + ordinals, key=lambda a: a.start) if ordinals else atoms


_AN_HOUR_RE = re.compile(
    rf"(?i)\b(?:an?(?:{_SP}|-)half(?:{_SP}|-)hour|half(?:{_SP}|-)an(?:{_SP}|-)hour|an{_SP}hour)\b"
    r"(?![\w-]*(?:\s+and\s+(?:a\s+half|[\w-]+\s+minutes?)\b))")
# A number and "and" right before "a half hour": the whole is one figure in words
_NUMBER_AND_BEFORE_RE = re.compile(
    r"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:[^\S\n]+|-)and(?:[^\S\n]+|-)$")
# A figure (and the word it counts, or its scale) or a count of times before "an hour": the
# hour is a rate's period ("$2 million an hour", "60 cars an hour", "twice an hour").
_RATE_BEFORE_RE = re.compile(
    r"(?i)(?:(?:\d[\d.,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty"
    r"|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen))(?:[^\S\n]+[\w$%-]+)?"
    r"|\b(?:once|twice|times|every|dollars|cents|pounds|euros|per\s+cent|percent))[^\S\n]*$")


_UNIT_AND_A_HALF_RE = re.compile(
    rf"(?i)\b(?:an?|one)(?:{_SP}|-)(second|minute|hour|day|week|month|year|decade|century)"
    rf"(?:{_SP}|-)and(?:{_SP}|-)a(?:{_SP}|-)half\b")


FREQUENCY = "frequency"  # an atom's kind: "twice", "thrice"

# An age set off by commas after a name, as news writes it ("Tomas Berg, 24, scored").
AGE_MAX = 120
_AGE_AFTER_NAME_RE = re.compile(r"[A-Z][\w'’.-]*,[ \t]*$")
_AGE_CLOSE_RE = re.compile(r"[ \t]*,")

ORDINAL_WORDS = {w: n for n, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth"), start=1)}
# A rank in words after a determiner ("the fifth overall pick", "its sixth album"), and "a third
# of" is a fraction. "First" and "second" are ranks only before a noun of a turn or a period
# ("the first year of the contract", "a second term"): elsewhere they are idioms ("at first", "a
# second chance", "the first time", "in the first place", "the first to arrive"); "the first
# quarter" and "the second half" are the dates'.
_FIRST_NOUNS = ("year", "week", "day", "month", "round", "term", "season", "leg", "stage", "phase",
                "game", "attempt", "visit", "edition")
_WORD_ORDINAL_RE = re.compile(
    rf"(?i)\b(?:the|its|his|her|their|our|your|my|this|a)(?:{_SP}+[a-z]+ly)?{_SP}+"
    rf"(?P<w>{'|'.join(w for w in ORDINAL_WORDS if w not in ('first', 'second'))}"
    rf"|(?:first|second)(?={_SP}+(?:{'|'.join(_FIRST_NOUNS)})s?\b))\b(?!{_SP}+of\b|-)"
)


# A rank a result gives ("finished fourth", "moved up to third", "in tenth place"), any
# ordinal word, "first" and "second" too: after these verbs and before "place" they are ranks.
_RISING_TO = r"mov(?:ed|es|ing)|climb(?:ed|s|ing)|r(?:ose|ises|ising)|jump(?:ed|s|ing)"
_RANK_RE = re.compile(
    rf"(?i)\b(?:(?:finish(?:ed|es|ing)?|came|comes|coming|ranked|ranks|placed|places)"
    rf"|(?:{_RISING_TO}|drop(?:ped|s|ping)|slip(?:ped|s|ping)|f(?:ell|alls|alling))"
    rf"(?:{_SP}+(?:up|down|back))?{_SP}+to){_SP}+(?P<w>{'|'.join(ORDINAL_WORDS)})\b(?!-)"
    rf"|\b(?P<p>{'|'.join(ORDINAL_WORDS)})(?={_SP}+place\b)"
)
# "moved up to fourth": the "up to" of a rank reached, which is no hedge
_RANK_BEFORE_RE = re.compile(rf"(?i)\b(?:{_RISING_TO}){_SP}+up{_SP}+to{_SP}*$")


def _word_ordinals(text: str) -> list[_Atom]:
    """Find ranks written as words after a determiner ("the fifth overall pick") or as a result
    gives them ("finished fourth", "in tenth place")."""
    out: list[_Atom] = []
    lower = text.lower() if len(text) < 200_000 else ""
    if lower and not any(w in lower for w in ORDINAL_WORDS):
        return out  # most texts: no rank in words, so no scan
    seen: set[int] = set()
    for m in (*_WORD_ORDINAL_RE.finditer(text), *_RANK_RE.finditer(text)):
        group = "w" if m.group("w") else "p"
        if m.start(group) in seen:
            continue
        seen.add(m.start(group))
        n = float(ORDINAL_WORDS[m.group(group).lower()])
        out.append(_Atom(m.start(group), m.end(group), n, n, 1.0, "words", "ordinal"))
    return sorted(out, key=lambda a: a.start)


# How many times, in one word ("scored twice"); not a multiple ("twice as many", "twice the
# size", "twice that") nor a rate ("twice a week": the period's business).
FREQUENCY_WORDS = {"twice": 2.0, "thrice": 3.0}
_FREQUENCY_RE = re.compile(
    rf"(?i)(?<=[a-z]{_SP})(?P<w>twice|thrice)\b(?!{_SP}*[-,]?{_SP}*(?:as|the|that|than|a|an|per|each"
    rf"|every|over|daily|weekly|monthly|yearly|more|less|its|their|his|her|our|my|your)\b)"
)


def _frequencies(text: str) -> list[_Atom]:
    """Counts of times in one word after a verb ("scored twice"): 2 times, as "two times" is."""
    if "wice" not in text and "hrice" not in text:
        return []
    return [_Atom(m.start("w"), m.end("w"), FREQUENCY_WORDS[m.group("w").lower()],
                  FREQUENCY_WORDS[m.group("w").lower()], 1.0, FREQUENCY)
            for m in _FREQUENCY_RE.finditer(text)]


def _keep_word_atom(text: str, atom: _Atom) -> bool:
    """Tell whether a number written in words is a count (not "one of", "Formula One")."""
    surface = text[atom.start : atom.end]
    if surface[:1].isupper() and not _SENTENCE_START_RE.search(text, max(0, atom.start - 10),
                                                                atom.start):
        # "World War Two", "Formula One": a name; but a share is a figure wherever it stands
        # ("... the harbour at dusk Ten per cent of the fleet": a caption run into the sentence)
        return _PERCENT_RE.match(text, atom.end) is not None
    if surface.lower() == "zero" and text.startswith("-", atom.end):
        return False  # "zero-shot", "zero-sum", "zero-emission": a term, no count
    if atom.value == 1 and surface.lower() == "one":
        if _word_before(text, atom.start).lower() in _ONE_BEFORE_STOPS:
            return False
        if atom.end < len(text) and text[atom.end] == "-" or \
                atom.start and text[atom.start - 1] == "-":
            return False  # "one-off", "one-sided", "one-on-one", "all-in-one"
        words = _next_words(text, atom.end, 2)
        if len(words) == 2 and words[0].group(1).lower() in ("in", "and", "to", "or") and \
                words[1].group(1).lower() in _ATOM_TRIGGERS:
            return True  # "one in five", "between one and two hundred"
        if _ONE_IN_DIGITS_RE.match(text, atom.end, min(len(text), atom.end + 10)):
            return True  # "one in 10"
        if not words or words[0].group(1).lower() in _ONE_STOPS or \
                words[0].group(1).lower() in _NOUN_STOPS:
            return False
    return True


# --- phrases ---------------------------------------------------------------------------------


def _lemma(word: str) -> str:
    """Reduce a counted noun to a comparable singular ("militiamen" -> "militiaman")."""
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if w.endswith("men") and len(w) > 4 and w not in _NOT_MEN:
        return w[:-3] + "man"
    if w in _NOT_PLURAL or len(w) < 4:
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _is_plural(word: str) -> bool:
    """Guess whether a word is a plural noun."""
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    if w.endswith("men") and len(w) > 4 and w not in _NOT_MEN:
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
        and w not in _NOT_PLURAL


# A verb of telling before the outlet a figure follows: "told CNN 5 people were hurt".
_TOLD_REV = re.compile(
    rf"(?i)[^\s]+{_SP}+(?:dlot|sllet|llet|demrofni|ot{_SP}+gnidrocca)(?![A-Za-z])")


def _told_a_count(text: str, start: int, end: int) -> bool:
    """The figure at ``start``-``end`` follows an outlet told something and a lower-case plural
    follows it: a count ("told CNN 5 people died"), not a model number ("PlayStation 5
    consoles", "UN 2254 talks")."""
    nxt = _next_words(text, end, 1)
    return bool(nxt) and nxt[0].group(1)[:1].islower() and _is_plural(nxt[0].group(1)) and \
        _TOLD_REV.match(text[max(0, start - 40) : start].rstrip()[::-1]) is not None


# Words that say "in a row" between a count or a rank and what it counts
_IN_A_ROW = _words("straight consecutive successive running")


def _participle(word: str) -> bool:
    """A verb's past participle in "-ed" ("counted", "surveyed"; not "need", "bed")."""
    return word.isalpha() and word.endswith("ed") and word not in _NOUN_STOPS and any(
        pos == "v" and lemma != word for lemma, pos in lexicon.lemmas(word))


def _counted_noun(text: str, end: int, value: float, unit: str | None) -> tuple[str, int]:
    """Find the counted noun after a number: (lemma, end offset to extend the span to)."""
    candidates: list[re.Match[str]] = []
    if _BASIS_RE.match(text, end):
        return "", end  # "3% year on year": the period is the change's basis, no counted noun
    for m in _next_words(text, end, 3):
        w = m.group(1).lower()
        if w in _NOUN_STOPS or w.endswith(("'s", "’s")):
            break
        if w in _IN_A_ROW:
            continue  # "a fifth straight month": the month counts
        candidates.append(m)
        if len(candidates) == 1 and w in MEASURE_UNITS:
            return w, m.end()  # "12 km long": the unit, whatever words follow it
        if len(candidates) == 1 and (head := w.partition("-")[0]) != w and \
                UNIT_DIMENSIONS.get(MEASURE_UNITS.get(head, ""), DURATION) != DURATION:
            return head, m.end()  # "a 150-feet-deep ravine" (not "a two-year-old": an age)
        if len(candidates) == 1 and text[end : m.start(1)] == "-" and "-" not in w \
                and not _is_plural(w):
            # "a 7.2-magnitude quake kills 85": the word joined to the figure is what it
            # measures, whatever plural follows
            return _lemma(w), m.end()
        if _is_plural(w):
            return _lemma(w), m.end()
    if candidates:
        first = candidates[0].group(1).lower()
        if text[end : candidates[0].start(1)].strip() == "-":
            return _lemma(first), candidates[0].end()  # "a two-year plan": the year counts
        verb_like = first.endswith(("ed", "ing", "ly")) or first in _IRREGULAR_PAST
        if (value == 1 or unit is not None or len(candidates) == 1) and not verb_like:
            return _lemma(first), candidates[0].end()
    of = _OF_NOUN_RE.match(text, end, min(len(text), end + 60))
    if of:
        words = of.group(1).split()
        for k, w in enumerate(words):
            lw = w.lower()
            if lw in _NOUN_STOPS:
                break
            if lw.endswith(("'s", "’s")) or w[:1].isupper() and any(
                    v[:1].islower() and _is_plural(v) for v in words[k + 1 :]):
                continue  # "three of the company's products", "two of Acme's services"
            after = words[k + 1].lower() if k + 1 < len(words) else ""
            if unit == "percent" and w.isalpha() and (w.islower() or _is_plural(lw)) and (
                    not after or after in _NOUN_STOPS or _participle(after)):
                # "43.8 percent of the vote", "a third of the budget": a share of a whole,
                # which a singular noun names; "80.5 percent of the votes counted" is a
                # share of the votes that went through it, another one
                noun = _lemma(lw)
                return (f"{noun} {after}" if _participle(after) else noun), end
            if _is_plural(lw):
                return _lemma(lw), end  # "50 percent of voters": role, span unchanged
    return "", end


# A note's mark before the thing a change noun is said of.
CHANGED_MARK = "change of: "
# The thing a change noun is said of: "a 35% increase in team productivity", "a 3% drop in the
# company's profit", "a 5% cut to the budget".
_CHANGED_THING_RE = re.compile(
    rf"(?i){_SP}+(?:in|of|to){_SP}+(?:(?:the|its|their|our|your|his|her|this|that){_SP}+)?"
    rf"((?:[A-Za-z][A-Za-z'’-]*{_SP}+){{0,3}}[A-Za-z][A-Za-z'’-]*)")


# Words between a change verb and its subject ("revenue also rose", "expenses have fallen").
_SUBJECT_SKIP = _words("also has have had was were is are been be still only just further "
                       "the its their our a an")
# Prepositions after a subject's head ("loans at the big banks fell", "the price of oil rose",
# "shares in Brantley Foods jumped"): the head stands before them.
_SUBJECT_PREPOSITIONS = _words("at in of for on from across among")
SUBJECT_WORDS_BACK = 8  # "sales of cars in the region also fell": a subject and its phrase
_ASIDE_RE = re.compile(r"\([^()\n]*\)")
_CLAUSE_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:()\u2013\u2014\"“”]")


def _subject_changed(text: str, floor: int, pos: int) -> str:
    """The lemma of the noun a change verb starting at ``pos`` is said of, read back within
    its clause ("Revenue increased", "UPS shares climbed", "Loans at the big Kestrel City
    banks fell", "earnings per share rose"), or "" (no noun WordNet knows in reach)."""
    # (a bracket between them is an aside: "Shares in UPS (NYSE: UPS) jumped")
    window = _ASIDE_RE.sub(" ", text[max(floor, pos - 160):pos])
    words = _CLAUSE_WORDS_RE.findall(window)[-SUBJECT_WORDS_BACK:]

    def noun(k: int) -> bool:
        word, low = words[k], words[k].casefold()
        if word[0].isupper() and (any(0 <= n < len(words) and words[n][:1].isupper()
                                      for n in (k - 1, k + 1)) or lexicon.proper_noun(low)):
            return False  # a name's word: the owner ("UPS shares", "Brantley Foods")
        if low in _NOUN_STOPS or low in _DATE_WORDS or k > 0 and words[k - 1].casefold() == "per":
            return False  # ("earnings per share": the earnings)
        return any(pos_ == "n" for _l, pos_ in lexicon.lemmas(low))

    head = None
    for k in range(len(words) - 1, -1, -1):
        if not words[k][0].isalpha():
            break  # a clause break: the subject is not in reach
        low = words[k].casefold()
        if head is None:
            if low in _SUBJECT_SKIP or low.endswith("ly") or low == "per" or not noun(k):
                continue
            head = k
        elif low in _SUBJECT_PREPOSITIONS:
            # the head's noun stands before the preposition, if one does ("sales of cars in
            # the region": the sales)
            before = next((j for j in range(k - 1, -1, -1) if words[j][0].isalpha()
                           and words[j].casefold() not in _SUBJECT_SKIP and noun(j)), None)
            if before is None or not all(words[j][0].isalpha() for j in range(before, k)):
                break
            head = before
    return words[head].casefold() if head is not None else ""


def _changed_thing(text: str, pos: int) -> str:
    """The lemma of the noun a change noun ending at ``pos`` is said of, or ""."""
    m = _CHANGED_THING_RE.match(text, pos, min(len(text), pos + 80))
    if m is None:
        return ""
    head = ""
    for w in m.group(1).split():
        low = w.lower()
        if low in _NOUN_STOPS or head and low.endswith("ed"):
            break  # "to the budget approved ...": a verb after the noun
        if low.endswith(("'s", "’s")):
            continue  # "the company's profit": the owner, then the thing
        head = low
    return _lemma(head) if head and head not in _DATE_WORDS and _lemma(head) not in _PERIODS \
        else ""


def _role_from_context(text: str, sent_start: int, pos: int) -> str:
    """Find a counted noun before the number ("the number of fighters ... is 2,000")."""
    window = text[max(sent_start, pos - 200) : pos]
    found = None
    # Cheap substring tests first: the patterns below cost ~5 µs per figure when run blind.
    if " of " in window:
        for found in _NUMBER_OF_RE.finditer(window):
            pass
    if found is not None:
        kept = ""
        for w in found.group(1).split():
            lw = w.lower()
            if lw in _NOUN_STOPS:
                break
            kept = lw
            if _is_plural(lw):
                return _lemma(lw)
        return _lemma(kept) if kept else ""
    toll = None
    if "toll" in window:
        for toll in _TOLL_RE.finditer(window):
            pass
    if toll:
        return toll.group(1).lower()
    # "police spending by 12%", "a cut of about 8 percent": the noun the figure measures.
    head = _MEASURED_REV.match(window[::-1])
    if head:
        word = head.group("w")[::-1].lower()
        # Before "of" a change word is a noun ("a cut of 8%"); before "by" it is the verb
        # ("prices rose by 8%"), and "spending" is a noun while "rising" is a change verb.
        verb = head.group("p") == "yb" and (word in _CHANGE_VERBS or word.endswith("ed"))
        if word not in _NOUN_STOPS and not verb and not word.endswith("ly"):
            return _lemma(word)
    return ""


def _predicate(text: str, pos: int) -> str:
    """Return the word a figure's clause says of it ("12 were injured" -> "injured"), or ''."""
    for _ in range(6):
        m = _PREDICATE_WORD_RE.match(text, pos, min(len(text), pos + 40))
        if m is None:
            return ""
        word = m.group(1)
        if word in _AUXILIARIES or word == "to" and text.startswith(" be ", m.end()):
            pos = m.end()  # ("are believed to be trapped")
            continue
        if word in _PLACE_PREPOSITIONS:
            return _toll_after_place(text, m.start(1))
        if word in _NOUN_STOPS or word.endswith(("'s", "’s")) or len(word) < 3:
            return ""
        if word in _TOLL_STATED and (toll := _PREDICATE_WORD_RE.match(
                text, m.end(), min(len(text), m.end() + 40))) and toll.group(1) in TOLL_OF:
            return toll.group(1)  # "confirmed dead", "reported killed": the toll
        return word
    return ""


# A count of some of a counted group ("including 60 people in serious condition", "all but
# three of the deaths", "two of them"): another slot than the group's own count.
PART = "part of a count"
# The figure a change is measured from ("net income rose to $1.54 billion, up from $1.13
# billion", "compared with 19,720 a year earlier", "against 13,000 on the 19th"): another
# slot than the figure reached, though both count one thing.
BASE = "the base of a comparison"
_BASE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?:up|down)[^\S\n]+from|(?P<bare>from|against)|compared[^\S\n]+"
    r"(?:with|to)|versus|vs\.?)[^\S\n]+(?:(?:an?|the|its|their)[^\S\n]+)?"
    r"(?:(?:previous|prior|earlier|year-ago|original|initial)[^\S\n]+)?"
    r"(?:(?:estimate|forecast|figure|level|total|guidance|target)[^\S\n]+of[^\S\n]+)?"
    r"(?:(?:about|around|some|roughly|nearly|almost|just|more[^\S\n]+than)[^\S\n]+)?$")
# (far enough back for "from the previous estimate of about" before a figure)
BASE_BEFORE_CHARS = 72
# A bare "from" or "against" makes a base only after a figure or a word of change in its
# clause ("rose to $1.80 from $1.31", "14,000 (against 13,000)"; not "delegates from 45
# countries", "voted 52 against")
_BASE_CUE_RE = re.compile(
    r"(?i)(?:\d|\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing)?|"
    r"increas\w*|decreas\w*|declin\w*|climb\w*|jump\w*|drop\w*|slump\w*|surg\w*|"
    r"gain\w*|los[st]\w*|up|down|higher|lower|more|less|changed?)\b)[^,;:.!?()\n]*$")
BASE_CUE_CHARS = 60
PART_CUE_CHARS = 24
_PART_BEFORE_RE = re.compile(r"(?i)\b(?:including|among\s+them|among\s+whom|all\s+but|except|"
                             r"excluding)[^\S\n]+$")
_PART_AFTER_RE = re.compile(r"(?i)[^\S\n]+of[^\S\n]+(?:the|them|whom|which|those|these)\b")


# Verbs that state a toll rather than say one ("confirmed dead", "reported missing").
_TOLL_STATED = _words("confirmed reported presumed declared listed found")
_PLACE_PREPOSITIONS = _words("in at near from across inside outside")
# Words that end a place phrase before its clause's verb: another clause begins.
_CLAUSE_OPENERS = _words("who whom which that where when while after before as because but "
                         "since until whose")
_PLACE_WORD_RE = re.compile(r"[^\S\n]*([A-Za-z][A-Za-z'’-]*|\d[\d,]*)")
PLACE_PHRASE_WORDS = 20  # how far a toll's verb may stand past a place ("in the city of ...")
# Toll words that are nouns: "in the town of Deaths" names no verb
_TOLL_NOUNS = frozenset({"death", "deaths", "fatality", "fatalities", "injury", "injuries",
                         "life", "lives", "live"})


def _toll_after_place(text: str, pos: int) -> str:
    """The toll a figure's clause states past the place it counts in ("87 people in the city of
    Dingxi and two in Longnan had been confirmed killed" -> "killed"), or ''. Only a toll is
    read so far from the figure: another word there is as likely another clause's."""
    verb = False
    for _ in range(PLACE_PHRASE_WORDS):
        m = _PLACE_WORD_RE.match(text, pos, min(len(text), pos + 40))
        if m is None:
            return ""
        word, pos = m.group(1).casefold(), m.end()
        if word in _CLAUSE_OPENERS:
            return ""
        if word in TOLL_OF and word not in _TOLL_NOUNS:
            return word  # "93 people in the capital died and 12 ... were injured": its own verb
        if verb or word in _AUXILIARIES:
            if word in TOLL_OF:
                return word
            if word not in _AUXILIARIES and word not in _TOLL_STATED:
                return ""  # the clause's verb says something else ("were taken to hospital")
            verb = True
    return ""


# An era before a year ("AD 900", "CE 1000") is part of the figure, not a name it numbers.
_ERAS = frozenset({"AD", "CE"})
_ERA_BEFORE_RE = re.compile(r"(?:A\.?D\.?|C\.?E\.?)[^\S\n]+$")


def _after_name(text: str, pos: int) -> bool:
    """Tell whether a capitalised word (not sentence-initial, not a date word) ends at ``pos``."""
    m = _NAME_BEFORE_REV.match(text[max(0, pos - 40) : pos][::-1])
    if m is None or not m.group(1)[-1].isupper():
        return False
    word = m.group(1)[::-1]
    if word.lower() in _DATE_WORDS or word.lower() in _NOUN_STOPS or word in _ERAS:
        return False
    # Sentence-initial capitals ("Officials 12"?) are not names: look for an earlier word.
    return not _SENTENCE_START_RE.search(text, max(0, pos - m.end() - 10), pos - m.end())


def _sentence_start(sentences: Sequence[Sentence], offset: int) -> int:
    """Return where the sentence containing ``offset`` starts (0 if none does)."""
    # A key, not a list of starts: building that list for every number was quadratic.
    i = bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[i].start if i >= 0 and offset < sentences[i].end else 0


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A number phrase: one atom or a range of two, with what surrounds it."""

    start: int
    end: int
    quantity: Quantity
    role: str
    note: str


def _combine(text: str, atoms: list[_Atom]) -> list[tuple[int, int, float, float, str | None,
                                                           str]]:
    """Join atoms into ranges: (start, end, low, high, unit, kind) per phrase."""
    out: list[tuple[int, int, float, float, str | None, str]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        a_unit, a_end = _unit_after(text, a)
        money = _with_subunit(text, a, a_unit, a_end, atoms[i + 1]) if i + 1 < len(atoms) else None
        if money is not None:
            out.append(money)
            i += 2
            continue
        hours = _hours_before_a_time(text, a, a_unit, atoms[i + 1]) if i + 1 < len(atoms) \
            else None
        if hours is not None:
            out.append(hours)
            i += 2
            continue
        tally = _tally(text, a, atoms[i + 1]) if i + 1 < len(atoms) else None
        if tally is not None:
            out.append(tally)
            i += 2
            continue
        if i + 1 < len(atoms) and a.kind in ("digits", "words"):
            b = atoms[i + 1]
            gap = _RANGE_GAP_RE.match(text, a_end, b.start) if b.kind in ("digits", "words") \
                else None
            if gap is not None and gap.group("dash") and b.value < a.value and b.scale == 1:
                gap = None  # "24-7", "3-1 odds": a falling pair is no range (nor a tally)
            if gap is not None:
                b_unit, b_end = _unit_after(text, b)
                word = (gap.group("word") or "").lower()
                lead = _BETWEEN_RE.search(text, max(0, a.start - 40), a.start)
                lead_word = lead.group("w").lower() if lead else ""
                lead_word = "between" if lead_word == "range" else lead_word  # "range of 2 and 3"
                low = a.value
                if a.scale == 1 and b.scale > 1 and a.value < b.mantissa:
                    low = a.value * b.scale  # "two and three thousand": 2,000 to 3,000
                unit = b_unit or a_unit
                fits = (a_unit is None or a_unit == b_unit) and low <= b.value
                if word == "and":  # "and" joins a range only after "between"
                    fits = fits and lead_word == "between"
                if word == "to" and lead_word == "from":
                    verb = _word_before(text, lead.start() if lead else a.start).lower()
                    fits = fits and verb not in _CHANGE_VERBS
                after_b = _next_words(text, b_end, 1)
                if word == "in" and a.scale == 1 and 1 < b.value <= RATIO_MAX_BASE and \
                        a.value <= b.value and not (
                            after_b and _lemma(after_b[0].group(1)) in _PERIOD_NOUNS):
                    pct = round(100.0 * a.value / b.value, 2)  # "nine in 10": a share
                    out.append((a.start, b_end, pct, pct, "percent", "ratio"))
                    i += 2
                    continue
                if fits and word != "in":
                    out.append((a.start, b_end, low, b.value, unit, "range"))
                    i += 2
                    continue
        low = a.low if a.low is not None else a.value
        high = a.high if a.high is not None else a.value
        out.append((a.start, a_end, low, high, a.unit or a_unit, a.kind))
        i += 1
    return out


# What makes two figures a result's tally: a result word right before them, a name at most
# between ("beat Harrow Town 3-1", "the bill passed 52-48", "drew 1-1"), or right after ("a 1-3
# defeat", "2-1 at half-time", "a 5-4 majority"). (The word is matched in any case, the name
# only capitalised.)
_RESULT_BEFORE_RE = re.compile(
    r"(?i:\b(?:won|wins?|beat|beats|beaten|lost|loses?|drew|drawn|draws?|defeated|defeats?|led"
    r"|leads?|trail(?:ed|s)?|ended|score|scoreline|passed|voted|votes?|margin)\b)"
    rf"(?i:{_SP}+(?:by|to|against|with|over|a|an|the))?(?:{_SP}+[A-Z][\w'’.-]*){{0,4}}{_SP}+$")
_RESULT_AFTER_RE = re.compile(
    rf"(?i){_SP}+(?:(?:home|away){_SP}+)?(?:wins?|victor(?:y|ies)|defeats?|loss(?:es)?|draws?"
    rf"|leads?|votes?|majority|decision|verdict)\b|{_SP}+(?:on{_SP}+)?aggregate\b"
    rf"|{_SP}+at{_SP}+half{_SP}*-?{_SP}*time\b")
# What a rule sets a minimum or maximum for: "a minimum order of $3,000" is at least $3,000, "a
# maximum sentence of 10 years" at most 10 years. Written by hand: no lexicon tells a limit set
# ("fine") from an extreme measured ("speed", "temperature").
LIMITED_NOUNS = frozenset({
    "purchase", "order", "spend", "spending", "deposit", "stake", "investment", "contribution",
    "payment", "sentence", "fine", "penalty", "term", "jail", "prison", "fee", "charge",
    "payout", "bid", "bet", "loan", "withdrawal", "stay", "age"})
_NO_TALLY_BEFORE_RE = re.compile(rf"(?i)\b(?:aged|ages|between|from){_SP}+$")
_TALLY_GAP_RE = re.compile(rf"{_SP}*[-–]{_SP}*")
# a digit joined on by a dash, slash, point or colon: a date or an id's ("2020-1-2", "4/3-1")
_TALLY_BEFORE_RE = re.compile(r"[0-9][-–/.:]$")
_TALLY_AFTER_RE = re.compile(r"[-–/.:][0-9]")
TALLY_DIGITS_MAX = 3  # "2019-20", "1990-1995": a side of four digits is a year


def _tally(text: str, a: _Atom, b: _Atom) -> tuple[int, int, float, float, str | None, str] | None:
    """Two plain whole figures a dash joins as a result gives them ("won 3-1", "passed 52-48",
    "a 1-1 draw", "lost 1-3"): one tally, in the order written. A falling pair is one by
    itself; a level or rising pair only beside a result word ("5-10 people" is a range)."""
    if not all(x.kind == "digits" and x.unit is None and x.scale == 1 and
               text[x.start:x.end].isdigit() and x.end - x.start <= TALLY_DIGITS_MAX
               for x in (a, b)):
        return None
    if _TALLY_GAP_RE.fullmatch(text, a.end, b.start) is None or _TALLY_BEFORE_RE.search(
            text, max(0, a.start - 2), a.start) or _TALLY_AFTER_RE.match(text, b.end):
        return None
    after = _RESULT_AFTER_RE.match(text, b.end) is not None
    noun = _next_words(text, b.end, 1)
    if not after and (_unit_after(text, b)[0] or noun and _is_plural(noun[0].group(1))
                      and noun[0].group(1).lower() != "thanks"):
        return None  # "3-1 odds", "5-10 people": a count ("won 3-1 thanks to" counts none)
    if _NO_TALLY_BEFORE_RE.search(text, max(0, a.start - 12), a.start):
        return None  # "aged 18-24", "between 5-10": a range
    # (a result word further back, "the survey ended in May and polled adults 18-24", is
    # another clause's)
    result = after or _RESULT_BEFORE_RE.search(text, max(0, a.start - 60), a.start) is not None
    falling = b.value < a.value and (a.value, b.value) != (24, 7)  # "open 24-7": all the time
    return (a.start, b.end, a.value, b.value, TALLY, TALLY) if falling or result else None


def _hours_before_a_time(text: str, a: _Atom, a_unit: str | None, b: _Atom
                        ) -> tuple[int, int, float, float, str | None, str] | None:
    """A bare hour opening a range that a time of day closes ("between 10 and 11 a.m.",
    "from 9 to 11:30 p.m.", "10-11 a.m."): one range of times, the hour on the half of the day
    that keeps it before the end ("between 11 and 1 p.m." is 11 a.m. to 1 p.m.)."""
    if a.kind not in ("digits", "words") or a_unit is not None or a.scale != 1 or \
            b.kind != "clock" or b.unit != TIME or a.value != int(a.value) or \
            not 1 <= a.value <= 12:
        return None
    gap = _RANGE_GAP_RE.match(text, a.end, b.start)
    if gap is None or gap.group("cur"):
        return None
    word = (gap.group("word") or "").lower()
    lead = _BETWEEN_RE.search(text, max(0, a.start - 40), a.start)
    lead_word = lead.group("w").lower() if lead else ""
    if word not in ("", "to", "and") or (word == "and" and lead_word != "between"):
        return None
    low = (a.value % 12 + (12 if b.value >= 720 else 0)) * 60
    if low > b.value:
        low -= 720  # "between 11 and 1 p.m.": the morning's 11
    if not 0 <= low < b.value:
        return None
    return a.start, b.end, low, b.value, TIME, "range"


def _with_subunit(text: str, a: _Atom, a_unit: str | None, a_end: int, b: _Atom
                  ) -> tuple[int, int, float, float, str | None, str] | None:
    """An amount in a currency and its hundredths, written as two figures ("five dollars and
    fifty cents", "£3 and 20 pence", "three pounds and 20 pence"): one figure ($5.50)."""
    if a.kind not in ("digits", "words") or b.kind not in ("digits", "words") or \
            a.value != int(a.value) or b.scale != 1 or b.value != int(b.value) or \
            not 0 < b.value < 100:
        return None
    gap = _SUBUNIT_GAP_RE.fullmatch(text, a_end, b.start)
    sub = _SUBUNIT_RE.match(text, b.end)
    if gap is None or sub is None:
        return None
    unit = a_unit if a_unit in _CURRENCIES else None
    if unit is None and (sign := _CURRENCY_BEFORE_RE.search(text, max(0, a.start - 4), a.start)):
        unit = CURRENCY_SIGNS.get(sign.group(0).strip())
    if gap.group("pounds") and sub.group(1).lower() == "pence":
        unit = "GBP"  # "pounds" alone may weigh; with pence it is money
    if unit is None:
        return None
    value = a.value + b.value / 100
    return a.start, sub.end(), value, value, unit, a.kind


def _unit_after(text: str, atom: _Atom) -> tuple[str | None, int]:
    """Read a percent sign or currency word right after an atom: (unit, new end)."""
    if atom.kind in (VAGUE, "fraction") or atom.unit is not None:
        return atom.unit, atom.end
    limit = min(len(text), atom.end + 30)
    p = _PERCENT_RE.match(text, atom.end, limit)
    if p:
        return ("percentage point" if p.group("pp") else BASIS_POINT if p.group("bp")
                else "percent"), p.end()
    c = _CURRENCY_AFTER_RE.match(text, atom.end, limit)
    if c:
        word = _SPACE_RE.sub(" ", c.group("cur").lower())
        return CURRENCY_WORDS.get(word, CURRENCY_WORDS.get(word + "s", word)), c.end()
    return None, atom.end


def _phrases(text: str, atoms: list[_Atom], sentences: Sequence[Sentence],
             blocked: Callable[[int, int], bool]) -> list[_Phrase]:
    """Read hedges, currency, "between", suffix hedges and the counted noun around ranges."""
    phrases: list[_Phrase] = []
    for start, end, low, high, unit, kind in _combine(text, atoms):
        if blocked(start, end):
            continue
        note = ""
        cur = _CURRENCY_BEFORE_RE.search(text, max(0, start - 4), start)
        if cur:
            sign = cur.group(0).strip()
            unit = unit or CURRENCY_SIGNS.get(sign, sign)
            start = cur.start()
        era = _ERA_BEFORE_RE.search(text, max(0, start - 6), start)
        if era:
            start = era.start()  # "about AD 900": the hedge stands before the era
        if kind == "range":
            lead = _BETWEEN_RE.search(text, max(0, start - 40), start)
            if lead:
                start = lead.start()
        hedge: str | None = VAGUE if kind == VAGUE else None
        before = text[max(0, start - 24) : start][::-1]
        h = _HEDGE_REV.match(before) or _ARTICLE_HEDGE_REV.match(before)
        if h and unit == "ordinal" and _RANK_BEFORE_RE.search(text, max(0, start - 40), start):
            h = None  # "moved up to fourth": a rank reached, no hedge
        if h and kind != VAGUE:
            phrase = _SPACE_RE.sub(" ", h.group(0)[::-1].strip().lower())
            hedge = HEDGES.get(phrase) or HEDGES.get(phrase.rsplit(" ", 1)[0])  # "... a"
            start -= h.end()
            if hedge == "about" and (bound := _BOUND_BEFORE_RE.search(
                    text, max(0, start - 16), start)):
                # "up to about 245 kph": a bound, told roughly (the bound is the claim)
                hedge, start = HEDGES[_SPACE_RE.sub(" ", bound.group(1).lower())], bound.start()
            if hedge in _DENIED_BOUNDS and (denied := _DENIED_BEFORE_RE.search(
                    text, max(0, start - 40), start)):
                # "won't be more than 80 euros" is at most 80, "isn't less than" at least
                # (the fact spans the cue's word: its words say what it states)
                hedge, start = _DENIED_BOUNDS[hedge], denied.start()
                while start and text[start - 1].isalpha():
                    start -= 1  # "won't", not "n't"
        elif hedge is None and kind not in (VAGUE, "range") and (
                bound := _BOUND_NOUN_BEFORE_RE.search(text, max(0, start - 40), start)) and \
                bound.group("n").lower() in LIMITED_NOUNS:
            # "a minimum order of $3,000", "a maximum fine of $10,000": a limit set on the thing
            # ("a maximum speed of 120 mph" is a measure reached; "the minimum wage" a thing)
            hedge = "at_least" if bound.group("b").lower() == "minimum" else "at_most"
            start = bound.start()
        elif hedge is None and unit in _CURRENCIES and kind not in (VAGUE, "range") and (
                floor := _FLOOR_REV.match(text[max(0, start - 24) : start][::-1])) and (
                "price" in floor.group(0)[::-1].lower() or _PRICED_RE.search(
                    text, max(0, start - floor.end() - 60), start - floor.end())):
            hedge, start = "at_least", start - floor.end()
        sfx = _SUFFIX_HEDGE_RE.match(text, end, min(len(text), end + 12))
        if sfx and hedge is None and kind != VAGUE:
            token = _SPACE_RE.sub(" ", (sfx.group("w") or sfx.group("odd") or "+").lower())
            hedge = SUFFIX_HEDGES[token]
            end = sfx.end()
        if kind in ("fraction", "ratio"):
            note = f"a {kind} read as a percentage"
        if unit == TIME:
            # a time of day counts nothing: every one fills the slot of a time, of the event
            # its verb names ("sank at 9:03 a.m.", "reached the wreck at 9:46 a.m.")
            event = _event_before(text, _sentence_start(sentences, start), start)
            notes = [TWELVE_HOUR if kind == "clock12" else "", f"{EVENT}{event}" if event else ""]
            phrases.append(_Phrase(start, end, Quantity(low, high, hedge, unit), TIME,
                                   "; ".join(n for n in notes if n)))
            continue
        role, noun_end = _counted_noun(text, end, high, unit)
        if UNIT_DIMENSIONS.get(unit or "") == DURATION:
            role, noun_end = "", end  # "within an hour police arrived": a period counts no noun
        if kind == FREQUENCY:
            role, noun_end = "time", end  # "twice" counts times, as "two times" does
        elif kind == TALLY:
            role, noun_end = TALLY, end  # "a 3-1 win" and "won 3-1": one slot, one span
        elif noun_end == end and not role and unit is None and hedge is None and \
                kind == "digits" and high == int(high) and 0 < high < AGE_MAX and \
                _AGE_AFTER_NAME_RE.search(text, max(0, start - 40), start) and \
                _AGE_CLOSE_RE.match(text, end):
            role = AGE  # "Tomas Berg, 24, scored": a person's age
        if noun_end > end and blocked(end, noun_end):
            role, noun_end = "", end  # "44 Monday": the word after is a date, not a noun
        if role and _noun_direction(role) is not None and (
                thing := _changed_thing(text, noun_end)):
            # "a 35% increase in efficiency" is a change of efficiency, as "raised efficiency
            # by 35%" is: the note keeps what changed for the slot (the role stays the change
            # noun, which says which way)
            note = (note + "; " if note else "") + f"{CHANGED_MARK}{thing}"
        if unit is None and role in MEASURE_UNITS:
            unit, role = MEASURE_UNITS[role], ""  # "10 miles": a unit, not a counted thing
        if unit == "year" and _YEARS_OLD_RE.match(text, noun_end):
            role = AGE  # "the two men were 41 years old": an age, as "Ivo Mertz, 41," is
        if noun_end == end and not role and unit is None and hedge is None and \
                kind in ("digits", "words") and high == int(high) and 0 < high <= SEQUENCE_MAX \
                and (turn := _SEQUENCE_BEFORE_RE.search(text, max(0, start - 12), start)):
            # "on day four", "on Day 3", "Game 7", "at hole 17": the fourth day, a rank of a
            # turn (as "the fourth day" is), no count and no model number
            role, unit = turn.group(1).lower(), "ordinal"
        if kind == "digits" and noun_end == end and unit is None and hedge is None and \
                _after_name(text, start) and not _listed_after_held(text, phrases, start):
            continue  # "Boeing 737", "Su 25": a model number after a name, counting nothing
        if blocked(start, end):
            continue  # a hedge or sign reached into a date: leave it to dates
        from_context = False
        if not role and kind != "fraction":
            role = _role_from_context(text, _sentence_start(sentences, start), start)
            from_context = bool(role)
        # "three of the deaths", "two of them": a bare figure counting some of a group ("the
        # second round of the Open" counts its own noun)
        # ("43.8 percent of the vote" is a share, which every percentage is: no part of a count)
        part_of = noun_end <= end and unit != "percent" and \
            _PART_AFTER_RE.match(text, end) is not None
        end = max(end, noun_end)
        # (a change's basis, "3% year on year", is said of the figure's period, not by a verb)
        predicate = "" if _BASIS_RE.match(text, end) else _predicate(text, end)
        if not predicate and phrases and _BRACKET_GAP_RE.fullmatch(text, phrases[-1].end, start) \
                and (verb := _VERB_BEFORE_RE.search(text, max(0, phrases[-1].start - 24),
                                                    phrases[-1].start)) is not None \
                and any(pos == "v" for _l, pos in lexicon.lemmas(verb.group(1))):
            # "displaced 19,676 households (about 88,312 people)": the same quantity counted
            # another way, said by the verb before the first count (no "158 people have died")
            predicate = verb.group(1).casefold()
        if from_context and TOLL_OF.get(predicate) is not None and \
                TOLL_OF.get(role) not in (None, TOLL_OF[predicate]):
            # "Death toll climbs to 89, 5 still missing": the figure's own verb says its toll
            role = ""
        if part_of or _PART_BEFORE_RE.search(text, max(0, start - PART_CUE_CHARS), start):
            note = (note + "; " if note else "") + PART  # "including 60", "three of them"
        if kind == VAGUE and _MORE_AFTER_RE.match(text, end):
            note = (note + "; " if note else "") + MORE  # "hundreds more are missing"
        if kind != "range" and (base := _BASE_BEFORE_RE.search(
                text, max(0, start - BASE_BEFORE_CHARS), start)) is not None and (
                not base.group("bare") or _BASE_CUE_RE.search(
                    text, max(0, base.start() - BASE_CUE_CHARS), base.start())):
            note = (note + "; " if note else "") + BASE  # "up from $1.31"
        if predicate:
            # "3 people died and 12 were injured": "12" counts no noun, so the word its clause
            # says of it names its slot ("injured"); the note keeps it for every figure, so
            # "34 people were killed" and "35 were killed" still share a slot.
            role = role or predicate
            note = (note + "; " if note else "") + f"predicate: {predicate}"
        if _EACH_AFTER_RE.match(text, end):
            note = (note + "; " if note else "") + EACH  # "four seats each": per party
        holder = _holder(text, _sentence_start(sentences, start), start)
        last = phrases[-1] if phrases else None
        if not holder and last is not None and HELD_BY in last.note and \
                (listed := _LISTED_HOLDER_RE.fullmatch(text, last.end, start)) is not None and \
                not _HOLDER_OPENER_WORDS & {listed.group("name").casefold()}:
            # "Congress won 29 wards, followed by BJP in 19, Independents 3 and SAD 2": each
            # name of the list holds the figure after it, as the first one does
            holder = listed.group("name")
        if not holder and (named := _NAME_BRACKET_RE.search(text, max(0, start - 60), start)):
            holder = named.group(1)  # "Alès (7,000), Angoulême (8,500)": each town's count
        compared = last is not None and _COMPARED_GAP_RE.fullmatch(text, last.end, start)
        if compared and last is not None:
            # "14,000 in Rouen (against 13,000 on the 19th)": the figure it is compared with
            # is the same place's, or the same holder's
            note = "; ".join([note, *(part for part in last.note.split("; ")
                                      if part.startswith((HELD_BY, IN_PLACE)))]).strip("; ")
            holder = ""
        if holder:
            note = (note + "; " if note else "") + f"{HELD_BY}{holder}"
            if not role and last is not None and last.role and HELD_BY in last.note and \
                    last.quantity.unit == unit and start - last.end <= PARALLEL_GAP_CHARS and \
                    _PARALLEL_GAP_RE.fullmatch(text, last.end, start):
                # "Gamma had 22.3% of votes and Delta had 10.6%": the second party's figure
                # counts what the first one's does
                role = last.role
        place = _PLACE_AFTER_RE.match(text, end, min(len(text), end + PLACE_AFTER_CHARS))
        where = _POSSESSIVE_END_RE.sub("", place.group(1)) if place is not None else ""
        if not where:
            # the place a clause before it is set in ("In Amritsar, Congress won 40 wards while
            # AAP ... 28", "leading in Ludhiana, where it won 42"): each town's results are
            # their own slots
            opening = [m for m in _PLACE_BEFORE_RE.finditer(
                text, max(_sentence_start(sentences, start), start - PLACE_BEFORE_CHARS), start)]
            # (not where someone speaks between them: "In Geneva, the agency said 2,000 people
            # had fled" is where it said so)
            where = opening[-1].group(1) if opening and not _SAID_BETWEEN_RE.search(
                text, opening[-1].end(), start) else ""
            set_in = bool(where)
        else:
            set_in = False
        if where and where.split()[0].casefold() not in _DATE_WORDS:
            # ("a 10% rise in March", "in Thursday's attack": a time, not a place)
            note = (note + "; " if note else "") + f"{IN_PLACE}{where.casefold()}" + (
                f"; {SET_IN}" if set_in else "")
            last = phrases[-1] if phrases else None
            if not role and last is not None and last.role and IN_PLACE in last.note and \
                    _LIST_GAP_RE.fullmatch(text, last.end, start):
                # "93 people have died in Mexico City, 69 in Morelos": the list's first figure
                # says what each counts
                role = last.role
                if predicate_of := _PREDICATE_NOTE_RE.search(last.note):
                    note = f"{predicate_of.group(0)}; {note}"
        phrases.append(_Phrase(start, end, Quantity(low, high, hedge, unit), role, note))
    return _held_respectively(text, phrases, sentences)


# A list's next name and its figure after a figure a name holds: the first's counted noun, a
# joint, maybe "followed by", the name (capitalised, or a plural group: "independents"), maybe
# "in" or a verb ("BJP in 19", "independents 3", "and the League 2", "SAD in 4")
_LISTED_HOLDER_RE = re.compile(
    rf"[^.;:!?()\d\n]{{0,40}}?(?:,{_SP}*(?:and{_SP}+)?|{_SP}+and{_SP}+|{_SP}+while{_SP}+)"
    rf"(?:followed{_SP}+by{_SP}+)?(?:the{_SP}+)?"
    rf"(?P<name>[A-Z][\w'’&.-]*(?:{_SP}+[A-Z][\w'’&.-]*){{0,3}}|[a-z]{{4,}}s)"
    rf"{_SP}+(?:(?:won|got|took|secured|had|bagged|polled)?{_SP}*(?:in|with|on|at){_SP}+|"
    rf"(?:won|got|took|secured|had|bagged|polled){_SP}+)?")
_HOLDER_OPENER_WORDS = frozenset({"wards", "seats", "votes", "points", "others", "years", "days"})


# Turns of a contest or a period counted by a figure after them ("day four", "Game 7", "hole
# 17", "Week 5"); a figure after one is the turn's rank.
_SEQUENCE_NOUNS = frozenset({"day", "week", "round", "game", "leg", "lap", "hole", "heat"})
_SEQUENCE_BEFORE_RE = re.compile(
    rf"(?<![\w'’-])(?i:({'|'.join(sorted(_SEQUENCE_NOUNS))}))[^\S\n]+$")
SEQUENCE_MAX = 100


def _listed_after_held(text: str, phrases: Sequence[_Phrase], start: int) -> bool:
    """The figure at ``start`` is the next item of a list whose figure before it a name holds
    ("Congress won 42 wards, the BJP 29 and Independents 3"): a count, no model number."""
    last = phrases[-1] if phrases else None
    if last is None or HELD_BY not in last.note:
        return False
    listed = _LISTED_HOLDER_RE.fullmatch(text, last.end, start)
    return listed is not None and not _HOLDER_OPENER_WORDS & {listed.group("name").casefold()}
# "Congress, the BJP, the BSP and Independents won 25, 19, one and two wards respectively"
_LISTED_NAME = rf"(?:the{_SP}+)?(?:[A-Z][\w'’&.-]*(?:{_SP}+[A-Z][\w'’&.-]*){{0,3}}|[a-z]{{4,}}s)"
_RESPECTIVE_NAMES_RE = re.compile(
    rf"(?P<names>(?:{_LISTED_NAME}{_SP}*,{_SP}*)*{_LISTED_NAME}{_SP}*,?{_SP}+and{_SP}+{_LISTED_NAME})"
    rf"{_SP}+(?:won|winning|got|getting|took|taking|secured|securing|had|having|bagged|polled|"
    rf"received|scored|claimed){_SP}+$")
_RESPECTIVE_GAP_RE = re.compile(rf"{_SP}*,{_SP}*(?:and{_SP}+)?|{_SP}+and{_SP}+")
_NAME_JOINT_RE = re.compile(rf"{_SP}*,{_SP}*(?:and{_SP}+)?(?:the{_SP}+)?|{_SP}+and{_SP}+(?:the{_SP}+)?")


def _held_respectively(text: str, phrases: list[_Phrase], sentences: Sequence[Sentence]
                       ) -> list[_Phrase]:
    """Give each figure of a list the name in the same place of the list of names right before
    it, as many ("with Congress and BJP winning 24 and 19 wards, respectively")."""
    out = list(phrases)
    k = 0
    while k < len(out):
        run = [k]
        while run[-1] + 1 < len(out) and _RESPECTIVE_GAP_RE.fullmatch(
                text, out[run[-1]].end, out[run[-1] + 1].start):
            run.append(run[-1] + 1)
        if len(run) > 1:
            head = text[max(0, out[k].start - HOLDER_CHARS * 2):out[k].start]
            m = _RESPECTIVE_NAMES_RE.search(head)
            held = [n for n in _NAME_JOINT_RE.split(m.group("names").removeprefix("the ").strip())
                    if n] if m else []
            if len(held) == len(run):
                opening = list(_PLACE_BEFORE_RE.finditer(
                    text, max(_sentence_start(sentences, out[k].start),
                              out[k].start - PLACE_BEFORE_CHARS), out[k].start))
                for at, name in zip(run, held, strict=True):
                    parts = [part for part in out[at].note.split("; ")
                             if part and not part.startswith(HELD_BY)]
                    if opening and not any(part.startswith(IN_PLACE) for part in parts) \
                            and not _SAID_BETWEEN_RE.search(text, opening[-1].end(), out[k].start):
                        # (as for one figure)
                        parts += [IN_PLACE + opening[-1].group(1).casefold(), SET_IN]
                    out[at] = replace(out[at], note="; ".join([*parts, HELD_BY + name]))
        k = run[-1] + 1
    return out


# The place a figure's clause counts in ("69 in neighbouring Morelos state", "93 people have
# died in Mexico City"): read up to the next comma or figure, and only a capitalised name.
IN_PLACE = "in: "
# ... read from the clause the figure's sentence opens with ("In Amritsar, ..."), which sets the
# place of every figure in it, where one read after a figure ("65 for a three-shot victory in
# the Lakeview Classic") may be another thing's place or an event's name
SET_IN = "set in its clause"
PLACE_AFTER_CHARS = 48
_PLACE_AFTER_RE = re.compile(r"[^,;:.!?()\d\n]*?\b(?:in|at)[^\S\n]+(?:the[^\S\n]+)?"
                             r"(?:[a-z]+[^\S\n]+){0,2}?(?:of[^\S\n]+)?"
                             r"([A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)*)")
_IN_PLACE_NOTE_RE = re.compile(rf"{IN_PLACE}([^;]+)")
PLACE_BEFORE_CHARS = 240  # how far back a clause's place is read (a sentence may be a page)
_SAID_BETWEEN_RE = re.compile(r"(?i)\b(?:said|says|say|told|tells|announced|reported|stated|"
                              r"according\s+to|estimated|estimates)\b")
# A place a clause of the sentence is set in, before a held figure: "In Ludhiana MC which has 95
# wards, the AAP won 41", "was also leading in Ludhiana, where it won 42"
_PLACE_BEFORE_RE = re.compile(r"\b[Ii]n[^\S\n]+(?:the[^\S\n]+)?([A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)*)"
                              r"[^,.;:!?()\n]{0,40},")
_POSSESSIVE_END_RE = re.compile(r"['’]s$")
# Between two figures of a list of places: the first's place, a comma, maybe "and"
_LIST_GAP_RE = re.compile(r"[^,;:.!?()\d\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)")


# The name a figure is held by: the subject of a clause whose verb takes the figure as what it
# has ("Party Alpha had 43.1 percent", "the Lions, on 45 points", "Alpha has won 21.8%",
# "Erdogan was at 53.8 percent", "(CHP) has won"). Two parties' figures are two slots.
HELD_BY = "held by: "
HOLDER_CHARS = 90
_HOLDER_RE = re.compile(
    rf"(?<![\w'’&.-])(?P<name>(?:[A-Z][\w'’&.-]*{_SP}+){{0,4}}[A-Z][\w'’&.-]*)"
    rf"(?:{_SP}+(?:party|bloc|alliance|coalition|group|movement|front|list))?"
    rf"(?:{_SP}*\((?P<short>[A-Z][A-Za-z]{{1,7}})\),?)?"
    # (an apposition: "the MHP, an alliance partner to ruling AK Party, stands at 11.52%")
    rf"(?:{_SP}*,{_SP}+(?:a|an|the)\b[^,.;:!?()\n]{{1,60}},)?{_SP}+"
    rf"(?:(?:has|have|had|is|are|was|were|now|already){_SP}+){{0,2}}(?:been{_SP}+)?"
    rf"(?:had|has|have|won|wins|took|takes|got|gets|received|receives|secured|secures|polled|"
    rf"polls|garnered|garners|gained|gains|claimed|claims|captured|captures|"
    rf"winning|securing|bagging|taking|"
    rf"(?:could{_SP}+)?regist(?:er|ered|ering){_SP}+(?:a{_SP}+)?victor(?:y|ies){_SP}+in|"
    rf"(?:stood|stands|stand|was|is|sat|sits|led|leads|lead|finished|ended)?{_SP}*(?:at|on|with))"
    rf"{_SP}+(?:(?:just|only|an{_SP}+estimated|some|about|around|nearly|almost|roughly|"
    rf"more{_SP}+than|less{_SP}+than|over|under){_SP}+)?$")
# A figure each of several things has ("won four seats each", "$5 apiece"): no total's slot
EACH = "each"
_EACH_AFTER_RE = re.compile(rf"{_SP}+(?:each|apiece)\b")
# A name and an opening bracket right before a figure ("Angoulême (8,500")
_NAME_BRACKET_RE = re.compile(r"(?<![\w'’&.-])([A-Z][\w'’-]+(?:[^\S\n][A-Z][\w'’-]+){0,3})"
                              r"[^\S\n]*\([^\S\n]*$")
# Between a figure and the one it is compared with in brackets ("14,000 in Rouen (against 13,000")
_COMPARED_GAP_RE = re.compile(
    r"[^()\d\n.!?]{0,40}\([^\S\n]*(?:against|vs\.?|versus|compared[^\S\n]+(?:with|to)|from|"
    r"up[^\S\n]+from|down[^\S\n]+from)[^\S\n]+")
PARALLEL_GAP_CHARS = 120
# A count in brackets right after another ("19,676 households (about 88,312 people)"), and the
# past verb right before that first count ("displaced at least").
_BRACKET_GAP_RE = re.compile(r"[^\S\n]*\([^\S\n]*")
_VERB_BEFORE_RE = re.compile(r"(?<![\w'’-])([a-z]{3,}ed)(?:[^\S\n]+(?:at[^\S\n]+least|about|"
                             r"some|nearly|almost|more[^\S\n]+than|over|around))?[^\S\n]+$")
# Between two parties' figures of one list: the first's noun, a joint, the second's holder
_PARALLEL_GAP_RE = re.compile(r"[^.;:!?()\d\n]*?(?:,|\band\b|\bwhile\b|\bwith\b)[^.;:!?\d\n]*")
_HELD_BY_NOTE_RE = re.compile(rf"{HELD_BY}([^;]+)")


def _holder(text: str, sentence_start: int, start: int) -> str:
    """The name holding the figure at ``start`` (``_HOLDER_RE``), its short form after a "|"
    ("Republican People's Party|CHP"), or ''. A sentence's first word alone ("Sales at 5%")
    and a date ("March at 5%") hold nothing."""
    head = text[max(sentence_start, start - HOLDER_CHARS) : start]
    m = _HOLDER_RE.search(head)
    if m is None:
        return ""
    words = m.group("name").split()
    owner = next((k for k in range(len(words) - 1, -1, -1)
                  if _POSSESSIVE_END_RE.search(words[k])), None)
    if owner is not None and owner + 1 < len(words):
        words = words[owner + 1 :]  # "Erdogan's AK Party": the party holds it
    while words and words[-1].casefold() in _HOLDER_TAILS:
        words.pop()  # a headline's capitalised verb or adverb ("Harris Leads With 48%")
    article = False
    while words and words[0].rstrip(".").casefold() in _DATE_WORDS | _HOLDER_OPENERS:
        article = words.pop(0).casefold() == "the"
    if not words or words[-1].casefold() in _DATE_WORDS or (
            len(words) == 1 and m.group("short") is None and lexicon.lemmas(words[0].casefold())
            and not lexicon.name_sense(words[0]) and not article):
        # ("Sales at 5%", "Turnout at 87%": a common word, no name; "The Liberals won 19" is
        # capitalised after its article, a name)
        return ""
    name = " ".join(words).removesuffix("'s").removesuffix("’s")
    return f"{name}|{m.group('short')}" if m.group("short") else name


# Capitalised words that open a clause, not a name ("The Lions at 45", "But Alpha had 43%")
_HOLDER_OPENERS = _words("the a an but and or so yet then while as its his her their our with "
                         "by in on at of for after before meanwhile it he she they we i you "
                         "this that these those there who which")


# Capitalised words a headline puts between a name and its figure ("Harris Now At 48%")
_HOLDER_TAILS = _words("now still already leads lead led has have had wins won takes took gets "
                       "got stands stood is are was were sits sat ends ended finishes finished "
                       "polls polled")


def holder_of(f: Fact) -> tuple[str, ...]:
    """The forms of the name a figure's note says holds it (``HELD_BY``), or ()."""
    m = _HELD_BY_NOTE_RE.search(f.note) if HELD_BY in f.note else None
    return tuple(m.group(1).split("|")) if m else ()


def _holders_agree(a: Fact, b: Fact) -> bool | None:
    """True when two figures are held by one name (in any of its forms), False when by two,
    None when either names none."""
    ha, hb = holder_of(a), holder_of(b)
    if not ha or not hb:
        return None
    return any(names.same_name(x, y) for x in ha for y in hb)


def _each(f: Fact) -> bool:
    return f.note == EACH or f.note.startswith(f"{EACH};") or f"; {EACH}" in f.note


def held_apart(a: Fact, b: Fact) -> bool:
    """Two figures two names hold ("Congress won 24" / "AAP secured 24 wards")."""
    return _holders_agree(a, b) is False


def held_alike(a: Fact, b: Fact) -> bool:
    """Two figures of one kind held by one name ("Gamma has won 21.8%" / "Gamma had 22.3%")."""
    qa, qb = a.value, b.value
    return a.kind == b.kind == "number" and isinstance(qa, Quantity) and \
        isinstance(qb, Quantity) and qa.unit == qb.unit and bool(_holders_agree(a, b))


def place_of(f: Fact) -> str:
    """The place a figure's note says it counts in (``IN_PLACE``), or ''."""
    m = _IN_PLACE_NOTE_RE.search(f.note) if IN_PLACE in f.note else None
    return m.group(1) if m else ""


# --- the seam --------------------------------------------------------------------------------


def _fmt(x: float) -> str:
    """Format a float for a key: integers without a decimal point, others to 10 digits."""
    # abs() first: int(inf) raises OverflowError, and 309 digits in a text parse as inf.
    return str(int(x)) if abs(x) < 1e18 and x == int(x) else f"{x:.10g}"


def _key(q: Quantity) -> str:
    """Return the comparable form of a quantity (a tally's pair sorted: "3-1" is "1-3")."""
    low, high = sorted((q.low, q.high)) if q.unit == TALLY else (q.low, q.high)
    key = f"number:{q.hedge or '='}:{_fmt(low)}:{_fmt(high)}:{q.unit or ''}"
    return f"{key}:{q.change}" if q.change else key


# Words of a change in amount, by direction: verbs and nouns, as lemmas (WordNet reads the
# inflections). Written by hand: no lexical resource here records which way these words go.
# retold.meaning reads one side as the opposite of the other ("grew" / "declined").
RISE_WORDS = _words("rise increase grow growth climb jump soar surge rebound spike gain")
FALL_WORDS = _words("fall decrease decline drop shrink shrinkage plunge plummet tumble slump dip "
                    "dwindle contraction")
# More words that say which way a figure moved, but only beside it: elsewhere they mostly mean
# other things ("a playground slide", "cut the ribbon", "in advance", "a contract", "he added").
# Markets and payrolls "add" and "lose" ("the index lost 0.3 percent", "added 300 jobs").
_RISE_BESIDE = RISE_WORDS | _words("hike uptick advance rocket rally add")
_FALL_BESIDE = FALL_WORDS | _words("reduce reduction cut slide slip sink downturn downtick "
                                   "contract shed lower trim slash lose")
# Verbs that raise what they act on, read only with "by" after their object ("raised rates by
# 25 basis points"): right before a figure they take an amount ("raised $3 million").
_RAISING = _words("raise lift boost")
# Nouns that make a measured figure the size of a change ("a 12% rise", "a $5 cut"); a count
# of them is no change ("9 rockets", "12 slides", "3 new contracts").
_RISE_NOUNS = _words("rise increase gain jump hike growth uptick surge rebound climb spike")
_FALL_NOUNS = _words("fall drop decline decrease cut reduction contraction shrinkage slump dip "
                     "downturn downtick plunge tumble")


def change_direction(word: str, by: bool = False) -> str | None:
    """"rise" or "fall" for a word of a change in amount beside a figure, in any inflection
    (``by``: the figure follows "by", and "raised", "lifted", "boosted" say which way too)."""
    low = word.casefold()
    found = {low, *(lemma for lemma, _pos in lexicon.lemmas(low))}
    if found & _RISE_BESIDE or by and found & _RAISING:
        return "rise"
    return "fall" if found & _FALL_BESIDE else None


# A figure that is the size of a change: the change word right before it, "by" or "of" at most
# between ("grew 21%", "fell by 3", "up 9%", "a rise of 5%"), or a change noun or adverb after
# it ("a 5% rise", "9% higher"). "rose to 5%" and "rose from 4%" give levels, not the change.
_BEFORE_RE = re.compile(rf"(?<![\w'’-])([A-Za-z]+)(?:{_SP}+(by|of))?{_SP}+$")
# A verb and its object before "by" ("raised rates by 25 basis points", "cut its forecast by
# 3%"): the verb says which way.
_VERB_OBJECT_BY_RE = re.compile(rf"((?:[\w'’-]+{_SP}+){{2,4}})by{_SP}+$")
_WORD_RE = re.compile(r"[\w'’-]+")
# "up" / "down" before a figure say which way it moved after a verb of being or closing, or
# opening a phrase ("revenue was up 9%", "shares closed down 2%", ", up 9%"); after another
# verb they are its particle ("shot down 9 rockets", "picked up 3 contracts").
_ADVERB_AFTER_RE = re.compile(
    rf"(?i)(?:(?:^|[,;:(\u2013\u2014-])|\b(?:is|are|was|were|be|been|being|'s|’s|closed|ended"
    rf"|finished|opened|traded|trading|stood|stands|remained|remains|went|go|goes|gone|going))"
    rf"{_SP}*$")
_AFTER_RE = re.compile(rf"{_SP}*-?{_SP}*([A-Za-z]+)(?![\w'’-])")
_ADVERBS = {"up": "rise", "higher": "rise", "down": "fall", "lower": "fall"}
# "up to 5%" is a hedge and "down to 5%" a level: read by the hedges and never a change; "12%
# higher than at the rival's" compares two things, it says no change either.
_LEVEL_AFTER_RE = re.compile(rf"(?i){_SP}+(?:to|from|than)\b")


def _noun_direction(word: str) -> str | None:
    """The direction of a change noun or adverb after a figure, as written ("rise", "cut",
    "higher"); a verb's past there ("$4.10 grew 21%") makes the figure a level."""
    low = word.casefold()
    if low in _ADVERBS:
        return _ADVERBS[low]
    return "rise" if low in _RISE_NOUNS else "fall" if low in _FALL_NOUNS else None


def _change(text: str, start: int, end: int, role: str, measured: bool
            ) -> tuple[str, int, int] | None:
    """("rise" or "fall", start, end) when the figure at ``start:end`` is the size of a change,
    the span grown to take in the change word; else None. ``role``: its counted noun, which
    may be the change itself ("a 12% rise")."""
    before = _BEFORE_RE.search(text, max(0, start - 24), start)
    if before is not None:
        word = before.group(1)
        if word.casefold() in ("up", "down"):
            way = _ADVERBS[word.casefold()] if _ADVERB_AFTER_RE.search(
                text, max(0, before.start() - 16), before.start()) else None
        else:
            way = _ADVERBS.get(word.casefold()) or change_direction(word, by=bool(before.group(2)))
            if way is not None and before.group(2) == "by" and _doer(text, before.start(), role,
                                                                    measured):
                way = None
        if way is not None:
            return way, before.start(), end
    by = _VERB_OBJECT_BY_RE.search(text, max(0, start - 48), start)
    if by is not None:
        # the nearest change verb before its object, the object words up to "by" ("raised
        # rates by", "cut its forecast by"); a clause word or another verb between stops the
        # look-back ("fell after being hit by 3 storms", "cut taxes won by 3 points"). The span
        # runs from the verb, so that its evidence shows which way.
        words = list(_WORD_RE.finditer(text, by.start(1), by.end(1)))
        for k in range(len(words) - 1, -1, -1):
            m = words[k]
            way = change_direction(m.group(), by=True) if k < len(words) - 1 else None
            if way is not None:
                return None if _doer(text, m.start(), role, measured) else (way, m.start(), end)
            if _not_an_object(m.group()):
                break
    after = _AFTER_RE.match(text, end)
    if after is not None and (way := _noun_direction(after.group(1))) is not None:
        return None if _LEVEL_AFTER_RE.match(text, after.end()) else (way, start, after.end())
    if not measured or (way := _noun_direction(role)) is None or _LEVEL_AFTER_RE.match(text, end):
        return None
    return way, start, end


# Words that end an object before "by": a clause's or another verb's ("that", "after", "was").
_CLAUSE_WORDS = _words("that which who whom whose after before being been was were is are be "
                       "has have had when while and but or then as if than so")
_BE_BEFORE_RE = re.compile(rf"(?i)\b(?:is|are|was|were|be|been|being|get|gets|got){_SP}+$")


def _not_an_object(word: str) -> bool:
    """A word that cannot be part of a verb's object: a clause word or a verb's past form."""
    low = word.casefold()
    return low in _CLAUSE_WORDS or low.endswith("ed") or low in _IRREGULAR_PAST or \
        lexicon.irregular_verb_form(low)


# Counted nouns that measure a change or a margin ("cut by 0.5 points", "beaten by 2 goals"),
# never who did it.
_MARGIN_NOUNS = _words("point goal run vote seat place spot shot stroke length notch wicket "
                       "game set pip cent penny")


def _doer(text: str, verb_start: int, role: str, measured: bool) -> bool:
    """A passive's "by" before a count of things is who did it, not how much changed
    ("prices were lowered by 3 retailers", "the money was raised by 40 donors")."""
    return bool(role) and not measured and role not in _MARGIN_NOUNS and _BE_BEFORE_RE.search(
        text, max(0, verb_start - 16), verb_start) is not None


# The day of the month after a weekday ("on Monday 6th"): the date's, no rank.
_WEEKDAY_DAY_RE = re.compile(
    r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t\u00a0]+(\d{1,2}(?:st|nd|rd|th))"
    r"(?![\w-])")


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Find the number facts of ``doc``: counts, ranges, hedged figures and percentages.

    Args:
        doc: the document; offsets refer to ``doc.text``.
        sentences: its sentences, sorted by offset; facts outside every sentence are dropped.
        context: unused by numbers (kept for the shared signature).

    Returns:
        One ``Fact`` of kind "number" per figure, with a ``Quantity`` value and the counted
        noun as ``role``.

    Examples:
        >>> from retold.model import Sentence
        >>> text = "Officials said at least 10 soldiers died."
        >>> f = extract(Document(text), [Sentence(0, 0, len(text), text)], Context())[0]
        >>> f.text, f.key, f.role
        ('at least 10 soldiers', 'number:at_least:10:10:', 'soldier')
    """
    del context  # numbers need no publication date
    return _extract(doc, sentences)


@lru_cache(maxsize=64)  # (a trace compares one article with many: read its restatements once)
def conversions(doc: Document, sentences: tuple[Sentence, ...]) -> tuple[tuple[Fact, Fact], ...]:
    """The figures of ``doc`` restated in another unit or currency in brackets, each with its
    restatement ("170 million yuan ($26.7 million)", "10 km (6.2 miles)"): ``extract`` leaves
    the restatement out (the same quantity, not another fact); a comparison of two texts that
    both restate one figure compares the restatements. Read only where a bracket follows a
    figure (most texts have none)."""
    if not _BRACKET_AFTER_FIGURE_RE.search(doc.text):
        return ()
    found: list[tuple[Fact, Fact]] = []
    _extract(doc, sentences, found)
    return tuple(found)


_BRACKET_AFTER_FIGURE_RE = re.compile(r"\d[^()\n]{0,30}[(\[][^\S\n]*[^\d\s)\]]{0,4}[^\S\n]*\d")


def _extract(doc: Document, sentences: Sequence[Sentence],
             restated: list[tuple[Fact, Fact]] | None = None) -> list[Fact]:
    """``extract``'s reading; with ``restated``, each conversion is put there too."""
    text = doc.text
    norm = _normalise_digits(text)
    # Dates and phone numbers are not counts: their spans are off limits to every phrase.
    spans = [*date_spans(text), *((m.start(), m.end()) for m in _PHONE_RE.finditer(norm)),
             *(m.span(1) for m in _NAMED_NUMBER_RE.finditer(norm)),
             *instrument_code_spans(text), *(m.span(1) for m in _WEEKDAY_DAY_RE.finditer(text))]
    blocked = _overlap_test(spans)
    clocks = _clock_atoms(norm, blocked)
    ages = _age_decades(norm, blocked)
    ages += _digit_bands(norm, _overlap_test([*spans, *((a.start, a.end) for a in ages)]))
    ages += _multiples(norm, _overlap_test([*spans, *((a.start, a.end) for a in ages)]))
    ages += _point_fractions(norm, sentences, _overlap_test([*spans, *((a.start, a.end)
                                                                        for a in ages)]))
    ages.sort(key=lambda p: p.start)
    # (a time's digits are no count: "9 a.m." is not nine of anything; nor an age's decade)
    counted = _atoms(norm, _overlap_test([*spans, *((c.start, c.end) for c in clocks),
                                          *((a.start, a.end) for a in ages)]))
    atoms = sorted([*counted, *clocks], key=lambda a: a.start)
    facts: list[Fact] = []
    previous: _Phrase | None = None
    phrases = _phrases(norm, atoms, sentences, blocked)
    if ages:
        phrases = sorted([*phrases, *ages], key=lambda p: p.start)
    for p in phrases:
        sid = sentence_at(sentences, p.start)
        if sid is None:
            continue
        if previous is not None and _conversion(norm, previous, p):
            # "10 km (6.2 miles)": the same quantity restated, not another fact
            if restated is not None and facts and facts[-1].end >= previous.end:
                restated.append((facts[-1], Fact("number", p.start, p.end, text[p.start:p.end],
                                                 sid, _key(p.quantity), p.quantity, p.role)))
            continue
        previous = p
        quantity, start, end = p.quantity, p.start, p.end
        # (a tally, "down 2-1 at half-time", is a score, not an amount; nor is a bare figure)
        if quantity.unit not in (TIME, MULTIPLE, TALLY) and p.role != AGE and (
                quantity.unit or p.role):
            change = _change(norm, p.start, p.end, p.role, quantity.unit is not None)
            if change is not None:
                quantity = replace(quantity, change=change[0])
                # the change word is part of the figure's evidence ("grew 21%" / "fell 21%"),
                # unless another figure holds it already
                start = change[1] if not facts or facts[-1].end <= change[1] else start
                end = max(end, change[2])
        key, note = _key(quantity), p.note
        if quantity.change and CHANGED_MARK not in note and not p.role and (
                subject := _subject_changed(norm, _sentence_start(sentences, start), start)):
            # "Revenue increased 5.6%" / "shares jumped 6%": a change of what its verb's
            # subject names, as "a 5.6% increase in revenue" is
            note = (note + "; " if note else "") + f"{CHANGED_MARK}{subject}"
        period = _RATE_RE.match(norm, p.end)
        if period is not None and not blocked(p.end, period.end()) and p.quantity.unit != TIME:
            # "$50 a month": the period is part of the figure ("$50 a year" is another one)
            word = "year" if period.group("yearago") else (
                period.group("noun") or period.group("slash") or period.group("adverb")
                or period.group("basis") or period.group("on") or period.group("earlier")
                or period.group("previous") or period.group("abbr")).casefold()
            per = _PERIODS.get(word) or _ABBREVIATED_BASES[word]
            key, end = f"{key}{RATE_MARK}{per}", period.end()
            note = f"{note}; per {per}" if note else f"per {per}"
        facts.append(Fact("number", start, end, text[start : end], sid, key, quantity,
                          p.role, note))
    return facts


_COMPARED_WITH = rf"(?:from|than|on|compared{_SP}+(?:with|to)|versus|vs\.?)"
_BASIS = (
    rf"(?:{_SP}*,)?{_SP}+(?:(?P<basis>year|month|quarter|week)(?:{_SP}*-{_SP}*|{_SP}+)(?:on|over)"
    rf"(?:{_SP}*-{_SP}*|{_SP}+)(?P=basis)"
    rf"|on{_SP}+(?:the|a){_SP}+(?P<on>year|month|quarter|week)"
    rf"(?!{_SP}*(?:ago|earlier|before|-|{_SP}+(?:a|one|last){_SP}+year))"
    # "from a year earlier"; "from the same quarter a year earlier", "compared with the same
    # month last year" (a year's change told of a quarter or a month); "from the previous
    # quarter"
    rf"|{_COMPARED_WITH}{_SP}+(?:a|one){_SP}+(?P<earlier>year|month|quarter|week){_SP}+"
    rf"(?:ago|earlier|before)"
    rf"|{_COMPARED_WITH}{_SP}+the{_SP}+same{_SP}+(?:period|month|quarter|week|day|time)"
    rf"(?:{_SP}+of)?{_SP}+(?P<yearago>(?:a|one){_SP}+year{_SP}+(?:ago|earlier|before)|last{_SP}+year)"
    rf"|{_COMPARED_WITH}{_SP}+the{_SP}+(?:previous|prior|preceding){_SP}+"
    rf"(?P<previous>year|month|quarter|week)"
    rf"|(?P<abbr>y/y|m/m|q/q|yoy|qoq))\b")
_BASIS_RE = re.compile(rf"(?i){_BASIS}")
_ABBREVIATED_BASES = {"y/y": "year", "yoy": "year", "m/m": "month", "q/q": "quarter",
                      "qoq": "quarter"}
# A rate's period after its figure: "a month", "per hour", "/yr", "annually". Not "a year ago",
# "a day later": those date the figure, they do not divide it.
_PERIODS = {
    "second": "second", "minute": "minute", "hour": "hour", "hr": "hour", "hourly": "hour",
    "day": "day", "daily": "day", "night": "night", "nightly": "night", "week": "week",
    "wk": "week", "weekly": "week", "fortnight": "fortnight", "fortnightly": "fortnight",
    "month": "month", "mo": "month", "monthly": "month", "quarter": "quarter",
    "quarterly": "quarter", "year": "year", "yr": "year", "annum": "year", "yearly": "year",
    "annually": "year",
}
_RATE_RE = re.compile(
    rf"(?i){_SP}+(?:per|a|an|each|every){_SP}+(?P<noun>second|minute|hour|day|night|week"
    rf"|fortnight|month|quarter|year|annum)\b(?!{_SP}*(?:ago|earlier|later|before|after|from"
    rf"|since|prior|-))"
    rf"|{_SP}*/{_SP}*(?P<slash>month|mo|year|yr|week|wk|day|hour|hr)\b"
    rf"|{_SP}+(?P<adverb>hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly"
    rf"|annually)\b"
    # the basis of a change: "rose 3% year on year", "0.2% on the month", "5% from a year
    # earlier", "1.2% y/y" (a change over a year and one over a month are two figures)
    rf"|{_BASIS}"
)
# Between a figure's key and its rate's period (a unit may hold a "/" already: "km/h").
RATE_MARK = "|per:"


def rate(f: Fact) -> str | None:
    """The period of a rate ("month" for "$50 a month"), None for a plain figure."""
    at = f.key.find(RATE_MARK)
    return f.key[at + len(RATE_MARK):] if at >= 0 else None


# The change word a figure's span opens with, and what joins it to the figure ("rose ", "fell
# by ", "cut rates by ", "up ").
_LEADING_CHANGE_RE = re.compile(rf"[A-Za-z]+(?:{_SP}+[\w'’-]+){{0,3}}?{_SP}+by{_SP}+"
                                rf"|[A-Za-z]+(?:{_SP}+(?:by|of))?{_SP}+")


def figure_start(f: Fact) -> int:
    """Where the figure itself starts in a number fact whose span opens with its change word
    ("rose 5%" -> "5%"): the words before the figure, not the change word, name its slot."""
    q = f.value
    if not isinstance(q, Quantity) or q.change is None or not f.text[:1].isalpha():
        return f.start
    m = _LEADING_CHANGE_RE.match(f.text)
    if m is None:
        return f.start
    first = f.text.split(None, 1)[0]
    if first.casefold() in _ADVERBS or change_direction(first, by=True) is not None:
        return f.start + m.end()
    return f.start


def undirected_key(f: Fact) -> str:
    """A figure's key with its direction of change left out ("rose 10%" and "fell 10%" state
    one size)."""
    q = f.value
    if isinstance(q, Quantity) and q.change:
        return f.key.replace(f":{q.change}", "", 1)
    return f.key


def changes_differ(a: Fact, b: Fact) -> bool:
    """Both figures are sizes of a change, one a rise and the other a fall ("grew 21%" / "fell
    21%"). A figure whose direction is left out ("21%") is not another one."""
    qa, qb = a.value, b.value
    return isinstance(qa, Quantity) and isinstance(qb, Quantity) and qa.change is not None \
        and qb.change is not None and qa.change != qb.change


def _rates_differ(a: Fact, b: Fact) -> bool:
    """Both figures are rates, of different periods ("$50 a month" / "$50 a year"). A figure
    with its period left out ("$50") is not another rate: the period is not stated."""
    ra, rb = rate(a), rate(b)
    return ra is not None and rb is not None and ra != rb


def _conversion(text: str, first: _Phrase, second: _Phrase) -> bool:
    """Tell whether ``second`` restates ``first`` in another unit of the same dimension."""
    ua, ub = first.quantity.unit, second.quantity.unit
    # "pounds" alone may be money; beside a mass in brackets it is the weight restated.
    ua = "lb" if ua is None and first.role == "pound" else ua
    ub = "lb" if ub is None and second.role == "pound" else ub
    if ua in _CURRENCIES and ub in _CURRENCIES:
        # a sum restated in another currency ("$2bn (€1.8bn)"), or in the local dollar after
        # the US one ("$US2 billion ($3 billion)"): the rate is the writer's, not a fact
        local = ua == ub == "USD" and "US" in text[first.start:first.end] \
            and "US" not in text[second.start:second.end]
        return (ua != ub or local) and _CONVERSION_GAP_RE.fullmatch(
            text, first.end, second.start) is not None
    if ua is None or ub is None or ua == ub:
        return False
    dim = UNIT_DIMENSIONS.get(ua)
    gap = _CONVERSION_GAP_RE.fullmatch(text, first.end, second.start)
    return dim is not None and dim == UNIT_DIMENSIONS.get(ub) and gap is not None


def _close(x: float, y: float) -> bool:
    """Compare two figures, tolerating float formatting."""
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


# Hedges that put the value above its figure, and those that put it just below. ("Under"
# and "fewer than" are left out: they are what "more than" denied says, "the cost won't be
# more than 12.50" / "under 12.50", and a denial is not always read; "almost" never is.)
_ABOVE_HEDGES = frozenset({"more_than"})
_BELOW_HEDGES = frozenset({"nearly"})


def hedges_clash(x: Quantity, y: Quantity) -> bool:
    """Two hedges of one figure on opposite sides of it ("more than 300" / "almost 300"): no
    value is both."""
    return bool({x.hedge, y.hedge} & _ABOVE_HEDGES) and bool({x.hedge, y.hedge} & _BELOW_HEDGES)


def hedge_class(q: Quantity) -> str | None:
    """A quantity's hedge as equivalence sees it: a range is approximate by itself, so
    "about $2.10 to $2.25" and "between $2.10 and $2.25" state one thing; a multiple is a
    ratio rounded either way, so "roughly double" and "nearly twice" state one thing too; and
    "up to" is the upper bound "at most" is."""
    if q.unit == MULTIPLE and q.hedge == "nearly":
        return "about"
    if q.hedge == "at_most":
        return "up_to"  # "up to 10 years" is "at most" and "a maximum of" 10 years
    return None if q.hedge == "about" and q.low != q.high else q.hedge


def equivalent(a: Fact, b: Fact) -> bool:
    """Tell whether two number facts state the same figure (bounds, hedge and unit).

    The same quantity in another unit ("7,000 meters" / "22,965 feet", to within
    ``CONVERSION_TOLERANCE``) and a hedged rounding of an exact figure ("almost 23,000 feet" /
    "22,965 feet": "almost" says it is rounded, and in which direction) state it too, and
    so does the same wording with the other convention's thousands mark ("$30.000" /
    "$30,000": one digit string, read as a decimal on one side).
    """
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity):
        return a.key == b.key
    if qa.unit == TIME or qb.unit == TIME:
        return same_time(a, b)
    if TALLY in (qa.unit, qb.unit):
        return a.key == b.key  # "won 3-1" / "a 1-3 defeat": the key holds the sorted pair
    if qa.unit == qb.unit == "ordinal" and _other_periods(a.role, b.role):
        return False  # "the first year" / "the first month": a rank of another period
    if _turn_and_count(a, b) or _turn_and_count(b, a):
        return True  # "in week 6" / "six weeks", "day four" / "four days": one figure
    if changes_differ(a, b):
        return False
    # Cheapest tests first, the rate last: grounding asks this of every pair of figures that
    # may be one (millions of times in a 5 MB pair), and most are plainly the same or not.
    if _close(qa.low, qb.low) and _close(qa.high, qb.high) and \
            hedge_class(qa) == hedge_class(qb) and (
                qa.unit == qb.unit or duration_left_out(qa.unit, qb.unit)):
        return not _rates_differ(a, b)
    if qa.low != qb.low and written_key(a.text) == written_key(b.text):
        # "$30.000" / "$30,000": one digit string, read as a decimal on one side
        return not _rates_differ(a, b)
    if qa.unit == qb.unit and qa.hedge not in _ROUNDING_HEDGES \
            and qb.hedge not in _ROUNDING_HEDGES:
        return False  # neither a conversion nor a hedged rounding can make them one
    return not _rates_differ(a, b) and (
        _converted(qa, qb) or _hedged_rounding(qa, qb) or _hedged_rounding(qb, qa))


def _turn_and_count(a: Fact, b: Fact) -> bool:
    """``a`` is a turn's rank read after its noun ("week 6", "round 2") and ``b`` the same
    count of that noun ("six weeks", "2 rounds")."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity) or qa.unit != "ordinal" \
            or qb.unit == "ordinal" or _SEQUENCE_NOUNS.isdisjoint({a.role}):
        return False
    counted = qb.unit if qb.unit in _SEQUENCE_NOUNS else _lemma(b.role.casefold())
    return counted == a.role and _close(qa.low, qb.low) and _close(qa.high, qb.high)


def _other_periods(a: str, b: str) -> bool:
    """Whether two counted nouns are two units of time ("year" / "months")."""
    la, lb = _lemma(a.casefold()), _lemma(b.casefold())
    return la != lb and la in _TIME_UNIT_NOUNS and lb in _TIME_UNIT_NOUNS


_TIME_UNIT_NOUNS = _words("second minute hour day week month quarter year decade century")


def same_time(a: Fact, b: Fact) -> bool:
    """Two times of day are one: the same minute, or the same on a 12-hour dial when either is
    read without a.m./p.m. ("6:55" / "6:55 p.m."). A hedge is no change here: "around 3pm" /
    "at 3 pm" is how every retelling rounds a clock."""
    gap = _clock_gap(a, b)
    return gap is not None and _close(gap, 0.0)


def _clock_gap(a: Fact, b: Fact) -> float | None:
    """Minutes between two times of day (on a 12-hour dial when either is read on one), or
    None when they are not both times."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity) or qa.unit != qb.unit:
        return None
    twelve = TWELVE_HOUR in a.note or TWELVE_HOUR in b.note
    # both ends: a range of times ("7-10 p.m.") that ends at another time is another range
    gaps = [abs(qa.low - qb.low), abs(qa.high - qb.high)]
    return max(min(g % 720, 720 - g % 720) if twelve else g for g in gaps)


# "about 3pm" / "3:05 p.m.": a time hedged "about" (or "nearly") covers this many minutes
# either side; an exact time is never a rounding of another ("7:40" / "8 p.m." is a change).
ABOUT_THE_TIME_MINUTES = 15


def _about_the_time(a: Fact, b: Fact) -> bool:
    qa, qb = a.value, b.value
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    gap = _clock_gap(a, b)
    return gap is not None and bool({qa.hedge, qb.hedge} & {"about", "nearly"}) and \
        gap <= ABOUT_THE_TIME_MINUTES


def duration_left_out(ua: str | None, ub: str | None) -> bool:
    """One side says the period of a figure, the other none ("Tsarnaev, 19" / "the
    19-year-old"): the same figure (another period, "six months" / "six years", is not)."""
    return (ua is None and UNIT_DIMENSIONS.get(ub or "") == DURATION) or (
        ub is None and UNIT_DIMENSIONS.get(ua or "") == DURATION)


# A full stop or comma between digits before a group of three: a thousands mark either way.
_GROUP_MARK_RE = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")


@lru_cache(maxsize=65536)
def written_key(text: str) -> str:
    """A figure's wording with its thousands marks, case and spacing made uniform."""
    return " ".join(_GROUP_MARK_RE.sub(",", text).casefold().split())


# Factors to one base unit per dimension (temperatures are not converted: an offset scale).
TO_BASE: dict[str, float] = {
    "km": 1000.0, "m": 1.0, "mi": 1609.344, "ft": 0.3048, "yd": 0.9144, "in": 0.0254,
    "cm": 0.01, "mm": 0.001, "kg": 1.0, "lb": 0.45359237, "g": 0.001, "t": 1000.0,
    "ton": 907.18474, "oz": 0.028349523125, "l": 1.0, "gal": 3.785411784, "ha": 1.0,
    "acre": 0.40468564224, "mph": 1.609344, "km/h": 1.0,
    # durations in days (a month and a year on average: "six months" is "26 weeks")
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
    "fortnight": 14.0, "month": 30.436875, "year": 365.2425, "decade": 3652.425,
    "century": 36524.25,
    # a change of a rate: "25 basis points" is "a quarter of a percentage point"
    "percentage point": 1.0, "basis point": 0.01,
}
# A conversion is written rounded or cut short ("10 km (6.2 miles)" is 6.21; "7,000 meters
# (22,965 feet)" is 22,965.9): 1% apart is the same quantity; "10 km" / "10 miles" is not.
CONVERSION_TOLERANCE = 0.01
# Hedges that round a figure, and which side of the exact figure the rounded one may lie.
_ROUNDING_HEDGES = {"about": (-1, 1), "nearly": (0, 1), "more_than": (-1, 0), "less_than": (0, 1),
                    "up_to": (0, 1), "at_most": (0, 1), "at_least": (-1, 0)}


def convert(x: float, unit: str | None, to: str | None) -> float | None:
    """``x`` in ``unit`` expressed in ``to`` (same unit: ``x``), or None when not convertible."""
    if unit == to:
        return x
    if unit not in TO_BASE or to not in TO_BASE or \
            UNIT_DIMENSIONS.get(unit) != UNIT_DIMENSIONS.get(to):
        return None
    return x * TO_BASE[unit] / TO_BASE[to]  # type: ignore[index]


def _converted(qa: Quantity, qb: Quantity) -> bool:
    """The same bounds and hedge in two units of one dimension."""
    if qa.unit == qb.unit or hedge_class(qa) != hedge_class(qb):
        return False
    low, high = convert(qb.low, qb.unit, qa.unit), convert(qb.high, qb.unit, qa.unit)
    if low is None or high is None:
        return False
    if all(abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))
           for x, y in ((qa.low, low), (qa.high, high))):
        return True
    # A measure's conversion as a writer rounds it: "228 km" is "140 miles" (141.7), "6 km"
    # "four miles" (3.7): one figure is the other converted and rounded to its own last
    # written digit, within ROUNDED_CONVERSION_MAX ("200 km" is no "100 miles"). Durations
    # and rates are not converted in writing.
    if UNIT_DIMENSIONS.get(qa.unit or "") not in _MEASURES:
        return False
    # (each figure read in its own unit, as written)
    a_low, a_high = convert(qa.low, qa.unit, qb.unit), convert(qa.high, qa.unit, qb.unit)
    return a_low is not None and a_high is not None and all(
        _rounded_from(wa, ea) or _rounded_from(wb, eb)
        for wa, ea, wb, eb in ((qa.low, low, qb.low, a_low), (qa.high, high, qb.high, a_high)))


# Dimensions whose figures a writer converts and rounds (see _converted).
_MEASURES = frozenset({"length", "mass", "speed", "volume", "area"})
ROUNDED_CONVERSION_MAX = 0.1


def _rounded_from(written: float, exact: float) -> bool:
    """``written`` is ``exact`` rounded to ``written``'s last digit (140 from 141.7, 4 from
    3.73, 6.2 from 6.21), and no more than ROUNDED_CONVERSION_MAX off it."""
    if written <= 0 or abs(written - exact) > ROUNDED_CONVERSION_MAX * written:
        return False
    text = f"{written:.3f}".rstrip("0").rstrip(".")
    if "." in text:
        step = 10.0 ** -len(text.split(".")[1])
    else:
        step = 10.0 ** (len(text) - len(text.rstrip("0")))
    return math.isclose(round(exact / step) * step, written, rel_tol=1e-9)


def bound_holds(bound: Fact, exact: Fact) -> bool:
    """``bound`` ("more than 400", "nearly 500") is true of ``exact`` (459, 480) and is it cut
    to fewer significant digits on its hedge's side: how a later report restates a count it
    has exactly ("more than 10" of 459 is true, and no restatement)."""
    qb, qe = bound.value, exact.value
    if not _bound_met(bound, exact, BOUND_ABOVE_MAX, BOUND_BELOW_MIN) or \
            not isinstance(qb, Quantity) or not isinstance(qe, Quantity):
        return False
    x, n, below = qe.low, qb.low, qb.hedge in _FLOOR_HEDGES
    for digits, half in ((1, 1), (2, 1), (2, 5)):
        # (to one or two digits, or to the half of the first: "more than 350" of 369)
        step = 10.0 ** (math.floor(math.log10(x)) + 1 - digits) * half
        cut = math.floor(x / step) if below else math.ceil(x / step)
        if _close(cut * step, n):
            return True
    return False


def bound_kept(bound: Fact, exact: Fact) -> bool:
    """``exact`` keeps what ``bound`` says ("14 people were dead" keeps "at least 14 deaths"):
    the bound holds of it, and both count one thing by one verb (not "14 people were
    rescued", nor "14 were evacuated" for "at least 14 were rescued")."""
    pa, pb = _predicate_of(bound), _predicate_of(exact)
    return bound_holds(bound, exact) and _role_relation(bound, exact) in ("same", "partial") \
        and not (pa and pb and pa != pb and not same_toll(pa, pb))


def _bound_met(bound: Fact, exact: Fact, above_max: float, below_min: float) -> bool:
    """``exact`` is a single figure ``bound``'s hedge is true of, no further from its figure
    than ``above_max`` times it ("more than 350" of 369) or ``below_min`` times it ("nearly
    500" of 480)."""
    qb, qe = bound.value, exact.value
    if not isinstance(qb, Quantity) or not isinstance(qe, Quantity) or qe.hedge is not None \
            or qb.low != qb.high or qe.low != qe.high or qb.unit != qe.unit or qe.low <= 0 \
            or changes_differ(bound, exact):
        return False  # ("soared above 85%" / "85.51%": a direction left out is no other one)
    x, n = qe.low, qb.low
    if qb.hedge in _FLOOR_HEDGES:
        return (x > n or qb.hedge == "at_least" and x == n) and x <= n * above_max
    if qb.hedge in _CEILING_HEDGES:
        return (x < n or qb.hedge == "at_most" and x == n) and x >= n * below_min
    return False


_FLOOR_HEDGES = frozenset({"more_than", "at_least"})
_ROUGH_HEDGES = frozenset({"about", "nearly"})
_ESTIMATE_OR_PLAIN = frozenset({"about", None})
_CEILING_HEDGES = frozenset({"nearly", "less_than", "up_to", "at_most"})
# How far a bound may stand from the count it restates: "more than 400" of up to 500 (a floor
# to the hundred), "nearly 500" of 450 or more. (Not ``_hedged_rounding``: a bound is cut
# towards its side, as writers floor "more than" and ceil "nearly", not rounded to nearest.)
BOUND_ABOVE_MAX = 1.25
BOUND_BELOW_MIN = 0.9


def _hedged_rounding(hedged: Quantity, exact: Quantity) -> bool:
    """``hedged`` ("almost 23,000 feet") is ``exact`` ("22,965 feet", maybe in another unit)
    rounded to fewer significant digits, on the side its hedge allows."""
    sides = _ROUNDING_HEDGES.get(hedged.hedge or "")
    if sides is None or exact.hedge is not None or hedged.low != hedged.high or \
            exact.low != exact.high:
        return False
    value = convert(exact.low, exact.unit, hedged.unit)
    if value is None or value == 0 or _close(value, hedged.low):
        return False  # the same figure hedged ("about 500" / "500"): a hedge added is a change
    direction = 1 if hedged.low > value else -1
    if direction not in sides:
        return False
    if exact.unit == hedged.unit:
        return _rounds_to(hedged.low, value)
    # Converted figures carry float tails: round them as a writer would before comparing.
    return abs(hedged.low - value) <= ROUNDING_TOLERANCE * abs(value) and any(
        _close(_sig_round(value, digits), hedged.low) for digits in range(1, 4))


# Slot scores: the counted noun names the slot best; a shared unit (percent, a currency) next.
# Chosen so that, with diff.SLOT_MIN = 0.5 and SOLE_SLOT_MIN = 0.25: same noun or same unit is a
# change; nothing known (0.4-0.45) or different measured nouns with a shared unit (0.4-0.45) is a
# change only when it is the sole leftover of its pair; different counted nouns never are.
# The same figure (or one rounded from the other) in a slot that no role contradicts is almost
# surely the same fact reworded: 0.92 with the same unit (only the hedge or the rounding
# changed), 0.88 with two different units ("$5 billion" / "€5 billion"), 0.8 when one side has
# no unit. diff reports a leftover fact as changed when such a partner (>= 0.85) exists.
ROLE_MATCH, ROLE_PARTIAL, UNIT_MATCH, NO_ROLES, FALLBACK = 0.9, 0.7, 0.6, 0.4, 0.15
PLACE_BONUS = 0.08  # two figures counted in one place (or two places) share a slot more (less)
HOLDER_BONUS = 0.1  # two figures one name holds ("Alpha had 43%" / "Alpha at 43.8%") share it
ROLES_DIFFER_WITH_UNIT = 0.4
PREDICATES_DIFFER = 0.3  # "3 were killed" / "4 died": verbs differ more often than slots do
SAME_HEDGE_MAGNITUDE = 0.1  # different nouns, same hedge, within a factor of 10: 0.25-0.3
MAGNITUDE_RATIO = 10.0
SAME_VALUE, SAME_VALUE_OTHER_UNIT, SAME_VALUE_ONE_UNIT = 0.92, 0.88, 0.8
# Rounding: one figure is the other rounded to fewer significant digits, within this share of
# it ("12,345" -> "12,000", "a third" -> "33%", "1.48 million" -> "1.5 million"). Whole counts
# under ROUNDING_MIN_COUNT are exact: "30 dead" is not a rounding of "34 dead".
ROUNDING_TOLERANCE = 0.05
DECIMAL_ROUNDING_TOLERANCE = 0.1  # ("6%" of 6.4%; not "1%" of 1.4%)
ROUNDING_MIN_COUNT = 100


def _predicate_of(fact: Fact) -> str:
    """Return the predicate recorded in a number fact's note ("died"), or ''."""
    m = _PREDICATE_NOTE_RE.search(fact.note) if "predicate" in fact.note else None
    return m.group(1) if m else ""


def counts_another(a: Fact, b: Fact) -> bool:
    """True when two figures count different things, so that one states nothing of the other:
    a unit of measure or time against a counted noun or another dimension ("two years" / "Two
    officers"), or counted nouns that WordNet does not relate as synonyms or kinds, and not
    both people ("two counts" / "Two officers"; not "200 houses" / "200 homes", a house being a
    kind of home). People are counted under many names a paraphrase swaps ("17 passengers" /
    "17 people", "pupils" / "children", "fans" / "spectators", "31 deaths"): two counts of
    people are one thing here, as the slot score reads them."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity):
        return False
    if a.role == b.role == AGE:
        return False  # "41 years old" / "Ivo Mertz, 41,": two ages
    if qa.unit != qb.unit and (qa.unit in UNIT_DIMENSIONS or qb.unit in UNIT_DIMENSIONS) and \
            UNIT_DIMENSIONS.get(qa.unit or "") != UNIT_DIMENSIONS.get(qb.unit or "") and (
            a.role or qa.unit) and (b.role or qb.unit):
        return True
    if _role_relation(a, b) != "differ":
        return False
    noun_a, noun_b = _counted_word(a), _counted_word(b)
    if not (noun_a and noun_b) or not lexicon.available() or (
            counts_people(noun_a) and counts_people(noun_b)):
        return False
    near_a = lexicon.synonyms(noun_a) | lexicon.broader(noun_a)
    near_b = lexicon.synonyms(noun_b) | lexicon.broader(noun_b)
    return not ({lemma for lemma, _pos in lexicon.lemmas(noun_b)} | {noun_b}) & near_a and not (
        {lemma for lemma, _pos in lexicon.lemmas(noun_a)} | {noun_a}) & near_b


# Words that count people without being a kind of person in WordNet: a group's members, a toll.
_PEOPLE_WORDS = frozenset({
    "people", "persons", "crew", "crews", "troops", "staff", "workforce", "dead", "deaths",
    "casualties", "fatalities", "injured", "wounded", "lives", "members", "youths", "police",
    "jobs", "posts", "positions",
})


# What a casualty count counts: the dead, the injured, the missing ("casualties" may be any of
# them). A toll moved from one to another ("40 people died" / "40 people were injured") is a
# changed figure, though its value stays. Written by hand: WordNet keeps "killed" and "died"
# apart (to kill is to cause to die).
TOLLS = {
    "dead": frozenset({"die", "died", "dies", "dying", "dead", "death", "deaths", "kill",
                       "killed", "kills", "killing", "perish", "perished", "fatality",
                       "fatalities", "lives", "live", "life"}),
    "injured": frozenset({"injure", "injured", "injuring", "injuries", "injury", "wound",
                          "wounded", "wounding", "hurt"}),
    "missing": frozenset({"missing", "unaccounted", "trapped"}),
}
TOLL_OF = {word: toll for toll, words in TOLLS.items() for word in words}
# Words of a toll that say more than the toll ("the lives of residents"): no toll word to
# stand for another in a text's vocabulary (``same_toll``)
_TOLL_ONLY_AS_COUNT = frozenset({"live", "lives", "life"})


# Counted nouns that say no more than a toll's people ("56 people confirmed dead")
_TOLL_PEOPLE = frozenset({"people", "person", "other"})


def count_toll(f: Fact) -> str | None:
    """Which casualty toll a figure counts (``TOLLS``): by its counted noun ("54 deaths") or,
    for a count of people or of nothing named, by its clause's verb ("56 people were confirmed
    dead"); None for another count."""
    if (toll := TOLL_OF.get(f.role)) is not None:
        return toll
    predicate = _predicate_of(f)
    return TOLL_OF.get(predicate) if _counts_a_toll(f) else None


def _counts_a_toll(f: Fact) -> bool:
    """The figure's counted noun says nothing more than its toll does ("people", "deaths")."""
    return not f.role or f.role in TOLL_OF or f.role in _TOLL_PEOPLE or f.role == _predicate_of(f)


def same_toll(word: str, other: str) -> bool:
    """Two words of one casualty toll ("killed" / "dead", "injured" / "hurt")."""
    a, b = word.casefold(), other.casefold()
    toll = TOLL_OF.get(a)
    return toll is not None and toll == TOLL_OF.get(b) and not (
        {a, b} & _TOLL_ONLY_AS_COUNT)


def counts_people(noun: str) -> bool:
    """True for a noun that counts people ("officers", "passengers", "troops", "deaths"): the
    one test of it, for the extractor and for grounding alike."""
    return noun in _PEOPLE_WORDS or bool(_PERSON_KINDS & lexicon.broader(noun))


# What a person is a kind of within WordNet's first three steps up (its "person" lies deeper for
# many: officer -> official -> worker -> person).
_PERSON_KINDS = frozenset({
    "person", "people", "individual", "someone", "official", "worker", "skilled_worker",
    "employee", "serviceman", "military_personnel", "enlisted_person", "adult", "professional",
    "leader", "expert", "combatant", "radical", "mariner", "seaman", "relative", "juvenile",
    "traveler", "communicator", "adult_male", "adult_female", "lawman", "defender", "reformer",
    "medical_practitioner", "health_professional", "practitioner", "citizen", "national",
    "inhabitant", "resident", "native", "exile", "captive", "unfortunate", "child", "kid",
    "offspring", "disputant", "writer", "mortal", "peer"})


def _counted_word(fact: Fact) -> str:
    """The word of a figure's text its counted noun (a stem, "hous") was read from ("houses"),
    or ''."""
    return next((w.casefold() for w in _COUNTED_WORD_RE.findall(fact.text)
                 if fact.role and w.casefold().startswith(fact.role)), "")


_COUNTED_WORD_RE = re.compile(r"[A-Za-z]+")


def _role_relation(a: Fact, b: Fact) -> str:
    """Compare two facts' slots: same | partial | differ | predicates-differ | unknown."""
    pa, pb = _predicate_of(a), _predicate_of(b)
    ta, tb = count_toll(a), count_toll(b)
    if ta and tb:
        # "Fifty-four deaths" / "56 people confirmed dead": one toll, whatever the words;
        # "412 people were injured" / "87 people killed": two
        if ta != tb:
            return "predicates-differ"
        if _counts_a_toll(a) and _counts_a_toll(b):
            return "same"
    elif (ta or tb) and pa and pb and pa != pb and (pb if ta else pa).endswith("ed"):
        # "158 people have died" / "88,312 people displaced": a toll and another verb's count
        # (a verb's: "the 6.4 magnitude quake" gives a noun, which says nothing)
        return "predicates-differ"
    noun_a = a.role if a.role and a.role != pa else ""  # a role from the counted noun or context
    noun_b = b.role if b.role and b.role != pb else ""
    if noun_a and noun_b:
        if noun_a == noun_b:
            return "same"
        if _OTHERS in (noun_a, noun_b) and counts_people(noun_b if noun_a == _OTHERS else noun_a) \
                and isinstance(a.value, Quantity) and isinstance(b.value, Quantity) \
                and (a.value.low, a.value.high) == (b.value.low, b.value.high) \
                and pa and pa == pb:
            # "six others were killed" counts more of the people counted before it: "six
            # people were killed", told without the count before (of one value, said with
            # one verb: "killed one officer" / "wounded two others" counts others again)
            return "partial"
        if _noun_direction(noun_a) and _noun_direction(noun_b) and \
                isinstance(a.value, Quantity) and isinstance(b.value, Quantity) and \
                a.value.change and b.value.change:
            # "a 12% increase" / "a 12% decrease": each counts the change itself, one slot
            # (which way it went is compared on its own, as a rise against a fall)
            return "same"
        if (_noun_direction(noun_a) is None) != (_noun_direction(noun_b) is None) and \
                isinstance(a.value, Quantity) and isinstance(b.value, Quantity) and \
                a.value.change and b.value.change:
            # a change noun against the thing changed ("a 35% increase in efficiency" /
            # "raised efficiency by up to 35%"): the same slot when the change noun's note
            # names that thing ("a cut of about 8%" names none: another's, as a rule)
            thing = _changed_of(a if _noun_direction(noun_a) else b)
            other = noun_b if _noun_direction(noun_a) else noun_a
            if thing == other:
                return "same"
            if thing and (thing in other or other in thing):
                return "partial"
        if noun_a in noun_b or noun_b in noun_a:
            # ("votes" / "votes counted": a share of all votes, and the share counted)
            longer, shorter = (noun_a, noun_b) if len(noun_a) > len(noun_b) else (noun_b, noun_a)
            return "differ" if longer.startswith(f"{shorter} ") and \
                longer.rsplit(" ", 1)[1].endswith("ed") else "partial"
        return "differ"
    if not (a.role and b.role):
        return "unknown"
    # At least one role is only a predicate ("12 were injured"): compare the predicates.
    if pa and pb:
        if pa != pb:
            return "predicates-differ"
        return "same" if not (noun_a or noun_b) else "partial"
    return "unknown"


_OTHERS = "other"


# What a change is told of, by the measure it moves: two of these are two slots ("revenue rose
# 5.6%" / "shares jumped 6%"); any other word, or two words of one measure ("profit" /
# "earnings", "sales" / "revenue"), says nothing either way.
_CHANGED_MEASURES = {
    **dict.fromkeys(("revenue", "revenues", "sales", "sale", "turnover"), "revenue"),
    **dict.fromkeys(("profit", "profits", "earnings", "earning", "income"), "profit"),
    **dict.fromkeys(("cost", "costs", "expense", "expenses", "expens", "spending"), "cost"),
    **dict.fromkeys(("share", "shares", "stock", "stocks"), "stock"),
    **dict.fromkeys(("volume", "volumes", "output", "production", "shipments", "shipment"),
                    "volume"),
    **dict.fromkeys(("margin", "margins"), "margin"),
    **dict.fromkeys(("dividend", "dividends", "payout"), "dividend"),
    **dict.fromkeys(("debt", "debts", "borrowing"), "debt"),
    **dict.fromkeys(("export", "exports"), "exports"),
    **dict.fromkeys(("import", "imports"), "imports"),
}


def _things_differ(a: str, b: str) -> bool:
    """Two things changed that are two measures ("revenue" / "shares"; not "profit" /
    "earnings", nor a word outside ``_CHANGED_MEASURES``)."""
    ma, mb = _CHANGED_MEASURES.get(a), _CHANGED_MEASURES.get(b)
    return ma is not None and mb is not None and ma != mb


def _changed_of(f: Fact) -> str:
    """What a figure's change noun is said of, from its note ("" when not named)."""
    at = f.note.find(CHANGED_MARK)
    return f.note[at + len(CHANGED_MARK):].split(";", 1)[0] if at >= 0 else ""


def slot_score(a: Fact, b: Fact) -> float:
    """Score in [0, 1] how likely ``b`` is the figure that fills ``a``'s slot."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity):
        return FALLBACK
    if _age_pair(a, b) == "clash":
        return 0.0  # an age fills no count's slot ("in his 40s" / "42 previous convictions")
    if (PART in a.note) != (PART in b.note) and (
            qb.low > qa.high if PART in a.note else qa.low > qb.high):
        # "including 60 in serious condition" fills no slot of "412 injured", its whole (a
        # smaller figure may be another part: "93 died in the capital" / "including 137 in
        # the capital")
        return 0.0
    if (_counts_times(a) or _counts_times(b)) and a.role != b.role:
        return 0.0  # "scored twice" fills no other figure's slot ("Berg, 24,")
    if (qa.unit == TALLY) != (qb.unit == TALLY):
        return 0.0  # "won 3-1" fills no count's slot ("3 goals")
    if _each(a) != _each(b) and not (_close(qa.low, qb.low) and _close(qa.high, qb.high)):
        return FALLBACK  # "won four seats each" fills no slot of "the 336 seats"
    if (BASE in a.note) != (BASE in b.note) and not (
            _close(qa.low, qb.low) and _close(qa.high, qb.high)):
        return FALLBACK  # "up from $1.31" fills no slot of the figure reached ("$1.76")
    if qa.change and qb.change and _things_differ(_changed_of(a), _changed_of(b)) and not (
            _close(qa.low, qb.low) and _close(qa.high, qb.high)):
        return FALLBACK  # "revenue increased 5.6%" fills no slot of "shares jumped 6%"
    if _rates_differ(a, b) and qa.unit == qb.unit == "percent" and \
            not (_close(qa.low, qb.low) and _close(qa.high, qb.high)):
        # a change over a month fills no slot of one over a year ("0.3% on the month" / "3%
        # year on year"); an amount's ("$50 a month" / "$60 a year") may be one rewritten
        return 0.0
    if (UNIT_DIMENSIONS.get(qa.unit or "") == DURATION) != (
            UNIT_DIMENSIONS.get(qb.unit or "") == DURATION) and not (_is_age(a) and _is_age(b)):
        # a period of time fills no count's or rank's slot ("two years" / "2nd"); an age is
        # one however written ("was 51 years old" / "a 55-year-old man")
        return 0.0
    # (two units of one dimension fill one slot: "90 minutes" / "two hours")
    unit_same = (qa.unit == qb.unit or (
        qa.unit in TO_BASE and qb.unit in TO_BASE
        and UNIT_DIMENSIONS.get(qa.unit) == UNIT_DIMENSIONS.get(qb.unit))) and not (
        # a length an hour is a speed, no length ("234 km per hour" / "62.8 mm of rain")
        UNIT_DIMENSIONS.get(qa.unit or "") == "length" and (rate(a) is None) != (rate(b) is None))
    if unit_same and qa.unit != qb.unit and qa.unit in TO_BASE and qb.unit in TO_BASE and \
            not _close(qa.low, qb.low) and _far_apart(qa, qb):
        # "talks lasted more than five hours" / "their first summit in four years": two
        # measures of one dimension that far apart are two things (the same figure in another
        # unit, "5 days" / "5 years", is still one changed)
        return FALLBACK
    relation = _role_relation(a, b)
    if relation == "same":
        score = ROLE_MATCH
    elif relation == "partial":
        score = ROLE_PARTIAL
    elif relation == "differ":
        # Two counts of different things are different slots; two percentages of different
        # things may still be one slot reworded ("a cut of 8%" / "a reduction of 10%"),
        # but not likely enough to call a change unless nothing else is left.
        score = ROLES_DIFFER_WITH_UNIT if unit_same and qa.unit else FALLBACK
        if score == FALLBACK and qa.hedge == qb.hedge and _same_magnitude(qa, qb):
            # "more than 200 homes" / "more than 300 houses": a synonym the rules cannot
            # see; enough to pair them when they are the only figures left in a pair.
            score += SAME_HEDGE_MAGNITUDE
    elif relation == "predicates-differ":
        score = PREDICATES_DIFFER
    elif unit_same and qa.unit:
        score = UNIT_MATCH
    elif unit_same:
        score = NO_ROLES
    else:
        score = FALLBACK
    if not unit_same:
        score *= 0.5  # a percentage seldom replaces a count
    if (qa.low != qa.high) == (qb.low != qb.high):
        score = min(1.0, score + 0.05)  # both ranges, or both single figures
    held = _holders_agree(a, b)
    if held is False:
        # "Party Gamma had 22.3%" fills no slot of "Party Delta had 10.3%": another party's
        # figure, however alike the two are otherwise
        return FALLBACK
    if held:
        score = min(1.0, score + HOLDER_BONUS)
    if (place_a := place_of(a)) and (place_b := place_of(b)):
        # "69 in Morelos" / "73 deaths in Morelos State" rather than "93 in Mexico City"; a
        # party's wards in Amritsar fill no slot of its wards in Ludhiana
        if place_a.split()[0] != place_b.split()[0]:
            if SET_IN in a.note and SET_IN in b.note:
                # (two towns each sentence opens with; a place read after a figure may be
                # another spelling, "in the UK" / "in Britain", or another thing's)
                return FALLBACK
            return round(max(0.0, score - PLACE_BONUS), 4)
        score = min(1.0, score + PLACE_BONUS)
    if _count_against_measure(a, b) or _count_against_measure(b, a):
        return FALLBACK  # "five samples" fills no slot of "a five kilometre zone"
    if relation not in ("differ", "predicates-differ") and qa.hedge != VAGUE and \
            qb.hedge != VAGUE and _rounded(qa.low, qb.low) and _rounded(qa.high, qb.high):
        if unit_same:
            score = max(score, SAME_VALUE)  # only the hedge or the rounding changed
        elif qa.unit and qb.unit:
            score = max(score, SAME_VALUE_OTHER_UNIT)  # "$5 billion" / "€5 billion"
        else:
            score = max(score, SAME_VALUE_ONE_UNIT)  # "5 billion" / "$5 billion"
    return round(score, 4)


def _count_against_measure(a: Fact, b: Fact) -> bool:
    """``a`` counts a noun with no unit ("five samples") and ``b`` is a physical measure ("five
    kilometres", "5 kg"): two things, however alike the figures."""
    qa, qb = a.value, b.value
    return isinstance(qa, Quantity) and isinstance(qb, Quantity) and bool(a.role) \
        and qa.unit is None and UNIT_DIMENSIONS.get(qb.unit or "") in _PHYSICAL \
        and not _same_thing(a.role, b.role)


_PHYSICAL = frozenset({"length", "mass", "temperature", "speed", "volume", "area"})


def _same_thing(a: str, b: str) -> bool:
    return bool(b) and _lemma(a.casefold()) == _lemma(b.casefold())


MEASURE_RATIO_MAX = 1000.0  # ("3 days" / "2 years" may be one term changed)
EVENT = "event: "
# Pasts written as their verb's base ("put out the blaze at 9:46", "hit the coast at noon")
_BARE_PASTS = _words("put set cut hit let shut spread cast hurt quit burst struck")
EVENT_WORDS_BACK = 8
_EVENT_RE = re.compile(rf"{EVENT}([^;]+)")


def _event_before(text: str, sentence_start: int, start: int) -> str:
    """The lemmas of the verbs whose time a time of day gives ("left Dover at 2 a.m." ->
    "leave"; "moved to arrest him about 1 a.m." -> "arrest|move"): the nearest two verbs
    within EVENT_WORDS_BACK words before it, inflected or after "to", or ''."""
    words = _WORD_TOKEN_RE.findall(text, max(sentence_start, start - 80), start)[-EVENT_WORDS_BACK:]
    found: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word, low = words[k], words[k].casefold()
        if word[:1].isupper() or low in _NOUN_STOPS or low in _DATE_WORDS:
            continue
        after_to = k > 0 and words[k - 1].casefold() == "to"
        verbs = [lemma for lemma, pos in lexicon.lemmas(low)
                 if pos == "v" and (lemma != low or low in _BARE_PASTS or after_to)]
        if verbs and verbs[0] not in found:
            found.append(verbs[0])
            if len(found) == EVENT_VERBS:
                break
    return "|".join(found)


EVENT_VERBS = 2


def events_differ(a: Fact, b: Fact) -> bool:
    """Two times of day of two events ("left at 2 a.m." / "reached the wreck at 9:46 a.m."):
    no verb of one is a verb, or a synonym of a verb, of the other. (Read by grounding, which
    searches the whole original for a rival time; two aligned sentences' times pair as diff
    pairs them, whatever verbs a rewrite chose: "took off" / "departed".)"""
    ea, eb = (m.group(1).split("|") if (m := _EVENT_RE.search(f.note)) else [] for f in (a, b))
    return bool(ea and eb) and not any(x == y or y in lexicon.synonyms(x) for x in ea for y in eb)


def _far_apart(qa: Quantity, qb: Quantity) -> bool:
    """Two measures more than MEASURE_RATIO_MAX times apart, in one unit."""
    x = convert(qa.low, qa.unit, qb.unit)
    if x is None or x <= 0 or qb.low <= 0:
        return False
    return max(x, qb.low) / min(x, qb.low) > MEASURE_RATIO_MAX


def _sig_round(x: float, digits: int) -> float:
    """Round ``x`` to ``digits`` significant digits."""
    if x == 0:
        return 0.0
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _rounds_to(rounded: float, precise: float) -> bool:
    """Tell whether ``rounded`` is ``precise`` written with fewer significant digits."""
    if precise == 0 or _close(rounded, precise):
        return False
    if rounded != 0 and precise != int(precise) and \
            abs(rounded - precise) <= DECIMAL_ROUNDING_TOLERANCE * abs(precise) and any(
                _close(math.floor(precise * 10 ** k + 0.5) / 10 ** k, rounded)
                and not _close(abs(rounded - precise) * 10 ** k, 0.5) for k in range(3)):
        # "6%" / "6.4%", "2.3" / "2.34": fewer decimal places, to the nearest (a half is no
        # rounding: rates and magnitudes move in halves, "4.5%" / "5%", "6.5" / "7")
        return True
    if abs(rounded - precise) / abs(precise) > ROUNDING_TOLERANCE:
        return False
    if precise == int(precise) and rounded == int(rounded) and abs(precise) < ROUNDING_MIN_COUNT:
        return False  # small whole counts are exact
    for digits in range(1, 16):
        shorter = _sig_round(precise, digits)
        if _close(shorter, precise):
            return False  # ran out of digits to drop
        if _close(shorter, rounded):
            return True
    return False


def _rounded(x: float, y: float) -> bool:
    """Tell whether two figures are equal or differ only by rounding."""
    return _close(x, y) or _rounds_to(x, y) or _rounds_to(y, x)


def restates(a: Fact, b: Fact) -> bool:
    """Tell whether ``b`` states ``a``'s figure with another hedge or unit, in ``a``'s slot.

    "at least 34 people" / "34 people", "about 12,000" / "12,000", "$5 billion" / "€5 billion":
    the same bounds, a different hedge or unit, and no counted noun or predicate that says
    they are different slots. diff reports such a leftover as changed even when ``b`` already
    matched another mention (a headline repeating the bare figure).
    """
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity) or equivalent(a, b):
        return False
    if VAGUE in (qa.hedge, qb.hedge) or (qa.unit == TALLY) != (qb.unit == TALLY):
        return False
    if not (_close(qa.low, qb.low) and _close(qa.high, qb.high)):
        return False
    if qa.unit and qb.unit and _dimension(qa.unit) != _dimension(qb.unit):
        return False  # "up to 30%" / "a 30-day trial": a share and a period, two slots
    return _role_relation(a, b) not in ("differ", "predicates-differ")


def measures_apart(a: Fact, b: Fact) -> bool:
    """One figure is a share and the other a sum of money ("plus or minus 2%" / "$2.04 per
    share"): two measures, which only an aligned pair may set against each other."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity) or not (qa.unit and qb.unit):
        return False
    return {_dimension(qa.unit), _dimension(qb.unit)} == {"percent", "money"}


def _dimension(unit: str) -> str:
    """What a unit measures: money for every currency, a period for every unit of time, the
    unit itself for a share ("percent") or anything else."""
    return "money" if unit in _CURRENCIES else UNIT_DIMENSIONS.get(unit, unit)


def compatible(a: Fact, b: Fact) -> bool:
    """Tell whether two different figures do not contradict each other: one is a rounding.

    "a third" / "33%", "12,345" / "12,000" and "about 500" / "500" (one figure, given as an
    estimate or not) are compatible; "at least 500" / "500" is not (a bound is a claim of its
    own), nor is a change of unit or of counted noun.
    """
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity) or TALLY in (qa.unit, qb.unit):
        return False  # (a tally is exact: "52-48" is no rounding of "51-49")
    if TIME in (qa.unit, qb.unit):
        return _about_the_time(a, b)
    if qa.change and qb.change and _things_differ(_changed_of(a), _changed_of(b)):
        return False  # "revenue increased 5.6%" rounds no "shares jumped 6%"
    if _age_within(a, b) or _age_within(b, a):
        return True  # "in his 40s" / "45": the age told more or less precisely
    if _band_within(a, b) or _band_within(b, a):
        return True  # "mid-single digits" / "5%": the figure told by its band
    if bound_holds(a, b) or bound_holds(b, a):
        return True  # "more than 350 points" / "369 points": the bound, rounded, holds
    if _within_plural(a, b) or _within_plural(b, a):
        return True  # "millions of people" / "at least 20 million": the plural reaches it
    if {qa.hedge, qb.hedge} in (_ROUGH_HEDGES, _ESTIMATE_OR_PLAIN) and qa.unit == qb.unit and \
            _close(qa.low, qb.low) and _close(qa.high, qb.high) and not _rates_differ(a, b) \
            and not changes_differ(a, b):
        # "nearly 99%" / "about 99%": one figure, told roughly either way; "an estimated 22
        # million" / "22 million": one figure, given as an estimate or not
        return True
    if qa.hedge != qb.hedge or qa.unit != qb.unit or qa.hedge == VAGUE or _rates_differ(a, b):
        return False
    if changes_differ(a, b):
        return False  # "rose by 300" / "fell by 300": the same size, the other way
    if _role_relation(a, b) in ("differ", "predicates-differ"):
        return False
    if _plain_year(a) and _plain_year(b):
        return False  # "2000" / "2001" read as years are not a rounding of each other
    places = _decimal_places(a)
    if places and places == _decimal_places(b):
        return False  # "1.62%" / "1.60%": written to the same decimal place, no rounding
    return _rounded(qa.low, qb.low) and _rounded(qa.high, qb.high)


# A figure with a decimal point: its digits after the point ("1.60" -> "60").
_DECIMALS_RE = re.compile(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.,]*\d)")


def _decimal_places(f: Fact) -> int | None:
    """How many decimal places a single figure is written to ("1.60%" -> 2, "$3.5 billion"
    -> 1), or None (a whole number, a range, a figure in words)."""
    q = f.value
    if not isinstance(q, Quantity) or not _close(q.low, q.high):
        return None
    m = _DECIMALS_RE.search(f.text)
    if m is None:
        return None
    written = float(m.group())
    # the written numeral is the figure itself or its count of thousands, millions, ...
    if not any(_close(written * 10 ** k, q.low) for k in (0, 3, 6, 9, 12)):
        return None
    return len(m.group(2))


def _is_age(f: Fact) -> bool:
    """An age: by its decade, or "45-year-old" ("a nine-year-old boy" counts no boys)."""
    low = f.text.casefold()
    return f.role == AGE or "year-old" in low or "years old" in low


def _counts_times(f: Fact) -> bool:
    """A count of times ("twice", "three times"), not a time of day."""
    return f.role == TIME and isinstance(f.value, Quantity) and f.value.unit is None


def _age_pair(a: Fact, b: Fact) -> str:
    """"ages" for two ages (or an age and a figure that counts nothing: "Reed, 45,"), "clash"
    for an age and a count of something ("42 previous convictions"), "" for neither."""
    if not (_is_age(a) or _is_age(b)):
        return ""
    other = b if _is_age(a) else a
    return "ages" if _is_age(other) or not other.role else "clash"


def _age_within(decade: Fact, figure: Fact) -> bool:
    """An age by its decade that holds a plain figure ("in his 40s" holds 45)."""
    qd, qf = decade.value, figure.value
    return decade.role == AGE and AGE_NOTE in decade.note and isinstance(qd, Quantity) and \
        isinstance(qf, Quantity) and qf.unit is None and qf.hedge is None and \
        _age_pair(decade, figure) == "ages" and qd.low <= qf.low <= qf.high <= qd.high


def _band_within(band: Fact, figure: Fact) -> bool:
    """A band of digits that holds a plain figure or a percentage ("mid-single digits" holds
    5%)."""
    qb, qf = band.value, figure.value
    return BAND_NOTE in band.note and BAND_NOTE not in figure.note and \
        isinstance(qb, Quantity) and isinstance(qf, Quantity) and qf.unit in (None, "percent") \
        and qf.hedge is None and qb.low <= qf.low <= qf.high <= qb.high


def _same_magnitude(qa: Quantity, qb: Quantity) -> bool:
    """Tell whether two quantities are within ``MAGNITUDE_RATIO`` of each other."""
    a, b = abs(qa.high), abs(qb.high)
    return a > 0 and b > 0 and max(a, b) / min(a, b) <= MAGNITUDE_RATIO


def _figure(x: float, grouping: bool = True) -> str:
    """Say a figure: "2,000", "1.5 million", "0.5" ("2014" without ``grouping``)."""
    if not grouping and x == int(x):
        return str(int(x))
    if abs(x) >= 1e9 and x % 1e7 == 0:
        return f"{x / 1e9:g} billion"
    if abs(x) >= 1e6 and x % 1e4 == 0:
        return f"{x / 1e6:g} million"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


_VAGUE_NAMES = {(24.0, 99.0): "dozens"} | {
    (2 * b * m, (10 * b) * m - 1): (f"{n} of {n2}" if n2 else n)
    for n, b in (("hundreds", 100.0), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9),
                 ("tens", 10.0))
    for n2, m in (("", 1.0), ("thousands", 1e3), ("millions", 1e6))
}


# A plain plural of a scale word reaches half way to "tens of" it: "millions of people" may be
# 20 million, not 90 million ("tens of millions") or 520 million ("hundreds of millions"). ("Hundreds" and "dozens" keep their
# ranges: the next scale, "thousands", is only ten times higher.)
_OPEN_PLURALS = frozenset({"thousands", "millions", "billions"})


# "hundreds more", "dozens more": so many besides those counted, which no figure of them holds
MORE = "more besides"
_MORE_AFTER_RE = re.compile(r"[^\S\n]+(?:more|others|additional)(?![\w'’-])", re.IGNORECASE)


def _within_plural(a: Fact, b: Fact) -> bool:
    """``a`` is a plain plural of a scale ("millions") and ``b``'s figure lies between its floor
    and five times its top (50 million); or ``a`` is "dozens" or "hundreds" and ``b``'s figure
    lies in its range (24-99, 200-999)."""
    qa, qb = a.value, b.value
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity) or qa.hedge != VAGUE \
            or qb.hedge == VAGUE or qa.unit != qb.unit:
        return False
    name = _VAGUE_NAMES.get((qa.low, qa.high))
    if name is None or MORE in a.note or _role_relation(a, b) == "predicates-differ":
        return False  # (a toll's noun may be another: "killing millions of people" / "deaths")
    if name not in _OPEN_PLURALS:
        return qa.low <= qb.low and qb.high <= qa.high  # "dozens" / "37", "hundreds" / "400"
    return qa.low <= qb.low and qb.high < (qa.high + 1) * 5


def humanise(q: Quantity, grouping: bool = True) -> str:
    """Say a quantity the way a journalist would ("between 2,000 and 3,000", "about 50%").

    ``grouping=False`` writes whole numbers without a thousands separator (a year-like
    "2014" that numbers kept because the text did not say it was a year).
    """
    if q.hedge == VAGUE:
        name = _VAGUE_NAMES.get((q.low, q.high))
        return name or f"between {_figure(q.low)} and {_figure(q.high)} (a rough magnitude)"

    def one(x: float) -> str:
        """Say one bound with its unit."""
        if q.unit == "percent":
            return f"{_figure(x, grouping)}%"
        if q.unit in ("percentage point", BASIS_POINT):
            return f"{_figure(x, grouping)} {q.unit}s"
        if q.unit in UNIT_SYMBOLS:
            # money in hundredths is said in them: "£3.20", not "£3.2"
            cents = abs(x) < 1e6 and x != int(x) and _close(x * 100, round(x * 100))
            return f"{UNIT_SYMBOLS[q.unit]}{f'{x:,.2f}' if cents else _figure(x, grouping)}"
        if q.unit == "ordinal":
            return _ordinal(x)
        if q.unit and UNIT_DIMENSIONS.get(q.unit) == DURATION and x != 1:
            plural = "centuries" if q.unit == "century" else f"{q.unit}s"
            return f"{_figure(x, grouping)} {plural}"  # "5 months"
        return f"{_figure(x, grouping)} {q.unit}" if q.unit else _figure(x, grouping)

    hedge = HEDGE_WORDS.get(q.hedge, (q.hedge or "").replace("_", " "))
    if q.unit == TALLY:  # as written: "3-1", never "between 3 and 1"
        said = f"{_figure(q.low)}-{_figure(q.high)}"
        return f"{hedge} {said}" if hedge else said
    if _close(q.low, q.high):
        body = one(q.low)
        return f"{hedge} {body}" if hedge else body
    if hedge:
        return f"{hedge} {one(q.low)}–{one(q.high)}"
    return f"between {one(q.low)} and {one(q.high)}"


def _ordinal(x: float) -> str:
    """Say a rank: 1st, 2nd, 3rd, 11th, 57th."""
    n = int(x)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plural(lemma: str) -> str:
    """Make a counted-noun lemma plural for a sentence ("attack" -> "attacks")."""
    irregular = {v: k for k, v in _IRREGULAR_PLURALS.items()} | {"person": "people"}
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("man"):
        return lemma[:-3] + "men"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "x", "ch", "sh", "z")):
        return lemma + "es"
    return lemma + "s"


def _quote(fact: Fact) -> str:
    """Return a fact's text on one line (NBSP and line breaks as spaces), for quoting."""
    return _SPACE_RE.sub(" ", fact.text).strip()


_UNIT_NAMES = {"USD": "US dollars", "GBP": "pounds sterling", "EUR": "euros", "JPY": "yen",
               "INR": "rupees", "CNY": "yuan", "dinar": "dinars", "percent": "percent",
               "percentage point": "percentage points", "basis point": "basis points",
               "°C": "degrees Celsius",
               "°F": "degrees Fahrenheit"}
_CURRENCIES = frozenset(["USD", "GBP", "EUR", "JPY", "INR", "CNY", "dinar", *CURRENCY_CODES])
YEAR_MIN, YEAR_MAX = 1900, 2100  # a whole figure in this range written plainly may be a year


def _plain_year(fact: Fact) -> bool:
    """Tell whether a figure reads as a year: a whole 1900-2100 written without a separator.

    Dates leave such a number to numbers when they cannot tell ("2014" before an Arabic or
    Russian word with no year marker); it is then said as written, "2014", not "2,014".
    """
    q = fact.value
    if not isinstance(q, Quantity) or q.unit is not None or not _close(q.low, q.high):
        return False
    x = q.low
    return x == int(x) and YEAR_MIN <= x <= YEAR_MAX and \
        str(int(x)) in _normalise_digits(fact.text)


def _say(fact: Fact) -> str:
    """Say a number fact's quantity, keeping a year-like figure ungrouped."""
    assert isinstance(fact.value, Quantity)
    q = fact.value
    if q.unit == TIME:
        hedge = HEDGE_WORDS.get(q.hedge, (q.hedge or "").replace("_", " "))
        said = clock_text(q.low, TWELVE_HOUR in fact.note)
        if q.high != q.low:  # "between 10 and 11 a.m."
            said = f"between {said} and {clock_text(q.high, TWELVE_HOUR in fact.note)}"
        return f"{hedge} {said}" if hedge else said
    return humanise(q, grouping=not _plain_year(fact))


def _quoted_value(fact: Fact) -> str:
    """Quote a figure as written, with its value when the wording does not show it."""
    said, written = _say(fact), _quote(fact)
    return f"'{written}'" if said == written else f"'{written}' ({said})"


def _unit_name(unit: str | None) -> str:
    """Name a unit or currency in words ("EUR" -> "euros")."""
    return _UNIT_NAMES.get(unit or "", unit or "none")


def _unit_change(qa: Quantity, qb: Quantity, a: Fact, b: Fact, same_value: bool) -> str:
    """Say that the currency or unit changed (and the figure, when it did too)."""
    # a currency for another is a change of currency; a share for a sum, of unit
    units = {u for u in (qa.unit, qb.unit) if u}
    what = "currency" if units and units <= _CURRENCIES else "unit"
    if qa.unit and qb.unit:
        change = f"the {what} changed from {_unit_name(qa.unit)} to {_unit_name(qb.unit)}"
    elif qb.unit:
        change = f"the retelling adds a {what} ({_unit_name(qb.unit)}) the original does not state"
    else:
        change = f"the retelling drops the {what} ({_unit_name(qa.unit)})"
    if same_value:
        return f"{change[0].upper()}{change[1:]}: '{_quote(a)}' became '{_quote(b)}'."
    return f"The figure changed from {_say(a)} to {_say(b)}, and {change}."


def explain(a: Fact | None, b: Fact | None) -> str:
    """Say in one plain sentence how the figure changed (a None: added; b None: dropped).

    Examples:
        >>> from retold.model import Sentence
        >>> def fact(text):
        ...     return extract(Document(text), [Sentence(0, 0, len(text), text)], Context())[0]
        >>> explain(fact("It cost $5 billion."), fact("It cost €5 billion."))
        "The currency changed from US dollars to euros: '$5 billion' became '€5 billion'."
        >>> explain(fact("It won 12,345 votes."), fact("It won 12,000 votes."))
        "The retelling rounds the figure: '12,345 votes' (12,345) became '12,000 votes' (12,000)."
    """
    if a is None and b is None:
        raise ValueError("explain() needs at least one fact")
    if b is None:
        assert a is not None
        return f"The original's figure '{_quote(a)}' is missing from the retelling."
    if a is None:
        return f"The retelling states '{_quote(b)}', which the original does not."
    qa, qb = a.value, b.value
    if equivalent(a, b):
        return f"The retelling gives the same figure as the original ('{_quote(b)}')."
    if not isinstance(qa, Quantity) or not isinstance(qb, Quantity):
        return f"The retelling says '{_quote(b)}' where the original says '{_quote(a)}'."
    same_bounds = _close(qa.low, qb.low) and _close(qa.high, qb.high)
    if changes_differ(a, b):
        said = f"The original's figure is a {qa.change} ('{_quote(a)}'); the retelling's is " \
               f"a {qb.change} ('{_quote(b)}')"
        return f"{said}." if same_bounds and qa.unit == qb.unit else \
            f"{said}, and of another size ({_say(a)} became {_say(b)})."
    if _rates_differ(a, b) and same_bounds and qa.unit == qb.unit:
        return f"The rate's period changed from a {rate(a)} to a {rate(b)}: '{_quote(a)}' " \
               f"became '{_quote(b)}'."
    if qa.unit != qb.unit and not (_is_age(a) and _is_age(b)):  # ("51 years old" / "55-year-old")
        return _unit_change(qa, qb, a, b, same_bounds and qa.hedge == qb.hedge)
    if same_bounds and {qa.hedge, qb.hedge} == _ESTIMATE_OR_PLAIN and qa.unit == qb.unit:
        if qb.hedge is None:
            return (f"The retelling gives the original's estimate as a plain figure: "
                    f"'{_quote(b)}' for '{_quote(a)}'.")
        return f"The retelling gives the same figure as an estimate: '{_quote(b)}' for " \
               f"'{_quote(a)}'."
    if same_bounds:
        # Only the hedge differs: quote both as written.
        return f"The retelling says '{_quote(b)}' where the original says '{_quote(a)}'."
    if compatible(a, b):
        quoted = f"{_quoted_value(a)} became {_quoted_value(b)}"
        if _age_within(b, a):
            return f"The retelling gives the age by its decade only: {quoted}."
        if _age_within(a, b):
            return f"The retelling is more precise about the age: {quoted}."
        if _band_within(b, a):
            return f"The retelling gives the figure by its band of digits only: {quoted}."
        if _rounds_to(qb.low, qa.low) or _rounds_to(qb.high, qa.high):
            return f"The retelling rounds the figure: {quoted}."
        if _within_plural(b, a):
            return f"The retelling gives the figure as a rough magnitude only: {quoted}."
        return f"The retelling is more precise: {quoted}."
    if BAND_NOTE in a.note or BAND_NOTE in b.note:
        return f"The figure changed from {_quoted_value(a)} to {_quoted_value(b)}."
    subject = "The number"
    if qa.unit == MULTIPLE:
        subject = "The multiple"
    elif qa.unit == TALLY:
        subject = "The result"  # a game's or a vote's: "The result changed from 3-1 to 2-1."
    elif qa.unit in RATE_CHANGE_UNITS:
        subject = "The figure"
    elif qa.unit == "percent":
        subject = "The percentage"
    elif qa.unit == TIME:
        subject = "The time"
    elif _age_pair(a, b) == "ages":
        subject = "The age"
    elif qa.unit == qb.unit == "ordinal" and a.role and a.role == b.role:
        # "The rank changed from the 4th day to the 3rd day."
        return f"The rank changed from the {_say(a)} {a.role} to the {_say(b)} {b.role}."
    elif a.role and a.role == b.role and a.role not in ("percent",) and \
            a.role != _predicate_of(a):
        subject = f"The number of {_plural(a.role)}"
    said = f"{subject} changed from {_say(a)} to {_say(b)}"
    return said if said.endswith(".") else f"{said}."  # ("... to 8 a.m.", one full stop)


def article_one(fact: Fact) -> bool:
    """The word "one" counting a single thing, with no hedge or unit ("one person said"): an
    article more than a figure, said or left out."""
    q = fact.value
    return isinstance(q, Quantity) and q.low == q.high == 1 and q.hedge is None and \
        (q.unit is None or UNIT_DIMENSIONS.get(q.unit) == DURATION) and \
        fact.text[figure_start(fact) - fact.start:][:4].casefold() == "one "


# A figure that is part of a whole stated right after it: "Half of the 40 staff", "20 of its
# 40 staff", "a quarter of the 80 homes".
_PART_OF_RE = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the|its|their|his|her|our|these|those)"
                         r"[ \t\u00a0]+")


def share_of_whole(fact: Fact, text: str, facts: Sequence[Fact]) -> tuple[float, float] | None:
    """(share, whole) of a figure that counts part of a whole stated right after it ("Half of
    the 40 staff": 0.5 of 40; "Twenty of the 40 staff": 0.5 of 40), or None. One share of one
    whole is one figure, however it is written."""
    q = fact.value
    if not isinstance(q, Quantity) or q.low != q.high or q.hedge is not None:
        return None
    m = _PART_OF_RE.match(text, fact.end)
    if m is None:
        return None
    whole = next((f for f in facts if f.kind == "number" and f.start == m.end()), None)
    w = whole.value if whole is not None else None
    if not isinstance(w, Quantity) or w.low != w.high or w.unit is not None or w.low <= 0:
        return None
    if q.unit == "percent":
        return q.low / 100, w.low
    if q.unit is None and q.low <= w.low:
        return q.low / w.low, w.low
    return None


def same_share(a: Fact, a_text: str, a_facts: Sequence[Fact],
               b: Fact, b_text: str, b_facts: Sequence[Fact]) -> bool:
    """True when two figures count the same part of the same stated whole ("Half of the 40
    staff" / "Twenty of the 40 staff"; to the nearest one of the whole)."""
    sa, sb = share_of_whole(a, a_text, a_facts), share_of_whole(b, b_text, b_facts)
    return sa is not None and sb is not None and sa[1] == sb[1] and \
        abs(sa[0] - sb[0]) * sa[1] < 0.5


_THE_BEFORE_RE = re.compile(r"(?i)(?<![^\W_])the[^\S\n]+$")


def refers_back(fact: Fact, text: str, other: str = "") -> bool:
    """"the two", "the three" with no counted noun: a pronoun for things named before it,
    which counts nothing new, said or left out. So is "the two Asian rivals" where the other
    side's passage ``other`` still names the rivals ("the fierce Asian rivals")."""
    q = fact.value
    words = fact.text.casefold().split()
    if not (isinstance(q, Quantity) and q.hedge is None and q.unit is None and words
            and words[0] in UNITS and words[0] != "one"
            and _THE_BEFORE_RE.search(text, max(0, fact.start - 8), fact.start) is not None):
        return False
    # (the counted noun as written, the fact's last word: "rivals", not the lemma)
    return len(words) == 1 or bool(other) and re.search(
        rf"(?i)(?<![^\W_])the[^\S\n]+(?:[^\W\d_][\w'’-]*[^\S\n]+){{0,2}}"
        rf"{re.escape(fact.text.split()[-1])}(?![^\W_])", other) is not None

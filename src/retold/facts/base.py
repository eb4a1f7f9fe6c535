"""The seam every fact kind implements, and the context extractors share.

A fact kind is a module with three functions of one signature each:

    extract(doc, sentences, context) -> list[Fact]   facts with offsets into doc.text
    equivalent(a, b) -> bool                         the same fact, however written
    slot_score(a, b) -> float                        in [0, 1]: how likely b fills a's slot
                                                     (used to call two different facts a
                                                     change rather than a drop plus an add)
    explain(a, b) -> str                             one plain sentence for a journalist
                                                     (a or b may be None: dropped / added)

and may add optional hooks, looked up with getattr:

    compatible(a, b) -> bool                         two different facts that do not contradict
                                                     each other (a rounded figure, a narrower
                                                     date, two relative dates that cannot be
                                                     compared): reported as a low-severity
                                                     change, not a high one
    restates(a, b) -> bool                           b states a's value with another hedge or
                                                     unit ("at least 34" / "34"): a change
                                                     even if b also matches another mention
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from retold.model import Document, Fact, Sentence


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may need beyond the text."""

    published: dt.date | None = None  # publication date to resolve relative dates against
    published_assumed: bool = False  # True when it was borrowed from the other side


class FactKindModule(Protocol):
    def extract(self, doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]: ...
    def equivalent(self, a: Fact, b: Fact) -> bool: ...
    def slot_score(self, a: Fact, b: Fact) -> float: ...
    def explain(self, a: Fact | None, b: Fact | None) -> str: ...


# Words after which a number is an identifier, part of a name, not a figure ("Article 5",
# "Flight 370", "Category 4", "Phase 2"): the figures' extractor reads no count there, and the
# names' extractor keeps the number in the name, so "Flight 730" is another flight.
_IDENTIFIER_TEXT = (
    "no nos number article resolution chapter flight route section room gate terminal level "
    "phase stage vol volume page pp paragraph clause amendment highway platform apollo "
    "category grade channel episode season unit camp block bus line lane door seat row "
    "version windows iphone ios android model formula tier "
    # market indexes named with their count of shares ("the Russell 2000", "the FTSE 100"): the
    # number names the index, and is neither a year nor a count
    "russell ftse nikkei dax cac stoxx nifty nasdaq"
)
IDENTIFIER_WORDS = frozenset(_IDENTIFIER_TEXT.split())


_CAPS_RUN = r"[A-Z][A-Z.'\u2019-]+(?:[ \t\u00a0][A-Z][A-Z.'\u2019-]+)*"
_MONTHS = ("Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|May|June|"
           "July|August|September|October|November|December")
# A wire dateline at a sentence's start: where the copy was filed, its date and the agency
# ("NEW YORK, May 30 (Reuters) -", "AUSTIN, Texas —", "(CNN) -"). An outlet keeps or strips it
# at will: none of it is a fact of the story.
DATELINE_RE = re.compile(
    # a wire byline glued in front by a flat scrape ("By Gopal Sharma KATHMANDU (Reuters) -")
    r"(?:By[ \t\u00a0]+(?:[A-Z][a-z][\w.'\u2019-]*[ \t\u00a0]+|[A-Z]\.[ \t\u00a0]+){1,4})?"
    # or an outlet's desk credited before it ("Web Desk: KARACHI, ...", "C T Online Desk: ...")
    r"(?:(?:[A-Z][\w.'\u2019-]*[ \t\u00a0]+){0,4}Desk[ \t\u00a0]*:[ \t\u00a0]*)?"
    # or a time stamp ("Updated 6:00 p.m. ET SAVAR, Bangladesh A fire ...")
    r"(?:(?:Updated|Posted|Published)[ \t\u00a0]+)?(?:\d{1,2}:\d{2}[ \t\u00a0]*[ap]\.?m\.?"
    r"(?:[ \t\u00a0]+[A-Z]{2,4})?[ \t\u00a0]+)?"
    # a place in capitals and its country or state, with no dash before the first sentence
    r"(?:[A-Z][A-Z'\u2019-]{4,}(?:[ \t\u00a0][A-Z][A-Z'\u2019-]+)*,[ \t\u00a0]+[A-Z][a-z]+"
    r"(?:[ \t\u00a0][A-Z][a-z]+)?(?=[ \t\u00a0]+[A-Z][a-z]*[ \t\u00a0]+[a-z])|"
    rf"(?:{_CAPS_RUN})(?:,[ \t\u00a0]+[A-Z][\w.]*(?:[ \t\u00a0][A-Z][\w.]*)?)?"
    r"(?:,[ \t\u00a0]+[A-Z][a-z]{2,8}\.?[ \t\u00a0]+\d{1,2}(?:,?[ \t\u00a0]+\d{4})?)?[ \t\u00a0]*"
    r"(?:\((?:AP|Reuters|AFP|dpa|UPI|CNN|Bloomberg|PA|[A-Z]{2,6})\))?[ \t\u00a0]*"
    r"(?:\u2014|\u2013|--|//|-(?=[ \t\u00a0])|\u00e2\u20ac[\u201d\u201c]))"  # dashes, as mojibake too
    # a place in capitals and an outlet's credit line in brackets, with its sources or its
    # date ("BODO, (Norway Daily / Viken Wire - 5th May, 2023) The ferry ...")
    # (the place as written too, and a colon after: "Bodo, (Norway Daily / Viken Wire - 5th
    # May, 2023 ):The ferry ...")
    rf"|(?:{_CAPS_RUN}),?[ \t\u00a0]*"
    r"\((?=[^()\n]*(?:[ \t]/[ \t]|\d{4}))[^()\n]{3,100}\)[ \t\u00a0]*:?[ \t\u00a0]*(?=[A-Z])"
    # (a place as written only with the outlet's sources, or a day of a month and its year,
    # and a comma: "Tony Blair (1997-2007) Britain's ..." opens no dateline)
    r"|[A-Z][a-z]+(?:[ \t\u00a0][A-Z][a-z]+){0,2},[ \t\u00a0]*"
    rf"\((?=[^()\n]*(?:[ \t]/[ \t]|(?:{_MONTHS})\.?,?[ \t\u00a0]+\d{{4}}))[^()\n]{{3,100}}\)"
    r"[ \t\u00a0]*:?[ \t\u00a0]*(?=[A-Z])"
    r"|[A-Z][A-Z'\u2019 -]{3,}$"  # a dateline on a line of its own: capitals, no full stop
    # a place in capitals and a colon ("BANDUNG: Seven people ...")
    rf"|{_CAPS_RUN}:[ \t\u00a0]+(?=[A-Z])"
    # a place as written, its day and the agency, no dash ("Copenhagen, Oct 24 (IANS) The ...",
    # "Tallmere, March 5 A landslide ...")
    # (its region in square brackets too: "Oskar [Nordland], March 7 (Nord/Xinhua):")
    # (two places with a slash: "Marden/Tallmere, Jun 3 (NNA) ...")
    r"|[A-Z][a-z]+(?:[ \t\u00a0][A-Z][a-z]+){0,2}(?:/[A-Z][a-z]+(?:[ \t\u00a0][A-Z][a-z]+){0,2})?"
    r"(?:[ \t\u00a0]*\[[A-Z][\w .-]{1,30}\])?,"
    # (its country, and the year: "Harrow, UK, March 4, 2021: ...")
    r"(?:[ \t\u00a0]+[A-Z][A-Za-z.]+(?:[ \t\u00a0][A-Z][A-Za-z.]+){0,2},)?"
    r"[ \t\u00a0]+"
    rf"(?:{_MONTHS})\.?[ \t\u00a0]+\d{{1,2}}(?:,?[ \t\u00a0]+\d{{4}})?"
    r"(?:[ \t\u00a0]*\([A-Z][A-Za-z]{1,8}(?:/[A-Z][A-Za-z]{1,8})*\))?"  # "(AFP/APP)" too
    r"[ \t\u00a0]*(?:[:\u2014\u2013-][ \t\u00a0]*)?(?=[A-Z])"
    # the agency alone ("(CNN) -", "(Reuters) —", "(Al Jazeera) –": an outlet's name in
    # brackets and a dash opening the sentence)
    r"|\((?:AP|Reuters|AFP|dpa|UPI|CNN|Bloomberg|PA|[A-Z][\w&.'\u2019-]*(?:[ \t\u00a0][A-Z][\w&.'\u2019-]*){0,3})\)"
    r"[ \t\u00a0]*(?:\u2014|\u2013|--|-(?=[ \t\u00a0]))"
    # an outlet's credit in capitals opening the text, no dash ("(CNN)The ...", "(MENAFN) A ...")
    r"|\((?:[A-Z]{2,10}|Reuters|dpa)(?:/[A-Z][A-Za-z]{1,9})*\)[ \t\u00a0]*(?=[A-Z])"
)


# ISO 4217 codes written before a figure ("USD 1.2 billion", "EUR 300m"), as financial and
# South Asian copy writes money: the code is the figure's currency, no name. (Not the codes
# that are words or other acronyms before a figure: COP28, PHP 8, "TRY 2", "PEN 5", CAD, SAR.)
CURRENCY_CODES = frozenset({
    "USD", "EUR", "GBP", "JPY", "INR", "CNY", "CHF", "AUD", "HKD", "NZD", "SGD", "SEK", "NOK",
    "DKK", "RUB", "BRL", "ZAR", "KRW", "MXN", "PKR", "BDT", "LKR", "NPR", "AED", "QAR", "KWD",
    "EGP", "NGN", "KES", "GHS", "IDR", "MYR", "THB", "VND", "PLN", "CZK", "HUF", "UAH", "TWD"})
CURRENCY_CODE_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(sorted(CURRENCY_CODES)) + r")(?=[^\S\n]?\d|[^\S\n](?i:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|a|half)[^\S\n]+(?i:hundred|thousand|million|"
    r"billion|trillion|lakh|crore)\b)(?!\d+[A-Za-z])")  # ("USD two million"; "NPR two weeks later" is the radio)


# A security's code beside its company ("Siemens (SIEGn.DE)", "(7011.T)", "(.SPX)", "(NYSE:
# AAPL)"): wire copy adds it and outlets strip it; a lookup key for traders, no fact of the
# story (neither a figure nor a name).
INSTRUMENT_CODE_RE = re.compile(
    r"\((?:[A-Z0-9]{1,6}[a-z]?(?:_[a-z])?\.[A-Z]{1,3}|\.[A-Z]{2,6}|"
    r"(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|AMEX|OTC)[^\S\n]*:[^\S\n]*[A-Z][A-Z.]{0,6})\)"
    r"|<(?:[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,3}|\.[A-Z]{2,6})>"  # Reuters' own: "<7203.T>"
    # bare after the company's name ("Nike Inc NKE.N reported"), on a closed list of exchanges
    # ("U.S." and "Ph.D." are no codes)
    r"|(?<=[\w.][^\S\n])(?:[A-Z]{2,5}|\d{4})\.(?:N|O|OQ|L|PA|DE|T|HK|SS|SZ|TO|AX|SI|KS|MI|AS|MC"
    r"|SW|BO|NS|F)(?![\w.])")


# An acronym and a figure as the next item of a list of figures ("Congress won 42 wards, the
# BJP 29 and ..."): a party and its count, not an identifier ("UN 2254") nor one name.
LISTED_AFTER_FIGURE_RE = re.compile(
    r"\d[^.;:!?()\d\n]{0,40}?(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)"
    r"(?:the[^\S\n]+)?[A-Z][A-Z&-]+[^\S\n]*$")


def instrument_code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the security codes of ``text`` (``INSTRUMENT_CODE_RE``)."""
    return [m.span() for m in INSTRUMENT_CODE_RE.finditer(text)]


def dateline_spans(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """The spans of the wire datelines opening ``text``'s sentences."""
    return [m.span() for s in sentences
            if (m := DATELINE_RE.match(text, s.start, s.end)) is not None]


def sentence_at(sentences: Sequence[Sentence], offset: int) -> int | None:
    """Return the id of the sentence containing ``offset``, or None."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s.id
    return None

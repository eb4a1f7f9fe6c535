"""Names (people, organisations, places): capitalised spans, compared by spelling-aware rules.

Extraction is a regex over capitalised words, not NER: spaCy would add ~235 MB and no trained
pipeline can be downloaded here, and a plain capitalised-span chunker matched a spaCy-tokenizer
chunker on real news (P ~0.8, R ~0.95) at a tenth of the time (LIBRARIES.md, "Names").

A span is a run of capitalised words joined by spaces, optionally by lowercase connectors inside
it ("Bank of England", "Omar bin Said al Tikriti", "Ludwig van Beethoven"); words may carry an
Arabic article ("al-Rashidi"), hyphenated parts ("Al-Tikriti", "Rolls-Royce") and dotted acronyms
("U.S.").
A possessive "'s" is never part of the span. Leading function words ("The", "In", "However"),
number words ("Twenty-five", "Tens of"), hedges ("Reportedly", "Nearly", "Approximately"),
titles ("President", "Dr") and month/weekday names (those are dates) are stripped.

A single capitalised word opening a sentence is a name only with evidence: it is capitalised
somewhere mid-sentence in the text, in the alias table, an acronym, CamelCase ("YouTube"), or
followed by a verb or function word ("Microsoft bought", "Lisbon is", "Reuters reported"; -ed
forms by their ending). Without it, a word before a lowercase content word ("Heavy rain",
"Construction of the bridge") is an ordinary word. An -ly adverb ("Nearly 40", "Largely"), an
abstract noun in -tion/-sion/-ment/-ness/-ism/-ship ("Investment slowed") and a line-opening
label before a colon ("Summary:") are ordinary words even before a verb. Limits: a person or
place named once, only at a sentence start, before an unlisted verb ("Acme expands") or with
such an ending ("Clement said", "Inverness is"), is missed; a transcript's speaker label
("Doe: ...") counts only if the name appears elsewhere. In title-case
lines (headlines, bylines, sub-heads) where nearly every word is capitalised, only spans that are
names elsewhere in the text, in the alias table, acronyms, or a whole byline field are kept.

Two names are the same name (``same_name``) when, after normalisation (case, accents, dots,
hyphens, NBSP, an "al-"/"el-" article), they are in one alias group (aliases.json), or their
words match in order, one side possibly a short form ("Rashidi" for "Omar al-Rashidi"),
where two words match when equal, when their Double Metaphone codes agree (Tchaikovsky/Chaikovsky),
when a consonant skeleton for Arabic romanisation agrees (Gaddafi/Qadhafi), or when they are
near-identical long words. No single fuzzy score separates spelling variants from different
names (Austria/Australia score above real variants), so guards keep different names apart: a
nisba or demonym suffix (Tikrit/al-Tikriti, Niger/Nigeria), a final "-a" (George/Georgia), compass
words (Sudan/South Sudan), generic heads (Harvard University/Howard University share only
"University"), a diphthong against a plain vowel (Hasan/Husayn, Hassan/Hussein: "ai/ay/ei/ey"
are a vowel plus the consonant y in Arabic romanisation; "ou" is not, it is the French u of
Netanyahou), middle names or initials on both sides that differ (George W. Bush / George H. W.
Bush; "George Bush" is a short form of either), and a ``distinct`` list in the alias table. ``name_variant`` is true when the match
needed a spelling rule: the diff shows those as "spelled differently", never as a change.

``slot_score`` calls two different names left in aligned sentences a likely swap (>= 0.3: Paris
-> London) unless their type cues clash (< 0.2: a titled person against an "... Inc" or a
country). ``mentioned`` says whether a text mentions a name or an alias of it in any case
("the coronavirus" mentions Covid-19).
"""

from __future__ import annotations

import importlib.resources
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import repeat
from typing import Any

from metaphone import doublemetaphone
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from retold import lexicon, patterns
from retold.errors import OptionError
from retold.facts.base import (
    CURRENCY_CODE_RE,
    DATELINE_RE,
    IDENTIFIER_WORDS,
    LISTED_AFTER_FIGURE_RE,
    Context,
    dateline_spans,
    instrument_code_spans,
    sentence_at,
)
from retold.facts.dates import holiday_spans
from retold.model import Document, Fact, Sentence

__all__ = [
    "NameSpan",
    "alias_group",
    "demonym_in",
    "demonym_of",
    "equivalent",
    "explain",
    "extract",
    "find_spans",
    "key_of",
    "load_aliases",
    "mentioned",
    "name_variant",
    "normalise",
    "same_name",
    "slot_score",
]

# --- the span regex ---------------------------------------------------------------------------

# Latin capitals only (A-Z, Latin-1, Latin Extended-A/B): non-Latin scripts degrade to nothing
# rather than to spans of a script whose capitalisation rules we do not model.
_UPPER_CHARS = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper() and c.isalpha())
_UP = f"[{_UPPER_CHARS}]"
_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"
_HYPHEN = "\\-\u2010\u2011"  # escaped: it sits inside character classes
_APOS = "'\u2019"
# Arabic article and similar prefixes written lowercase and hyphenated onto a capitalised word.
_PREFIX = r"(?:al|el|ad|adh|an|ar|as|ash|at|az|ul|ibn|bin|abu|d|l)"
_DOTTED = r"(?:[A-Z]\.){2,}"
# Lowercase words inside a hyphenated place name: Stratford-upon-Avon, Southend-on-Sea,
# Boulogne-sur-Mer, Aix-la-Chapelle, Saint-Germain-en-Laye, Frankfurt-am-Main.
_HYPHENED_CONNECTOR = r"(?:upon|on|under|by|in|the|de|du|des|la|le|les|sur|en|am|an|der|im)"
_WORD = (
    rf"(?:{_PREFIX}[{_HYPHEN}]|[OD][{_APOS}](?={_UP}))?{_UP}{_ALNUM}*"
    rf"(?:[{_APOS}](?![sS]\b){_LETTER}+)*"  # O'Brien, D'Alema; never the possessive 's
    rf"(?:&{_UP}{_ALNUM}*)*"  # S&P, AT&T
    # Al-Tikriti, Rolls-Royce, France-U.S., Stratford-upon-Avon; not "NATO-backed"
    rf"(?:[{_HYPHEN}](?:{_HYPHENED_CONNECTOR}[{_HYPHEN}])?(?:{_DOTTED}|(?:{_UP}|\d){_ALNUM}*))*"
)
_INITIAL = rf"{_UP}\.(?=[ \t\u00a0]+{_UP})"  # John F. Kennedy: an initial needs a name after it
# Lowercase words allowed between capitalised words of one name ("and" is not one: "American and
# British warplanes" are two names).
_CONNECTORS = ("of", "the", "de", "del", "della", "der", "den", "van", "von", "da", "di", "du",
               "la", "le", "bin", "ibn", "bint", "al", "el", "dos", "das", "y", "i")
CONNECTOR_WORDS = frozenset(_CONNECTORS)
_SPACE = r"[ \t\u00a0\u202f]+"
_SPAN_RE = patterns.compile(
    rf"(?<![\w{_APOS}{_HYPHEN}.])(?:{_DOTTED}|{_WORD})"
    rf"(?:{_SPACE}(?:(?:{'|'.join(_CONNECTORS)}|&){_SPACE}){{0,2}}(?:{_DOTTED}|{_INITIAL}|{_WORD}))*"
)
_TOKEN_RE = re.compile(r"\S+")
_HAS_SPACE = re.compile(r"\s")
_WORDS_RE = re.compile(rf"{_LETTER}[\w{_APOS}{_HYPHEN}]*")
_LOWER_WORD_RE = re.compile(r"(?<![\w])[a-z][a-z]+(?![\w])")

# --- word lists -------------------------------------------------------------------------------

# Capitalised words that begin sentences but are not names: function words, sentence adverbs and
# connectives seen at the start of news sentences. Checked case-sensitively ("US" is a name,
# "Us" is not). Stripped from the start and end of a span.
STOP_WORDS = frozenset([
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Without", "Within", "Since",
    "However", "But", "And", "Or", "Nor", "If", "When", "Whenever", "While", "Whilst", "After",
    "Before", "During", "Until", "Unless", "Because", "As", "Also", "Moreover", "Meanwhile",
    "Furthermore", "Nevertheless", "Nonetheless", "Although", "Though", "Yet", "So", "Thus",
    "Hence", "Therefore", "Despite", "Apart", "Regardless", "Certainly", "Indeed", "Instead",
    "Still", "Even", "Only", "Just", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Tonight",
    "Last", "Next", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
    "You", "His", "Her", "Hers", "Their", "Our", "My", "Your", "Him", "Them", "Us", "There",
    "Here", "What", "Which", "Who", "Whom", "Whose", "Why", "How", "Where", "Many", "Some", "Most",
    "Few", "Several", "Such", "Other", "Others", "Another", "All", "Both", "Each", "Every", "Any",
    "No", "Not", "None", "Neither", "Either", "One", "Two", "Three", "Four", "Five", "Six",
    "Seven", "Eight", "Nine", "Ten", "First", "Second", "Third", "Finally", "Overall", "According",
    "Following", "Speaking", "Asked", "Citing", "Under", "Over", "Through", "Against", "Among",
    "Between", "Into", "Onto", "Upon", "About", "Above", "Below", "Across", "Along", "Around",
    "Beyond", "Near", "Off", "Out", "Up", "Down", "To", "Of", "Is", "Are", "Was", "Were", "Be",
    "Been", "Has", "Have", "Had", "Do", "Does", "Did", "Will", "Would", "Can", "Could", "Should",
    "Might", "Must", "Shall", "Let", "Please", "Yes", "Whether", "Once", "Perhaps", "Maybe",
    "Often", "Sometimes", "Already", "Again", "Almost", "Besides", "Otherwise", "Likewise",
    "Similarly", "Additionally", "Specifically", "Ultimately", "Recently", "Currently",
    "Previously", "Initially", "Eventually", "Clearly", "Obviously", "Unfortunately",
    "Fortunately", "Importantly", "Increasingly", "Elsewhere", "Later", "Earlier", "Soon", "Never",
    "Always", "Breaking", "Update", "Updated", "Read", "More", "Related", "Note", "Photo",
    "Editor", "Editors", "Opinion", "Analysis", "Comment", "Exclusive", "Watch", "Like", "Unlike",
    "Via", "Per", "Amid", "Amidst", "Toward", "Towards", "Throughout", "Whereas", "Wherever",
    "Whatever", "Whoever",
    # number words ("Twenty-five people", "Tens of thousands"): quantities, not names
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
    "Nineteen", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
    "Hundred", "Hundreds", "Thousand", "Thousands", "Million", "Millions", "Billion", "Billions",
    "Dozen", "Dozens", "Tens", "Scores", "Zero", "Half",
    # hedges and approximations that open sentences ("Nearly 40", "Reportedly, ...")
    "Reportedly", "Allegedly", "Apparently", "Possibly", "Probably", "Likely", "Unlikely",
    "Presumably", "Supposedly", "Purportedly", "Arguably", "Seemingly", "Ostensibly",
    "Roughly", "Approximately", "Nearly", "Around", "Estimated", "Alleged", "Suspected",
    "Purported", "Presumed", "Unconfirmed", "So-called", "Self-styled", "Self-proclaimed",
    # openers of prepositional phrases ("Due to this", "Prior to", "Thanks to")
    "Due", "Prior", "Owing", "Thanks", "Contrary", "Regarding", "Concerning", "Further",
    "Firstly", "Secondly", "Thirdly", "Lastly",
    # a currency written before its figure ("Rs 1.5 crore"); common nouns' initials joined by
    # an ampersand ("R&D", "Q&A", "M&A"): no names, where "S&P" and "AT&T" are
    "Rs", "R&D", "Q&A", "M&A", "P&L", "B&B", "F&B", "R&R",
])
# Single capitalised words that are common adjectives or nouns, not names, when they stand alone.
NON_NAME_SINGLES = frozenset([
    "Western", "Eastern", "Northern", "Southern", "Central", "Global", "International", "National",
    "Federal", "Government", "Coalition", "Internet", "Online", "Army", "Police", "State",
    "States", "Republic", "Kingdom", "Minister", "Ministry", "President", "Parliament", "Congress",
    "Senate", "Court", "Forces", "Force", "City", "Province", "Region", "Mr", "Mrs", "Ms", "Dr",
    "Ret", "Retd",  # "General John Doe (Ret.)": retired
    # a unit of time left alone once "This" or "Next" is stripped ("This Week", a show's title)
    "Week", "Weekend", "Month", "Year", "Day", "Today", "Tonight",
])
# Letters after a name ("Jane Doe QC", "John Roe OBE"): an honour or a rank at the bar, not part
# of the name ("Jr" is: it tells a father from his son).
POST_NOMINALS = frozenset(["QC", "KC", "SC", "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "PhD",
                           "MP", "MEP", "MSP"])
TITLES = frozenset([
    "President", "Vice", "Prime", "Minister", "Secretary", "General", "Gen", "Colonel", "Col",
    "Lt", "Lieutenant", "Major", "Maj", "Captain", "Capt", "Sergeant", "Sgt", "Admiral", "Adm",
    "Senator", "Sen", "Rep", "Representative", "Governor", "Gov", "Mayor", "King", "Queen",
    "Prince", "Princess", "Sheikh", "Sheik", "Emir", "Pope", "Chancellor", "Ambassador", "Judge",
    "Justice", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord",
    "Lady", "Rev", "Reverend", "Father", "Chief", "Commander", "Director", "Spokesman",
    "Spokeswoman", "Ayatollah", "Foreign", "Defence", "Defense", "Interior", "Finance", "Deputy",
    "Acting", "Former", "Late", "Crown", "Field", "Marshal",
    # job titles and police ranks written before a name ("MPAA CEO Dan Glickman", "Det Insp
    # Houlahan", "Labour MP Ed Balls")
    "CEO", "MP", "MEP", "MSP", "Det", "Detective", "Insp", "Inspector", "Supt",
    "Superintendent", "Const", "Constable", "Cllr", "Councillor", "Chairman", "Chairwoman",
    "Commissioner", "Shadow", "Officer", "Spokesperson", "Coach", "Manager", "Captain",
    "Brig", "Brigadier", "Cpl", "Corporal", "Cmdr", "Cdr", "Sqn", "Ldr",
])
MONTHS_AND_DAYS = frozenset([
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
])
# Head words of organisation and place names: two names sharing one are likely the same slot (an
# institute renamed), but the head alone never makes two names the same.
GENERIC_HEADS = frozenset([
    "institute", "institution", "university", "college", "school", "party", "ministry",
    "department", "agency", "army", "forces", "force", "council", "committee", "commission",
    "bank", "court", "company", "corporation", "group", "organization", "organisation", "union",
    "association", "foundation", "front", "movement", "administration", "government", "parliament",
    "assembly", "senate", "house", "office", "service", "services", "command", "coalition",
    "state", "states", "republic", "kingdom", "city", "province", "region", "district", "street",
    "square", "hospital", "church", "mosque", "times", "post", "news", "journal", "review", "press",
    "newspaper", "network", "center", "centre", "fund", "alliance", "brigade", "brigades",
    "battalion", "units", "unit", "guard",
])
# What a company's registered name ends in after its brand ("Samsung Electronics", "Toyota
# Motor", "Sony Group" is a generic head already)
_BUSINESS_HEADS = frozenset({"electronics", "motor", "motors", "holdings", "industries",
                             "airlines", "airways", "pharmaceuticals", "technologies",
                             "communications", "petroleum", "chemicals", "semiconductor"})
# Heads that say what kind of thing a name names (for slots only: "Washington County" is no
# short form of "Washington", so these are not all GENERIC_HEADS)
_KIND_HEADS = GENERIC_HEADS | {"county", "township", "prefecture", "parish", "borough", "island",
                               "river", "lake", "valley", "road", "avenue", "bridge", "park"}
# A newspaper's title ends in one of these after a place or a street ("New York Times", "Wall
# Street Journal", "Washington Post"): without it the words name the place, not the paper.
MASTHEAD_HEADS = frozenset(["times", "post", "journal"])
# Legal forms that end a company's registered name (normalised): its first words are the brand.
LEGAL_FORMS = frozenset([
    "inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "llp",
    "sa", "ag", "nv", "bv", "gmbh", "se", "spa", "sas", "ab", "asa", "oyj", "kk",
])
# Words that turn a place into another place: "South Sudan" is not a short form of "Sudan".
COMPASS = frozenset([
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "new", "upper", "lower", "greater", "little", "old",
])
# Adjective/nisba endings: Tikrit -> Tikriti (a person), Niger -> Nigeria (another country).
NISBA_SUFFIXES = frozenset({"i", "is", "ia", "ian", "ians", "ese", "an", "ans", "ite", "ites"})
# Normalised tokens dropped before comparing: connectors and Arabic articles.
_DROP_TOKENS = frozenset(_CONNECTORS) | {"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at",
                                         "az", "ul", "d", "l"}

# Lowercase words a title-case headline keeps lowercase (Chicago/AP style small words).
_TITLE_CASE_LOWER = frozenset([
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over", "than",
])
# Common nouns that begin news sentences ("Troops crossed ...", "Cases of ..."): not names there.
SENTENCE_INITIAL_COMMON = frozenset([
    "Officials", "Troops", "Rebels", "Residents", "Police", "Protesters", "Analysts", "Experts",
    "Critics", "Witnesses", "Authorities", "Militants", "Fighters", "Soldiers", "Investigators",
    "Prosecutors", "Lawmakers", "Doctors", "Scientists", "Researchers", "Sources", "Diplomats",
    "Leaders", "Voters", "Workers", "Students", "Families", "People", "Children", "Women", "Men",
    "Thousands", "Hundreds", "Dozens", "Millions", "Cases", "Members", "Supporters", "Opponents",
    "Security", "Intelligence", "Military", "Officers", "Gunmen", "Attackers", "Refugees",
    "Survivors", "Victims", "Reports", "Talks", "Prices", "Shares", "Markets", "Data", "Figures",
    "Numbers", "Plans", "Efforts", "Attacks", "Strikes", "Clashes", "Protests", "Elections",
    "Negotiations", "Investors", "Economists", "Traders", "Consumers", "Customers", "Farmers",
    "Teachers", "Nurses", "Parents", "Patients", "Passengers", "Drivers", "Employees", "Staff",
    "Citizens", "Locals", "Villagers", "Migrants", "Demonstrators", "Activists", "Journalists",
    "Reporters", "Judges", "Ministers", "Engineers", "Rescuers", "Firefighters", "Volunteers",
])
# Verbs of speaking after a sentence's first word: their subject is a person.
_SPOKE = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked",
                    "asks", "replied", "replies", "argued", "argues", "insisted", "insists"})
# Words that follow a gerund opening a sentence ("Spending on", "Reading from the").
_GERUND_FOLLOWERS = frozenset([
    "on", "of", "to", "for", "from", "in", "at", "with", "by", "the", "a", "an", "up", "out",
    "over", "into", "through", "under", "against", "across", "during", "after",
    # ("Reading or replaying the story ...", "Raising its rates ...")
    "or", "its", "their", "his", "her", "this", "these", "those", "our", "your", "them", "it",
])
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([a-z]+)")
_LINE_RE = re.compile(r"[^\n]+")
# Lowercase words that follow a name opening a sentence: verbs of news reporting and function
# words ("Costa said", "Lisbon is", "Reuters reported"; "-ed" forms are caught by their ending).
_AFTER_NAME = frozenset([
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "did", "does", "do", "also", "and", "or", "in", "on",
    "at", "to", "for", "with", "from", "by", "as", "who", "which", "that", "says", "said", "adds",
    "tells", "told", "writes", "wrote", "warns", "claims", "believes", "confirms", "argues",
    "notes", "insists", "reports", "denies", "announces", "states", "thinks", "hopes", "wants",
    "plans", "faces", "remains", "became", "becomes", "won", "wins", "lost", "loses", "made",
    "makes", "took", "takes", "gave", "gives", "met", "meets", "sent", "sends", "led", "leads",
    "went", "goes", "came", "comes", "got", "gets", "saw", "sees", "left", "leaves", "spoke",
    "speaks", "began", "begins", "held", "holds", "kept", "keeps", "knew", "knows", "put", "puts",
    "set", "sets", "ran", "runs", "stood", "stands", "fell", "falls", "rose", "rises", "paid",
    "pays", "brought", "brings", "sought", "seeks", "found", "finds", "not", "never", "now",
    "still", "then", "again", "already", "had", "being", "been", "himself", "herself", "itself",
    # irregular pasts and third-person verbs a company or place opens a sentence with
    "bought", "sold", "built", "struck", "hit", "cut", "paid", "spent", "drew", "threw", "shot",
    "fought", "caught", "brought", "chose", "bid", "beat", "broke", "lost", "took", "withdrew",
    "began", "overtook", "upheld", "withheld", "forecast", "buys", "sells", "builds", "acquires",
    "announces", "launches", "unveils", "cuts", "raises", "posts", "agrees", "rejects", "opens",
    "closes", "expects", "sues", "hires", "fires", "invests", "owns", "employs", "releases",
    "shut", "quit", "sank", "slid", "swung", "grew", "grows",
])
# Endings of abstract nouns ("Construction of the bridge", "Investment in ..."): a single word
# with one opening a sentence is read as a noun unless it is a name elsewhere in the text.
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ism", "ship")
# A sentence is title-case (a headline) when more than this share of its words is capitalised:
# ordinary news sentences run at 10-30 %, headlines and bylines at 80-100 %.
TITLE_CASE_SHARE = 0.6
TITLE_CASE_MIN_WORDS = 3
# Near-identical long words (typos, doubled letters) count as one spelling when rapidfuzz ratio
# reaches this (LIBRARIES.md: ratio >= 80) and the words are at least this long: on short words
# one letter is a different name (Mali/Bali).
WORD_RATIO_MIN = 80.0
WORD_RATIO_MIN_LEN = 6
# Phonetic and skeleton agreement also needs this much plain similarity: John/Jane share every
# code (ratio 50), while the variants seen in news (Hussein/Husayn, Gaddafi/Qadhafi) score >= 62.
PHONETIC_RATIO_MIN = 60.0
# Phonetic and skeleton rules only for words this long: "Ali"/"Eli" agree on every code.
FUZZY_MIN_LEN = 4

# Slot scores. diff.py calls a pair "changed" at >= 0.5 within aligned sentences, and pairs an
# added name with a name anywhere in the original at >= 0.7 (a garbled institute name). A shared
# head word with a similar rest is that case; two names of one known type (two countries) fill
# one slot in aligned sentences but must not reach 0.7 across the whole text.
SLOT_SAME_HEAD = 0.5
SLOT_SAME_HEAD_SPAN = 0.4
SLOT_SAME_TYPE = 0.6
SLOT_PERSON = 0.55
SLOT_OTHER_MAX = 0.6
# Two different names left over in aligned sentences are most often one name swapped for another
# (Paris -> London, Smith -> Jones): at least this much when their types agree or are unknown, so
# diff.py pairs sole leftovers (SOLE_SLOT_MIN 0.25) as a change; below SLOT_MIN, so that two
# unrelated names among several are not paired.
SLOT_UNKNOWN_MIN = 0.3
# When their type cues clash (a person against an organisation or a place), no more than this.
SLOT_CLASH = 0.1

# --- the alias table --------------------------------------------------------------------------


@dataclass(slots=True)
class _Aliases:
    """The loaded alias table: normalised form -> group id, group -> canonical form and type."""

    group_of: dict[str, int]
    canonical: list[str]
    kind: list[str]
    distinct: set[frozenset[str]]
    forms: list[list[str]]
    max_tokens: int = 1


_TABLE = _Aliases({}, [], [], set(), [])


def _add_table(data: dict[str, Any]) -> None:
    """Merge one parsed alias file into the table."""
    groups = data.get("groups", [])
    if not isinstance(groups, list):
        raise TypeError("alias file: 'groups' must be a list of {'names': [...], 'type': ...}")
    for group in groups:
        names = [str(n) for n in group.get("names", [])] if isinstance(group, dict) else []
        if not names:
            continue
        forms = [normalise(n) for n in names]
        # A form already known joins its group (extra files extend built-in groups).
        gid = next((_TABLE.group_of[f] for f in forms if f in _TABLE.group_of), None)
        if gid is None:
            gid = len(_TABLE.canonical)
            _TABLE.canonical.append(forms[0])
            _TABLE.kind.append(str(group.get("type", "")))
            _TABLE.forms.append([])
        for f in forms:
            if f and f not in _TABLE.group_of:
                _TABLE.forms[gid].append(f)
            if f:
                _TABLE.group_of[f] = gid
                _TABLE.max_tokens = max(_TABLE.max_tokens, len(f.split()))
    for pair in data.get("distinct", []) or []:
        if isinstance(pair, list) and len(pair) == 2:
            _TABLE.distinct.add(frozenset(normalise(str(p)) for p in pair))
    _clear_caches()


def load_aliases(path: str | os.PathLike[str]) -> None:
    """Add the alias groups and distinct pairs of a JSON file shaped like aliases.json.

    Args:
        path: a JSON file with ``{"groups": [{"names": [...], "type": "..."}], "distinct": [...]}``.

    Raises:
        OptionError: the file is missing, is not JSON, or is not shaped like aliases.json.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if not isinstance(data, dict):
            raise TypeError("the top level must be an object")
        _add_table(data)
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise OptionError(
            f"alias file {os.fspath(path)!r} cannot be used ({exc}); give a JSON file shaped "
            f'like retold/facts/aliases.json: {{"groups": [{{"names": ["...", "..."], '
            f'"type": "..."}}], "distinct": [["...", "..."]]}}'
        ) from exc


def _load_builtin() -> None:
    """Load aliases.json, then any files named in RETOLD_ALIASES (os.pathsep-separated)."""
    text = importlib.resources.files("retold.facts").joinpath("aliases.json").read_text("utf-8")
    _add_table(json.loads(text))
    for extra in filter(None, os.environ.get("RETOLD_ALIASES", "").split(os.pathsep)):
        try:
            load_aliases(extra)
        except OptionError as exc:
            # Warn, not raise: a bad environment variable must not break `import retold`.
            warnings.warn(f"RETOLD_ALIASES: {exc}", stacklevel=2)


def acronyms() -> frozenset[str]:
    """The alias table's acronyms ("US", "UK", "NATO", "FBI"): a group's one-word form made of
    its canonical name's initials, in capitals."""
    out: set[str] = set()
    for gid, group in enumerate(_TABLE.forms):
        initials = "".join(w[0] for w in normalise(_TABLE.canonical[gid]).split()
                           if w not in _CONNECTORS and w != "and")
        out.update(f.upper() for f in group if " " not in f and 2 <= len(f) <= 5
                   and initials.startswith(f) and len(f) >= len(initials) - 1)
    return frozenset(out)


def alias_group(name: str) -> tuple[str, str] | None:
    """Return (canonical form, type) of the alias group a name belongs to, or None."""
    gid = _TABLE.group_of.get(normalise(name))
    return None if gid is None else (_TABLE.canonical[gid], _TABLE.kind[gid])


# --- normalisation ----------------------------------------------------------------------------

# Marks an alias group among a name's words; normalise() strips it from input so no text can
# forge one.
_GROUP = "\x00"
_NORM_STRIP = re.compile(r"[.'\u2019\u02bc`\u00b4\x00]")
_NORM_SPACE = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011\u2012\u2013_/]+")


def _unaccented(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks ("é" -> "e")."""
    s = unicodedata.normalize("NFKD", text)
    if s.isascii():  # no ASCII character is a combining mark
        return s
    # Only the distinct characters are looked up: a whole article is read here.
    marks = {ord(c): None for c in set(s) if unicodedata.combining(c)}
    return s.translate(marks) if marks else s


@lru_cache(maxsize=16384)
def normalise(name: str) -> str:
    """Return the comparable form of a name: casefolded, no accents/dots/hyphens/articles."""
    s = _NORM_SPACE.sub(" ", _NORM_STRIP.sub("", _unaccented(name).casefold()))
    tokens = s.split()
    # A leading article is not part of the name: "the Hague", "al-Rashidi" vs "Rashidi".
    while len(tokens) > 1 and tokens[0] in ("the", "al", "el"):
        tokens.pop(0)
    # A generation's suffix in full is its abbreviation: "Reyes Junior" is "Reyes Jr".
    if len(tokens) > 1 and tokens[-1] in _GENERATIONS:
        tokens[-1] = _GENERATIONS[tokens[-1]]
    # Drop inner Arabic articles too, but keep "bin"/"of": they separate parts of the name.
    return " ".join(t for t in tokens if t not in ("al", "el", "ad", "adh", "ash", "az", "ul"))


_GENERATIONS = {"junior": "jr", "senior": "sr"}


def _alias_runs(words: list[str]) -> Iterator[tuple[int | None, str]]:
    """Split normalised words into alias phrases, longest first, and other words:
    ``(group id, phrase)`` or ``(None, word)``. "united states army" -> (group, ...), (None, "army").
    """
    i = 0
    while i < len(words):
        for n in range(min(_TABLE.max_tokens, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            gid = _TABLE.group_of.get(phrase)
            if gid is not None:
                yield gid, phrase
                i += n
                break
        else:
            yield None, words[i]
            i += 1


@lru_cache(maxsize=16384)
def _tokens(name: str) -> tuple[str, ...]:
    """Return a name's comparable words: alias phrases as group tokens, connectors dropped."""
    return tuple(f"{_GROUP}{gid}" if gid is not None else word
                 for gid, word in _alias_runs(normalise(name).split())
                 if gid is not None or word not in _DROP_TOKENS)


_SKELETON_RULES = (
    ("tsch", "x"), ("tch", "x"), ("sch", "x"), ("kh", "h"), ("gh", "g"), ("ph", "f"),
    ("ch", "x"), ("sh", "x"), ("zh", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"),
)
_VOWELS_RE = re.compile(r"[aeiouy]+")
_DOUBLE_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=16384)
def _skeletons(word: str) -> frozenset[str]:
    """Consonant skeletons of a romanised word (dh may be z or d, th may be s or t)."""
    w = re.sub(r"(?<=[aeiou])h$", "", word)  # Fallujah/Falluja
    for a, b in _SKELETON_RULES:
        w = w.replace(a, b)
    out = set()
    for dh in ("z", "d"):
        for th in ("s", "t"):
            s = w.replace("dh", dh).replace("th", th)
            out.add(_DOUBLE_RE.sub(r"\1", _VOWELS_RE.sub("", s)))
    return frozenset(out)


@lru_cache(maxsize=16384)
def _metaphone(word: str) -> frozenset[str]:
    """Double Metaphone codes of a word (primary and alternate, empties dropped)."""
    return frozenset(c for c in doublemetaphone(word) if len(c) >= 2)


# Diphthongs whose second letter is a consonant (a glide, y) in romanised Arabic and Persian:
# Husayn / Hussein / Hossein keep it, Hassan / Hasan have a plain vowel there. "aw" needs no rule
# (w is a consonant in the skeleton); "ou" is left out on purpose: it is the French spelling of
# the vowel u (Netanyahou, Youssef, Rouhani), not a glide.
_GLIDE_RE = re.compile(r"[ae][iy]")
_GROUPS_RE = re.compile(r"[aeiouy]+|[^aeiouy]+")


@lru_cache(maxsize=16384)
def _vowel_slots(word: str) -> dict[int, str]:
    """The vowel runs of a word, keyed by how many consonant groups come before each one."""
    w = re.sub(r"(?<=[aeiou])h$", "", word)
    for a, b in _SKELETON_RULES:
        w = w.replace(a, b)
    w = _DOUBLE_RE.sub(r"\1", w.replace("dh", "d").replace("th", "t"))
    slots: dict[int, str] = {}
    consonants = 0
    for g in _GROUPS_RE.findall(w):
        if g[0] in "aeiouy":
            slots[consonants] = g
        else:
            consonants += 1
    return slots


def _glide_clash(a: str, b: str) -> bool:
    """True when one word has a y-diphthong where the other has only a, o or u (Hasan/Husayn).

    Matching an i or e there is a spelling (Said/Saeed, Neil/Neal), and so is a diphthong on both
    sides (Hussein/Husayn, Zeid/Zayd).
    """
    sa, sb = _vowel_slots(a), _vowel_slots(b)
    for k in sa.keys() & sb.keys():
        x, y = sa[k], sb[k]
        gx, gy = bool(_GLIDE_RE.search(x)), bool(_GLIDE_RE.search(y))
        if gx == gy:
            continue
        plain = y if gx else x
        if plain and not any(c in "eiy" for c in plain):
            return True
    return False


def _ends_in_a(word: str) -> bool:
    """True when a word ends in -a/-ah (the ending that turns George into Georgia)."""
    return word.endswith(("a", "ah"))


@lru_cache(maxsize=65536)
def _word_match(a: str, b: str) -> int:
    """Compare two normalised words: 0 different, 1 equal, 2 the same word spelled differently."""
    if a == b:
        return 1
    if a.startswith(_GROUP) and b.startswith(_GROUP):
        return 0  # two different alias groups
    if a.startswith(_GROUP) or b.startswith(_GROUP):
        # A known name against an unknown word: the word may be a spelling of one of the
        # group's one-word forms ("Afganistan"), never a match by alias alone.
        group, word = (a, b) if a.startswith(_GROUP) else (b, a)
        forms = _TABLE.forms[int(group[1:])]
        if any(frozenset((f, word)) in _TABLE.distinct for f in forms):
            return 0
        return 2 if any(_word_match(f, word) for f in forms if " " not in f) else 0
    if frozenset((a, b)) in _TABLE.distinct:
        return 0
    if len(a) < FUZZY_MIN_LEN or len(b) < FUZZY_MIN_LEN:
        return 0
    if _DIGITS_RE.findall(a) != _DIGITS_RE.findall(b):
        return 0  # a model or a series number is no spelling: A320 / A380, H1N1 / H5N1
    # Two words of the dictionary are never one name spelled two ways; asked only of a pair
    # that would otherwise match, as most pairs do not and the test costs WordNet lookups.
    return 2 if _spelling_match(a, b) and not _two_words(a, b) and not _two_names(a, b) else 0


def _spelling_match(a: str, b: str) -> bool:
    """True when two different normalised words (neither an alias group, both long enough)
    read as one name spelled two ways."""
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and long_[len(short):] in NISBA_SUFFIXES:
        return False
    if _ends_in_a(a) != _ends_in_a(b):
        return False
    if len(short) >= WORD_RATIO_MIN_LEN and a[0] == b[0] and OSA.distance(a, b) <= 1 \
            and long_ != short + "s":
        return True  # one letter left out, added or swapped: Torvald / Torvlad, Portgual
    if _glide_clash(a, b):
        return False  # Hassan / Hussein: a vowel against a diphthong is another name
    similar = ratio(a, b)
    if similar >= PHONETIC_RATIO_MIN and (_metaphone(a) & _metaphone(b)
                                         or _skeletons(a) & _skeletons(b)):
        return True
    return (
        len(short) >= WORD_RATIO_MIN_LEN
        and a[0] == b[0]
        and similar >= WORD_RATIO_MIN
        and any(len(x) == len(y) and Levenshtein.distance(x, y) <= 1
                for x in _skeletons(a) for y in _skeletons(b))
    )


_DIGITS_RE = re.compile(r"\d+")


def _two_words(a: str, b: str) -> bool:
    """Two common words of the dictionary, neither a form nor a synonym of the other ("apple"
    / "apply"): a letter apart, they are still two words, not one name spelled two ways. A
    word WordNet knows only as a name ("mohamed") may be a spelling of another."""
    la, lb = lexicon.lemmas(a), lexicon.lemmas(b)
    if not la or not lb or lexicon.proper_noun(a) or lexicon.proper_noun(b):
        return False
    return not {x for x, _p in la} & {x for x, _p in lb} and b not in lexicon.synonyms(a)


# The census's given names, read on first use: a process-wide table like the alias table (not
# a functools cache: it holds no result of any comparison).
_GIVEN: list[dict[str, str]] = []


def sex_of(name: str) -> str | None:
    """"M" or "F" for a person's name whose first word the census gives mostly to men or to
    women ("Anna Moreau": F), else None."""
    first = name.split()[0].casefold() if name.split() else ""
    sex = _given_names().get(first)
    return sex if sex in ("M", "F") else None


def is_given_name(word: str) -> bool:
    """True for a word the census gives as a first name ("Lena", "sam")."""
    return word.casefold() in _given_names()


def _given_names() -> dict[str, str]:
    """The census's given names (lower case) and the sex each is mostly given to: M, F or B."""
    if not _GIVEN:
        try:
            text = importlib.resources.files("retold.facts").joinpath(
                "given_names.txt").read_text("utf-8")
        except OSError:
            text = ""  # (a trimmed install: the check stays silent, as without WordNet)
        _GIVEN.append(dict(line.split() for line in text.splitlines()
                           if line and not line.startswith("#")))
    return _GIVEN[0]


# What a given name's spelling may vary in and still sound the same (Stephen / Steven, Lisa /
# Liza, Catherine / Katherine, Gerald / Jerald, Roger / Rodger, Lawrence / Laurence, Jonathan /
# Johnathan, Herschel / Hershel, Mackenzie / McKenzie, Sara / Sarah, Dorothy / Dorthy), in order.
_SAME_SOUND = (("sch", "sh"), ("dg", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("z", "s"),
               ("v", "f"))
_SOFT_RE = re.compile(r"[cg](?=[eiy])")
_MC_RE = re.compile(r"^mc(?=[^aeiou])")
_W_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])w")
# an h after a consonant (th, sh, kh), or after a vowel and not before one (Johnathan, Sarah)
_H_RE = re.compile(r"(?<=[^aeiou])h|(?<=[aeiou])h(?![aeiou])")
_VOWEL_RE = re.compile(r"[aeiou]")
_VOWELS_RUN_RE = re.compile(r"[aeiou]+")
# The first vowel as two letters often write it (Frieda / Freda, Reuben / Ruben, Louisa / Luisa,
# Phoebe / Phebe); any other run is read by its first letter (Jean / Joan, Dean / Dan differ).
_VOWEL_PAIRS = {"ie": "e", "ei": "e", "ee": "e", "oe": "e", "ae": "e", "eu": "u", "ou": "u",
                "oo": "u", "ui": "u", "ue": "u"}
# What WordNet calls a place a name may be an instance of (a city, not a person who shares
# its spelling).
_PLACES = frozenset({"city", "town", "village", "municipality", "country", "province",
                     "region", "island", "river", "lake", "mountain", "peninsula", "port",
                     "capital", "administrative_district"})


def _sound(word: str) -> str:
    """A given name with letters of one sound written one way (c, k; s, z; i, y; f, ph, v; a
    soft g, j; a silent h or d; w after a vowel, u). Not `_skeletons`, which writes the
    letters of romanised Arabic one way: "ch" is a "sh" there, a "k" in Christopher."""
    w = _MC_RE.sub("mac", word)
    for x, y in _SAME_SOUND:
        w = w.replace(x, y)
    w = _SOFT_RE.sub(lambda m: "s" if m.group() == "c" else "j", w).replace("c", "k")
    w = w[:1] + _W_AFTER_VOWEL_RE.sub("u", w[1:].replace("y", "i"))
    return _DOUBLE_RE.sub(r"\1", _H_RE.sub("", w))


def _first_vowel(sound: str) -> str:
    run = _VOWELS_RUN_RE.search(sound)
    return "" if run is None else _VOWEL_PAIRS.get(run.group()[:2], run.group()[0])


def _two_names(a: str, b: str) -> bool:
    """Two names the phonetic rules would merge that are known to be different names.

    Two given names of the census list are one name only where they sound alike letter by
    letter: the same consonants, in the same order, and the same first vowel (Steven /
    Stephen, Karen / Karin); not Lena / Lana, Mandy / Mindy, Marina / Marisa, nor a man's
    name against a woman's (John / Joan, Daniel / Danielle). The phonetic codes were made for
    romanised names (Hussein / Husayn), where the vowels are the transliterator's choice; in a
    given name the list knows, a vowel or a consonant is the name. Two places WordNet knows
    only as names, in no shared sense, are two places (Monterey / Monterrey); a surname WordNet
    knows of two people (Thompson / Thomson) is left to the spelling rules.
    """
    given = _given_names()
    sex_a, sex_b = given.get(a), given.get(b)
    if sex_a is not None and sex_b is not None:
        if {sex_a, sex_b} == {"M", "F"}:
            return True
        sa, sb = _sound(a), _sound(b)
        return _VOWEL_RE.sub("", sa) != _VOWEL_RE.sub("", sb) or _first_vowel(
            sa) != _first_vowel(sb)
    if sex_a is not None or sex_b is not None:
        return False
    return (lexicon.proper_noun(a) and lexicon.proper_noun(b) and b not in lexicon.synonyms(a)
            and bool(lexicon.broader(a) & _PLACES) and bool(lexicon.broader(b) & _PLACES))


def _modified_acronym(surface: str, short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """One word both names open with, then letters that spell the rest of the other ("US
    CDC" / "US Centers for Disease Control and Prevention")."""
    words = surface.split()
    return len(short) == 2 == len(words) and len(long_) > 2 and short[0] == long_[0] and \
        _acronym_of(words[1], long_[1:], " ".join(long_[1:]))


def _initial_match(a: str, b: str) -> bool:
    """True when one word is the initial of the other (J / John)."""
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@lru_cache(maxsize=65536)
def _match(a: str, b: str) -> int:
    """Compare two names: 0 different, 1 the same name, 2 the same name spelled differently."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0
    if na == nb:
        return 1
    ga, gb = _TABLE.group_of.get(na), _TABLE.group_of.get(nb)
    if ga is not None and gb is not None:
        return 1 if ga == gb else 0
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0
    if ta == tb:
        return 1
    if _acronym_of(a, tb, nb) or _acronym_of(b, ta, na):
        return 1
    if _modified_acronym(a, ta, tb) or _modified_acronym(b, tb, ta):
        return 1
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == len(long_):
        # The same words of an organisation or a longer name in another order ("Tamil
        # Brigade" / "Brigade Tamil"): one name, as transliterations and translations order it
        # (two words of a person's name are not: "Paul Simon" is no "Simon Paul")
        reordered = sorted(short) == sorted(long_) and (
            len(short) >= 3 or any(t in GENERIC_HEADS for t in short))
        return _match_in_order(short, long_) or (2 if reordered else 0)
    if all(t in GENERIC_HEADS for t in short):
        return 0
    if long_[-1][:1].isdigit() and len(long_) == len(short) + 1:
        # A brand without its model number ("PlayStation" / "PlayStation 5"): a short form,
        # as a surname is of a full name
        return _match_in_order(short, long_[:-1])
    # Short form of a person or place: the last words agree ("Rashidi", "George Bush").
    level = _match_in_order(short, long_, anchor_last=True)
    if level:
        extra = _unmatched(short, long_)
        if extra and all(t in COMPASS for t in extra):
            return 0  # "Sudan" is not short for "South Sudan"
        return level
    # Short form of an organisation: the name without its head ("Brookings" / "Brookings
    # Institution"), unless the short form is a known country or group ("German" / "German Army").
    if long_[-1] in GENERIC_HEADS and long_[-1] not in MASTHEAD_HEADS \
            and not any(t.startswith(_GROUP) for t in short):
        return _match_in_order(short, long_[: len(short)])
    # A company's registered name and its brand: "Spotify Technology SA" / "Spotify",
    # "Samsung Electronics" / "Samsung".
    if (long_[-1] in LEGAL_FORMS or long_[-1] in _BUSINESS_HEADS and not _known_place(
            " ".join(short))) and not any(t.startswith(_GROUP) for t in short):
        # ("Uganda" is no short form of "Uganda Airways": a country)
        return _match_in_order(short, long_[: len(short)])
    return 0


def _acronym_of(surface: str, other: tuple[str, ...], other_norm: str = "") -> bool:
    """True when an acronym spells the initials of the other name's words.

    Written in capitals ("PMF"), or in mixed case with the connectors' initials in lower case
    ("MoD" for "Ministry of Defence").
    """
    letters = surface.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha()) or len(other) < 2:
        return False
    if letters.isupper() and other_norm and letters.casefold() in _initials(other_norm):
        return True  # "AFP" / "Agence France-Presse", "AKP" / "AK Party"
    if any(t.startswith(_GROUP) for t in other):
        return False
    if letters.isupper():
        return "".join(t[0] for t in other) == letters.casefold()
    if not (letters[0].isupper() and sum(c.isupper() for c in letters) >= 2):
        return False
    words = other_norm.split()
    return len(words) == len(letters) and "".join(w[0] for w in words) == letters.casefold()


def _initials(norm: str) -> frozenset[str]:
    """What an acronym in capitals may spell of a normalised name of two words or more: the
    initials of its words ("agence france presse": afp; a hyphen's halves are words there)
    but its connectors ("bureau of labor statistics": bls), and with a short word whole, an
    acronym itself ("ak party": akp)."""
    words = [w for w in norm.split() if w not in _DROP_TOKENS and w not in _LETTERLESS]
    if len(words) < 2:
        return frozenset()
    out = {"".join(w[0] for w in words)}
    # an institution's letters may leave out a field its name later added after "and" ("CDC"
    # for the "Centers for Disease Control and Prevention")
    # (three letters at least: "DH" is no "Department of Health and Human Services")
    head, sep, _field = norm.rpartition(" and ")
    if sep and len(before := [w for w in head.split()
                              if w not in _DROP_TOKENS and w not in _LETTERLESS]) >= 3:
        out.add("".join(w[0] for w in before))
    if any(len(w) <= SHORT_WORD_WHOLE for w in words):
        whole = "".join(w if len(w) <= SHORT_WORD_WHOLE else w[0] for w in words)
        if whole not in _TABLE.group_of:
            # (not where the letters spell another name: "US Army" is no "USA"; "US
            # Geological Survey" is the "USGS")
            out.add(whole)
    return frozenset(out)


SHORT_WORD_WHOLE = 2  # ("AK" in "AK Party" is an acronym of its own; "Li" in "Li Na" too)
# Small words an institution's letters leave out besides the connectors ("Food and Drug
# Administration": FDA, "Centers for Disease Control": CDC)
_LETTERLESS = frozenset({"and", "for", "on", "in", "to", "&"})


def _match_in_order(short: tuple[str, ...], long_: tuple[str, ...], *,
                    anchor_last: bool = False) -> int:
    """Match the words of ``short`` to words of ``long_`` in order; the lasts must match."""
    if anchor_last:
        last = _word_match(short[-1], long_[-1])
        if not last:
            return 0
        level, j = last, 0
        first = -1
        for word in short[:-1]:
            while j < len(long_) - 1:
                m = _word_match(word, long_[j]) or (1 if _initial_match(word, long_[j]) else 0)
                j += 1
                if m:
                    level = max(level, m)
                    first = j - 1 if first < 0 else first
                    break
            else:
                return 0
        # Both sides give middle names or initials and the longer has one the shorter lacks:
        # George W. Bush is not George H. W. Bush (a side without middle names is a short form).
        if len(short) >= 3 and len(long_) - 1 - first > len(short) - 1:
            return 0
        return level
    level = 1
    for x, y in zip(short, long_):
        m = _word_match(x, y) or (1 if _initial_match(x, y) else 0)
        if not m:
            return 0
        level = max(level, m)
    return level


def _unmatched(short: tuple[str, ...], long_: tuple[str, ...]) -> list[str]:
    """Return the words of ``long_`` not equal-or-variant to any word of ``short``."""
    return [w for w in long_ if not any(_word_match(w, s) for s in short)]


def same_name(a: str, b: str) -> bool:
    """True when two strings name the same person, organisation or place.

    Examples:
        >>> same_name("Muammar Gaddafi", "Qadhafi")
        True
        >>> same_name("Austria", "Australia")
        False
    """
    return _match(a, b) > 0


Keys = frozenset[tuple[Any, ...]]


@lru_cache(maxsize=65536)
def match_keys(name: str) -> tuple[Keys, Keys]:
    """Blocking keys of a name: ``(index, probe)``, so that a long text's names need not all
    be compared with each other.

    Whenever ``same_name(a, b)``, ``probe(a)`` meets ``index(b)``: each way _match can say
    yes leaves a trace here (the same normalised form or alias group, an acronym and its
    initials, or a first or last word alike, exactly or by the phonetic, skeleton or
    one-letter-off rules of _word_match, or as an initial). A test holds the two in step.
    """
    norm = normalise(name)
    if not norm:
        return frozenset(), frozenset()
    index: set[tuple[Any, ...]] = {("n", norm)}
    probe: set[tuple[Any, ...]] = {("n", norm)}
    gid = _TABLE.group_of.get(norm)
    if gid is not None:
        index.add(("g", str(gid)))
        probe.add(("g", str(gid)))
    toks = _tokens(name)
    if not toks:
        return frozenset(index), frozenset(probe)
    letters = name.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha():  # may be an acronym of another name
        index.add(("acronym", letters.casefold()))
        probe.add(("initials", letters.casefold()))
    if len(toks) >= 2:  # the same words in another order ("Fire Protection Bureau")
        index.add(("sorted", tuple(sorted(toks))))
        probe.add(("sorted", tuple(sorted(toks))))
    if len(toks) >= 2:  # may be spelled out by an acronym
        for initials in ("".join(t[0] for t in toks), "".join(w[0] for w in norm.split()),
                         *_initials(norm)):
            index.add(("initials", initials))
            probe.add(("acronym", initials))
    for label, tok in (("first", toks[0]), ("last", toks[-1])):
        word_index, word_probe = _word_keys(tok)
        # (keys only meet or not: a word's keys are paired with the label, not copied into it)
        index.update(zip(repeat(label), word_index))
        probe.update(zip(repeat(label), word_probe))
    return frozenset(index), frozenset(probe)


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[Keys, Keys]:
    """(index, probe) keys of one word: _word_match or _initial_match says yes only if they meet."""
    same: set[tuple[str, ...]] = {("w", word)}
    if word.startswith(_GROUP):  # an alias group matches a spelling of its one-word forms
        for form in _TABLE.forms[int(word[1:])]:
            if " " not in form:
                same.add(("w", form))
                same.update(_fuzzy_keys(form))
    else:
        same.update(_fuzzy_keys(word))
    index, probe = set(same), set(same)
    if len(word) == 1:  # an initial: J / John
        index.add(("initial", word))
        probe.add(("starts", word))
    elif not word.startswith(_GROUP):
        index.add(("starts", word[0]))
        probe.add(("initial", word[0]))
    return frozenset(index), frozenset(probe)


def _fuzzy_keys(word: str) -> set[tuple[str, ...]]:
    """Keys of _word_match's spelling rules: a shared Double Metaphone code or skeleton,
    skeletons of one length one letter apart under the same first letter, or a shared
    one-letter deletion of the word."""
    if len(word) < FUZZY_MIN_LEN:
        return set()
    keys: set[tuple[str, ...]] = {("m", c) for c in _metaphone(word)}
    if len(word) >= WORD_RATIO_MIN_LEN - 1:
        # one letter out, in or swapped (OSA distance 1): the words share a deletion
        keys.add(("d", word))
        keys.update(("d", word[:p] + word[p + 1 :]) for p in range(len(word)))
    for sk in _skeletons(word):
        keys.add(("s", sk))
        keys.update(("h", word[0], sk[:p] + "?" + sk[p + 1 :]) for p in range(len(sk)))
    return keys


_PLAIN_SPLIT = re.compile(r"[\W_]+")
_ARTICLES = frozenset({"al", "el", "ad", "adh", "ash", "az", "ul"})
# Alias forms this short are common words in lower case (us, is, it, un): they count as a mention
# only when written in capitals, as an acronym.
_SHORT_FORM = 3


@lru_cache(maxsize=64)
def _plain(text: str) -> str:
    """Return a text as normalise() treats names (casefolded, no accents, dots or articles),
    with single spaces and a space at either end, so forms can be found on word boundaries."""
    s = _NORM_STRIP.sub("", _unaccented(text).casefold())
    words = [w for w in _PLAIN_SPLIT.split(s) if w and w not in _ARTICLES]
    return " " + " ".join(words) + " "



# Texts at least this long are first checked for the words a mention needs (a set lookup),
# and the pattern is then run only around the places of the rarest of them: a long text's
# names are looked up one by one, and a scan of the whole text for each would cost its length
# times its names.
_WORD_CHECK_CHARS = 20_000


@lru_cache(maxsize=64)
def _plain_words(text: str) -> dict[str, list[int]]:
    """Where each word of ``_plain(text)`` starts in it."""
    places: dict[str, list[int]] = {}
    at = 0
    for word in _plain(text).split(" "):
        places.setdefault(word, []).append(at)
        at += len(word) + 1
    return places


@lru_cache(maxsize=4096)
def _mention_patterns(name: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                          tuple[frozenset[str], ...]]:
    """Return (a pattern over _plain text, a pattern over the raw text for short acronyms,
    the words each alternative of the first needs in the _plain text)."""
    norm = normalise(name)
    words = norm.split()
    if not words:
        return None, None, ()
    gid = _TABLE.group_of.get(norm)
    forms = set(_TABLE.forms[gid]) | {norm} if gid is not None else {norm}
    short = {f for f in forms if " " not in f and len(f) <= _SHORT_FORM}
    alternatives = [re.escape(f) for f in sorted(forms - short, key=len, reverse=True)]
    if gid is None and len(words) > 1:
        # A name holding an alias phrase: "U.S. Marines" is mentioned as "american marines".
        parts = [re.escape(word) if g is None else "(?:" + "|".join(
                     re.escape(f) for f in sorted(_TABLE.forms[g], key=len, reverse=True)) + ")"
                 for g, word in _alias_runs(words)]
        alternatives.insert(0, " ".join(parts))
    plain = re.compile(" (?:" + "|".join(alternatives) + ") ") if alternatives else None
    # " form " matches only where each of its words is a word of the _plain text; the alias
    # phrase's other words likewise.
    needs = [frozenset(f.split(" ")) for f in forms - short]
    if gid is None and len(words) > 1:
        needs.append(frozenset(word for g, word in _alias_runs(words) if g is None))
    raw = None
    if short:
        acronyms = ["\\.?".join(re.escape(c) for c in f.upper()) for f in sorted(short)]
        raw = re.compile(r"(?<![^\W_])(?:" + "|".join(acronyms) + r")\.?(?![^\W_])")
    return plain, raw, tuple(needs)


def mentioned(name: str, text: str) -> bool:
    """True when ``name`` or an alias of it occurs in ``text``, case aside, on word boundaries.

    "Covid-19" is mentioned in "the coronavirus pandemic" (one alias group), "Islamic State" in
    "isis", "U.S. Marines" in "american marines". Forms of three letters or fewer (US, IS, UN)
    must be written in capitals: in lower case they are ordinary words.

    Examples:
        >>> mentioned("Covid-19", "the coronavirus pandemic")
        True
        >>> mentioned("United States", "they told us")
        False
    """
    plain, raw, needs = _mention_patterns(name)
    if plain is not None and (plain.search(_plain(text)) if len(text) < _WORD_CHECK_CHARS
                              else _search_near(plain, needs, text)):
        return True
    return raw is not None and raw.search(text) is not None


def _search_near(pattern: re.Pattern[str], needs: tuple[frozenset[str], ...], text: str) -> bool:
    """``pattern.search(_plain(text))``, run only where it can match: each alternative needs
    all its words (``needs``), so a match holds the place of the rarest of them, and lies
    within the pattern's length of it (a literal alternative is no longer than its source)."""
    places, plain = _plain_words(text), _plain(text)
    reach = len(pattern.pattern)
    for need in needs:
        if not need:  # an alternative of aliases alone: any place may hold it
            return pattern.search(plain) is not None
        if not all(w in places for w in need):
            continue
        rarest = min(need, key=lambda w: (len(places[w]), w))
        if any(pattern.search(plain, max(0, at - reach), at + len(rarest) + reach)
               for at in places[rarest]):
            return True
    return False


def name_variant(a: str, b: str) -> bool:
    """True when two strings are the same name spelled differently (Zelensky / Zelenskyy).

    A short form ("Rashidi" for "Omar al-Rashidi"), an alias ("UN" / "United Nations") or
    a difference of case, dots or articles is the same name but not a spelling variant.
    """
    return _match(a, b) == 2


# --- extraction -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name found in a text: offsets, the text and its type cue."""

    start: int
    end: int
    text: str
    role: str = ""
    sentence_start: bool = False


_OPENERS = "\"'“‘«„‚‹([{*—–-|•"
_SENTENCE_END = ".!?…:;\n"
_QUOTE_OPENERS = "\"“‘«„‚‹(["


def _at_sentence_start(text: str, start: int, starts: frozenset[int]) -> bool:
    """True when ``start`` begins a sentence (only openers or whitespace before it)."""
    if start in starts:
        return True
    i = start - 1
    quoted = False
    while i >= 0 and (text[i] in _OPENERS or text[i] in " \t\u00a0\u202f\r"):
        quoted = quoted or text[i] in _QUOTE_OPENERS
        i -= 1
    # A word right after an opening quote or bracket is capitalised for the quote, not the name.
    return i < 0 or text[i] in _SENTENCE_END or quoted


_Token = tuple[int, int, str]  # start, end, text
_RawSpan = tuple[int, int, list[_Token], bool]  # start, end, words, had a title before it


# A handle as accounts write them: words run together ("GovPortugal"), or with "_" or digits
_HANDLE_RE = re.compile(r"[A-Za-z]+(?:[A-Z_0-9])\w*")


def _raw_spans(text: str, starts: frozenset[int], lower_words: frozenset[str]) -> list[_RawSpan]:
    """Return capitalised spans as (start, end, tokens, had_title), boundary words stripped."""
    out = []
    for m in _SPAN_RE.finditer(text):
        base, group = m.start(), m.group()
        if base and (text[base - 1] == "#" or text[base - 1] == "@" and _HANDLE_RE.match(
                text, base)):
            # a hashtag or an account's handle ("#ClimateAction", "@GovPortugal", "@ap_news"):
            # a label (a word after "@" is still a name: Marie Claire's supplement "@Work")
            continue
        if _HAS_SPACE.search(group) is None:  # one word, most spans: skip the tokeniser
            if _not_a_name_token(text, m.start(), m.end()):
                continue
            out.extend(_strip_span(text, [(base, m.end(), group)], starts, lower_words))
            continue
        toks = [(base + t.start(), base + t.end(), t.group()) for t in _TOKEN_RE.finditer(group)]
        # A capitalised "The" inside a run starts another name: a heading glued to the
        # sentence after it ("Military Parade The Italian Bersaglieri"). So does a job title
        # after a word that is not one ("Apple CEO Tim Cook", "Labour MP Ed Balls"): the
        # words before it are the employer or party, the title is no name.
        cuts = [k for k, t in enumerate(toks) if k and (t[2] == "The" or _title_cut(toks, k)
                                                       or _holder_after_office(toks, k))]
        for lo, hi in zip([0, *cuts], [*cuts, len(toks)]):
            piece = toks[lo:hi]
            if hi < len(toks) and _title_cut(toks, hi) and len(piece) == 1 and (
                    _adjective_only(piece[0][2]) or _portfolio(piece[0][2], toks[hi][2])):
                # "Managing Director", "Creative Director": a title, no employer; "Transport
                # Minister", "Health Secretary": the office's field, no name
                continue
            if hi < len(toks) and _holder_after_office(toks, hi):
                continue  # "Director of National Intelligence": the office, no name
            stripped = _strip_span(text, piece, starts, lower_words)
            if lo and _holder_after_office(toks, lo):
                # the office before the name titles the person: "Daniel Coats" is a person
                stripped = [(a, b, t, True) for a, b, t, _titled in stripped]
            out.extend(stripped)
    return out


# Titles that may stand inside a name ("Burger King", "Stephen King", "General Motors",
# "Chief Keef"): a run is never cut before them.
_NAME_TITLES = frozenset({"King", "Queen", "Prince", "Princess", "Lord", "Lady", "Sir", "Dame",
                          "Pope", "Father", "Judge", "Justice", "General", "Major", "Field",
                          "Crown", "Late", "Marshal", "Chief", "Captain", "Former", "Acting"})


def _title_cut(toks: list[_Token], k: int) -> bool:
    """True when a job title starts at ``toks[k]`` after a word that is neither a title nor a
    connector ("Apple | CEO Tim Cook"; not "Foreign | Minister", "Secretary of | State")."""
    word, before = toks[k][2].rstrip("."), toks[k - 1][2]
    after = toks[k + 1][2] if k + 1 < len(toks) else ""
    # an executive's title opens here ("Goldman Sachs | Chief Financial Officer Jane Doe",
    # "NHS England | Medical Director"), though "Chief" alone may be a name's ("Chief Keef")
    opens = word in TITLES and (word not in _NAME_TITLES or after in _TITLE_MIDDLES) or (
        word in _TITLE_LEADS | _TITLE_MIDDLES and _office(after))
    return opens and before.rstrip(".") not in TITLES and before not in _CONNECTORS and \
        before not in _TITLE_LEADS and before not in _TITLE_MIDDLES


def _holder_after_office(toks: list[_Token], k: int) -> bool:
    """True when a person's name starts at ``toks[k]`` after an office of something ("Director
    of National Intelligence | Daniel Coats", "Secretary of State | Mike Pompeo"): a given name
    the census knows, a capitalised word after it, and a title and "of" before it."""
    return 3 <= k < len(toks) - 1 and toks[0][2].rstrip(".") in TITLES \
        and any(t[2] == "of" for t in toks[1:k]) and toks[k][2].casefold() in _given_names() \
        and toks[k - 1][2] not in _CONNECTORS and toks[k + 1][2][:1].isupper()


# Titles a government's field of work opens ("Transport Minister", "Health Secretary")
_PORTFOLIO_TITLES = frozenset({"Minister", "Secretary", "Ministry", "Commissioner", "Czar",
                               "Tsar", "Spokesman", "Spokeswoman", "Spokesperson"})


def _portfolio(word: str, title: str) -> bool:
    """True for a common noun WordNet knows, not a place or a known name, before a minister's
    title: the office's field ("Transport" in "Transport Minister Ana Ruiz")."""
    if title not in _PORTFOLIO_TITLES or not word[1:].islower() or not lexicon.available() \
            or lexicon.proper_noun(word) or alias_group(word) is not None or _known_place(word):
        return False
    return any(pos == "n" for _lemma, pos in lexicon.lemmas(word.casefold()))


def _adjective_only(word: str) -> bool:
    """True for a capitalised word WordNet knows only as an adjective or verb ("Managing")."""
    if not word[1:].islower() or not lexicon.available() or lexicon.proper_noun(word):
        return False
    found = lexicon.lemmas(word)
    return bool(found) and not any(pos == "n" for _lemma, pos in found)


_FISCAL_RE = re.compile(r"(?:Q[1-4]|H[12]|FY\d{0,4})")
# A US legislator's party and state ("R-Neb.", "D-N.Y.", "I-Vt."), written out as "Republican
# of Nebraska": a description of the person named before it, not another name.
_PARTY_STATE_RE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*|(?:Republican|Democrat|Independent)s? of .+")
# A party member after a place ("a Mississippi Republican", "Texas Democrats"): the place is
# the name; the rest says what the person is, as "R-Miss." does.
_PARTY_MEMBER = frozenset({"Republican", "Republicans", "Democrat", "Democrats"})
# Time zones ("1320 GMT", "3 p.m. ET").
TIME_ZONES = frozenset({
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST",
    "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST", "ET", "CT", "MT", "PT", "IST", "PKT", "JST",
    "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "WIB", "WITA", "WAT",
    "SAST"})
# A time restated in another zone, in brackets after the first ("9:20 pm (1320 GMT)",
# "around midnight (5 p.m. ET)"): its zone goes with it, and is kept as a name, so "(5 p.m.
# PT)" is another zone (as "9 a.m. EST" / "9 a.m. PST" is); an outlet that drops the
# restatement drops no name (``restated_zone``, read by compare).
_BRACKETED_TIME_BEFORE_RE = re.compile(
    r"\([^\S\n]*\d{1,2}(?:[:.]?\d{2})?(?:[^\S\n]*[AaPp]\.?[Mm]\.?)?[^\S\n]*$")


def restated_zone(text: str, start: int, end: int) -> bool:
    """The name at ``start``-``end`` is a time zone inside a bracketed restated time."""
    return text[start:end] in TIME_ZONES and _BRACKETED_TIME_BEFORE_RE.search(
        text, max(0, start - 16), start) is not None
# "AM" / "P.M." after a clock time ("at 4 AM", "10:30 PM"): a time of day, not a name.
_MERIDIEM_RE = re.compile(r"[AP]\.?M\.?")
_CLOCK_BEFORE_RE = re.compile(r"\d[^\S\n]*$")
# Contractions ("I'll", "We've", "Don't"): words, not names.
_CONTRACTION_RE = re.compile(r"[^\W\d_]+['’](?:ll|ve|re|d|m|t)", re.IGNORECASE)


# The country of a currency after an amount ("$1.9 billion US", "$26-billion U.S.", "$500 USD",
# "NZ$5" is the prefix case): part of the figure's unit, not a name of the story.
_MONEY_BEFORE_RE = re.compile(
    r"[$€£¥₹][^\S\n]*\d[\d.,]*(?:[^\S\n]*-?[^\S\n]*(?:thousand|million|billion|trillion|bn|mn|m|k))?"
    r"[^\S\n]+$", re.IGNORECASE)
# An era beside a year ("43 AD", "AD 900", "31 BCE", "CE 1000"): part of the date.
_ERA_RE = re.compile(r"A\.?D\.?|B\.?C\.?(?:E\.?)?|C\.?E\.?")
_DIGIT_BESIDE_BEFORE_RE = re.compile(r"\d[^\S\n]*$")
_DIGIT_AFTER_RE = re.compile(r"[^\S\n]*\d")


# A currency's letters glued to its amount ("Rs900", "Ksh50", "INR1,200"): an amount, no name
_CURRENCY_GLUED_RE = re.compile(r"(?:Rs|Rp|Tk|Ksh|Sh|USD|EUR|GBP|INR|PKR|NGN|KES|ZAR)\.?\d[\d,.]*")


def _not_a_name_token(text: str, start: int, end: int) -> bool:
    """A currency prefix ("US$2", "NZ $5") or the country after an amount ("$5 billion US"), a
    fiscal period ("Q2", "H1", "FY2020"), an era beside a year ("43 AD", "CE 1000") or the
    half of the day after a clock time ("4 AM", "11 P.M.")."""
    return text.startswith(("$", " $"), end) or _FISCAL_RE.fullmatch(text, start, end) is not None \
        or _CURRENCY_GLUED_RE.fullmatch(text, start, end) is not None \
        or len(set(text[start:end])) == 1 \
        or _CONTRACTION_RE.fullmatch(text, start, end) is not None \
        or (_MERIDIEM_RE.fullmatch(text, start, end) is not None
            and _CLOCK_BEFORE_RE.search(text, max(0, start - 8), start) is not None) \
        or (_is_acronym(text[start:end]) and len(text[start:end].replace(".", "")) <= 3
            and _MONEY_BEFORE_RE.search(text, max(0, start - 40), start) is not None) \
        or (_ERA_RE.fullmatch(text, start, end) is not None
            and (_DIGIT_BESIDE_BEFORE_RE.search(text, max(0, start - 4), start) is not None
                 or _DIGIT_AFTER_RE.match(text, end) is not None))


# A letter's or a chat's greeting before the name it greets ("Dear Ms Park,", "Hi Omar,"):
# not part of the name. Only as a salutation: at a sentence start, before a name that a
# comma, a colon, an exclamation mark or the line's end closes ("Hello Kitty sales" is a brand).
GREETINGS = frozenset({"Dear", "Dearest", "Hi", "Hello", "Hey", "Hiya", "Greetings"})
_SALUTED_RE = re.compile(r"[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]*[ \t]*(?:[,:!]|\n|$)")


def _greeting(text: str, tok: _Token, starts: frozenset[int]) -> bool:
    """``tok`` greets the name after it, as a letter or a chat opens."""
    return tok[2] in GREETINGS and _at_sentence_start(text, tok[0], starts) and \
        _SALUTED_RE.match(text, tok[1]) is not None


# Words of an executive's title between its title words ("Chief Operating Officer", "Chief
# Financial Officer"), and before one ("Group", "Current"): no names there, though no title
# either where they stand alone ("Financial Times", "Executive Council").
_TITLE_MIDDLES = frozenset({
    "Executive", "Operating", "Financial", "Technology", "Technical", "Information",
    "Marketing", "Commercial", "Legal", "Investment", "Compliance", "Communications",
    "Medical", "Scientific", "Security", "Digital", "Strategy", "Product", "People", "Data",
    "Revenue", "Risk", "Creative", "Content", "Administrative", "Human", "Resources",
})
_TITLE_LEADS = frozenset({"Current", "Group", "Interim", "Senior", "Global", "Joint"})


def _office(word: str) -> bool:
    """A title word that names an office ("Officer", "Director", "Chief"), not one that may
    stand in a name ("Data General", "Burger King")."""
    word = word.rstrip(".")
    return word in TITLES and (word not in _NAME_TITLES or word == "Chief")


# Adjectives that describe a person by rank or fate, opening a sentence before the name of
# their party, body or country ("Senior Congress leader", "Former Labour minister"): no part of
# the name. (A closed list: "Top Gear", "Local Government Association" are names.)
_DESCRIPTOR_LEADS = frozenset({"Senior", "Former", "Veteran", "Prominent", "Retired", "Jailed",
                               "Ousted", "Embattled", "Exiled", "Disgraced", "Outgoing",
                               "Incoming"})

# Heads of place names a title may open ("King County", "Queen Street", "Prince Island")
PLACE_HEADS = frozenset({"County", "Street", "St", "Road", "Avenue", "Square", "Park", "Island",
                         "Bridge", "Lane", "Hill", "Bay", "River", "Valley", "Station", "Hospital",
                         "District", "Place", "Gardens", "Terrace", "Way", "Drive", "Boulevard"})


def _strip_span(text: str, toks: list[_Token], starts: frozenset[int],
                lower_words: frozenset[str]) -> list[_RawSpan]:
    """Strip a run's boundary words (titles, function words, months): [] or one span."""
    had_title = after_connector = False
    while toks:
        word = toks[0][2]
        if word.rstrip(".") in TITLES and not (len(toks) > 1 and (
                toks[1][2] in PLACE_HEADS or toks[1][2].casefold() in INSTITUTION_HEADS)):
            # (a title before a place's head names the place: "King County", "Queen Street";
            # before an institution's, the institution: "the Interior Ministry")
            had_title = True
        elif word in _DESCRIPTOR_LEADS and len(toks) > 1 and \
                _at_sentence_start(text, toks[0][0], starts):
            pass  # "Senior Congress leader Om Vale": the party's name, capitalised for the sentence
        elif word in _TITLE_LEADS and len(toks) > 1 and _office(toks[1][2]):
            pass  # "Current Chief Operating Officer", "Group Chief Financial Officer"
        elif word in _TITLE_MIDDLES and (had_title or len(toks) > 1 and _office(toks[1][2])):
            pass  # the office a title names: "Chief Executive Officer", "Medical Director"
        elif had_title and after_connector and len(toks) > 2:
            pass  # the office of a title: "Secretary of State Jane Doe", "Minister of Health"
        elif not (word in STOP_WORDS or word in MONTHS_AND_DAYS or word in _CONNECTORS
                  or _common_initial(text, toks, starts, lower_words)
                  or _greeting(text, toks[0], starts)):
            break
        after_connector = word in _CONNECTORS
        toks.pop(0)
    while toks and (toks[-1][2] in STOP_WORDS or toks[-1][2] in _CONNECTORS
                    or toks[-1][2].rstrip(".") in MONTHS_AND_DAYS
                    or (len(toks) > 1 and toks[-1][2].rstrip(".,") in POST_NOMINALS)
                    or re.fullmatch(r".\.", toks[-1][2])):
        toks.pop()  # "State of Emergency April": the month is a date, not the name's
    if len(toks) > 1 and toks[-1][2] in _PARTY_MEMBER:
        toks.pop()  # "a Mississippi Republican": a state and a party member, not one name
    if not toks or _PARTY_STATE_RE.fullmatch(text, toks[0][0], toks[-1][1]):
        return []
    if len(toks) == 1:
        word = toks[0][2]
        if word in NON_NAME_SINGLES or len(word.replace(".", "")) < 2 or \
                _not_a_name_token(text, toks[0][0], toks[0][1]):
            return []
    model = _MODEL_NUMBER_RE.match(text, toks[-1][1])
    if model is not None and (_inner_capital(toks[-1][2])
                              or toks[-1][2].casefold() in IDENTIFIER_WORDS) and \
            _TOLD_BEFORE_RE.search(text, max(0, toks[0][0] - 20), toks[0][0]) is None and \
            not (len(toks) == 1 and LISTED_AFTER_FIGURE_RE.search(
                text, max(0, toks[0][1] - 60), toks[0][1])):
        # "PlayStation 5", "737 MAX 9", "Flight 370": the number after a brand or an
        # identifier's word is part of its name (the figures' extractor reads it as an
        # identifier, no count), so "PlayStation 4" is another name; not a party's count in a
        # list of figures ("42 wards, the BJP 29")
        toks = [*toks, (model.start(1), model.end(1), model.group(1))]
    return [(toks[0][0], toks[-1][1], toks, had_title)]


# A model or series number after a brand: one to four digits, maybe a letter, not a figure's
# start ("5%", "5.2", "5,000", "5-4", "5 per cent").
_MODEL_NUMBER_RE = re.compile(
    r"[ \t]+(\d{1,4}[A-Za-z]?)(?![\w.,:%/-]|[ \t]*(?:%|per[ \t]?cent|percent)\b)")


# ... but not after an outlet that was told something: "told CNN 5 people were hurt" is a count.
_TOLD_BEFORE_RE = re.compile(r"(?i)\b(?:told|tells|tell|informed|according[ \t]+to)[ \t]+$")


def _inner_capital(word: str) -> bool:
    """A capital after the first letter ("PlayStation", "MAX", "iPhone"): a brand or an acronym,
    as the figures' extractor reads the word before an identifier."""
    return any(c.isupper() for c in word[1:]) and word.replace(".", "").isalpha()


def _common_initial(text: str, toks: list[_Token], starts: frozenset[int],
                    lower_words: frozenset[str]) -> bool:
    """True when the first word is an ordinary word capitalised only to begin a sentence.

    That is a word found lowercase elsewhere in the text, or a common sentence-initial noun,
    standing alone or before a connector ("Members of Congress"): "Security Council" stays whole.
    """
    word = toks[0][2]
    if not _at_sentence_start(text, toks[0][0], starts):
        return False
    if len(toks) == 1 and _gerund_opening(text, toks[0], starts):
        return True
    if (len(toks) == 1 or len(toks) == 2 and toks[1][2].rstrip(".") in MONTHS_AND_DAYS) \
            and _labels_a_date(text, toks[0]):
        return True
    if _adverb_only(word):
        return True  # "Everywhere in France", "Afterwards Smith left"
    if word not in SENTENCE_INITIAL_COMMON and word.casefold() not in lower_words \
            and not (len(toks) == 1 and _plural_noun_opening(text, toks[0], starts)):
        return False
    return len(toks) == 1 or toks[1][2] in _CONNECTORS


def _adverb_only(word: str) -> bool:
    """A word WordNet reads only as an adverb, of place, direction or manner ("Everywhere",
    "Afterwards", "Reportedly"): no name ("Ever Given", "Forever 21" are)."""
    if not word.casefold().endswith(_ADVERB_ENDINGS):
        return False
    readings = lexicon.lemmas(word.casefold()) if lexicon.available() else ()
    return bool(readings) and all(pos == "r" for _l, pos in readings) and \
        not lexicon.name_sense(word)


_ADVERB_ENDINGS = ("where", "wards", "ward", "ly")


# A date right after a word: "Pay March 31", "Record March 13".
_DATE_NEXT_RE = re.compile(
    r"[ \t\u00a0]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"[ \t\u00a0]+\d")


def _labels_a_date(text: str, tok: _Token) -> bool:
    """True for a common word opening a line of a notice before its date ("Pay March 31",
    "Record March 13"): a label, where a name would be followed by what it did. WordNet must
    know the word, and not as a name."""
    word = tok[2]
    return bool(word[1:].islower() and _DATE_NEXT_RE.match(text, tok[1])
                and lexicon.available() and lexicon.lemmas(word)
                and not lexicon.proper_noun(word) and not lexicon.name_sense(word))


def _plural_noun_opening(text: str, tok: _Token, starts: frozenset[int]) -> bool:
    """True for a plural common noun opening a sentence ("Sales rose", "Profits fell"): a
    plural WordNet reads as a noun's and never as a name's, which the text never writes
    capitalised mid-sentence (where "Wells" or "Jobs" is a surname, the text names the
    person there too, "Ada Wells said")."""
    word = tok[2]
    low = word.casefold()
    if not (low.endswith("s") and not low.endswith("ss") and len(low) >= 4
            and word[1:].islower() and lexicon.available()) or lexicon.proper_noun(word):
        return False
    if not any(pos == "n" for _lemma, pos in lexicon.lemmas(word)):
        return False
    after = _NEXT_WORD.match(text, tok[1])
    if after is not None and after.group(1) in _SPOKE:
        return False  # "Sanders said": only a person speaks
    return all(_at_sentence_start(text, m.start(), starts)
               for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def _gerund_opening(text: str, tok: _Token, starts: frozenset[int]) -> bool:
    """True for "Spending on ..." opening a sentence: an -ing word before a preposition.

    Place names end in -ing too (Nanjing), so the word must also never appear capitalised
    mid-sentence in the text.
    """
    word = tok[2]
    if not (word.endswith("ing") and len(word) >= 6):
        return False
    after = _NEXT_WORD.match(text, tok[1])
    if after is None or after.group(1) not in _GERUND_FOLLOWERS:
        return False
    return all(_at_sentence_start(text, m.start(), starts)
               for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def _role(text: str, had_title: bool) -> str:
    """Return a type cue for a name: alias type, 'org:<head>', 'person' or ''."""
    group = alias_group(text)
    if group is not None:
        return group[1]
    tokens = normalise(text).split()
    if tokens and tokens[-1] in GENERIC_HEADS:
        return f"org:{tokens[-1]}"
    if len(tokens) > 1 and (tokens[-1] in _ORG_TAILS or tokens[-1] in _BUSINESS_HEADS):
        return "org:company" if tokens[-1] not in GENERIC_HEADS else f"org:{tokens[-1]}"
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0] in GENERIC_HEADS:
        return f"org:{tokens[0]}"  # "Ministry of Defence", "University of Lagos", "City of X"
    if had_title or any(t in ("bin", "ibn", "abu", "bint") for t in tokens):
        return "person"
    return ""


def title_case(sentence: str) -> bool:
    """True for a sentence in title case ("Minister Says Farmers Will Get Every Krone Back")."""
    return _title_case(sentence)[0]


def _title_case(sentence: str) -> tuple[bool, bool]:
    """Return (title case, mostly all caps) for a sentence.

    Title case: most words capitalised and every lowercase word a short function word ("to",
    "of"); a sentence with a lowercase verb ("Officials met Jane Doe in Lisbon") is prose.
    """
    # A full sentence listing names ("Rita Ora, Shinedown, Sia, and Weezer.") is prose.
    if sentence.count(",") >= 2 and sentence.rstrip().endswith("."):
        return False, False
    # Fast exit for prose, nearly every sentence: a lowercase word that is not a small word.
    for m in _LOWER_WORD_RE.finditer(sentence):
        if m.group() not in _TITLE_CASE_LOWER:
            return False, False
    # (an ordinal's suffix is no word: "August 30th")
    words = [m.group() for m in _WORDS_RE.finditer(sentence)
             if not (m.start() and sentence[m.start() - 1].isdigit())]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False, False
    caps = sum(1 for w in words if w[0].isupper())
    shout = sum(1 for w in words if len(w) > 1 and w.isupper())
    prose = any(w[0].islower() and w not in _TITLE_CASE_LOWER for w in words)
    return (caps / len(words) > TITLE_CASE_SHARE and not prose,
            shout / len(words) > TITLE_CASE_SHARE)


_FIELD_SPLIT = re.compile(r"\s*(?:[|•·–—:,]|\s-\s)\s*")
_TITLE_FIELD_SPLIT = re.compile(r"\s*(?:[|•·–—:]|\s-\s)\s*")


@lru_cache(maxsize=64)
def find_spans(text: str, sentences: tuple[Sentence, ...] = ()) -> tuple[NameSpan, ...]:
    """Find the names of a text (cached: quotes and attributions look up speakers with it)."""
    units = sentences or _lines(text)
    # The first word after a dateline ("KATHMANDU — Flood waters ...") opens its sentence.
    starts = frozenset(s.start for s in units) | frozenset(
        m.end() + len(text[m.end():s.end]) - len(text[m.end():s.end].lstrip())
        for s in units if (m := _DATELINE_RE.match(text, s.start, s.end)) is not None)
    lower_words = frozenset(_LOWER_WORD_RE.findall(text))
    raw = _raw_spans(text, starts, lower_words)
    held = holiday_spans(text)
    if held:  # "Christmas Eve", "New Year's Day": dates (dates.py reads their day), no names
        raw = [r for r in raw if not any(a < r[1] and r[0] < b for a, b in held)]
    # Capitalised words seen where capitals mean a name: not the first word of a sentence.
    inner = frozenset(t[2] for _s, _e, toks, _t in raw for t in toks
                      if not _at_sentence_start(text, t[0], starts))

    # unit index -> (names restricted, mostly all caps); only units holding a span are examined.
    modes: dict[int, tuple[bool, bool]] = {}
    unit_of: list[int] = []
    # Map each span to its unit by offset (units are sorted and disjoint).
    k = 0
    for start, _end, _toks, _t in raw:
        while k + 1 < len(units) and start >= units[k].end:
            k += 1
        unit_of.append(k)

    known: set[str] = set()
    kept: list[NameSpan] = []
    pending: list[tuple[int, _RawSpan]] = []
    for idx, span in enumerate(raw):
        k = unit_of[idx]
        if k not in modes:
            unit = units[k]
            title, shout = _title_case(unit.text)
            # (the headline in sentence case, "Hale meets Duval in Oslo", capitalises names
            # only; one in capitals, "'RISING WATERS'", none; a label of a few words, "Close",
            # "Email this", and a heading further down, a related story's link or a crosshead,
            # are page furniture)
            heading = unit.kind in ("title", "heading")
            caps = heading and not any(c.islower() for c in unit.text)
            label = heading and (k > 0 or len(unit.text.split()) < HEADLINE_MIN_WORDS)
            modes[k] = (unit.kind == "byline" or title or shout or caps or label, shout or caps)
        if modes[k][0]:
            pending.append((unit_of[idx], span))
            continue
        start, end, toks, had_title = span
        initial = _at_sentence_start(text, start, starts)
        if initial and len(toks) == 1 and _ordinary_opening(text, toks[0], inner):
            continue
        if len(toks) > 1 and _role_label(text, toks):
            continue
        name = text[start:end]
        known.add(normalise(name))
        kept.append(NameSpan(start, end, name, _role(name, had_title), initial))

    for unit_index, (start, end, toks, had_title) in pending:
        kept.extend(_restricted_names(text, units[unit_index], toks, had_title, known,
                                      modes[unit_index][1]))
    kept.sort(key=lambda n: n.start)
    return tuple(_join_parts(text, _join_institutions(text, kept)))


# A company's legal form after its name ("Estates Pvt. Ltd.", "Acme Holdings Inc.")
CORPORATE_FORMS = frozenset({"Ltd", "Pvt", "Inc", "Corp", "Co", "LLC", "LLP", "PLC", "Plc",
                             "GmbH", "AG", "Limited", "Bhd", "Sdn", "SpA", "NV", "BV"})
# A nickname in quotes inside a person's name (Jose "Jay" Pelayo)
_NICKNAME_GAP_RE = re.compile(r"[^\S\n]+[\"“‘'][A-Z][\w.'’-]*[\"”’'][^\S\n]+")
_FORM_GAP_RE = re.compile(r"\.?[^\S\n]*")
_AND_GAP_RE = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+")
_POSSESSIVE_GAP_RE = re.compile(r"['’]s[^\S\n]+")
_FOR_GAP_RE = re.compile(r"[^\S\n]+for[^\S\n]+")  # "the European Society for Paediatric ..."


def _join_parts(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Join the pieces of one name the span pattern cut: a nickname in quotes (Jose "Jay"
    Pelayo IV), a company's legal form and the "and" before it ("Harlow Builders and Estates
    Pvt. Ltd."), an institution's head and what it is for ("Office for National
    Statistics"), and a common noun's or an office's possessive opening an institution
    ("People's Armed Police", "the U.S. Attorney's Office", where "Japan's Self-Defense
    Forces" is two names)."""
    out: list[NameSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if last is not None and (
                (_NICKNAME_GAP_RE.fullmatch(text, last.end, span.start)
                 and " " not in last.text.strip())
                or (span.text.rstrip(".") in CORPORATE_FORMS
                    and _FORM_GAP_RE.fullmatch(text, last.end, span.start))
                or (_FOR_GAP_RE.fullmatch(text, last.end, span.start)
                    and last.text.split()[-1].casefold() in INSTITUTION_HEADS
                    and span.text.split()[0][:1].isupper())
                or (_POSSESSIVE_GAP_RE.fullmatch(text, last.end, span.start)
                    and (_people_noun(last.text.split()[-1]) or (
                        span.text.casefold() in INSTITUTION_HEADS
                        and _office_holder(last.text.split()[-1]))))):
            out[-1] = _joined(text, last, span)
            if len(out) > 1 and span.text.rstrip(".") in CORPORATE_FORMS and \
                    _AND_GAP_RE.fullmatch(text, out[-2].end, out[-1].start) and \
                    out[-2].text.split()[-1] in BUSINESS_WORDS:
                # "Harlow Builders and Estates Pvt. Ltd.": one company ("Google and Acme
                # Holdings Ltd." are two)
                out[-2:] = [_joined(text, out[-2], out[-1])]
            continue
        if last is not None and _NICKNAME_GAP_RE.match(text, last.end) is not None and \
                text[last.end:span.end].strip().strip("\"“”‘’'") == span.text.strip("\"“”‘’'") and \
                " " not in last.text.strip():
            continue  # the nickname itself, joined with the surname that follows
        out.append(span)
    return out


def _joined(text: str, first: NameSpan, second: NameSpan) -> NameSpan:
    name = text[first.start:second.end]
    return NameSpan(first.start, second.end, name, _role(name, False), first.sentence_start)


def _people_noun(word: str) -> bool:
    """One word for people in the plural, never a name ("People", "Children", "Veterans"):
    their possessive opens an institution ("People's Armed Police"), where a company's or a
    country's is its own name ("Oracle's Larry Ellison")."""
    if " " in word or not word[1:].islower() or not lexicon.available() or \
            lexicon.proper_noun(word) or lexicon.name_sense(word):
        return False
    low = word.casefold()
    return low == "people" or any(pos == "n" and lemma != low
                                  for lemma, pos in lexicon.lemmas(word))


def _office_holder(word: str) -> bool:
    """A title or an office's holder ("Attorney", "Sheriff", "Governor"): its possessive before
    an institution's head is that institution's name ("the Sheriff's Office")."""
    if word in TITLES:
        return True
    if not word[1:].islower() or not lexicon.available() or lexicon.proper_noun(word):
        return False
    return bool(_OFFICE_KINDS & lexicon.broader(word.casefold()))


# What WordNet files an office's holder under within its first steps up
_OFFICE_KINDS = frozenset({"professional", "official", "leader", "politician", "law_officer",
                           "civil_authority", "civil_officer", "lawyer", "executive",
                           "head_of_state", "investigator", "functionary"})


# The last word of a company's name before "and" in "A and B Ltd" (one company)
BUSINESS_WORDS = frozenset({
    "Builders", "Developers", "Holdings", "Industries", "Enterprises", "Associates", "Partners",
    "Sons", "Brothers", "Bros", "Construction", "Constructions", "Engineering", "Estates",
    "Realtors", "Motors", "Foods", "Trading", "Investments", "Properties", "Traders",
    "Contractors", "Exports", "Imports", "Services", "Solutions", "Technologies", "Systems",
})


# An institution's name may list its fields ("Department of Health and Human Services",
# "Centers for Disease Control and Prevention", "Bureau of Alcohol, Tobacco, Firearms and
# Explosives"): the span pattern stops at "and" (two names, as in "American and British"), so
# the parts are joined again after a head word that takes such a list.
INSTITUTION_HEADS = frozenset([
    "department", "departments", "ministry", "bureau", "office", "center", "centers", "centre",
    "centres", "institute", "institutes", "commission", "council", "committee", "agency",
    "administration", "authority", "board", "school", "college", "university", "society",
    "association", "federation", "foundation", "fund", "museum", "academy", "secretariat",
    "directorate", "division", "organization", "organisation", "union", "league", "court",
])
_LIST_GAPS = (" and ", ", ", ", and ", " & ")
# Words of reach before an institution's head ("the International Federation of Red Cross and
# Red Crescent Societies", "the National Institute of Allergy and Infectious Diseases")
_SCOPE_WORDS = frozenset({"International", "National", "European", "Federal", "Royal", "World",
                          "Global", "Central", "Supreme", "Joint", "State", "Regional"})
# A field of the list is short: a longer run after "and" is a name of its own.
FIELD_WORDS_MAX = 3


def _join_institutions(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    out: list[NameSpan] = []
    k = 0
    while k < len(spans):
        first = spans[k]
        words = first.text.split()
        # (after "The", or a country's initials: "the US Centers for Disease Control and
        # Prevention", "the UK Department for Business and Trade")
        head = words[1] if len(words) > 1 and (
            words[0] == "The" or words[0].isupper() and 2 <= len(words[0]) <= 3
            or words[0] in _SCOPE_WORDS) else words[0]
        end = k
        if head.casefold() in INSTITUTION_HEADS:
            # "Centers for Disease Control": the list may follow a "for" as well as an "of"
            listed = " of " in first.text
            j = k
            if not listed and k + 1 < len(spans) and \
                    text[first.end:spans[k + 1].start] == " for ":
                j, listed = k + 1, True
            # fields joined by commas count only where an "and" closes the list
            # and one "and" closes it; a field with a head word of its own, or a name the
            # alias table knows, is another name ("the University of Oxford and Cambridge
            # University", "the Department of Energy and France")
            while listed and j + 1 < len(spans):
                gap = text[spans[j].end:spans[j + 1].start]
                field = spans[j + 1].text.split()
                if gap not in _LIST_GAPS or len(field) > FIELD_WORDS_MAX or any(
                        w.casefold() in INSTITUTION_HEADS for w in field) or \
                        alias_group(spans[j + 1].text) is not None:  # "... and France"
                    break
                j += 1
                if gap != ", ":
                    end = j
                    break
            if end == k and j > k and text[first.end:spans[k + 1].start] == " for ":
                end = k + 1  # "Centers for Disease Control": no list, still one name
        if end > k:
            last = spans[end]
            out.append(NameSpan(first.start, last.end, text[first.start:last.end], first.role,
                                first.sentence_start))
            k = end + 1
        else:
            out.append(first)
            k += 1
    return out


def _lines(text: str) -> tuple[Sentence, ...]:
    """Return the non-empty lines of a text as units (when no sentences were given)."""
    units: list[Sentence] = []
    for m in _LINE_RE.finditer(text):
        if m.group().strip():
            units.append(Sentence(len(units), m.start(), m.end(), m.group()))
    return tuple(units) or (Sentence(0, 0, len(text), text),)


def _ordinary_opening(text: str, tok: _Token, inner: frozenset[str]) -> bool:
    """True for a capitalised ordinary word opening a sentence: "Heavy rain", "Rescue teams".

    Evidence for a name: the word is capitalised somewhere a capital means a name (not first
    in a sentence), is a known name or an acronym, or is followed by a verb or function word
    ("Costa said", "Lisbon is", "Kane visited"). Without any, a word followed by a lowercase
    content word is read as the start of an ordinary noun phrase.
    """
    word = tok[2]
    if word in inner or _is_acronym(word) or normalise(word) in _TABLE.group_of:
        return False
    if any(c.isupper() for c in word[1:]):
        return False  # CamelCase: YouTube, OpenAI, McDonald, DeSantis
    if _is_label(text, tok):
        return True  # "Summary: ...", "Background: ..."
    if word in GREETINGS:
        return True  # "Hi, I'm Tom": a greeting on its own greets no one by that name
    if word.casefold() in _NO_ONE_NAMED:
        return True  # "Nobody said", "Everyone agreed": a pronoun, never a name
    if _NUMBERED_NOUN_NEXT.match(text, tok[1]) and _adjective(word):
        return True  # "Potential 2020 challengers", "Record 2019 profits": an adjective
    if _is_adverb(word) or (len(word) >= 7 and word.endswith(_NOUN_SUFFIXES)):
        return True
    if _is_participle(word) or (len(word) >= 6 and word.endswith(_PLURAL_NOUN_SUFFIXES)):
        return True  # "Pictured is ...", "Disgusted with ...", "Studies have ..."
    if _irregular_participle(text, tok):
        return True  # "Known for long races, ...", "Born in Oslo, ..."
    if _common_noun_opening(word):
        return True  # "Weights, measures and ...", "Geology is ...", "Methodology: ..."
    if _common_word_opening(text, tok):
        return True  # "Due to ...", "Further, ...", "Based on ...", "Well-balanced ..."
    after = _NEXT_WORD.match(text, tok[1])
    if after is None:
        return False
    follower = after.group(1)
    if follower in _AFTER_NAME and follower.endswith("s") and _adjective(word) and (
            (then := _NEXT_WORD.match(text, after.end())) is not None
            and (then.group(1) in _AFTER_NAME or then.group(1).endswith("ed"))):
        return True  # "Initial reports indicated", "Preliminary reports say": a noun's subject
    return not (follower in _AFTER_NAME or follower.endswith("ed"))


# Indefinite pronouns and quantifiers that open a sentence as its subject ("Nobody said").
_NO_ONE_NAMED = frozenset({
    "nobody", "nothing", "none", "neither", "either", "everyone", "everybody", "everything",
    "someone", "somebody", "something", "anyone", "anybody", "anything", "each", "both",
    "several", "many", "most", "few", "all",
})
# A figure and a lower-case word after an opening word ("Potential 2020 challengers").
_NUMBERED_NOUN_NEXT = re.compile(r"[ \t\u00a0]+\d[\d,.]*[ \t\u00a0]+[a-z]")


def _adjective(word: str) -> bool:
    """True for a word WordNet knows in lower case as an adjective and never as a name."""
    return word[1:].islower() and lexicon.available() and not lexicon.proper_noun(word) \
        and any(pos in ("a", "s") for _lemma, pos in lexicon.lemmas(word)) \
        and not lexicon.name_sense(word)


# After a dictionary word opening a sentence, these make it an adjective or adverb phrase
# ("Due to", "Different from"), not a name that acts ("Costa said").
_PHRASE_FOLLOWERS = frozenset({"to", "from"})
_COMPOUND_RE = re.compile(r"-[a-z]")


def _common_word_opening(text: str, tok: _Token) -> bool:
    """True for a word WordNet knows in lower case opening a sentence as an ordinary word: an
    adjective or adverb (no noun reading) before a comma, "to" or "from" ("Further,",
    "Different from"), any such word in a lower-case compound ("Well-balanced", "Post-trial"),
    or a verb's -ed form ("Based on").

    Nouns stay names before a comma ("Smith, 45, said"); a name that is also an adjective is
    lost there only when the text never writes it mid-sentence and the alias table lacks it.
    """
    word = tok[2]
    if not word[1:].islower() or not lexicon.available():
        return False
    found = lexicon.lemmas(word)
    if not found or lexicon.proper_noun(word):
        return False
    if _COMPOUND_RE.match(text, tok[1]):
        return True
    low = word.casefold()
    if low.endswith("ed") and any(
            pos == "v" and (lemma == low[:-1] or (lemma == low[:-2] and len(lemma) >= 4))
            for lemma, pos in found):
        return True  # "Based" (base), "Walked" (walk); not "Jared" (jar)
    if any(pos == "n" for _lemma, pos in found):
        return False
    if text.startswith((",", ".", "!", "?"), tok[1]):
        return True  # "Further, ...", and a word said on its own: "Sure.", "Absolutely!"
    follower = _NEXT_WORD.match(text, tok[1])
    return follower is not None and follower.group(1) in _PHRASE_FOLLOWERS


# Endings of abstract nouns ("Geology", "Technique", "Ethics", "Scarcity", "Theory").
_ABSTRACT_SUFFIXES = ("ology", "ity", "ics", "ique", "ory")


def _common_noun_opening(word: str) -> bool:
    """True for a common noun WordNet never writes capitalised, opening a sentence as a plural
    ("Weights, measures and currency were unified") or as an abstract noun ("Geology is").

    A name that is also a common word has a capitalised sense there ("Bush", "Turkey",
    "Woods"); a surname WordNet lacks is rarely a plural or an abstract noun.
    """
    if len(word) < 5 or not word[1:].islower() or not lexicon.available():
        return False
    low = word.casefold()
    found = lexicon.lemmas(word)
    nouns = [lemma for lemma, pos in found if pos == "n"]
    if not nouns or lexicon.name_sense(word):
        return False
    plural = all(lemma != low for lemma, _pos in found)  # "weights": only "weight" is a lemma
    return plural or (low in nouns and low.endswith(_ABSTRACT_SUFFIXES))


# Plural common nouns by their endings ("Achievements and awards", "Studies have shown").
_PLURAL_NOUN_SUFFIXES = ("tions", "sions", "ments", "nesses", "isms", "ships", "ies")


def _is_participle(word: str) -> bool:
    """True for a past participle opening a sentence ("Pictured", "Disgusted", "Filmed").

    Names ending in -ed mostly have a vowel or a doubled m before it (Saeed, Reed, Mohammed,
    Ahmed) or are short (Ted, Fred): those are not participles here.
    """
    if len(word) < 6 or not word.endswith("ed") or not word[1:].islower():
        return False
    return word[-3] not in "aeiouy" and not word.endswith(("mmed", "hmed"))


def _irregular_participle(text: str, tok: _Token) -> bool:
    """True for a verb's irregular form opening a participle phrase ("Known for", "Born in",
    "Seen as"): WordNet's exception lists hold it, it names nothing there, and a preposition
    or a comma follows."""
    word = tok[2]
    if not word[1:].islower() or not lexicon.available() or \
            not lexicon.irregular_verb_form(word) or lexicon.name_sense(word) or \
            lexicon.proper_noun(word):
        return False
    after = _NEXT_WORD.match(text, tok[1])
    return text[tok[1]:tok[1] + 1] == "," or (
        after is not None and after.group(1) in _PARTICIPLE_PREPOSITIONS)


_PARTICIPLE_PREPOSITIONS = frozenset({"for", "as", "by", "in", "to", "from", "with", "after",
                                      "on", "at", "into", "under"})


def _is_adverb(word: str) -> bool:
    """True for an -ly adverb ("Nearly", "Largely", "Separately").

    Names ending in -ly mostly have a vowel, l or -er before it (Italy, Sicily, Emily, Kelly,
    Sally, Reilly, Beverly, Kimberly): those are not adverbs here.
    """
    if len(word) < 5 or not word.endswith("ly") or not word[1:].islower():
        return False
    c = word[-3]
    if c in "aeiouy":
        return c == "e" and len(word) >= 6 and word[-4] != "e"  # Largely, Merely; not Keely
    if c == "l":
        return len(word) >= 6 and word.endswith(("ally", "fully"))  # Really; not Sally, Kelly
    if c == "r":
        return word[-4] != "e"  # Nearly, Early; not Beverly
    return True


def _is_label(text: str, tok: _Token) -> bool:
    """True for a word opening a line and followed by a colon: "Summary:", "Update:"."""
    if not text.startswith(":", tok[1]):
        return False
    line_start = text.rfind("\n", 0, tok[0]) + 1
    return not text[line_start:tok[0]].strip(" \t\u00a0*#-•>")


def _role_label(text: str, toks: list[_Token]) -> bool:
    """True for a line's label made of common words, a role and not a name: "Sales Agent:",
    "Store Manager:" in a transcript ("Tom Smith:" and "Professor C:" name someone)."""
    if not _is_label(text, (toks[0][0], toks[-1][1], "")) or not lexicon.available():
        return False
    return all(t[2][1:].islower() and lexicon.lemmas(t[2]) and not lexicon.name_sense(t[2])
               and not lexicon.proper_noun(t[2]) for t in toks)


@lru_cache(maxsize=256)
def _fields(line: str, split: re.Pattern[str]) -> frozenset[str]:
    """A title-case line's fields, each without the stop words opening it ("By Jane Doe" is
    "Jane Doe"), as written with single spaces (read once a line: each run of capitalised
    words asks, and reading them every time was quadratic in a long line)."""
    out = set()
    for field in split.split(line):
        words = field.split()
        while words and words[0] in STOP_WORDS:
            words.pop(0)  # "By Jane Doe"
        out.add(" ".join(words))
    return frozenset(out)


# The most words a known name found in a title-case line runs to ("Democratic Republic of
# the Congo" is five).
TITLE_LINE_NAME_WORDS = 10


def _restricted_names(text: str, unit: Sentence, toks: list[_Token],
                      had_title: bool, known: set[str], shout: bool) -> list[NameSpan]:
    """Names in a title-case line: whole byline fields, known names, acronyms."""
    start, end = toks[0][0], toks[-1][1]
    # A byline field that is one 2-4 word span ("Meridian Forum | Jane Doe | June 1"); in a
    # byline proper, one word will do ("By Jane Doe, Reuters").
    fewest = 1 if unit.kind == "byline" or "|" in unit.text else 2
    # (a headline's commas join its clauses, "Man Kills Officer, Injures Two In Shootout": no
    # fields)
    split = _FIELD_SPLIT if unit.kind != "title" else _TITLE_FIELD_SPLIT
    if fewest <= len(toks) <= 4 and text[start:end] in _fields(unit.text, split):
        name = text[start:end]
        return [NameSpan(start, end, name, _role(name, had_title), True)]
    out: list[NameSpan] = []
    i = 0
    while i < len(toks):
        # (longest first, up to a name's length: every span of a long title-case line was
        # cubic work, 14 s for one line of 3,000 capitalised words)
        for j in range(min(len(toks), i + TITLE_LINE_NAME_WORDS), i, -1):
            if toks[j - 1][2] in _CONNECTORS:
                continue
            name = text[toks[i][0]:toks[j - 1][1]]
            norm = normalise(name)
            acronym = j == i + 1 and not shout and _is_acronym(name)
            if norm in known or norm in _TABLE.group_of or acronym:
                out.append(NameSpan(toks[i][0], toks[j - 1][1], name, _role(name, False), True))
                i = j
                break
        else:
            i += 1
    return out


def _is_acronym(word: str) -> bool:
    """True for NATO, U.S., UNHCR: 2-5 capitals, dots allowed."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Return the names of a document as facts (key: canonical comparable form)."""
    del context  # names need no publication date
    facts = []
    sents = tuple(sentences)
    # A wire dateline ("NEW YORK (AP) —", "AUSTIN, Texas —") says where the copy was filed, and
    # an outlet keeps or strips it at will: its place and agency credit are no facts of the story.
    datelines = dateline_spans(doc.text, sents)
    # So is the site's name an HTML title carries after a bar ("Storm hits | Miami Herald").
    datelines += [(s.start + m.start(), s.end) for s in sents if s.kind == "title"
                  and (m := _SITE_SUFFIX_RE.search(s.text)) is not None]
    # A pronunciation guide ("Gudni Johannesson (GOOTH-nee YO-hah-nes-son)") spells a name out
    # by its sounds: no name of its own.
    datelines += [m.span() for m in _PRONUNCIATION_RE.finditer(doc.text)]
    codes = instrument_code_spans(doc.text)
    datelines += codes
    datelines += [m.span() for m in CURRENCY_CODE_RE.finditer(doc.text)]  # "USD 5m": money
    datelines += _place_colon_dateline(doc.text)
    spans = find_spans(doc.text, sents)
    headed = _shared_heads(doc.text, spans)
    for n in spans:
        if any(a <= n.start < b for a, b in datelines):
            continue  # (a place run on into the next word: "HARLOW, England Flood waters")
        code = next((a for a, _b in codes if n.start < a < n.end), None)
        if code is not None:  # "Nike Inc NKE.N": the company's name ends before its code
            name = doc.text[n.start:code].rstrip()
            n = replace(n, end=n.start + len(name), text=name)
        sid = _sentence_id(sents, n.start)
        written = headed.get(n.start, n.text)
        if (n.text.endswith(".") or doc.text[n.end:n.end + 1] == ".") and \
                (state := AP_STATES.get(n.text.rstrip("."))) is not None and \
                _TOWN_BEFORE_RE.search(doc.text, max(0, n.start - 40), n.start):
            written = state  # "Eugene, Ore., police said": Oregon (not "led Mass.")
        facts.append(Fact(kind="name", start=n.start, end=n.end, text=n.text, sentence=sid,
                          key=_key(written), role=n.role))
    return facts


# The states of the US as agency style abbreviates them after a town ("Tulsa, Okla."); read
# only there, before their full stop. (Two-letter postal codes and "Ind."/"Miss." are words.)
_TOWN_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*,[^\S\n]*$")
AP_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana",
    "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota",
    "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada",
    "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "Tenn": "Tennessee",
    "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington", "Wis": "Wisconsin",
    "Wyo": "Wyoming", "N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico",
    "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "R.I": "Rhode Island",
    "S.C": "South Carolina", "S.D": "South Dakota", "W.Va": "West Virginia",
}


# Heads that names in a row share in the plural ("Odra and Velk counties" are Odra County and
# Velk County; "Harvard and Yale universities")
SHARED_HEADS = {"counties": "County", "provinces": "Province", "districts": "District", "regions": "Region", "islands": "Island",
                "rivers": "River", "streets": "Street", "avenues": "Avenue", "roads": "Road",
                "townships": "Township", "prefectures": "Prefecture", "lakes": "Lake",
                "municipalities": "Municipality", "universities": "University",
                "mountains": "Mountain", "valleys": "Valley", "parishes": "Parish"}
_ROW_GAP_RE = re.compile(r"(?:,[^\S\n]*(?:and[^\S\n]+|&[^\S\n]+)?|[^\S\n]+(?:and|&)[^\S\n]+)")
_SHARED_HEAD_RE = re.compile(rf"[^\S\n]+({'|'.join(SHARED_HEADS)})\b")


def _shared_heads(text: str, spans: Sequence[NameSpan]) -> dict[int, str]:
    """The names of a row that share a plural head after its last ("Odra and Velk counties"):
    each name's start -> the name with the head ("Odra County"), for its key."""
    out: dict[int, str] = {}
    row: list[NameSpan] = []
    for span in spans:
        if row and not _ROW_GAP_RE.fullmatch(text, row[-1].end, span.start):
            row = []
        row.append(span)
        head = _SHARED_HEAD_RE.match(text, span.end)
        if head is not None and len(row) > 1:
            for n in row:
                out[n.start] = f"{n.text} {SHARED_HEADS[head.group(1)]}"
            row = []
    return out


# A dateline as many outlets write it, the place as written and a colon, maybe after the
# agency's credit ("Beijing: Super Typhoon ...", "AFP, Ankara :"), opening the text
_PLACE_COLON_RE = re.compile(
    r"\s*(?:(?P<agency>[A-Z]{2,6}|Reuters|Xinhua|Bernama|Anadolu),[^\S\n]+)?"
    r"(?P<place>[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+){0,2})[^\S\n]*:(?:[^\S\n]+(?=[A-Z])|[^\S\n]*\n)")
# What WordNet files a dateline's place under
_DATELINE_PLACE_KINDS = frozenset({"city", "capital", "national_capital", "port", "town",
                                   "country", "state", "american_state", "province", "region",
                                   "municipality"})
# A speaker's label opening a line ("Jordan: ..."): two of them make a transcript
_LABEL_LINE_RE = re.compile(r"(?m)(?:^|(?<=[.!?])[^\S\n]+)[^\S\n]*[A-Z][\w'’-]*"
                            r"(?:[^\S\n][A-Z][\w'’-]*){0,2}[^\S\n]*:")


def _place_colon_dateline(text: str) -> list[tuple[int, int]]:
    """The span of a text's opening "Place:" dateline, or none: a place WordNet knows, or an
    agency's credit on a line of its own ("AFP, Ankara :"). A speaker's label opens a
    transcript the same way ("Jordan: hi"), and a transcript has more than one."""
    m = _PLACE_COLON_RE.match(text)
    if m is None:
        return []
    own_line = text[m.end() - 1 : m.end()] == "\n"
    known = lexicon.available() and bool(_DATELINE_PLACE_KINDS & lexicon.broader(
        m["place"].casefold().replace(" ", "_")))
    if not (known or m["agency"] and own_line):
        return []
    if len(_LABEL_LINE_RE.findall(text, 0, LABEL_SCAN_CHARS)) > 1:
        return []
    return [m.span()]


LABEL_SCAN_CHARS = 2_000


# Syllables joined by hyphens, one of each word in capitals: "(GOOTH-nee YO-hah-nes-son)",
# "(sahr-KOH-zee)".
_SYLLABLES = r"(?=[a-zA-Z-]*[A-Z]{2})(?=[a-zA-Z-]*(?<![A-Za-z])[a-z]+(?![A-Za-z]))" \
    r"[a-zA-Z]+(?:-[a-zA-Z]+)+"
_PRONUNCIATION_RE = re.compile(rf"\((?:{_SYLLABLES})(?:[ \t\u00a0]+{_SYLLABLES})*\)")
# A heading of fewer words is a label, not a headline whose capitals mark names.
HEADLINE_MIN_WORDS = 4
_SITE_SUFFIX_RE = re.compile(r"\s[|\u2022]\s+[^|\u2022]{2,60}$")
_DATELINE_RE = DATELINE_RE


def _sentence_id(sentences: Sequence[Sentence], offset: int) -> int:
    """Return the sentence holding ``offset``, else the nearest one before it, else 0."""
    sid = sentence_at(sentences, offset)
    if sid is not None:
        return sid
    before = [s.id for s in sentences if s.start <= offset]
    return before[-1] if before else (sentences[0].id if sentences else 0)


@lru_cache(maxsize=16384)
def _key(name: str) -> str:
    """Return the canonical key: the alias group's canonical form, else the comparable words."""
    group = alias_group(name)
    if group is not None:
        return group[0]
    return " ".join(_TABLE.canonical[int(t[1:])] if t.startswith(_GROUP) else t
                    for t in _tokens(name))


def demonym_of(a: str, b: str) -> bool:
    """One of two names names the people of the place the other names, as WordNet relates
    them ("Thai" / "Thailand", "Swedish" / "Sweden", "South Korean" / "South Korea")."""
    if not lexicon.available():
        return False
    ka, kb = (x.strip().casefold().replace(" ", "_") for x in (a, b))
    return ka != kb and any(place in _places_of(people) for people, place in ((ka, kb), (kb, ka)))


@lru_cache(maxsize=16384)
def _places_of(word: str) -> frozenset[str]:
    """The places an adjective of a people is of (WordNet's pertainyms that are proper nouns),
    those keeping most of its first letters: "nigerian" is of "nigeria", not also of "niger"
    (WordNet relates it to both); "titanic" is of no place."""
    if not any(pos == "a" for _l, pos in lexicon.lemmas(word)):
        return frozenset()
    forms = {f for f in lexicon.derived(word) - {word} if lexicon.proper_noun(f)}
    if not forms:
        return frozenset()
    kept = {f: len(os.path.commonprefix([f, word])) for f in forms}
    best = max(kept.values())
    return frozenset(f for f, n in kept.items() if n == best)


def capitalised_opening(word: str, before: str, texts: Sequence[str]) -> bool:
    """``word``, with only ``before`` ahead of it in its sentence, opens the sentence and is a
    common noun WordNet knows with no sense of a name ("Youth", "Search", "Footage"), which no
    text of ``texts`` writes capitalised inside a sentence: capitalised for its place, not a
    name. (A company named by a common noun, "Shell", is lost only where neither text names
    it mid-sentence.)"""
    if " " in word or not word[1:].islower() or before.strip(" \t\n\"'“‘(") or \
            not lexicon.available() or lexicon.name_sense(word) or \
            lexicon.proper_noun(word.casefold()) or \
            not any(pos == "n" for _lemma, pos in lexicon.lemmas(word)):
        return False
    return not any(word in _capitalised_inside(text) for text in texts)


@lru_cache(maxsize=8)
def _capitalised_inside(text: str) -> frozenset[str]:
    """The capitalised words ``text`` writes inside a sentence (after a word, a comma or a
    colon), read once a text: each opening word asks."""
    return frozenset(_INSIDE_CAPITALISED_RE.findall(text))


_INSIDE_CAPITALISED_RE = re.compile(r"[\w,;:][^\S\n]+([A-Z][\w'’]*)(?![\w-])")


def demonym_in(name: str, text: str) -> bool:
    """``text`` names the place of the people ``name`` names, or the people of its place
    ("Thailand" in a text about "two Thai nationals"). Only words sharing the name's first
    letters are asked: a demonym keeps its place's ("Thai"/"Thailand", "Swede"/"Sweden")."""
    if len(name) < DEMONYM_PREFIX or not name[:1].isupper() or not lexicon.available():
        return False
    return any(demonym_of(name, w) or w == name and name.endswith("an")
               for w in _capitalised(text).get(name[:DEMONYM_PREFIX], ()))


DEMONYM_PREFIX = 3


@lru_cache(maxsize=8)
def _capitalised(text: str) -> dict[str, tuple[str, ...]]:
    """A text's capitalised words and two-word runs by their first letters, read once a text
    (each unsupported name asks)."""
    found: dict[str, set[str]] = {}
    for m in _CAPITALISED_RE.finditer(text):
        run = m.group()
        for form in {run, run.split()[0]}:
            found.setdefault(form[:DEMONYM_PREFIX], set()).add(form)
        # "Kenya's parliament", "40 Kenyans": the place and its people, without the
        # possessive or the plural (a plural only backs the same people word, "Kenyan": a
        # "Peters" backs no "Peter", "Athens" no "Athen")
        word = _POSSESSIVE_RE.sub("", run.split()[0])
        for form in (word, word[:-1] if word.endswith("s") and not word.endswith("ss") else ""):
            if len(form) >= DEMONYM_PREFIX:
                found.setdefault(form[:DEMONYM_PREFIX], set()).add(form)
    return {k: tuple(sorted(v)) for k, v in found.items()}


_CAPITALISED_RE = re.compile(r"(?<![\w-])[A-Z][\w'’-]*(?:[^\S\n][A-Z][\w'’-]+)?")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


def key_of(name: str) -> str:
    """The key a name fact of ``name`` has (its alias group's canonical form, or its words)."""
    return _key(name)


# --- the fact-kind contract -------------------------------------------------------------------


def equivalent(a: Fact, b: Fact) -> bool:
    """True when two name facts name the same thing, however spelled (an acronym in the
    plural names what its singular does: "CNNs" / "CNN", "PhDs" / "PhD")."""
    if a.key == b.key or same_name(a.text, b.text):
        return True
    bare = singular(a.text)
    return bare == singular(b.text) and acronym(bare)


def singular(name: str) -> str:
    """An acronym in the plural in the singular ("PhDs" -> "PhD", "NGOs" -> "NGO"); any other
    name as is ("DeSantis", "McAdams": a mixed-case acronym is short)."""
    bare = name[:-1]
    return bare if name.endswith("s") and bare.isalpha() and acronym(bare) and (
        bare.isupper() or len(bare) <= 4) else name


def acronym(word: str) -> bool:
    """Capitals throughout, or at least two of them from the first letter on ("PhD", "YoY")."""
    return word.isupper() or (word[:1].isupper() and sum(ch.isupper() for ch in word) >= 2)


# Coarse classes of a name's type cue, for telling a plausible swap from a clash.
_PLACE_KINDS = frozenset({"country", "place", "region", "city", "province"})
_ORG_KINDS = frozenset({"group", "org", "company", "party"})
_PLACE_HEADS = frozenset({"city", "province", "region", "district", "street", "square", "state",
                          "states", "republic", "kingdom", "county", "town", "village",
                          "governorate", "island", "islands", "river", "valley"})
# Last words that mark a company or other organisation.
_ORG_TAILS = frozenset({"inc", "ltd", "llc", "plc", "corp", "co", "ag", "gmbh", "sa", "nv",
                        "bv", "spa", "ministry", "party"})


# What WordNet calls a place a name is an instance of ("Denver": a city, "Kenya": a country).
_PLACE_WORDS = frozenset({"city", "town", "village", "country", "state", "province", "region",
                          "capital", "port", "island", "county", "district", "continent",
                          "urban_center", "geographic_point", "geographical_point"})


def without_its_city(name: str) -> str:
    """The name a club or a body goes by at home, where ``name`` adds its city after it, as
    clubs are named abroad ("Galatasaray Istanbul": "Galatasaray"), else "". Not a place
    before a place ("Paris Berlin"), a country after a name ("Kim Jordan"), nor a first name
    before a city ("George Houston" is a person)."""
    head, _, last = name.strip().rpartition(" ")
    if not head or " " in head and is_given_name(head.split()[0]) or is_given_name(head) \
            or _known_place(head) or not _known_place(last):
        return ""
    return head if _CITY_KINDS & lexicon.broader(last.casefold()) else ""


_CITY_KINDS = frozenset({"city", "capital", "national_capital", "port", "town", "municipality"})


def _known_place(name: str) -> bool:
    """True for a one-word name WordNet knows only as a name, and as a place."""
    return " " not in name.strip() and lexicon.available() and lexicon.proper_noun(name) \
        and not _PLACE_WORDS.isdisjoint(lexicon.broader(name.casefold()))


def could_be_person(name: str) -> bool:
    """True for a name that may be a person's: none its aliases, its words or WordNet type as
    an organisation or a place ("Trump" may; "the Kremlin", "Helsinki" may not)."""
    return _type_class(_role(name, had_title=False)) in ("", "person") \
        and not _known_place(name)


def _type_class(role: str) -> str:
    """Return 'person', 'org', 'place', another alias type, or '' (unknown) for a role cue."""
    if not role:
        return ""
    if role == "person":
        return "person"
    if role.startswith("org:"):
        return "place" if role[4:] in _PLACE_HEADS else "org"
    if role in _PLACE_KINDS:
        return "place"
    if role in _ORG_KINDS:
        return "org"
    return role  # "disease" and any type an extra alias file brings


def slot_score(a: Fact, b: Fact) -> float:
    """How likely name ``b`` fills name ``a``'s slot: shared head word, shared type, else ratio.

    Two different names of one type, or of types nothing is known about, score at least
    ``SLOT_UNKNOWN_MIN``: left alone in an aligned pair they are one name swapped for another.
    Names whose type cues clash (person / organisation / place) score ``SLOT_CLASH`` or less.
    """
    if equivalent(a, b):
        return 1.0
    ta, tb = _tokens(a.text), _tokens(b.text)
    if ta and tb and ta[-1] == tb[-1] and ta[-1] in GENERIC_HEADS and len(ta) > 1 and len(tb) > 1:
        # One head ("Institute"): the closer the rest, the likelier a garbled name than a new
        # one (Lakeside/Lakeview Institute -> 0.8; "U.S. Special"/"Naval" Forces -> 0.63).
        rest_a = " ".join(t for t in ta[:-1] if not t.startswith(_GROUP))
        rest_b = " ".join(t for t in tb[:-1] if not t.startswith(_GROUP))
        return SLOT_SAME_HEAD + SLOT_SAME_HEAD_SPAN * ratio(rest_a, rest_b) / 100.0
    similar = ratio(normalise(a.text), normalise(b.text)) / 100.0
    if ta and tb and ta[-1] != tb[-1] and ta[-1] in _KIND_HEADS and tb[-1] in _KIND_HEADS \
            and len(ta) > 1 and len(tb) > 1:
        return SLOT_CLASH * similar  # two kinds of thing: "Queen Street" / "King County"
    if a.role and a.role == b.role:
        return SLOT_PERSON if a.role == "person" else SLOT_SAME_TYPE
    ca, cb = _type_class(a.role), _type_class(b.role)
    # a person against a name WordNet knows only as a place ("Judge Alvarez" / "Denver")
    if ca == "person" and not cb and _known_place(b.text):
        cb = "place"
    elif cb == "person" and not ca and _known_place(a.text):
        ca = "place"
    # a company against a person's full name ("Uganda Airways" / "Peter Mwangi Ugonda")
    if ca and ca != "person" and not cb and " " in b.text and sex_of(b.text) is not None:
        cb = "person"
    elif cb and cb != "person" and not ca and " " in a.text and sex_of(a.text) is not None:
        ca = "person"
    if ca and cb and ca != cb:
        return SLOT_CLASH * similar
    return max(SLOT_UNKNOWN_MIN, SLOT_OTHER_MAX * similar)


def explain(a: Fact | None, b: Fact | None) -> str:
    """One sentence on a name change for a journalist."""
    if a is None and b is not None:
        return f"The retelling mentions {b.text}, which the original does not."
    if b is None and a is not None:
        return f"The retelling drops the name {a.text}."
    if a is None or b is None:
        return "No name."
    if name_variant(a.text, b.text):
        return f"'{a.text}' is spelled '{b.text}' in the retelling: the same name."
    if equivalent(a, b):
        return f"'{a.text}' is written '{b.text}' in the retelling: the same name."
    return f"The original names {a.text}; the retelling names {b.text} instead."


def _clear_caches() -> None:
    """Forget cached comparisons after the alias table changed."""
    for fn in (normalise, _tokens, _word_match, _match, _key, find_spans, _mention_patterns,
               match_keys, _word_keys, _plain_words):
        fn.cache_clear()


_load_builtin()

"""Summary-shaped text made readable for the extractors, with a map back to every offset.

Machine summaries often come tokenised ("3 , 000", "-LRB-", "`` ... ''", "could n't") and all in
lower case ("the mayor of lisbon opened the new bridge"). The fact extractors read
news copy: digits split by spaces are two numbers to them, and a name in lower case is no name.
``reshape`` returns a readable copy and, for each of its characters, the offset of the
character it came from, so every span found in the copy maps back into the text as read.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from retold import lexicon
from retold.meaning import STOP
from retold.memo import text_memo

__all__ = ["Reshaped", "reshape"]

# PTB bracket tokens and quotes, as the CNN/DailyMail and XSum tools write them.
_TOKENS = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}",
           "``": '"', "''": '"'}
_TOKEN_RE = re.compile(r"-[lr][rsc]b-|``|''|\[unk\]|<unk>|(?<!\w)UNK(?!\w)", re.IGNORECASE)
# A summariser's placeholder for a word outside its vocabulary ("alexander UNK", "[UNK]"): it
# states nothing, so it becomes a mark no extractor reads as a name.
_PLACEHOLDER = "_"
for _unknown in ("[unk]", "<unk>", "unk"):
    _TOKENS[_unknown] = _PLACEHOLDER
# CNN/DailyMail's tokeniser wrote the pound sign as "#" ("# 2,100"): read back as "£" when the
# other side writes pounds.
_POUND_RE = re.compile(r"(?<![\w#])#(?= ?\d)")
# A space a tokeniser put in: before closing punctuation and clitics, after opening brackets,
# inside "3 , 000" and "$ 5".
_SPACE_RE = re.compile(
    r" (?=[,.;:!?%)\]}](?:\s|$))| (?=n't\b|'(?:s|re|ve|ll|d|m)\b)|(?<=[(\[{$£€]) ",
    re.IGNORECASE,
)
# "3 , 000": a number the tokeniser cut at its thousands separator; "June 24, 2008" keeps its
# space (tokenisers leave decimals whole).
_NUMBER_SPACES_RE = re.compile(r"(?<=\d)( ),( )(?=\d{3}(?!\d))")
# Looks tokenised: bracket tokens, or spaces before commas, full stops and clitics in a fair
# share of its sentences. A tokeniser spaces every sentence's full stop; news copy has a stray
# " ." here and there ("E-mail to a friend ."), and read as tokenised its quotation marks would
# be paired by count, not by where they stand.
_BRACKET_TOKEN_RE = re.compile(r"-[lr]rb-|\[unk\]|<unk>", re.IGNORECASE)
_SPACED_RE = re.compile(r"\w (?:[,.](?: |$)|'s |n't )", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")
SPACED_SHARE = 0.25  # spaced marks per sentence end, at least
# Lower case: fewer capitals than this share of its letters (news copy has ~3-5%).
LOWER_CASE_SHARE = 0.01
MIN_NAME = 3
# Upper case: at least this share of its letters capitals, and this many letters.
UPPER_CASE_SHARE = 0.9
UPPER_CASE_LETTERS = 20
# News agencies and broadcasters known by their initials, none an English word: in lower-case
# text ("but the ap notes that ...") they are still the source a claim is credited to.
NEWS_ACRONYMS = frozenset({"ap", "afp", "upi", "dpa", "ani", "pti", "ians", "efe", "ansa",
                           "bbc", "cnn", "nbc", "cbs", "msnbc", "npr", "rtl", "itv"})
_NON_ALNUM_RE = re.compile(r"[\W_]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_CAPITALS_RE = re.compile(r"[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]+")
# The first letter of the text and of each sentence after it.
_INITIALS_RE = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}")
_OPENER_RE = re.compile(r"(?:^|[.!?]\s+)[^\w]*([^\W\d_])")


class Reshaped:
    """A reshaped text and the offset map back into the text as read."""

    def __init__(self, raw: str, text: str, source: list[int] | None) -> None:
        # None: each character comes from the same offset (a range, not a list of millions)
        self.raw, self.text = raw, text
        self._source: Sequence[int] = range(len(raw)) if source is None else source

    @property
    def changed(self) -> bool:
        return self.text != self.raw

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the reshaped text back to the raw text."""
        if end <= start:
            at = self._source[start] if start < len(self._source) else len(self.raw)
            return at, at
        return self._source[start], self._source[end - 1] + 1

    def offset(self, at: int) -> int:
        return self._source[at] if at < len(self._source) else len(self.raw)


def reshape(raw: str, reference: str = "", *, new_names: bool = False) -> Reshaped:
    """Detokenise and (for all-lower-case or all-capitals text) restore ordinary capitals,
    learning names from ``reference``.

    Args:
        raw: the text as read.
        reference: the other side's text, whose capitalised words mid-sentence tell which
            lower-case words are names. When it is in lower case too, there is nothing to learn
            and the casing is left alone.
        new_names: also capitalise words no dictionary knows and the reference does not use
            (a name a summary brought in); for the retelling side only, where such a word is
            a finding, not a typo of the original's.
    """
    text, source = raw, None
    if _tokenised(raw):
        if "£" in reference:
            text = _POUND_RE.sub("£", text)  # same length: the offset map holds
        text, source = _detokenise(text, list(range(len(raw))))
    if reference and _upper_case(text):
        text = _unshout(text, reference, new_names=new_names)
    elif reference and _UPPER_LINE_RE.search(text):
        # a headline in capitals above a story in ordinary case: that line alone
        # (a word no dictionary knows is a name there on either side: a headline's typo is rare)
        text = _UPPER_LINE_RE.sub(lambda m: _unshout(m.group(), reference, new_names=True)
                                  if _upper_case(m.group()) else m.group(), text)
    elif _lower_case(text) and reference and not _lower_case(reference):
        # (initials the reference writes in capitals: "u.s." for "U.S."; "e.g." stays)
        text = _recase(_INITIALS_RE.sub(
            lambda m: m.group().upper() if m.group().upper() in reference else m.group(), text),
            reference, new_names=new_names)
    return Reshaped(raw, text, source)


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs of one character class cover (the runs are
    deleted rather than each character listed)."""
    return len(text) - len(runs.sub("", text))


# (each side's text is asked both whether it is in capitals and whether in lower case, and
# compare's language note counts its letters again: counted once a text)
@text_memo(maxsize=512, max_chars=50_000)
def letter_count(text: str) -> int:
    """How many letters (of any script) ``text`` has."""
    return _count(_LETTERS_RE, text)


@text_memo(maxsize=512, max_chars=50_000)
def _capital_count(text: str) -> int:
    return _count(_CAPITALS_RE, text)


# A corpus trace reshapes one article against each of its candidates in turn: what a text
# looks like is read once (texts are immutable, and a str caches its hash).
@text_memo(maxsize=512, max_chars=50_000)
def _tokenised(raw: str) -> bool:
    if _BRACKET_TOKEN_RE.search(raw) is not None:
        return True
    spaced = len(_SPACED_RE.findall(raw))
    return spaced > 0 and spaced >= SPACED_SHARE * len(_SENTENCE_END_RE.findall(raw))


@text_memo(maxsize=512, max_chars=50_000)
def _lower_case(text: str) -> bool:
    """True for text written in lower case: few capitals, and sentences that open without one.

    Prose that names nothing (an abstract: "We propose two training policies ...") has as few
    capitals as a lower-cased summary, but its sentences open with one: it is cased already.
    """
    letters = letter_count(text)
    if not letters or _capital_count(text) / letters >= LOWER_CASE_SHARE:
        return False
    openers = [m.group(1) for m in _OPENER_RE.finditer(text)]
    return sum(c.isupper() for c in openers) * 2 <= len(openers)


# Days and months are written with a capital wherever they stand.
# ("may" and "march" are words of their own)
_CALENDAR = {name.casefold(): name for name in (*calendar.day_name, *calendar.month_name)
             if name and name not in ("May", "March")}
# A line with no lower-case letter (a candidate headline in capitals).
_UPPER_LINE_RE = re.compile(r"(?m)^[^\S\n]*[^a-z\n]*[A-Z][^a-z\n]*$")


def _unshout(text: str, reference: str, *, new_names: bool) -> str:
    """Text in capitals (a wire flash, a shouted headline) read in lower case, then recased
    as lower-case text is (letters whose lower case is longer, "İ", are left: offsets hold).
    Against capitals too there are no names to learn: words no dictionary knows are names,
    on both sides alike. Initials with stops stay initials ("U.S.", "N.Y.")."""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    shouted = _upper_case(reference)
    # (the table's acronyms stay in capitals: "US", "UK", "NATO"; a word of a function too,
    # "WHO", "IS", is read as the word)
    kept = _acronyms()
    lowered = _WORD_RE.sub(lambda m: m.group().upper() if m.group().upper() in kept
                           else m.group(), lowered)
    return _recase(_INITIALS_RE.sub(lambda m: m.group().upper(), lowered),
                   "" if shouted else reference, new_names=new_names or shouted, shouted=True)


def _known_name(word: str) -> bool:
    from retold.facts import names

    return names.alias_group(word) is not None


def _acronyms() -> frozenset[str]:
    from retold.facts import names  # (the alias table: names reads no reshaped text itself)

    return frozenset(a for a in names.acronyms() if a.lower() not in STOP or a == "US")


@text_memo(maxsize=512, max_chars=50_000)
def _upper_case(text: str) -> bool:
    """True for text written in capitals ("U.S. COMMERCIAL PAPER FALLS 375 MLN DLRS"): nearly
    all its letters, and enough of them to be words, not an acronym or two."""
    letters = letter_count(text)
    return letters >= UPPER_CASE_LETTERS and \
        _capital_count(text) / letters >= UPPER_CASE_SHARE


def _detokenise(text: str, source: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    src: list[int] = []
    opens: dict[int, bool] = {}  # a quote from PTB's `` (opening) or '' (closing) mark
    last = 0
    for m in _TOKEN_RE.finditer(text):
        out.append(text[last : m.start()])
        src.extend(source[last : m.start()])
        rep = _TOKENS[m.group().casefold()]
        if m.group() in ("``", "''"):
            opens[len(src)] = m.group() == "``"
        out.append(rep)
        src.extend([source[m.start()]] * len(rep))
        last = m.end()
    out.append(text[last:])
    src.extend(source[last:])
    text = "".join(out)
    keep = [True] * len(text)
    for m in _NUMBER_SPACES_RE.finditer(text):
        keep[m.start(1)] = keep[m.start(2)] = False
    for m in _SPACE_RE.finditer(text):
        keep[m.start()] = False
    # Quotes: drop the space inside '" word' / 'word "' pairs. PTB's marks say which they are;
    # so does a mark written against a word ('"We' opens, 'stay."' closes); a plain mark spaced
    # on both sides is an opening or a closing one by its turn. The marks that say set the
    # turn: an opening mark with no closing one (a quotation continued in the next paragraph)
    # must not turn every later pair inside out.
    quote_open = True
    for i, ch in enumerate(text):
        if ch == '"':
            before = i == 0 or text[i - 1].isspace()
            after = i + 1 == len(text) or text[i + 1].isspace()
            if i in opens:
                quote_open = opens[i]
            elif before != after:
                quote_open = before  # ('" We': an opening mark; 'stay "': a closing one)
            if quote_open and i + 1 < len(text) and text[i + 1] == " ":
                keep[i + 1] = False
            elif not quote_open and i > 0 and text[i - 1] == " ":
                keep[i - 1] = False
            quote_open = not quote_open
    return ("".join(c for c, k in zip(text, keep) if k),
            [s for s, k in zip(src, keep) if k])


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# (not after initials with stops: "N.Y. business loans", "U.S. officials")
_SENTENCE_START_RE = re.compile(r"(?:^|(?<!\.[A-Za-z])[.!?]\s+|\n\s*)([a-z])")


_WORD_BEFORE_RE = re.compile(r"([a-z]+)[ -]$")
_WORD_AFTER_RE = re.compile(r"[ -]([a-z]+)")


def _in_compound(text: str, start: int, end: int) -> bool:
    """True when the word at ``start``-``end`` is half of a compound the dictionary knows with
    the word before or after it, as a common word ("post mortem", "status quo", "vice versa"):
    no name."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER_RE.match(text, end, min(len(text), end + 30))
    w = text[start:end]
    pairs = ([(before.group(1), w)] if before else []) + ([(w, after.group(1))] if after else [])
    # (a compound that is itself a name, "Northern Ireland", "Grand Prix", is a name)
    return any(lexicon.lemmas(compound) and not lexicon.name_sense(compound)
               for a, b in pairs for compound in (f"{a}_{b}", f"{a}-{b}"))


def _recase(text: str, reference: str, *, new_names: bool, shouted: bool = False) -> str:
    """Capitalise sentence starts, days and months, and the words the reference writes as names
    (same length)."""
    cased: dict[str, str] = dict(_CALENDAR)
    lower: set[str] = set()
    # (the reference's own lines in capitals say nothing of which words are names)
    reference = _UPPER_LINE_RE.sub(
        lambda m: " " * len(m.group()) if _upper_case(m.group()) else m.group(), reference)
    for m in _WORD_RE.finditer(reference):
        w = m.group()
        before = reference[max(0, m.start() - 2) : m.start()]
        if w[:1].isupper() and not re.search(r"[.!?\"“]\s*$|^$", before):
            cased.setdefault(w.casefold(), w)
        elif w[:1].islower():
            lower.add(w)
    # Words the reference writes joined or split ("fat-phobia" / "fatphobia") are not new.
    # (runs of one to three of its words, each glued whole: "marr" is not in "marriage")
    tokens = [t for t in _NON_ALNUM_RE.split(reference.casefold()) if t]
    joined = {"".join(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens))}
    chars = list(text)
    for m in _WORD_RE.finditer(text):
        w = m.group()
        form = cased.get(w)
        if form is not None and w not in lower and len(form) == len(w):
            chars[m.start() : m.end()] = form
        elif new_names and form is None and w in NEWS_ACRONYMS:
            chars[m.start() : m.end()] = w.upper()  # "the ap notes": an agency, a source
        elif (new_names and form is None and len(w) >= MIN_NAME and w.isalpha()
              and w not in lower and w not in joined
              and w not in STOP and len(w[0].upper()) == 1
              and lexicon.available()
              and (not lexicon.lemmas(w) or lexicon.proper_noun(w)
                   # (in text that was in capitals, a name of the alias table: "JAPAN",
                   # "TURKEY", which are common words too)
                   or shouted and _known_name(w))
              and not _in_compound(text, m.start(), m.end())):
            # Unknown to the dictionary, or known only as a name ("texas"), and not in the
            # reference: most often a name the summary brought in ("lana del rey").
            chars[m.start()] = w[0].upper()
    if new_names and lexicon.available():
        # the reference's runs of two and three words, read once (each of the text's runs is
        # looked up, not searched for: the work stays linear in both texts' length)
        runs = {" ".join(tokens[i : i + n]) for n in (2, 3) for i in range(len(tokens) - n + 1)}
        _recase_compound_names(text, chars, runs)
    for m in _SENTENCE_START_RE.finditer(text):
        chars[m.start(1)] = chars[m.start(1)].upper()
    return "".join(chars)


# Runs of two or three words: the dictionary's compound names ("isle of wight").
_COMPOUND_RE = re.compile(r"(?=\b([a-z]+(?: [a-z]+){1,2})\b)")


def _recase_compound_names(text: str, chars: list[str], reference_runs: AbstractSet[str]) -> None:
    """Capitalise, in ``chars``, the compounds WordNet writes as names ("world cup" -> "World
    Cup", "isle of wight") that the reference never writes (``reference_runs``: its runs of two
    and three case-folded words): a name a lower-case summary brought in, each word of which is
    a common word on its own. Titles ("prime minister") are left."""
    for m in _COMPOUND_RE.finditer(text):
        words = m.group(1).split()
        for n in (3, 2):
            phrase = " ".join(words[:n])
            if len(words) < n or phrase in reference_runs:
                continue
            form = lexicon.name_form(phrase)
            if form is None:
                continue
            at = m.start(1)
            for w, cased in zip(words[:n], form.split("_")):
                if cased[:1].isupper():
                    chars[at] = cased[0]
                at += len(w) + 1
            break

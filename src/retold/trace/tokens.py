"""Unicode-aware tokenisation for corpus fingerprints.

Pure functions, stdlib only. Words are runs of letters and digits in any script; characters of
scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are one token
each, so a Chinese article shingles on characters. Everything is NFKC-normalised and casefolded,
so full-width digits, Arabic presentation forms and case differences do not matter.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from itertools import compress
from typing import Any, NamedTuple

# Scripts written without spaces between words: one character = one token.
_NOSPACE = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\U00020000-\U0002fa1f"
)
_TOKEN = re.compile(
    rf"[{_NOSPACE}]|[^\W_{_NOSPACE}]+(?:['’.,][^\W_{_NOSPACE}]+)*"
)
# The same, with sentence ends as tokens of their own (a full stop only before a space).
_END_CHARS = ".!?;\n\u061f\u06d4\u3002\uff01\uff1f\u0964"
_TOKEN_OR_END = re.compile(
    rf"[.!?;]+(?=\s|$)|[\n\u061f\u06d4\u3002\uff01\uff1f\u0964]+|{_TOKEN.pattern}"
)
_NOSPACE_CHAR = re.compile(rf"[{_NOSPACE}]")
# Sentence ends in Latin, Arabic/Urdu, CJK and Devanagari punctuation, plus line breaks.
_SENTENCE_END = re.compile(
    r"[.!?;]+(?=\s|$)|[\n\u061f\u06d4\u3002\uff01\uff1f\u0964]+"
)

# Small function-word lists: English plus the commonest words of a few languages in the news.
# Content-word signatures drop these; words of 2 letters or fewer are dropped anyway.
STOPWORDS = frozenset(
    ["the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one", "our", "out", "his", "has", "had", "him", "how", "its", "may", "new", "now", "who", "did", "get", "got", "let", "say", "she", "too", "use", "that", "with", "have", "this", "will", "your", "from", "they", "been", "were", "what", "when", "which", "their", "there", "would", "could", "should", "about", "after", "also", "into", "more", "most", "than", "them", "then", "these", "those", "other", "some", "such", "only", "over", "very", "just", "being", "because", "before", "between", "both", "each", "while", "where", "whom", "why", "under", "until", "upon", "during", "again", "further", "here", "once", "same", "own", "off", "above", "below", "said", "says", "told", "per", "via", "according", "reported", "report", "reports", "year", "years", "week", "month", "day", "days", "time", "times", "last", "first", "two", "three", "people", "many", "much", "even", "still", "back", "well", "made", "make", "like", "since", "around", "against", "among", "within", "without", "за", "на", "по", "не", "что", "как", "это", "его", "она", "они", "так", "все", "был", "было", "были", "для", "или", "при", "уже", "ещё", "еще", "если", "чтобы", "من", "في", "على", "إلى", "عن", "مع", "أن", "إن", "التي", "الذي", "هذا", "هذه", "ذلك", "كان", "قد", "لا", "ما", "هو", "هي", "بين", "بعد", "قبل", "كما", "أو", "ثم", "der", "die", "das", "und", "mit", "von", "den", "dem", "des", "ist", "nicht", "ein", "eine", "auf", "für", "sich", "auch", "als", "wie", "aus", "bei", "nach", "les", "des", "est", "une", "que", "qui", "dans", "pour", "par", "sur", "pas", "plus", "avec", "ont", "été", "aux", "ces", "son", "ses", "leur", "los", "las", "del", "que", "una", "por", "con", "para", "como", "más", "sus", "fue", "han"]
)
# Number words (English) for the fact channel; text keeps digits as they are.
_UNITS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "dozen": 12}


class Token(NamedTuple):
    """A casefolded token and its half-open character span in the normalised text."""

    text: str
    start: int
    end: int


def normalise(text: str) -> str:
    """Return ``text`` NFKC-normalised (full-width forms, ligatures, presentation forms folded)."""
    return unicodedata.normalize("NFKC", text)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into casefolded tokens, Unicode-aware.

    Words are separated by whitespace with their edge punctuation stripped; characters of
    scripts written without spaces are one token each.

    >>> tokenize("Ten people died in Mosul, officials said.")
    ['ten', 'people', 'died', 'in', 'mosul', 'officials', 'said']
    >>> tokenize("北京下雨")
    ['北', '京', '下', '雨']
    """
    return analyse(text)[0]


def sentences(text: str) -> list[str]:
    """Split ``text`` into rough sentences (enough for fact co-occurrence, not for display)."""
    return [s for s in _SENTENCE_END.split(normalise(text)) if s.strip()]


def raw_tokens(sentence: str) -> list[str]:
    """Tokens of one already-normalised sentence, case kept (capitals mark names)."""
    return _TOKEN.findall(sentence)


def stem(word: str) -> str:
    """Light, script-agnostic stem: the first six characters (prefix stemming).

    Truncation folds most inflection in English, Russian, German or French
    ("governments" -> "govern", "правительства" -> "правит") without a language model.
    """
    return word[:6]


def content_words(tokens: list[str], *, spaceless: bool | None = None) -> set[str]:
    """Stemmed content words of casefolded ``tokens``; for space-less scripts, character bigrams.

    ``spaceless`` says whether any token is from a script without spaces (None: find out).
    """
    stop = STOPWORDS
    uniq = set(tokens)
    uniq -= stop
    words = {t[:6] for t in uniq if len(t) > 2 and not t[0].isdigit()}
    if spaceless is None:
        spaceless = any(len(t) == 1 and _NOSPACE_CHAR.match(t) for t in uniq)
    if spaceless:
        prev = ""
        for tok in tokens:
            if len(tok) == 1 and _NOSPACE_CHAR.match(tok):
                if prev:
                    words.add(prev + tok)
                prev = tok
            else:
                prev = ""
    return words


def has_spaceless(text: str) -> bool:
    """True when ``text`` has characters of a script written without spaces (CJK, Thai, ...)."""
    return _NOSPACE_CHAR.search(text) is not None


def number_value(token: str) -> str | None:
    """Normalise a numeric token ("2,000", "3.5", "٢٠٢٠") to a canonical string, else None."""
    if token.isascii():
        if token.isdigit():
            return str(int(token))
    elif token.isdigit():  # Arabic-Indic, Devanagari, full-width ... digits
        return str(int(token))
    if not token or not token[0].isdigit():
        return None
    digits = []
    for ch in token:
        if ch.isdigit():
            digits.append(str(unicodedata.digit(ch)))
        elif ch in ",.'’":
            digits.append(ch)
        else:  # "19th", "5km": not a plain number
            return None
    s = "".join(digits).replace("'", "").replace("’", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s):
        s = s.replace(",", "")
    elif s.count(",") == 1 and "." not in s:  # decimal comma (European)
        s = s.replace(",", ".")
    s = s.replace(",", "")
    try:
        f = float(s)
    except ValueError:
        return None
    return str(int(f)) if f.is_integer() else repr(f)


def number_words(
    tokens: Sequence[str], i: int, *, split_hyphens: bool = False
) -> tuple[int, int] | None:
    """Parse an English number-word phrase at ``tokens[i]``; return (value, tokens used)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(tokens):
        w = tokens[j]
        if split_hyphens and "-" in w and not seen:  # "twenty-five" as one token
            parts = w.split("-")
            if all(p in _UNITS or p in _TENS for p in parts):
                current = sum(_UNITS.get(p, 0) + _TENS.get(p, 0) for p in parts)
                seen = True
                j += 1
                continue
            return None
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES and (seen or w == "dozen"):
            scale = _SCALES[w]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        elif w == "and" and seen and j + 1 < len(tokens) and (
            tokens[j + 1] in _UNITS or tokens[j + 1] in _TENS
        ):
            pass
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j - i


_NUMBER_START = frozenset(_UNITS) | frozenset(_TENS)


# Per distinct whitespace-separated word: its token (casefolded, edge punctuation stripped)
# and what the fact scan must know of it. Vocabularies repeat, so tokenising is str.split plus
# a dictionary look-up per word, both in C; Python only touches the few words that can be
# facts. Scripts written without spaces take the regular-expression path instead.
_PUNCT = "\"'“”‘’„«»‹›()[]{}<>,.;:!?…—–-/\\|*•·،؛؟۔。、！？：；（）「」『』《》#@+=~^`"
_DIGIT, _CAPITAL, _NUMWORD, _END = 1, 2, 4, 8
# word -> (token, bit set of the kinds above, crc32 of the token, crc32 of its content-word stem
# or 0 when it is not a content word)
_entry: dict[str, tuple[str, int, int, int]] = {}
_fact: dict[str, str | None] = {}  # word -> "#<number>" or "@<name stem>" if it can be one


def _learn(word: str) -> None:
    tok = word.strip(_PUNCT)
    kind = _END if word[-1] in _END_CHARS else 0
    fact = None
    low = tok.casefold()
    if tok:
        c = tok[0]
        if c.isdigit():
            value = number_value(low)
            if value is not None:
                kind |= _DIGIT
                fact = "#" + value
        elif low in _NUMBER_START or low.split("-")[0] in _NUMBER_START:
            kind |= _NUMWORD
        elif c.isupper() and low not in STOPWORDS and len(tok) > 1 and not (
            tok.isupper() and len(tok) > 5  # SHOUTED words are not names
        ):
            kind |= _CAPITAL
            fact = "@" + low[:6]
    data = low.encode("utf-8", "surrogatepass")
    stem = (zlib.crc32(low[:6].encode("utf-8", "surrogatepass"))
            if len(low) > 2 and low not in STOPWORDS and not low[0].isdigit() else 0)
    _entry[word] = (low, kind, zlib.crc32(data), stem)
    _fact[word] = fact


def analyse(text: str) -> tuple[list[str], list[list[str]]]:
    """Return ``(tokens, facts)`` of ``text`` in one pass.

    ``tokens`` are as :func:`tokenize` gives them; ``facts`` as :func:`facts`.
    """
    tokens, _, _, found = _scan(text)
    return tokens, found


def encode(text: str) -> tuple[list[int], list[int], list[list[str]]]:
    """What a fingerprint needs, in one pass: ``(token hashes, stem hashes, facts)``.

    Token hashes are crc32 of each token (stable across processes and runs); stem hashes are
    crc32 of the content-word stems (0 for other tokens; for space-less scripts, of character
    bigrams, see :func:`content_words`).
    """
    tokens, hashes, stems, found = _scan(text)
    if hashes is None:  # the regex path
        hashes = [zlib.crc32(t.encode("utf-8", "surrogatepass")) for t in tokens]
        stems = [zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in content_words(tokens)]
    return hashes, stems, found  # type: ignore[return-value]


def _scan(text: str) -> tuple[list[str], Any, Any, list[list[str]]]:
    text = normalise(text)
    if _NOSPACE_CHAR.search(text):
        tokens, sentence_facts = _analyse_regex(text)
        return tokens, None, None, sentence_facts
    words = text.split()
    if not words:
        return [], [], [], []
    if len(_entry) > 1_000_000:  # bounded over a long run
        _entry.clear()
        _fact.clear()
    try:
        entries = list(map(_entry.__getitem__, words))
    except KeyError:
        for w in words:
            if w not in _entry:
                _learn(w)
        entries = list(map(_entry.__getitem__, words))
    folded, kinds, hashes, stems = zip(*entries)
    out: list[list[str]] = []
    found: list[str] = []
    skip_to = 0
    for i in compress(range(len(words)), kinds):
        kind = kinds[i]
        if i >= skip_to and kind != _END:
            if kind & _NUMWORD:
                parsed = number_words(folded, i, split_hyphens=True)
                if parsed is not None:
                    if parsed[0] > 1:
                        found.append("#" + str(parsed[0]))
                    skip_to = i + parsed[1]
            elif kind & _DIGIT or (i != 0 and not kinds[i - 1] & _END):
                found.append(_fact[words[i]])  # type: ignore[arg-type]
                # (a capital right after a full stop says nothing: skipped)
        if kind & _END and found:
            out.append(found)
            found = []
    if found:
        out.append(found)
    if "" in folded:  # words of punctuation only
        keep = [i for i, t in enumerate(folded) if t]
        return ([folded[i] for i in keep], [hashes[i] for i in keep], stems, out)
    return list(folded), hashes, stems, out


def _analyse_regex(text: str) -> tuple[list[str], list[list[str]]]:
    """:func:`analyse` for texts with space-less scripts: regex tokens, CJK characters alone."""
    raw = _TOKEN_OR_END.findall(text)
    out: list[list[str]] = []
    found: list[str] = []
    tokens: list[str] = []
    after_end = True
    i = 0
    folded = [t.casefold() for t in raw]
    while i < len(raw):
        tok, low = raw[i], folded[i]
        if tok[0] in _END_CHARS:
            if found:
                out.append(found)
                found = []
            after_end = True
            i += 1
            continue
        tokens.append(low)
        if tok[0].isdigit():
            value = number_value(tok)
            if value is not None:
                found.append("#" + value)
        elif low in _NUMBER_START:
            parsed = number_words(folded, i)
            if parsed is not None and parsed[0] > 1:
                found.append("#" + str(parsed[0]))
        elif tok[0].isupper() and not after_end and len(tok) > 1 and low not in STOPWORDS:
            found.append("@" + low[:6])
        after_end = False
        i += 1
    if found:
        out.append(found)
    return tokens, out


def facts(text: str) -> list[list[str]]:
    """Fact tokens per sentence: numbers (digits or English words), and capitalised names.

    Numbers become ``"#<value>"`` ("2,000" and "two thousand" both ``"#2000"``); a capitalised
    word (not the first of its sentence, not a stopword) becomes ``"@<stem>"`` (casefolded,
    six-letter prefix). Scripts without case contribute numbers only. Order inside a sentence
    is not kept.

    >>> facts("Officials said 2,000 people fled Mosul. Two thousand fled.")
    [['#2000', '@mosul'], ['#2000']]
    """
    return analyse(text)[1]

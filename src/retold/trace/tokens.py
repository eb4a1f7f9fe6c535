"""Unicode-aware tokenisation for corpus fingerprints.

Pure functions (stdlib and numpy). Words are runs of letters and digits in any script; characters of
scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are one token
each, so a Chinese article shingles on characters. Everything is NFKC-normalised and casefolded,
so full-width digits, Arabic presentation forms and case differences do not matter.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from itertools import compress
from typing import NamedTuple

import numpy as np

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


# Tokenising an article is str.split plus one dictionary look-up per word (both in C): every
# distinct whitespace-separated word gets an id in a vocabulary whose columns (token hash,
# content-word stem hash, what the fact scan must know) are numpy arrays, so an article's hashes
# are one fancy-indexing step. Python only touches the few words that can be facts. Texts in
# scripts written without spaces are cut by a regular expression instead (see _words), and their
# pieces go through the same vocabulary and fact rules.
_PUNCT = "\"'“”‘’„«»‹›()[]{}<>,.;:!?…—–-/\\|*•·،؛؟۔。、！？：；（）「」『』《》#@+=~^`"
_DIGIT, _CAPITAL, _NUMWORD, _END = 1, 2, 4, 8
_VOCABULARY_LIMIT = 1_000_000  # words; the vocabulary starts again past it (a long run)


class _Vocabulary:
    """Every distinct whitespace-separated word seen, by id, with numpy columns:
    ``kind`` (bit set of the kinds above), ``hash`` (crc32 of the casefolded token),
    ``stem`` (crc32 of its content-word stem, 0 when it is not a content word) and ``blank``
    (the word is punctuation only); and Python lists ``token`` and ``fact`` ("#<number>" or
    "@<name stem>" when the word can be one)."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Forget every word (ids restart at 0)."""
        self.ids = _Ids(self._learn)
        self.token: list[str] = []
        self.fact: list[str | None] = []
        self.kind = np.zeros(4096, dtype=np.uint8)
        self.hash = np.zeros(4096, dtype=np.uint32)
        self.stem = np.zeros(4096, dtype=np.uint32)
        self.blank = np.zeros(4096, dtype=bool)

    def lookup(self, words: list[str]) -> list[int]:
        """The ids of ``words``, learning the new ones."""
        if len(self.token) > _VOCABULARY_LIMIT:
            self.clear()
        return list(map(self.ids.__getitem__, words))  # a new word: _Ids.__missing__

    def _learn(self, word: str) -> int:
        i = len(self.token)
        if i == len(self.kind):
            for name in ("kind", "hash", "stem", "blank"):
                column = getattr(self, name)
                setattr(self, name, np.concatenate([column, np.zeros_like(column)]))
        tok = word.strip(_PUNCT).strip()  # (whitespace: a line break is a sentence-end token)
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
        self.kind[i] = kind
        self.hash[i] = zlib.crc32(low.encode("utf-8", "surrogatepass"))
        self.stem[i] = (zlib.crc32(low[:6].encode("utf-8", "surrogatepass"))
                        if len(low) > 2 and low not in STOPWORDS and not low[0].isdigit() else 0)
        self.blank[i] = not low
        self.token.append(low)
        self.fact.append(fact)
        self.ids[word] = i
        return i


class _Ids(dict[str, int]):
    """word -> id; a missing word is learnt (so a look-up stays one C call per known word)."""

    def __init__(self, learn: Callable[[str], int]) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, word: str) -> int:
        return self._learn(word)


_vocabulary = _Vocabulary()
# Held from a text's look-up to its last read of the columns: a thread learning words grows
# (or, past the limit, restarts) the vocabulary under another's feet.
_vocabulary_lock = threading.Lock()


class _TokenView(Sequence[str]):
    """The casefolded tokens of a list of word ids, looked up only where read."""

    def __init__(self, ids: list[int]) -> None:
        self._ids = ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        return _vocabulary.token[self._ids[i]]


def _words(text: str) -> tuple[list[str], bool]:
    """The words of normalised ``text`` and whether it has a space-less script: whitespace-
    separated words, or for space-less scripts regular-expression tokens (one CJK character
    each) with sentence ends as tokens of their own. Either kind goes through the vocabulary."""
    if _NOSPACE_CHAR.search(text):
        return _TOKEN_OR_END.findall(text), True
    return text.split(), False


def analyse(text: str) -> tuple[list[str], list[list[str]]]:
    """Return ``(tokens, facts)`` of ``text`` in one pass.

    ``tokens`` are as :func:`tokenize` gives them; ``facts`` as :func:`facts`.
    """
    words, _ = _words(normalise(text))
    with _vocabulary_lock:
        ids = _vocabulary.lookup(words)
        tokens = [t for t in map(_vocabulary.token.__getitem__, ids) if t]
        return tokens, _sentence_facts(ids, np.array(ids, dtype=np.intp))


def encode(text: str) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """What a fingerprint needs, in one pass: ``(token hashes, stem hashes, facts)``.

    Token hashes (uint32, in order) are crc32 of each token, stable across processes and runs;
    stem hashes (uint32, distinct) are crc32 of the content-word stems (for space-less
    scripts, of character bigrams, see :func:`content_words`); facts as :func:`facts`.
    """
    words, spaceless = _words(normalise(text))
    if not words:
        empty = np.zeros(0, dtype=np.uint32)
        return empty, empty, []
    with _vocabulary_lock:
        v = _vocabulary
        ids = v.lookup(words)
        at = np.array(ids, dtype=np.intp)
        hashes = v.hash[at]
        blank = v.blank[at]
        stems = np.sort(v.stem[at])
        found = _sentence_facts(ids, at)
        if spaceless:  # character bigrams: stems of neighbouring tokens, not of one word
            tokens = [t for t in map(v.token.__getitem__, ids) if t]
    if blank.any():  # words of punctuation only are no tokens
        hashes = hashes[~blank]
    if spaceless:
        bigrams = [zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in content_words(tokens)]
        return hashes, np.unique(np.array(bigrams, dtype=np.uint32)), found
    first = np.empty(len(stems), dtype=bool)  # distinct and not 0 (np.unique is slower here)
    first[0] = stems[0] != 0
    np.not_equal(stems[1:], stems[:-1], out=first[1:])
    return hashes, stems[first], found


def _sentence_facts(ids: list[int], at: np.ndarray) -> list[list[str]]:
    """Fact tokens per sentence of the words ``ids`` (also as an array, ``at``; see
    :func:`facts`)."""
    v = _vocabulary
    kinds = v.kind[at].tolist()
    fact = v.fact
    out: list[list[str]] = []
    found: list[str] = []
    skip_to = 0
    folded: Sequence[str] | None = None
    for i in compress(range(len(kinds)), kinds):
        kind = kinds[i]
        if i >= skip_to and kind != _END:
            if kind & _NUMWORD:
                if folded is None:
                    folded = _TokenView(ids)
                parsed = number_words(folded, i, split_hyphens=True)
                if parsed is not None:
                    if parsed[0] > 1:
                        found.append("#" + str(parsed[0]))
                    skip_to = i + parsed[1]
            elif kind & _DIGIT or (i != 0 and not kinds[i - 1] & _END):
                found.append(fact[ids[i]])  # type: ignore[arg-type]
                # (a capital right after a full stop says nothing: skipped)
        if kind & _END and found:
            out.append(found)
            found = []
    if found:
        out.append(found)
    return out


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

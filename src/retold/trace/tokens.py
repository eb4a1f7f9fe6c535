"""Unicode-aware tokenisation for corpus fingerprints.

Pure functions, stdlib only. Words are runs of letters and digits in any script; characters of
scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are one token
each, so a Chinese article shingles on characters. Everything is NFKC-normalised and casefolded,
so full-width digits, Arabic presentation forms and case differences do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

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
    rf"[{_NOSPACE}]|[^\W_{_NOSPACE}]+(?:['’\-.,][^\W_{_NOSPACE}]+)*"
)
_NOSPACE_CHAR = re.compile(rf"[{_NOSPACE}]")
# Sentence ends in Latin, Arabic/Urdu, CJK and Devanagari punctuation, plus line breaks.
_SENTENCE_END = re.compile(r"[.!?;\n\u061f\u06d4\u3002\uff01\uff1f\u0964]+")

# Small function-word lists: English plus the commonest words of a few languages in the news.
# Content-word signatures drop these; words of 2 letters or fewer are dropped anyway.
STOPWORDS = frozenset(
    """
    the and for are but not you all any can her was one our out his has had him how its may new now
    who did get got let say she too use that with have this will your from they been were what when
    which their there would could should about after also into more most than them then these those
    other some such only over very just being because before between both each while where whom why
    under until upon during again further here once same own off above below said says told per via
    according reported report reports year years week month day days time times last first two three
    people many much even still back well made make like since around against among within without
    за на по не что как это его она они так все был было были для или при уже ещё еще если чтобы
    من في على إلى عن مع أن إن التي الذي هذا هذه ذلك كان قد لا ما هو هي بين بعد قبل كما أو ثم
    der die das und mit von den dem des ist nicht ein eine auf für sich auch als wie aus bei nach
    les des est une que qui dans pour par sur pas plus avec ont été aux ces son ses leur
    los las del que una por con para como más sus fue han
    """.split()
)
# Number words (English) for the fact channel; text keeps digits as they are.
_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
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


def tokenize(text: str, *, normalised: bool = False) -> list[str]:
    """Split ``text`` into casefolded tokens, Unicode-aware.

    >>> tokenize("Ten people died in Mosul, officials said.")
    ['ten', 'people', 'died', 'in', 'mosul', 'officials', 'said']
    >>> tokenize("北京下雨")
    ['北', '京', '下', '雨']
    """
    return _TOKEN.findall((text if normalised else normalise(text)).casefold())


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


def content_words(tokens: list[str]) -> set[str]:
    """Stemmed content words of casefolded ``tokens``; for space-less scripts, character bigrams."""
    words: set[str] = set()
    prev_cjk = ""
    stop = STOPWORDS
    for tok in tokens:
        if tok[0] >= "\u0e00" and len(tok) == 1 and _NOSPACE_CHAR.match(tok):
            if prev_cjk:
                words.add(prev_cjk + tok)
            prev_cjk = tok
            continue
        prev_cjk = ""
        if len(tok) > 2 and tok not in stop and not tok[0].isdigit():
            words.add(tok[:6])
    return words


def number_value(token: str) -> str | None:
    """Normalise a numeric token ("2,000", "3.5", "٢٠٢٠") to a canonical string, else None."""
    if not token or not token[0].isdigit():
        return None
    digits = []
    for ch in token:
        if ch.isdigit():
            digits.append(str(unicodedata.digit(ch)))
        elif ch in ",'’" or ch == ".":
            digits.append(ch)
        else:  # "19-year-old", "covid-19": not a plain number
            return None
    s = "".join(digits).replace("'", "").replace("’", "")
    if "," in s and "." not in s and re.fullmatch(r"\d{1,3}(,\d{3})+", s):
        s = s.replace(",", "")
    elif s.count(",") == 1 and "." not in s:  # decimal comma (European)
        s = s.replace(",", ".")
    s = s.replace(",", "")
    if "." in s:
        try:
            f = float(s)
        except ValueError:
            return None
        return str(int(f)) if f.is_integer() else repr(f)
    return str(int(s)) if s.isdigit() else None


def number_words(tokens: list[str], i: int) -> tuple[int, int] | None:
    """Parse an English number-word phrase at ``tokens[i]``; return (value, tokens used)."""
    total, current, j, seen = 0, 0, i, False
    while j < len(tokens):
        w = tokens[j]
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


def facts(text: str, *, normalised: bool = False) -> list[list[str]]:
    """Fact tokens per sentence: numbers (digits or English words), and capitalised names.

    Numbers become ``"#<value>"`` ("2,000" and "two thousand" both ``"#2000"``); a capitalised
    word (not the first of its sentence, not a stopword) becomes ``"@<stem>"``. Scripts without
    case contribute numbers only.

    >>> facts("Officials said 2,000 people fled Mosul. Two thousand fled.")
    [['#2000', '@mosul'], ['#2000']]
    """
    out: list[list[str]] = []
    numword = _NUMBER_START
    for sent in sentences(text if normalised else normalise(text)):
        toks = _TOKEN.findall(sent)
        found: list[str] = []
        i, n = 0, len(toks)
        while i < n:
            tok = toks[i]
            c = tok[0]
            if c.isdigit():
                value = number_value(tok)
                if value is not None:
                    found.append("#" + value)
                i += 1
                continue
            upper = c.isupper()
            if tok in numword or (upper and tok.casefold() in numword):
                parsed = number_words([t.casefold() for t in toks[i : i + 8]], 0)
                if parsed is not None and parsed[0] > 1:
                    found.append("#" + str(parsed[0]))
                    i += parsed[1]
                    continue
            if upper and i > 0 and len(tok) > 1 and not (tok.isupper() and len(tok) > 5):
                low = tok.casefold()
                if low not in STOPWORDS:  # a capital after a full stop says nothing (i > 0)
                    found.append("@" + low[:6])
            i += 1
        if found:
            out.append(found)
    return out


_NUMBER_START = frozenset(_UNITS) | frozenset(_TENS)

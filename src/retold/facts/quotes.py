"""Quotations: words between quote marks, compared word for word.

Marks: straight and curly double quotes, «French» and »German« guillemets, „German“ quotes, and
single quotes (curly or straight) when they are plainly quote marks, not apostrophes (an
opening mark after a space and before a letter, a closing mark after a non-space and before a
non-letter; "the soldiers’ homes" is a possessive and is passed over when another closing mark
follows). Marks are paired greedily inside one paragraph (a blank line ends every quotation), so
a quotation may span sentences.

Machine translation breaks quotes: a closing mark goes missing, a stray one lands after the
last words ('... we will return." They cannot stop us. "'), or a phrase is quoted as a
fragment. The repairs are: a stray closing mark after a finished quotation, with no speech verb
in between, extends that quotation to itself; an opening mark never closed runs to the end of
its paragraph when that is short; anything under ``MIN_QUOTE_WORDS`` words is a scare quote or a
fragment and is not a quotation. Unbalanced marks never raise.

A fact's text is the quoted words WITHOUT the marks: the marks are typography, and a changed quote
style must not move the span. ``key`` is the words in lowercase without punctuation; ``role`` the
speaker as written when one is found nearby ("Doe said:", "according to Doe", "a message which
read:", "", said Doe"), else "". ``note`` says when marks were repaired.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.fuzz import token_set_ratio

from retold.facts import attributions, names
from retold.facts.base import Context
from retold.memo import text_memo
from retold.model import Document, Fact, Sentence

__all__ = ["EMBEDDED_POST_RE", "MIN_QUOTE_WORDS", "compatible", "equivalent", "explain", "extract",
           "post_signature", "quote_spans", "slot_score"]

# Fewer words than this between marks is a scare quote ("so-called 'experts'") or a fragment left
# by machine translation (" Freedom "), not a quotation.
MIN_QUOTE_WORDS = 3
# An opening mark never closed runs to the end of its paragraph only if that is this short
# (about two sentences); a longer run is more likely a stray mark than a quotation.
UNCLOSED_MAX = 300
# A stray closing mark may extend the quotation before it across at most this many characters.
STRAY_GAP_MAX = 200
# Single-quote quotations are riskier (apostrophes); they are sought over at most this many
# characters.
SINGLE_MAX = 300
# Quotes shown in explanations are cut at a word boundary near this many characters.
SHOW_CHARS = 70

_DOUBLE = '"“”„«»'
_SINGLE = "'‘’‚"
_DOUBLE_RE = re.compile(f"[{_DOUBLE}]")
_SINGLE_OPEN_RE = re.compile(r"[‘'‚](?=[^\W\d_])")
_PARAGRAPH_RE = re.compile(r"\n[ \t\u00a0\u202f\r]*\n")
_WORD_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+|\d+")
_KEY_RE = re.compile(r"\w+")
_SPACE_CHARS = " \t\n\r\u00a0\u202f\u2009\u200b"
_BEFORE_OPEN = "([{—–-/"
_NEXT_PARAGRAPH_OPENS_RE = re.compile(r"\s*[\"“«„‘']")
CONTINUES = "the quotation continues in the next paragraph"
# Doubled single marks written for double ones (‘‘...’’, and ``...'' in tokenised text) read
# as one double mark: the first character becomes the mark, the second a space (offsets stay).
_DOUBLED_RE = re.compile(r"‘‘|’’|``|''")
_DOUBLED_AS = {"‘‘": " “", "’’": "” ", "``": ' "', "''": '" '}


def _mark_view(text: str) -> str:
    """Return ``text`` with doubled single quote marks written as double marks (same length)."""
    if "‘‘" not in text and "’’" not in text and "``" not in text and "''" not in text:
        return text
    return _DOUBLED_RE.sub(lambda m: _DOUBLED_AS[m.group()], text)
_AFTER_CLOSE = ".,;:!?)]}—–-…"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: marks at ``open`` and ``close`` (``close`` may be the paragraph end)."""

    open: int
    close: int
    start: int  # first quoted character (marks and spaces trimmed)
    end: int
    note: str = ""


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each blank-line-separated paragraph."""
    out, pos = [], 0
    for m in _PARAGRAPH_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _space_before(text: str, i: int, floor: int) -> bool:
    """True when the character before ``i`` is a space, an opening bracket or the start."""
    return i <= floor or text[i - 1] in _SPACE_CHARS or text[i - 1] in _BEFORE_OPEN


def _space_after(text: str, i: int, ceiling: int) -> bool:
    """True when the character after ``i`` is a space, closing punctuation or the end."""
    return i + 1 >= ceiling or text[i + 1] in _SPACE_CHARS or text[i + 1] in _AFTER_CLOSE


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces (NBSP included) from both ends of ``[start, end)``."""
    while start < end and text[start] in _SPACE_CHARS:
        start += 1
    while end > start and text[end - 1] in _SPACE_CHARS:
        end -= 1
    return start, end


def _words(s: str) -> int:
    """Count words (each CJK character counts as one: those scripts do not use spaces)."""
    return len(_WORD_RE.findall(s))


def _apostrophe(text: str, i: int) -> bool:
    """A double mark a page set for an apostrophe between a word and its "s" ("Lind”s sister",
    "Norway”s top court"): no quotation opens or closes there."""
    return i > 0 and text[i - 1].isalpha() and text[i + 1 : i + 2] == "s" and \
        not text[i + 2 : i + 3].isalpha()


def _double_quotes(text: str, floor: int, ceiling: int) -> list[QuoteSpan]:
    """Pair the double quote marks of one paragraph greedily, repairing broken ones."""
    marks = [m.start() for m in _DOUBLE_RE.finditer(text, floor, ceiling)
             if not _apostrophe(text, m.start())]
    if not marks:
        return []
    guillemets = [text[i] for i in marks if text[i] in "«»"]
    reversed_guillemets = bool(guillemets) and guillemets[0] == "»"  # German »...«

    def opener_like(i: int) -> bool:
        return _space_before(text, i, floor) and not _space_after(text, i, ceiling)

    def closer_like(i: int) -> bool:
        return not _space_before(text, i, floor) and _space_after(text, i, ceiling)

    def can_open(i: int) -> bool:
        c = text[i]
        if c in "«»":
            return c == ("»" if reversed_guillemets else "«")
        if c in "„“":
            return True
        return not closer_like(i)  # " and ” (Swedish uses ” both ways)

    def can_close(i: int, opened: int) -> bool:
        c = text[i]
        if c in "«»":
            return c == ("«" if reversed_guillemets else "»")
        if c == "„":
            return False
        if c == "“":
            return text[opened] == "„" or closer_like(i)  # „German“; else a new opener
        return not opener_like(i)

    pairs: list[tuple[int, int]] = []
    strays: list[int] = []
    opened: int | None = None
    for i in marks:
        if opened is None:
            if can_open(i):
                opened = i
            else:
                strays.append(i)
        elif can_close(i, opened):
            pairs.append((opened, i))
            opened = None
        elif can_open(i):
            strays.append(opened)
            opened = i
        else:
            strays.append(i)

    quotes: dict[int, QuoteSpan] = {}
    for o, c in pairs:
        quotes[o] = QuoteSpan(o, c, *_trim(text, o + 1, c))
    if opened is not None:
        rest = text[opened + 1:ceiling]
        # News style leaves a quotation open at the end of each of its paragraphs but the last
        # and opens the next one with a mark again: then the length does not matter.
        continues = _NEXT_PARAGRAPH_OPENS_RE.match(text, ceiling) is not None
        if opener_like(opened) and (len(rest) <= UNCLOSED_MAX or continues) \
                and _words(rest) >= MIN_QUOTE_WORDS:
            note = (CONTINUES if continues
                    else "no closing quote mark; taken to the paragraph end")
            quotes[opened] = QuoteSpan(opened, ceiling, *_trim(text, opened + 1, ceiling),
                                       note=note)
        else:
            strays.append(opened)

    # A stray closing mark after a finished quotation: machine translation split the quote.
    # Only a mark that closes (after a word, or the last thing in its paragraph) extends, and
    # only a real quotation: a scare quote followed by a stray mark stays a scare quote.
    for s in sorted(strays):
        at_end = not text[s + 1:ceiling].strip()
        opening_only = text[s] == "„" or text[s] == ("»" if reversed_guillemets else "«")
        if opening_only or not (closer_like(s) or at_end):
            continue
        if s > floor and text[s - 1].isdigit():
            continue  # a 12" screen: an inch mark, not a quote mark
        before = [q for q in quotes.values() if q.close < s]
        if not before:
            continue
        last = max(before, key=lambda q: q.close)
        if _words(text[last.start:last.end]) < MIN_QUOTE_WORDS:
            continue
        gap = text[last.close + 1:s]
        if (len(gap) <= STRAY_GAP_MAX and not any(ch in _DOUBLE for ch in gap)
                and not attributions._VERB_RE.search(gap) and gap.strip()):
            quotes[last.open] = QuoteSpan(last.open, s, *_trim(text, last.open + 1, s),
                                          note="quote marks broken; joined across a stray mark")
    return [q for q in quotes.values() if _words(text[q.start:q.end]) >= MIN_QUOTE_WORDS]


def _single_quotes(text: str, floor: int, ceiling: int,
                   taken: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Find single-quote quotations in one paragraph, telling quote marks from apostrophes."""
    out: list[QuoteSpan] = []
    resume = floor
    for m in _SINGLE_OPEN_RE.finditer(text, floor, ceiling):
        i = m.start()
        if i < resume or not _space_before(text, i, floor):
            continue
        if any(o <= i <= e for o, e in taken):
            continue  # a quotation inside a quotation is part of it
        close = _single_close(text, i, min(ceiling, i + SINGLE_MAX))
        if close is not None:
            start, end = _trim(text, i + 1, close)
            if _words(text[start:end]) >= MIN_QUOTE_WORDS:
                out.append(QuoteSpan(i, close, start, end))
                resume = close + 1
        elif not text[floor:i].strip() and _NEXT_PARAGRAPH_OPENS_RE.match(text, ceiling) \
                and not any(c in text[i + 1:ceiling] for c in "’'") \
                and _words(text[i + 1:ceiling]) >= MIN_QUOTE_WORDS:
            # a paragraph that opens a quotation it never closes, before one that opens
            # with a mark again: the quotation runs on (news style, in single marks too)
            out.append(QuoteSpan(i, ceiling, *_trim(text, i + 1, ceiling), note=CONTINUES))
            break
    return out


def _single_close(text: str, opened: int, limit: int) -> int | None:
    """Return the closing single mark for the one at ``opened``: not an apostrophe."""
    closers = "’'" if text[opened] != "‚" else "‘’'"
    possessive: int | None = None
    for j in range(opened + 2, limit):
        if text[j] == "\n" and j + 1 < limit and text[j + 1] == "\n":
            break
        if text[j] not in closers or text[j - 1] in _SPACE_CHARS:
            continue
        nxt = text[j + 1] if j + 1 < len(text) else ""
        if nxt.isalnum():
            continue  # don’t, O’Brien: an apostrophe inside a word
        if text[j - 1] in "sS" and nxt == " " and j + 2 < len(text) and text[j + 2].islower():
            possessive = possessive if possessive is not None else j  # the soldiers’ homes
            continue
        return j
    return possessive


def quote_spans(text: str) -> list[QuoteSpan]:
    """Return the quotations of a text in order (marks paired, repaired, fragments dropped)."""
    out: list[QuoteSpan] = []
    text = _mark_view(text)
    for floor, ceiling in _paragraphs(text):
        if not any(ch in text[floor:ceiling] for ch in _DOUBLE + _SINGLE):
            continue
        doubles = _double_quotes(text, floor, ceiling)
        taken = [(q.open, q.close) for q in doubles]
        out.extend(doubles)
        out.extend(_single_quotes(text, floor, ceiling, taken))
    out.sort(key=lambda q: q.start)
    return out


# Words a title keeps in lower case ("Meet the Press", "Gone with the Wind").
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at",
                          "with", "from", "by", "as", "but", "nor"})
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
TITLE_MAX_WORDS = 8


def _in_title_case(text: str, sentences: Sequence[Sentence], at: int) -> bool:
    """Whether the sentence at ``at`` is written in title case (a headline: every word
    capitalised, quoted or not)."""
    sid = names._sentence_id(sentences, at)
    sentence = next((s for s in sentences if s.id == sid), None)
    return sentence is not None and names.title_case(sentence.text)


def title_like(quoted: str) -> bool:
    """True for quoted words in title case ("Meet the Press", "This Week.", "Keep Ohio
    Strong"): the name of a show, a book, a slogan, not words someone said. Two words at least,
    every one capitalised but the small words a title keeps in lower case."""
    words = _TITLE_WORD_RE.findall(quoted)
    if not 2 <= len(words) <= TITLE_MAX_WORDS or re.search(r"[,;:!?]", quoted):
        return False
    big = [w for w in words if w.casefold() not in _TITLE_SMALL or w is words[0]]
    return all(w[0].isupper() for w in big) and not all(w.isupper() for w in big)


def _key(quoted: str) -> str:
    """Return the comparable words of a quotation: lowercase, punctuation dropped, the stops of
    an abbreviation too ("U.K." is "UK"), and British -ise spelt as American -ize ("normalises"
    is "normalizes": an outlet's house style, not the speaker's words)."""
    words = _KEY_RE.findall(_DOTTED_RE.sub(_undotted, quoted).casefold())
    return " ".join(_ISE_RE.sub(r"\1z\2", w) for w in words)


# -ise, -ised, -ises, -ising, -isation after three letters ("organisation", "normalises"; not
# "rise", "wise", "raised")
_ISE_RE = re.compile(r"^(\w{3,}i)s(e|ed|es|ing|ation|ations)$")


_DOTTED_RE = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}")


def _undotted(m: re.Match[str]) -> str:
    return m.group().replace(".", "")


def _run_on(spans: list[QuoteSpan], text: str,
            speaker: Callable[[QuoteSpan], str]) -> list[QuoteSpan]:
    """The quotations with each one that runs on into the next paragraph joined to its rest
    there (one statement, one speaker: the reporting clause comes with its last part), unless
    the two parts name two speakers ('Reed said: "We will not back down.' / '"This is a
    disgrace," said Lee')."""
    out: list[QuoteSpan] = []
    for q in spans:
        last = out[-1] if out else None
        if last is not None and last.note == CONTINUES and q.open >= last.close \
                and not text[last.close:q.open].strip():
            first, rest = speaker(last), speaker(q)
            if not (first and rest and not attributions.same_speaker(first, rest)):
                out[-1] = QuoteSpan(last.open, q.close, last.start, q.end, note=q.note)
                continue
        out.append(q)
    return out


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> list[Fact]:
    """Return the quotations of a document (text: the quoted words without the marks)."""
    del context
    text = doc.text
    view = _mark_view(text)  # the speaker is found as if doubled single marks were double
    facts: list[Fact] = []
    paragraphs = _paragraphs(text)

    def own_speaker(q: QuoteSpan) -> str:  # (read within the quotation's own paragraph)
        k = bisect_right(paragraphs, q.open, key=lambda p: p[0]) - 1
        floor, ceiling = paragraphs[k] if k >= 0 and q.open < paragraphs[k][1] \
            else (0, len(text))
        return attributions.speaker_near(view, sentences, q.open, min(q.close + 1, ceiling),
                                         floor, ceiling)

    for q in _run_on(quote_spans(text), text, own_speaker):
        k = bisect_right(paragraphs, q.open, key=lambda p: p[0]) - 1
        floor, ceiling = paragraphs[k] if k >= 0 and q.open < paragraphs[k][1] \
            else (0, len(text))
        last = bisect_right(paragraphs, q.close, key=lambda p: p[0]) - 1
        if last > k >= 0:
            ceiling = paragraphs[last][1]  # run on: its reporting clause is in its last part
        speaker = attributions.speaker_near(view, sentences, q.open, min(q.close + 1, ceiling),
                                            floor, ceiling)
        quoted = text[q.start:q.end]
        if not speaker and title_like(quoted) and not _in_title_case(text, sentences, q.start):
            continue  # NBC's "Meet the Press", a "Keep Ohio Strong" cap: a title, no quotation
        facts.append(Fact(kind="quote", start=q.start, end=q.end, text=quoted,
                          sentence=names._sentence_id(sentences, q.start), key=_key(quoted),
                          role=speaker, note=q.note))
    taken = [(f.start, f.end) for f in facts]
    for m in EMBEDDED_POST_RE.finditer(text):
        start, end = m.span("post")
        if any(s < end and start < e for s, e in taken):
            continue
        quoted = m.group("post")
        facts.append(Fact(kind="quote", start=start, end=end, text=quoted,
                          sentence=names._sentence_id(sentences, start), key=_key(quoted),
                          role=m.group("who").strip(), note="embedded post"))
    return facts


# A post embedded in a page: its text, then a line signing it with the poster's name and handle
# ("— Luis Ortega (@GovOrtega) May 6, 2024"): a quotation of the poster, without marks.
_SIGNATURE = r"(?:[—–-][^\S\n]*)?(?P<who>[^\n(@—–]{0,60}?)[^\S\n]*\(@\w+\)[^\n]{0,40}"
EMBEDDED_POST_RE = re.compile(
    rf"(?m)^(?P<post>[^\n“”\"]*[^\s“”\"])[^\S\n]*\n+(?P<sig>{_SIGNATURE})$")
_POST_SIGNATURE_RE = re.compile(_SIGNATURE)


def post_signature(line: str) -> bool:
    """True for the line that signs an embedded post ("— Luis Ortega (@GovOrtega) May 6")."""
    return _POST_SIGNATURE_RE.fullmatch(line.strip()) is not None


# --- the fact-kind contract -------------------------------------------------------------------


def speakers_agree(a: Fact, b: Fact) -> bool:
    """True unless both quotes have a speaker and they differ (an unfound speaker is no news)."""
    return not a.role or not b.role or attributions.same_speaker(a.role, b.role)


def split_of(whole: Fact, split: Sequence[Fact]) -> tuple[Fact, Fact] | None:
    """Two quotations of ``split``, one after the other, that are ``whole`` broken around its
    reporting clause ('"The files are useless," the lawyer said, "and the inquiry stalled."'):
    every word kept, one quotation. None if there are none."""
    for first, second in pairwise(split):
        if f"{first.key} {second.key}" == whole.key and speakers_agree(whole, first):
            return first, second
    return None


def equivalent(a: Fact, b: Fact) -> bool:
    """True when two quotations have the same words (case, punctuation, marks aside)."""
    return a.key == b.key and speakers_agree(a, b)


def compatible(a: Fact, b: Fact) -> bool:
    """True when one quotation is words of the other, word for word and in one run, from the
    same speaker ("the warning lights are blinking red" of a longer sentence), and the words
    around them do not turn them (`_framed`): quoting part of what was said is how news
    quotes, and two outlets quote a statement at two lengths."""
    if not b.key or not a.key or a.key == b.key or not speakers_agree(a, b):
        return False
    if _ELLIPSIS_RE.search(a.text) or _ELLIPSIS_RE.search(b.text):
        # "nothing bad … maybe some good" quotes "Nothing bad is going to come out of it, and
        # maybe some good will come out" with words left out where it says so
        return _elided_in(a, b) or _elided_in(b, a)
    # (or the other way round: the retelling quotes more of the statement than the original
    # did, "NEVER been worse" / "NEVER been worse thanks to many years of ...")
    whole, part = (a, b) if f" {b.key} " in f" {a.key} " else (b, a)
    if f" {part.key} " not in f" {whole.key} " or (
            part is a and len(part.key.split()) < FRAGMENT_MIN_WORDS):
        return False  # (the original's "a good thing" is in many a statement: not this one)
    return not _turned(whole, part)


def _turned(whole: Fact, part: Fact) -> bool:
    """True when the words of quotation ``whole`` around its run ``part`` turn what ``part``
    says (`_framed`)."""
    before, _, after = f" {whole.key} ".partition(f" {part.key} ")
    return _framed(before.split(), after.split(), whole.text, part.text)


_ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|…")


def _elided_in(short: Fact, full: Fact) -> bool:
    """True when the pieces of ``short`` between its ellipses are runs of ``full``, in order,
    and none of the words left out between them turns them (a denial, a condition, ...)."""
    pieces = [k for k in (_key(p) for p in _ELLIPSIS_RE.split(short.text)) if k]
    if len(pieces) < 2 or sum(len(p.split()) for p in pieces) < FRAGMENT_MIN_WORDS:
        return False
    text, at = f" {full.key} ", 0
    for piece in pieces:
        found = text.find(f" {piece} ", at)
        if found < 0 or (at and _FRAMES.intersection(text[at:found].split())):
            return False
        at = found + len(piece) + 1
    return True


# Words read either side of a fragment for what turns it.
FRAME_WORDS = 4
# An original's quotation shorter than this says too little to be the retelling's longer one.
FRAGMENT_MIN_WORDS = 4
# Words left out around a kept fragment that turn what it says: a denial or a falsity ("It
# would be wrong to say ...", "Claims that ... are false"), a condition ("... if the court rules
# against me"), someone else's claim ("Some residents claim ..."), a question ("Who says ...?"),
# a part of a whole ("Only a few of the 40 ballots ..."), a hedge ("may", "perhaps").
_FRAMES = frozenset({
    "not", "no", "never", "n't", "nor", "neither", "nothing", "none", "wrong", "false", "untrue",
    "lie", "lies", "myth", "nonsense", "deny", "denies", "denied", "doubt", "doubts", "unclear",
    "if", "unless", "whether", "provided", "except", "claim", "claims", "claimed", "allege",
    "alleges", "alleged", "rumor", "rumour", "rumors", "rumours", "suggest",
    "suggests", "only", "few", "some", "may", "might", "could", "perhaps", "maybe", "possibly",
    "fake", "fear", "fears", "hope", "hopes", "wish",
})
# ... and the verb of a clause the fragment was the subject of ("that we hid the data | are
# false"): a fragment that ran on into another verb said less than the whole
_RUNS_ON = frozenset({"is", "are", "was", "were", "would", "will", "has", "have", "had"})


def _framed(before: list[str], after: list[str], whole: str, part: str) -> bool:
    """True when the words of ``whole`` left out around ``part`` turn what ``part`` says."""
    if "?" in whole and "?" not in part:
        return True
    # (the words next to the fragment: a negation further off is another clause's, "he said
    # it couldn't happen, was no big deal")
    before = " ".join(before[-FRAME_WORDS:]).replace("no matter", "").split()  # (an idiom)
    if _FRAMES.intersection(before) or _FRAMES.intersection(after[:FRAME_WORDS]):
        return True
    # "I am here to say the lights are red" asserts them; "it is said", "to say that" after
    # a denial is caught above; a fragment that is the subject of what follows is not its own
    return bool(after) and after[0] in _RUNS_ON


def slot_score(a: Fact, b: Fact) -> float:
    """Word overlap of two quotations: a reworded quote pairs with its original."""
    if a.key == b.key:
        return 1.0
    return token_set_ratio(a.key, b.key) / 100.0


def _show(quoted: str) -> str:
    """Cut a quotation for display at a word boundary, with an ellipsis."""
    quoted = " ".join(quoted.split())
    if len(quoted) <= SHOW_CHARS:
        return quoted
    cut = quoted.rfind(" ", 0, SHOW_CHARS)
    return quoted[: cut if cut > SHOW_CHARS // 2 else SHOW_CHARS].rstrip(",;:") + "…"


def explain(a: Fact | None, b: Fact | None) -> str:
    """One sentence on a quotation change for a journalist."""
    if a is not None and b is None:
        who = f" by {a.role}" if a.role else ""
        return f"The retelling drops the quotation{who}: '{_show(a.text)}'."
    if b is not None and a is None:
        who = f" attributed to {b.role}" if b.role else ""
        return (f"The retelling adds a quotation{who} that is not in the original: "
                f"'{_show(b.text)}'.")
    if a is None or b is None:
        return "No quotation."
    speakers_differ = not speakers_agree(a, b)
    if a.key == b.key:
        if speakers_differ:
            return (f"The quote is attributed to {a.role} in the original but to {b.role} in the "
                    f"retelling.")
        return "The quotation is the same, written with different marks or punctuation."
    if compatible(a, b) and (_ELLIPSIS_RE.search(a.text) or _ELLIPSIS_RE.search(b.text)):
        change = (f"One side quotes the statement with words left out where it marks them: "
                  f"'{_show(a.text)}' became '{_show(b.text)}'")
    elif a.key and b.key and f" {a.key} " in f" {b.key} ":
        how = ("with words around it that turn what it says" if _turned(b, a)
               else "word for word")
        change = (f"The retelling quotes more of the statement, the original's words {how}: "
                  f"'{_show(a.text)}' became '{_show(b.text)}'")
    elif b.key and f" {b.key} " in f" {a.key} ":
        how = ("without the words around it that turn what it says" if _turned(a, b)
               else "word for word")
        change = (f"The retelling quotes part of the quotation, {how}: '{_show(a.text)}' "
                  f"became '{_show(b.text)}'")
    else:
        change = f"The quotation was reworded: '{_show(a.text)}' became '{_show(b.text)}'"
    if speakers_differ:
        return f"{change}, and it is attributed to {b.role} instead of {a.role}."
    return change + "."


# --- a quotation of words the original does not quote (a transcript, a letter, a statement) ---

_SAID_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_PRONOUN_IS = frozenset({"it", "that", "he", "she", "what", "there", "here", "who", "where"})
_CONTRACTED = {"ve": "have", "re": "are", "ll": "will", "m": "am", "d": "would"}
UNQUOTED_MIN_WORDS = 5  # fewer words may be any two writers' phrase ("a great deal")


def _said_tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of ``text`` lower-cased with contractions spelled out ("we've" -> we have,
    "don't" -> do not, "it's" -> it is; a possessive's "s" dropped), each with its word's span."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _SAID_WORD_RE.finditer(text):
        w = m.group().casefold().replace("’", "'")
        parts: list[str]
        if w.endswith("n't"):
            base = w[:-3]
            parts = [{"ca": "can", "wo": "will", "sha": "shall"}.get(base, base), "not"]
        elif "'" in w:
            base, tail = w.split("'", 1)
            if tail in _CONTRACTED:
                parts = [base, _CONTRACTED[tail]]
            elif tail == "s":
                parts = [base, "is"] if base in _PRONOUN_IS else [base]
            else:
                parts = [base + tail]
        else:
            parts = [w]
        for part in parts:
            words.append(part)
            spans.append(m.span())
    return words, spans


@text_memo(maxsize=8, max_chars=2_000_000)
def _said_index(text: str) -> tuple[list[str], list[tuple[int, int]], dict[str, list[int]]]:
    words, spans = _said_tokens(text)
    at: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        at.setdefault(w, []).append(i)
    return words, spans, at


def said_unquoted(quoted: str, text: str, min_words: int = UNQUOTED_MIN_WORDS
                  ) -> tuple[int, int, int] | None:
    """Where ``text`` says the words of quotation ``quoted``, without quotation marks or with
    them, as (start, end, words that differ): 0 for the words themselves ("I think we have done
    a great deal" for "I think we've done a great deal"), 1 for one word put another way in a
    statement of six words or more ("I suspect that will take a month" quoted as "I expect ...");
    None where it does not, or the quotation is shorter than ``min_words`` words (in a whole
    text a few words may be any two writers' phrase; in one aligned passage they are not)."""
    mine, _spans = _said_tokens(quoted)
    n = len(mine)
    if n < max(min_words, 2):
        return None
    words, spans, at = _said_index(text)
    best: tuple[int, int, int] | None = None
    # starts where the first or the second word matches (one of them may be the changed one)
    starts = sorted({*at.get(mine[0], ()), *(i - 1 for i in at.get(mine[1], ()) if i > 0)})
    for i in starts[:2000]:
        if i + n > len(words):
            continue
        differ = 0
        for a, b in zip(words[i:i + n], mine):
            if a != b:
                differ += 1
                if differ > 1:
                    break  # (most starts fail in a word or two: the work stays near linear)
        if differ == 0:
            return spans[i][0], spans[i + n - 1][1], 0
        if differ == 1 and n >= 6 and best is None:
            best = (spans[i][0], spans[i + n - 1][1], 1)
    return best


def explain_quoted_otherwise(said: str, quoted: str) -> str:
    """One sentence on a quotation of words the original says, one of them put another way."""
    return (f"The original says '{_show(said)}' (not as a quotation); the retelling quotes it as "
            f"'{_show(quoted)}'.")

"""Document -> sentences with half-open offsets into ``Document.text``.

Paragraphs first, then sentences inside each paragraph:

1. Split the text into blocks on blank lines (a line of nothing but whitespace, NBSP included).
2. Inside a block, cut at single newlines where the lines are separate units: a short line
   without final punctuation (a heading, a title, a byline), or a line that ends a sentence and
   is shorter than the block's longest line (one paragraph per line; a hard-wrapped paragraph
   only has a short line at its end).
3. Split each paragraph into sentences: syntok for Latin, Cyrillic and Greek scripts (it passed
   every tricky English case: "U.S.-led", "U.S. Special Forces", curly quotes, "minister.With"),
   a Unicode-aware regex on sentence-final punctuation for the rest (Arabic ۔ ؟, CJK 。！？,
   Devanagari । ॥), which syntok does not know.
4. Merge garbage: a piece with no letter or digit (a lone quote mark left by a quote broken in
   machine translation, "...") or a tiny fragment joins its neighbour in the same paragraph, and
   so do pieces that continue the previous one: a lowercase start after a closing quote
   ('"We won." he said.'), the stray tail of a broken quote, a dateline's dash
   ("OSLO (Reuters) — The ...").

Every unit is trimmed of surrounding whitespace (NBSP and zero-width characters included), so
``doc.text[s.start:s.end] == s.text`` always, and no unit is empty.

The shape helpers at the bottom (``find_date``, ``parse_byline``, ...) are shared with
``retold.read``, which uses them to lift title/byline metadata from plain text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from syntok import segmenter as _syntok_segmenter
from syntok._segmentation_states import State as _SyntokState
from syntok.tokenizer import Token as _SyntokToken
from syntok.tokenizer import Tokenizer as _SyntokTokenizer

from retold import patterns
from retold.model import Document, Sentence, SentenceKind

__all__ = [
    "Byline",
    "find_date",
    "is_boilerplate",
    "is_heading_like",
    "looks_like_byline",
    "parse_byline",
    "segment",
    "top_matter",
]

# --- named thresholds ------------------------------------------------------------------------

# A heading/title/byline is a short line. 12 words covers news sub-heads ("Rising
# waters", "What happens next for the talks") while a real sentence that lost its full stop
# (typically 15+ words) stays body text.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
# Titles are allowed to be longer than sub-heads (news headlines run to ~20 words).
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200
# Bylines: "Site | Author | March 4, 2021" and "By Jane Doe, Reuters" are short.
BYLINE_MAX_WORDS = 16
BYLINE_MAX_CHARS = 160
# Title and byline units are looked for only among the first few units of a document.
TOP_MATTER_UNITS = 4
# A line that ends a sentence and is shorter than this share of the block's longest line ends a
# paragraph: hard-wrapped text fills each line except the last of a paragraph.
WRAPPED_SHORT_RATIO = 0.75
# Nobody wraps prose narrower than this: a block of short lines is one unit per line.
WRAP_MIN_COLUMNS = 40
# Lines longer than this are not hard-wrapped (nobody wraps at 120+ columns): each line that ends
# with final punctuation is then its own paragraph.
WRAP_MAX_COLUMNS = 100
# A sentence piece with fewer letters/digits than this is a fragment (a broken quote's tail).
FRAGMENT_MIN_ALNUM = 3
# A stray quote tail merged back into its quote is at most this long (a clause, not a sentence).
BROKEN_QUOTE_MAX_WORDS = 10
# Share of letters that must be Latin/Cyrillic/Greek for syntok to handle a paragraph.
SYNTOK_SCRIPT_SHARE = 0.5
# A character outside Latin, Cyrillic, Greek and general punctuation: a text without one is
# all syntok scripts (the ranges are those _mostly_syntok_script counts as known, plus
# punctuation, which is no letter).
_OUTSIDE_SYNTOK_RE = re.compile("[^\x00-\u024f\u0370-\u052f\u1e00-\u206f]")

# Whitespace for trimming: str.isspace() covers NBSP and the Unicode spaces; add the zero-width
# characters and the BOM, which are invisible and never start or end a sentence.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Sentence-final punctuation across scripts, with the closing quotes/brackets that may follow.
_FINAL_PUNCT = ".!?…。！？۔؟।॥።፧"
_CLOSERS = "\"'”’»)]}›」』）】"
_OPENERS = "\"'“‘«([{‹「『（【"
_QUOTE_MARKS = '"”“»«'
_ENDS_SENTENCE_RE = re.compile(rf"[{re.escape(_FINAL_PUNCT)}][{re.escape(_CLOSERS)}]*$")
_ENDS_PUNCT_RE = re.compile(rf"[{re.escape(_FINAL_PUNCT)}:;,][{re.escape(_CLOSERS)}]*$")
# For non-Latin paragraphs: split after final punctuation (+ closers) followed by whitespace, or
# directly after the full-width CJK marks, which take no space after them.
_REGEX_SPLIT_RE = re.compile(
    rf"(?:[.!?…۔؟।॥።፧][{re.escape(_CLOSERS)}]*(?=\s)|[。！？][{re.escape(_CLOSERS)}]*)"
)
# A full stop glued to the next sentence after a number ("in 2020.In 2021"), which syntok
# misses (it handles "minister.With"). Decimals ("3.5") never have a capital after the point;
# a lone digit after a space is a list marker ("1.The"), left alone.
_DIGIT_STOP_RE = re.compile(r"(?<=\S\d[.!?])(?=[A-Z][a-z])")
# A full stop after a web address that ends a sentence ("rather than bloomberg.com. Twitter did
# not comment."): syntok reads the address and its stop as one token and never cuts there.
_DOMAIN_STOP_RE = re.compile(
    r"(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|int|info|news|io|co\.uk|org\.uk|gov\.uk)"
    r"\.(?=[ \t\u00a0]+[\"\u201c]?[A-Z][a-z])")
# Any sentence-final mark: a paragraph without one before its end is a single sentence.
_MAYBE_BREAK_RE = re.compile(rf"[{re.escape(_FINAL_PUNCT)}]")
# The line breaks str.splitlines() knows: U+2028/2029 come from word processors and the web.
_LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# A list item ("- point", "• point", "1. point", "2) point") starts a unit of its own.
_LIST_ITEM_RE = re.compile(r"^(?:[-*•·▪‣◦–—]\s|\d{1,3}[.)]\s)")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Page furniture that crawled and pasted copy carries above the headline (DESIGN.md §5:
# subscription prompts, photo credits, share bars). Such a line is never the title. Whole lines
# only, so a headline that mentions "share" or "photo" is unaffected.
_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|e-?mail|print|copy\s+link)"
_CLUTTER_RE = re.compile(
    r"""^(?:
      advertisement|advert|sponsored(?:\s+content)?|promoted|close|
      skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|article|navigation)|
      (?:(?:main|site|footer|header|primary|secondary|top)\s+)?(?:menu|navigation|links)|search|
      log\s*in|sign\s*in|my\s+account|(?:short\s+)?url|permalink|(?:view|show|hide)\s+comments?|
      (?:subscribe|sign\s*up|register)\b.*|(?:get|try)\s+unlimited\s+access\b.*|
      share(?:\s+(?:this|the|on|via)\b.*)?|
      (?:follow|like)\s+us\b.*|
      (?:read|see)\s+(?:more|also|next)\b.*|more\s+on\s+this\s+story|
      related(?:\s+(?:articles?|stories|news|content|topics|coverage))?|most\s+(?:read|popular|viewed)|
      listen\s+to\s+(?:this\s+)?(?:article|story)\b.*|\d{1,2}\s*-?\s*min(?:ute)?s?\s+read|
      (?:file\s+)?(?:photo|image|picture|video|illustration)s?(?:\s+(?:credit|caption))?\s*[:|/].*|
      (?:image|photo)\s+(?:caption|copyright|source|credit)\b.*|
      .*\bgetty\s+images|
      (?:©|\(c\)|copyright\b).*|
      .*\bcookies?\b.*\b(?:accept|consent|policy|settings)\b.*|
      """ + _SOCIAL + r"""(?:\s*[|/·•,]?\s*""" + _SOCIAL + r""")+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


# A whitespace-separated chunk that is a plain word: openers, then letters and digits with no
# lower-case letter before a capital ("Minister", "NATOs", "2020", not "McDonald"), then
# closing punctuation. syntok's tokenizer finds nothing to split inside such a word.
_PLAIN_CHUNK = re.compile(r"([\"'(\[{“‘«]*)((?=[A-Za-z0-9])[A-Z0-9]*[a-z0-9]*)"
                          r"([.,;:!?\"')\]}”’»%]*)")


class _Tokenizer(_SyntokTokenizer):
    """syntok's tokenizer, with a short cut for plain words (most of any text).

    A plain chunk gives the tokens syntok's own code gives, built directly (its opening and
    closing marks one token each); every other chunk goes through syntok's code. Tests compare
    the two token by token (value, spacing, offset) on generated and real texts.
    """

    def tokenize(self, text: str, base_offset: int = 0) -> Iterator[_SyntokToken]:
        if base_offset:
            yield from super().tokenize(text, base_offset)
            return
        token = _SyntokToken
        offset = 0
        for mo in self._spaces.finditer(text):
            chunk, at = mo.group(), mo.start()
            m = _PLAIN_CHUNK.fullmatch(chunk)
            if m is None:
                yield from self._chunk(mo, offset, text)
            else:
                p, e = m.end(1), m.end(2)
                space = text[offset:at]
                for i in range(p):
                    yield token(space, chunk[i], at + i)
                    space = ""
                yield token(space, chunk[p:e], at + p)
                tail, end = chunk[e:], at + e
                if tail.startswith("..."):
                    yield token("", "...", end)
                    end += 3
                    tail = tail[3:]
                for i, c in enumerate(tail):
                    yield token("", c, end + i)
            offset = mo.end()
        if offset < len(text):
            yield token(text[offset:], "", len(text))

    def _chunk(self, mo: Any, offset: int, text: str) -> Iterator[_SyntokToken]:
        """One chunk, as syntok's ``Tokenizer.tokenize`` reads it (its loop body, 1.4.4)."""
        start = self._find_start(mo.start(), mo.end(), text)
        if start == mo.end():
            yield _SyntokToken(text[offset : mo.start()], mo.group(0), mo.start())
            return
        end = self._find_end(start, mo.end(), text)
        if start > mo.start():
            offset = yield from self._split_nonword_prefix(mo, offset, start, text)
        if start != end:
            yield from self._split_word(text[offset:start], text[start:end], start)
        tail = text[end : mo.end()]
        if tail.startswith("..."):
            yield _SyntokToken("", "...", end)
            end += 3
            tail = tail[3:]
        yield from [_SyntokToken("", c, idx + end) for idx, c in enumerate(tail)]


_TOKENIZER = _Tokenizer()


# --- public ----------------------------------------------------------------------------------


def segment(doc: Document) -> tuple[Sentence, ...]:
    """Split ``doc.text`` into sentences, headings, a title and bylines, in text order.

    Args:
        doc: the document; only ``text``, ``title`` and ``author`` are read.

    Returns:
        Sentences with ids 0..n-1, paragraph indexes, a kind, and half-open offsets such that
        ``doc.text[s.start:s.end] == s.text``. Never raises on any string.

    Example:
        >>> [s.kind for s in segment(Document("A title\\n\\nOne. Two."))]
        ['title', 'body', 'body']
    """
    text = doc.text
    paragraphs = _paragraphs(text)
    title = _norm(doc.title) if doc.title else None
    author = _norm(doc.author) if doc.author else None
    sentences: list[Sentence] = []
    seen_body = False
    has_title = False
    text_end = paragraphs[-1][1] if paragraphs else 0  # end of the last paragraph
    matter = 0  # units so far that are not page clutter: a prompt above the title is no unit
    headed = 0  # of those, units that are not bylines
    furniture = page_furniture(text, paragraphs)
    for index, (start, end, single_line) in enumerate(paragraphs):
        kind: SentenceKind = "body"
        # A prompt at the top ("Get Today's Headlines") is clutter, not the title.
        clutter = index in furniture or (single_line and is_boilerplate(text[start:end]))
        if single_line and not clutter:
            kind = _line_kind(
                text[start:end],
                top=not seen_body and matter < TOP_MATTER_UNITS,
                first=not headed,
                title=title,
                author=author,
                has_title=has_title,
                more=end < text_end,
            )
        if kind == "body" and not clutter:
            seen_body = True
            spans = _merge_garbage(text, _split_sentences(text, start, end))
        elif clutter:
            # (a line of symbols alone, "©", is like "* * *": nothing to say)
            spans = [(start, end)] if any(ch.isalnum() for ch in text[start:end]) else []
        else:
            has_title = has_title or kind == "title"
            spans = [(start, end)]
        if not spans:
            continue  # a paragraph of only punctuation ("* * *"): nothing to say
        # Paragraph numbers count kept paragraphs, so they stay dense.
        par = sentences[-1].paragraph + 1 if sentences else 0
        clutter = clutter or (kind in ("body", "heading") and is_boilerplate(text[start:end]))
        units: list[tuple[int, int, SentenceKind | None]] = []
        for s, e in spans:
            head = _CROSSHEAD_RE.match(text, s, e) if kind == "body" and not clutter else None
            if head is not None:
                # A crosshead a flat scrape glued to the next sentence ("'MISSING PIECES'
                # Suspicion had ..."): a heading of its own, as the page showed it.
                units.append((s, head.end(), "heading"))
                s = _trim(text, head.end(), e)[0]
            units.append((s, e, None))
        for s, e, forced in units:
            unit_kind: SentenceKind = forced or ("boilerplate" if clutter or (
                kind in ("body", "heading") and is_boilerplate(text[s:e])) else kind)
            sentences.append(
                Sentence(
                    id=len(sentences), start=s, end=e, text=text[s:e], kind=unit_kind,
                    paragraph=par,
                )
            )
            matter += unit_kind != "boilerplate"
            # A byline above the headline ("AP June 1, 2018" under a masthead) leaves it first.
            headed += unit_kind not in ("boilerplate", "byline")
    return tuple(sentences)


def top_matter(text: str) -> list[tuple[SentenceKind, str]]:
    """Return the title and byline lines at the top of a plain text, as segment() sees them."""
    out: list[tuple[SentenceKind, str]] = []
    paragraphs = _paragraphs(text)
    text_end = paragraphs[-1][1] if paragraphs else 0
    for start, end, single_line in paragraphs:
        if not single_line or len(out) >= TOP_MATTER_UNITS:
            break
        if is_page_clutter(text[start:end]):
            continue  # "Advertisement" above the headline: not the title, not the end of the top
        kind = _line_kind(
            text[start:end],
            top=True,
            first=not out,
            title=None,
            author=None,
            has_title=False,
            more=end < text_end,
        )
        if kind not in ("title", "byline"):
            break  # prose or a sub-head: the top matter is over
        out.append((kind, text[start:end]))
    return out


def _line_kind(
    line: str,
    *,
    top: bool,
    first: bool,
    title: str | None,
    author: str | None,
    has_title: bool,
    more: bool,
) -> SentenceKind:
    """Give a one-line paragraph its kind: title, byline, heading or body."""
    if not any(ch.isalnum() for ch in line):
        return "body"  # only punctuation ("* * *"): the body path drops it
    norm = _norm(line)
    if (
        top
        and not has_title
        and title is not None
        and (
            norm == title
            or (
                is_heading_like(line, max_words=TITLE_MAX_WORDS, max_chars=TITLE_MAX_CHARS)
                and first
                and (norm in title or title in norm)
            )
        )
    ):
        # Equal to the known title, or (first line) containing it or contained in it: an HTML
        # <title> often carries the site's name ("Rivers Rise | The Courier").
        return "title"
    if top and (
        looks_like_byline(line)
        or (author is not None and author in norm and _short(line, BYLINE_MAX_WORDS))
    ):
        return "byline"
    if _BY_RE.match(line) is not None and looks_like_byline(line):
        # "By Pia Lund" closing the story, as some outlets print it, or below a scraped
        # page's captions ("By The Associated Press" after three photo credits)
        return "byline"
    if (
        first
        and title is None
        and more
        and is_heading_like(line, max_words=TITLE_MAX_WORDS, max_chars=TITLE_MAX_CHARS)
        and not is_page_clutter(line)
    ):
        return "title"
    if is_heading_like(line):
        return "heading"
    return "body"


# --- page clutter ----------------------------------------------------------------------------
#
# Plain text copied from a web page keeps its furniture: subscription prompts, share bars,
# photo credits, reprint offers, time stamps. Like jusText, which calls a block boilerplate when
# it is short and poor in function words (real prose runs at 30%+ stopwords), and like
# trafilatura, which also drops blocks by their wording, a unit is clutter when it is short and
# says one of the things page furniture says, or is nothing but a time stamp or a credit.
# Clutter is a sentence kind of its own: shown as such, never a source of facts.

# Longest unit read as clutter: prompts and credits are a few words; a sentence that mentions
# "subscribers" or a "photo" in passing is prose.
CLUTTER_MAX_WORDS = 14
CLUTTER_MAX_CHARS = 200  # padded units (a byline's spaces) stay under it
# Share of function words above which a unit reads as prose even with a clutter cue.
CLUTTER_MAX_STOPWORDS = 0.34
# A unit this short with a clutter cue is clutter ("Subscribe", "Get Today's Headlines").
CLUTTER_SHORT_WORDS = 4
# Longer units are clutter when cue words make up this share of them (a share bar).
CLUTTER_CUE_SHARE = 0.4
_CLUTTER_CUE_RE = patterns.compile(
    r"(?i)\b(?:subscribe|subscription|subscriber|unsubscribe|sign\s*up|sign\s*in|log\s*in|"
    r"newsletters?|share\s+(?:this|on|via)|share|tweet|whatsapp|facebook|pinterest|linkedin|"
    r"email\s+(?:this|us)|print(?:\s+this)?|reprints?|order\s+reprint|purchase|licensing|"
    r"advertisement|advertising|sponsored|promoted|related\s+(?:stories|articles|coverage|topics)|"
    r"read\s+more|more\s+(?:stories|from|on\s+this)|most\s+(?:read|popular|viewed)|trending|"
    r"click(?:\s+here)?|follow\s+us|(?:support|help\s+us\s+deliver)\s+(?:our\s+|local\s+|"
    r"independent\s+|quality\s+)?journalism|comments?|cookies?|privacy\s+policy|terms\s+of\s+(?:use|service)|"
    r"all\s+rights\s+reserved|copyright|©|photo(?:graph)?s?|image|pictures?|getty\s+images|"
    r"ap\s+photo|file\s+photo|caption|credit|videos?|watch|listen|podcast|headlines|gallery|"
    r"skip\s+(?:to|ad)|back\s+to\s+top|download\s+(?:the|our)\s+app|get\s+the\s+app|"
    r"gift\s+(?:this|article)|save\s+(?:this\s+)?(?:article|story)|free\s+trial)\b|©"
)
# A line that is only a time stamp or a date ("10:42 a.m. ET", "Updated 3 hours ago",
# "Published: June 18, 2020 10:42 AM").
_TIMESTAMP_RE = re.compile(
    r"(?i)^(?:(?:updated|posted|published|last\s+updated|first\s+published|date)\b[:\s]*)?"
    r"(?:(?:on\s+)?(?:[\w.,]+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})[\sT]*)?(?:at\s+)?"
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?"
    r"|\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago)"
    # (the date after the time: "Updated 3:45 p.m. ET, Wed March 4, 2020")
    r"(?:[,\s]+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})?"
    r"[\s|·•-]*$"
)
# A stamp's label ("Last updated 18th Oct 2023", "Published: ..."): with one, a date line is the
# page's stamp, not a dated heading.
_STAMP_LABEL_RE = re.compile(r"(?i)(?:last\s+|first\s+)?(?:updated|posted|published)\b")
_PHOTO_CREDIT_RE = re.compile(
    r"(?i)^[(\[]?\s*(?:(?:ap|afp|reuters|getty|epa|file)\s+)?(?:photo|image|picture|credit)s?"
    r"(?:\s+(?:by|courtesy))?\s*[:/|-]"
)
# A photo's credit left as a line after its caption: a slash and the outlet ("/ TRT World and
# Agencies", "/ Reuters").
_SLASH_CREDIT_RE = re.compile(r"^/[^\S\n]*[A-Z][\w.'\u2019&-]*(?:[^\S\n]+[\w.'\u2019&-]+){0,5}$")
_STOPWORD_TEXT = (
    "a an the of to in on at by for from with and or but is are was were be been has have had "
    "it its this that these those he she they we you i his her their our not as which who "
    "will would can could may said says after before over into than then there"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _stopword_share(line: str) -> float:
    """Share of a line's words that are function words (jusText's stop-word density)."""
    words = _WORD_RE.findall(line)
    return sum(1 for w in words if w.casefold() in _STOPWORDS) / len(words) if words else 0.0


# A unit opening with a link list's label ("More from MSN News", "Related stories", "You may
# also like"): with headline-poor function words it is the list, however long.
_LINK_LIST_RE = re.compile(
    r"(?i)^(?:more\s+(?:from|on|in)\s+[A-Z\d]|(?:related|recommended|top|latest|trending)\s+"
    r"(?:stories|articles|news|coverage|links|headlines)\b|you\s+(?:may|might)\s+also\s+like\b"
    r"|most\s+(?:read|popular|viewed|shared)\b)"
)
LINK_LIST_MAX_WORDS = 120  # a dozen headline links; a longer unit holds story copy too
# A telephone number in international or North American form ("+1 212 318 2000",
# "(212) 318-2000"); a short unit holding one is a contact line, not story copy.
_PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,3}|\(\d{3}\)\s?\d{3}-\d{4})(?!\d)"
)
CONTACT_MAX_WORDS = 8


def _has_footer_word(low: str) -> bool:
    return any(w in low for w in _FOOTER_WORDS)


def is_boilerplate(unit: str) -> bool:
    """Tell whether a unit is page clutter: a prompt, a share bar, a credit, a time stamp.

    >>> is_boilerplate("Purchase: Order Reprint"), is_boilerplate("SIGN UP")
    (True, True)
    >>> is_boilerplate("Police said the photo was taken on Monday near the border.")
    False
    """
    if _LINK_LIST_RE.match(unit) and len(unit.split()) <= LINK_LIST_MAX_WORDS \
            and _stopword_share(unit) < CLUTTER_MAX_STOPWORDS:
        # "More from MSN News Tsarnaev to be tried ... Boston chief: ...": a list of headline
        # links a one-paragraph scrape glued into one run; headlines drop function words.
        return True
    if len(unit) > CLUTTER_MAX_CHARS:
        return False  # most units: prose is longer than any prompt or credit
    line = " ".join(unit.split())
    if not line:
        return False
    # (the word counts before the searches they gate: most units are prose, longer than those)
    n_words = line.count(" ") + 1
    if _TIMESTAMP_RE.match(line) or _PHOTO_CREDIT_RE.match(line) or _SLASH_CREDIT_RE.match(line) or (
            ("|" in line or _STAMP_LABEL_RE.match(line)) and _is_stamp_line(line)):
        return True
    if n_words <= CLUTTER_SHORT_WORDS and is_page_clutter(line) \
            and not _ENDS_SENTENCE_RE.search(line):
        return True  # a whole-line label: "URL", "Footer Navigation", "View Comments"
    if n_words <= CONTACT_MAX_WORDS and _PHONE_RE.search(line):
        return True  # "Americas+1 212 318 2000": a contact line in the site's header
    # Lazily, and only for short lines: most units are prose, and five searches each cost.
    cue = None
    if n_words <= FURNITURE_MAX_WORDS and (not line.isascii() or _has_footer_word(line.lower())):
        cue = next((m for m in (pattern(line) for pattern in _FOOTER_CUES) if m is not None), None)
    if (cue is not None
            and not _QUOTED_RE.search(line)
            and not _SENTENCE_END_RE.search(line, 0, cue.start())):
        # Not a quotation the footer is glued to, nor sentences before the footer: story copy.
        return True
    words = _WORD_RE.findall(line)
    if not words or len(words) > CLUTTER_MAX_WORDS:
        return False
    cues = list(_CLUTTER_CUE_RE.finditer(line))
    if not cues:
        return False
    if "©" in line or re.search(r"(?i)all\s+rights\s+reserved", line):
        return True
    stop = _stopword_share(line)
    if len(words) <= CLUTTER_SHORT_WORDS and not (stop and _ENDS_SENTENCE_RE.search(line)):
        return True  # "Subscribe", "SIGN UP", "Purchase: Order Reprint"; not "He declined to comment."
    if cues[0].start() == 0 and re.match(r"\s*[:|]", line[cues[0].end():]):
        return True  # "Watch: ...", "Photo: ...": a label, then what it labels
    if cues[0].start() == 0 and cues[0].group().casefold().endswith("journalism"):
        return True  # "Support our journalism, which ...": the outlet's appeal, opening the unit
    cue_words = sum(len(_WORD_RE.findall(m.group())) for m in cues)
    return cue_words >= CLUTTER_CUE_SHARE * len(words) and stop < CLUTTER_MAX_STOPWORDS


# Whole paragraphs of page furniture, told by their shape rather than their wording alone:
# photo captions (AP opens them "FILE - In this June 30, 2013 file photo, ..." and closes them with
# a bracketed credit "(AP Photo/Evan Vucci, File)"; galleries cut them off with "... more"),
# credit lines ("Frank Micelotta/Invision/AP"), gallery counters ("Image 1 of 3", "1 / 3"),
# scripts pasted as text, the blurb under an embedded video's label, and the headline links
# listed under a "Latest videos" or "Related stories" heading.
_CAPTION_START_RE = re.compile(
    r"(?i)^(?:file\s*[-\u2013\u2014:]\s*)?(?:in\s+)?this\s+(?:[^.]|\.(?=\s\d)){0,60}?\b(?:file\s+)?"
    r"(?:photo|image|picture)\b(?:\s+(?:taken|released|provided|made|shows?|showing|from)\b|\s*[,:])"
)
_CAPTION_END_RE = re.compile(
    r"(?i)\((?:[^()]*\bphoto\b[^()]*|[^()]*/\s*(?:AP|AFP|Reuters|Getty\s+Images|EPA)\b[^()]*|"
    r"[^()]*\bvia\s+AP\b[^()]*)\)\s*(?:less|more|(?-i:(?:[A-Z][\w.'\u2019-]*\s+){1,3}"
    r"(?:AP|AFP|Reuters|Getty\s+Images|EPA)))?\s*$"
    r"|\s(?:\.\.\.|\u2026)\s*more\s*$|\bshow\s+more\s+show\s+less\b"
)
# (Each name after a separator starts with a non-space: "\s*" and the name's own spaces must not
# compete, or a long comma list that ends in no credit backtracks exponentially.)
_CREDIT_LINE_RE = re.compile(
    r"^\(?\s*[A-Z][\w.'\u2019 -]{1,40}(?:[/,]\s*[\w.'\u2019-][\w.'\u2019 -]{0,39})*/\s*"
    r"(?:AP|AFP|Reuters|Getty\s+Images|EPA|Bloomberg|Invision)(?:\s*,\s*File)?\s*\)?$"
)
_COUNTER_RE = re.compile(r"(?i)^(?:image|photo|slide)?\s*\d+\s*(?:of\s*/?|/)\s*\d+$")
_CODE_RE = re.compile(r"\b(?:window|document)\.\w+|\w\.push\(\{|\}\)\s*;|\bfunction\s*\(")
# (each of _CODE_RE's alternatives holds one of these: a unit with none is not searched)
_CODE_MARKS = ("window.", "document.", ".push(", "})", "function")
# (a unit _CAPTION_END_RE finds ends with one of these, or holds "show more")
_CAPTION_END_MARKS = (")", "more", "less", "ap", "afp", "reuters", "images", "epa")
_VIDEO_LABEL_RE = re.compile(
    r"(?i)^(?:now\s+playing|(?:recommended|related|featured|latest)\s+videos?|videos?|watch)\s*:\s*$"
)
# A wire's rights notice ("Copyright 2018 The Associated Press. All rights reserved. This material
# may not be published, broadcast, ...") and a social-media footer ("Like us on Facebook:
# www.facebook.com/..."), however many sentences they run to.
_RIGHTS_RE = re.compile(
    r"(?i)\ball\s+rights\s+reserved\b|\bmay\s+not\s+be\s+published,\s+broadcast\b"
)
_SOCIAL_RE = re.compile(
    r"(?i)\b(?:like|follow|friend)\s+us\s+on\b|\b(?:facebook|twitter|instagram)\.com\b|"
    r"^(?:chat|message)\s+(?:with\s+)?us\s+(?:in|on)\b|"  # "Chat with us in Facebook Messenger"
    r"\bon\s+facebook\s+and\s+twitter\b"
)
# Credit lines at a story's foot ("Sherman reported from Washington.", "Associated Press writer
# Jane Doe contributed to this report.", "(Reporting by ...; Editing by ...)"), a wire's
# copyright line and a subscription appeal ("please consider subscribing today").
_CREDIT_SENTENCE_RE = re.compile(
    r"(?i)\bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\b|^\(?\s*(?:additional\s+)?"
    r"(?:reporting|writing|editing)\s+by\b|\bediting\s+by\b|^(?:copyright|\u00a9)\s*\u00a9?\s*\d{4}\b"
    r"|^[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,2}\s+reported\s+from\s+[A-Z][^.;]{0,40}\.?$"
)
_APPEAL_RE = re.compile(
    r"(?i)\bplease\s+consider\s+subscribing\b|\bsubscribe\s+(?:today|now)\b|"
    r"\bsupport\s+(?:our|local|quality)\s+journalism\b|"
    r"\bdigital\s+subscription,\s+you(?:['’]ll|\s+will)\s+never\s+miss\b|"
    r"^click\s+here\s+to\s+(?:comment|subscribe|sign\s+up)\b(?:\s+on\s+this\s+(?:article|story))?\W*$"
)
# A unit that opens with a link label ("Related: 9 survivors found ...") is a link.
# ("Related story: Mandate for free tests ends": a link to another story, then its headline)
_LINK_LABEL_RE = re.compile(
    r"(?i)^(?:related(?:\s+(?:story|stories|article|articles|links?|content|coverage))?"
    r"|see\s+also|read\s+more|more)\s*:")
# A footer's cue: any one of these, tried in this order.
# What a page says of itself or its site: the article's age ("This article was first
# published 2 years ago": counted from the reader's visit, no date of the story), the site's
# output ("AllAfrica publishes around 400 reports a day"), its app and its mailings.
_PAGE_NOTICE_RE = re.compile(
    r"(?i)^this\s+(?:article|story|post|piece)\s+(?:was|has\s+been)\s+"
    r"(?:first\s+|originally\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+(?:on\s+)?"
    r"(?:\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago|[a-z]{3,9}\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}))?[\s.]*$"
    r"|^[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,3}\s+(?:publishes|distributes)\s+(?:around\s+|"
    r"about\s+|some\s+|over\s+|more\s+than\s+|up\s+to\s+)?[\d,]+\s+(?:reports|stories|articles|"
    r"items|news\s+items)\s+(?:a|per|each|every)\s+(?:day|week)\s*$"  # (a tag line: no stop)
    r"|^get\s+(?:\S+\s+){1,4}in\s+your\s+inbox\b|^download\s+(?:the\s+|our\s+)?\S*app\b"
)
_FOOTER_CUES = (_SOCIAL_RE.search, _LINK_LABEL_RE.match, _CREDIT_SENTENCE_RE.search,
                _RIGHTS_RE.search, _APPEAL_RE.search, _PAGE_NOTICE_RE.search)
# A word (lower case, spaces single) each footer cue holds, one of these at least: an ASCII line
# with none of them is not tried (prose, nearly every unit of a long text).
_FOOTER_WORDS = ("us on", "us in", "facebook", "twitter", "instagram", "related", "see also", "more",
                 "contributed", "reporting", "writing", "editing", "copyright", "reported",
                 "rights", "may not", "subscri", "journalism", "click here", "published",
                 "publishes", "posted", "updated", "distributes", "inbox", "download")
_QUOTED_RE = re.compile(r"[\"\u201c][^\"\u201c\u201d]{20,}[\"\u201d]")
# A line that is nothing but a date ("May 31, 2018", "Published June 01, 2018").
_DATE_LINE_RE = re.compile(
    r"(?i)^(?:(?:updated|posted|published|first\s+published|last\s+updated|date)\b[:\s]*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    # "May 31, 2018" or, day first, "18th Oct 2023", or "Date: 2025-04-25"
    r"(?:(?:[a-z]{3,9}\.?\s+\d{1,2},?|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?)\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})$"
)
# A full stop after a word, not after an initial ("Emery P. Dalesio") or an abbreviation.
_SENTENCE_END_RE = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d))[.!?][\"\u201d\u2019)]?\s+[\"\u201c(]?[A-Z]")
FURNITURE_MAX_WORDS = 40  # longer than any footer or link; longer units are prose
# A caption runs to a few sentences: a longer paragraph ending in "(file photo of ...)" is a
# story a one-paragraph scrape glued its last caption to.
CAPTION_MAX_WORDS = 80
MASTHEAD_MAX_WORDS = 4  # "CBS News", "South Park Magazine"; a headline is longer
LINKS_LABEL_MAX_WORDS = 4
# A page widget's count: a word or two and a bracketed number alone on a line ("veryGood! (6)",
# "Comments (12)", "(6)").
# (one word cheered or a widget's own word before the count: "Yes (214)", a vote's tally, stays)
_WIDGET_COUNT_RE = re.compile(
    r"^(?:[^\W\d_][\w'’-]{0,30}[!?]|(?i:comments?|likes?|shares?|replies|reactions))?"
    r"[^\S\n]*\(\d{1,7}\)$")
_LIST_HEADING_RE = re.compile(
    r"(?i)\b(?:latest|related|recommended|trending|more\s+from|most\s+(?:read|popular|viewed))\b"
)


def page_furniture(text: str, paragraphs: list[tuple[int, int, bool]]) -> set[int]:
    """Indexes of paragraphs that are page furniture as a whole (captions, credits, link lists)."""
    units = [" ".join(text[s:e].split()) for s, e, _ in paragraphs]
    credit = [bool(_CREDIT_LINE_RE.match(u)) for u in units]
    out: set[int] = set()
    after_label = in_list = story = False
    for i, unit in enumerate(units):
        single = paragraphs[i][2]
        # A link list comes after the story has begun: above it, "Related stories" is a prompt
        # and the next line the headline.
        story = story or not (single and is_heading_like(unit, max_words=TITLE_MAX_WORDS))
        label, after_label = after_label, False
        # A bare date line below the top matter is a time stamp (at the top it is the byline's).
        words = unit.count(" ") + 1  # (a unit's words are one space apart)
        # (the word counts and the marks each pattern needs first: a story's paragraphs are
        # long and hold none, and skip the searches, which try every place of a unit)
        low = unit.casefold()
        if (credit[i] or (any(c in unit for c in _CODE_MARKS) and _CODE_RE.search(unit))
                or _CAPTION_START_RE.match(unit)
                or (i >= TOP_MATTER_UNITS and _DATE_LINE_RE.match(unit))
                or (words <= CAPTION_MAX_WORDS and (low.endswith(_CAPTION_END_MARKS)
                                                    or "show more" in low)
                    and _CAPTION_END_RE.search(unit))
                or _COUNTER_RE.match(unit) or _widget_count(unit)
                or (words <= FURNITURE_MAX_WORDS and (
                    ("rights" in low or "published" in low) and _RIGHTS_RE.search(unit)
                    or ("subscrib" in low or "journalism" in low) and _APPEAL_RE.search(unit)))):
            out.add(i)
        elif single and _VIDEO_LABEL_RE.match(unit):
            out.add(i)
            after_label = True
        elif label:
            out.add(i)  # what an embedded video's label introduces is the video's blurb
        elif story and single and is_boilerplate(unit) and _LIST_HEADING_RE.search(unit):
            out.add(i)
            in_list = True
            continue
        elif in_list and single and (is_heading_like(unit, max_words=TITLE_MAX_WORDS) or (
                _LIST_ITEM_RE.match(unit) and words <= TITLE_MAX_WORDS + 1
                and not _ENDS_SENTENCE_RE.search(unit))):
            # a headline link under "Latest videos" or a bulleted one under "Related" (a
            # headline may hold two sentences: "Spooky or not? Residents say ..."): no fact
            out.add(i)
            continue
        in_list = False
    # Above the story, a line that is only an outlet's name ("CBS News") with the headline still
    # to come is the masthead; a short line between the headline and a caption or credit is a
    # section or navigation link ("South Park Magazine"): like jusText, a short block with
    # boilerplate after it and no story before it is boilerplate.
    first_story = next((i for i, (_s, _e, single) in enumerate(paragraphs) if not (
        single and is_heading_like(units[i], max_words=TITLE_MAX_WORDS))), len(units))
    for i in range(min(first_story, TOP_MATTER_UNITS + 1)):
        if looks_like_byline(units[i]) or not is_heading_like(units[i]):
            continue
        if len(units[i].split()) > MASTHEAD_MAX_WORDS:
            continue
        masthead = i == 0 and first_story > 1 and _looks_like_org(units[i]) \
            and _NEWS_ORG_RE.search(units[i]) is not None
        if masthead or (i > 0 and i + 1 in out):
            out.add(i)
    # A caption printed twice next to its credit line ("(Frank Micelotta/Invision/AP)").
    for i in range(len(units) - 1):
        if units[i] == units[i + 1] and ((i and credit[i - 1]) or (i + 2 < len(units) and credit[i + 2])):
            out.update((i, i + 1))
    return out


# --- paragraphs ------------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line, without its line break (the str.splitlines set)."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for m in _LINE_BREAK_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    if pos <= n:
        out.append((pos, n))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past surrounding whitespace and invisible characters."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int, bool]]:
    """Return trimmed paragraphs as (start, end, is_single_line)."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for ls, le in _lines(text):
        s, e = _trim(text, ls, le)
        if s == e:  # blank line (possibly NBSP only): ends a block
            if current:
                blocks.append(current)
                current = []
        else:
            current.append((s, e))
    if current:
        blocks.append(current)

    out: list[tuple[int, int, bool]] = []
    for block in blocks:
        for group in _split_block(text, block):
            out.append((group[0][0], group[-1][1], len(group) == 1))
    return out


def _split_block(text: str, block: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Cut a block of consecutive non-blank lines into paragraphs at single newlines."""
    if len(block) == 1:
        return [block]
    longest = max(e - s for s, e in block)
    wrapped = WRAP_MIN_COLUMNS <= longest <= WRAP_MAX_COLUMNS
    groups: list[list[tuple[int, int]]] = [[block[0]]]
    for i, (prev, line) in enumerate(itertools.pairwise(block), start=1):
        prev_text = text[prev[0] : prev[1]]
        line_text = text[line[0] : line[1]]
        prev_alone = len(groups[-1]) == 1  # prev started a new group: may be a heading
        cut = False
        prev_short = not wrapped or (prev[1] - prev[0]) < WRAPPED_SHORT_RATIO * longest
        if prev_alone and (prev_short and _is_unit_line(prev_text) or _is_stamp_line(prev_text)) \
                and _starts_unit(line_text):
            # A heading/byline line followed by a new start. In hard-wrapped prose a line is
            # full width unless it ends a paragraph, so a full-width line is never a heading.
            cut = True
        elif _ENDS_SENTENCE_RE.search(prev_text) and _starts_unit(line_text):
            if prev_short:
                cut = True  # one paragraph per line, or the short last line of a wrapped one
            elif _is_unit_line(line_text) and _is_last_or_cut(text, block, i):
                cut = True  # a heading after a full-width line ending a sentence
        if _is_stamp_line(line_text) or (
                line_text[:1].isupper() and _BY_RE.match(line_text) and looks_like_byline(line_text)):
            cut = True  # "By The Associated Press", "Published: ...": a unit, after any line
        if _is_links_label(line_text) or _is_links_label(prev_text) or \
                _widget_count(line_text) or _widget_count(prev_text) or \
                _PAGE_NOTICE_RE.match(line_text) or _PAGE_NOTICE_RE.match(prev_text):
            # "Related", a reaction count ("veryGood! (6)") and what a page says of itself
            # ("This article was first published 2 years ago") are units of their own
            cut = True
        if (
            _LIST_ITEM_RE.match(line_text)
            and _LIST_ITEM_RE.match(prev_text)
            or (_LIST_ITEM_RE.match(line_text) and _ENDS_PUNCT_RE.search(prev_text))
        ):
            cut = True  # list items are units, however short and unpunctuated
        if cut:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _widget_count(line: str) -> bool:
    return line.endswith(")") and len(line) <= WIDGET_MAX_CHARS and bool(_WIDGET_COUNT_RE.match(line))


WIDGET_MAX_CHARS = 40


def _is_links_label(line: str) -> bool:
    """A line that only announces a list of links ("Related", "More from Reuters", "Most read");
    not what someone said ("More from the minister:")."""
    return len(line.split()) <= LINKS_LABEL_MAX_WORDS and _LIST_HEADING_RE.search(line) is not None \
        and is_boilerplate(line) and _NOT_LINKS_LABEL_RE.search(line) is None


_NOT_LINKS_LABEL_RE = re.compile(r"(?i)\bmore\s+from\s+(?:the|a|an|his|her|their|our)\b|:\s*$")


def _is_last_or_cut(text: str, block: list[tuple[int, int]], i: int) -> bool:
    """Tell whether line ``i`` is followed by nothing or by a line that starts a new unit."""
    return i == len(block) - 1 or _starts_unit(text[block[i + 1][0] : block[i + 1][1]])


def _starts_unit(line: str) -> bool:
    """Tell whether a line can start a sentence: not a lowercase continuation."""
    first = line.lstrip(_OPENERS + _INVISIBLE + " ")[:1]
    return not first.islower()


def _is_unit_line(line: str) -> bool:
    """Tell whether a standalone line is a heading, title, byline or time stamp rather than
    prose ("Updated 3:45 p.m. ET, Wed March 4, 2020" above the first sentence)."""
    return is_heading_like(line, max_words=TITLE_MAX_WORDS, max_chars=TITLE_MAX_CHARS) or (
        looks_like_byline(line)
    ) or _is_stamp_line(line)


def _is_stamp_line(line: str) -> bool:
    """A line that is only time stamps or dates, one or more ("Published: Mar. 3, 2024 at 5:05
    AM PDT|Updated: 26 minutes ago"): never a wrapped line of prose."""
    parts = [p for p in _BYLINE_SEP_RE.split(line.strip()) if p]
    return bool(parts) and all(_TIMESTAMP_RE.match(p) or _DATE_LINE_RE.match(p) for p in parts)


# --- sentences -------------------------------------------------------------------------------


# A crosshead in capitals opening a unit, before a sentence in ordinary case: two or more
# words of three or more capitals, one of five or more (acronyms are short), maybe quoted.
_CROSSHEAD_RE = re.compile(
    r"[\"'\u201c\u2018]?(?=[A-Z'\u2019-]*[A-Z]{5})(?:[A-Z][A-Z'\u2019-]{2,}[ \t\u00a0]+)+"
    r"[A-Z][A-Z'\u2019-]{2,}[\"'\u201d\u2019]?(?=[ \t\u00a0]+[\"\u201c]?[A-Z][a-z])"
)
_GALLERY_LINK_RE = patterns.compile(
    r"(?:^|(?<=[.!?][\"\u201d\u2019)] )|(?<=[.!?] ))\d{1,3}\s+(?:Photos|Videos|Images|Pictures|Slides)"
    r"(?=\s+[A-Z])")
_DASH_LEAD_RE = re.compile(r"(?:\u2014|\u00e2\u20ac\u201d){2,}")
_DASH_RUN_RE = re.compile(r"[.!?][\"\u201d\u2019)]?\s+(?=(?:\u2014|\u00e2\u20ac\u201d){2,})")


# A dateline whose state is abbreviated ("TULSA, Okla. (AP) —", "SALEM, Ore. —"): its full stop
# ends no sentence.
_ABBREVIATED_DATELINE_RE = re.compile(
    r"[ \t\u00a0]*[A-Z][A-Z.'\u2019-]+(?:[ \t\u00a0][A-Z][A-Z.'\u2019-]+)*,[ \t\u00a0]+"
    r"(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)[ \t\u00a0]*(?=\(|\u2014|\u2013|--|-[ \t\u00a0])")


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into trimmed sentence spans (absolute offsets)."""
    para = text[start:end]
    if not _MAYBE_BREAK_RE.search(para.rstrip(_FINAL_PUNCT + _CLOSERS + _INVISIBLE + " ")):
        cuts = []  # no final punctuation before the end: one sentence (syntok is the hot path)
    elif _mostly_syntok_script(para):
        cuts = _syntok_cuts(para) + [m.end() for m in _DIGIT_STOP_RE.finditer(para)]
    else:
        cuts = [m.end() for m in _REGEX_SPLIT_RE.finditer(para)]
    # A run of dashes after a full stop opens page furniture glued to the last sentence of a
    # one-paragraph scrape ('... for a long time." —— News on Facebook and Twitter').
    cuts += [m.end() for m in _DASH_RUN_RE.finditer(para)]
    # So does a gallery link ("33 Photos") that a flat scrape glued to the next sentence.
    cuts += [m.end() for m in _GALLERY_LINK_RE.finditer(para)]
    cuts += [m.end() for m in _DOMAIN_STOP_RE.finditer(para)]
    if (abbreviated := _ABBREVIATED_DATELINE_RE.match(para)) is not None:
        cuts = [c for c in cuts if c != abbreviated.end()]  # "SALEM, Ore. (AP) —": one sentence
    # Boundaries are the cut points; each piece runs to the next cut, so pieces tile the
    # paragraph and offsets never depend on token values (syntok rejoins "exam-\nple").
    bounds = sorted({0, len(para), *[c for c in cuts if 0 < c < len(para)]})
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(bounds):
        s, e = _trim(text, start + a, start + b)
        if s < e:
            spans.append((s, e))
    return spans


def _syntok_cuts(para: str) -> list[int]:
    """Return the offsets inside ``para`` where syntok starts a new sentence.

    syntok reads a paragraph token by token in Python, most of a comparison's segmenting time.
    At a sure end (``_sure_ends``) it always cuts, and what it decides after a cut never depends
    on the text before it: the paragraph is cut there first, and only the pieces with a place
    left to decide are handed to syntok (tests compare this with syntok on the whole paragraph).
    """
    try:
        cuts: list[int] = []
        start = 0
        for end, next_start in _sure_ends(para):
            cuts += _piece_cuts(para, start, end)
            start = next_start
        return cuts + _piece_cuts(para, start, len(para))
    except Exception:  # noqa: BLE001 - syntok on adversarial input must not take segment down
        return [m.end() for m in _REGEX_SPLIT_RE.finditer(para)]


# Where syntok (1.4.4, ``State._move_and_maybe_extract_terminal``) always ends a sentence: after
# a word of two letters or more with a lower-case one (no initial, no Roman numeral) that is no
# abbreviation it knows, or a number of two digits or more not before a month ("in 2020. May"),
# one terminal mark and at most one closing quote (after two it does not cut), before a space
# and a capitalised word, maybe quoted. (The word stands alone: no dot or hyphen inside.)
_SURE_END_RE = re.compile(
    r"[.!?][\"'\u00b4\u2019\u201d]?(\s+)(?=[\"'\u201c\u2018\u00ab]?([A-Z][a-z][A-Za-z]*))")
# (the word is read back from the terminal mark: the mark is rare, a scan for it quick)
_WORD_BEFORE_RE = re.compile(
    r"(?<!\S)(?:((?=[A-Za-z]{2})[A-Za-z]*[a-z][A-Za-z]*)|\d[\d,]*\d)\Z")
# how far back the word is looked for
_WORD_BEFORE_MAX = 40
# What makes syntok decide whether to cut: a terminal mark, or an opening bracket (it may skip
# bracketed text, or start a sentence there).
_SYNTOK_DECIDES = frozenset(_SyntokState.terminals) | _SyntokState.opening_brackets
_SYNTOK_BRACKETS = {**dict.fromkeys(_SyntokState.opening_brackets, 1),
                    **dict.fromkeys(_SyntokState.closing_brackets, -1)}
_DECIMAL_POINT_RE = re.compile(r"(?<=\d)\.(?=\d)")
_SYNTOK_BRACKET_RE = re.compile("[" + re.escape("".join(_SYNTOK_BRACKETS)) + "]")
# A piece's last marks, glued to its last word: syntok cuts nothing there (a mark after a
# space may start a sentence of its own).
_SYNTOK_TAIL = "".join(_SyntokState.terminals - {"..."} | _SyntokState.closing_quotes
                       | _SyntokState.closing_brackets)


def _sure_ends(para: str) -> Iterator[tuple[int, int]]:
    """(end of a sentence, start of the next) at each sure end outside brackets: syntok looks
    ahead over bracketed text, so a cut inside an open bracket could be skipped over."""
    brackets = [(m.start(), _SYNTOK_BRACKETS[m.group()]) for m in _SYNTOK_BRACKET_RE.finditer(para)]
    depth = k = 0
    for m in _SURE_END_RE.finditer(para):
        end = m.start()
        word = _WORD_BEFORE_RE.search(para, max(0, end - _WORD_BEFORE_MAX), end)
        if word is None:
            continue
        while k < len(brackets) and brackets[k][0] < end:
            depth = max(depth + brackets[k][1], 0)  # (a stray closing bracket closes nothing)
            k += 1
        if depth == 0 and (m.group(2) not in _SyntokState.months if word.group(1) is None
                           else word.group(1) not in _SyntokState.abbreviations):
            yield m.start(1), m.end()


def _piece_cuts(para: str, start: int, end: int) -> list[int]:
    """syntok's cuts in ``para[start:end]``: where nothing is left to decide (no terminal mark
    or opening bracket before its end), one sentence from its first token."""
    piece = para[start:end]
    body = piece.rstrip().rstrip(_SYNTOK_TAIL)
    # (a decimal point is inside a number's token: no terminal)
    if not _SYNTOK_DECIDES.intersection(body) or not _SYNTOK_DECIDES.intersection(
            _DECIMAL_POINT_RE.sub("", body)):
        first = len(piece) - len(piece.lstrip())
        return [start + first] if first < len(piece) else []
    tokens = list(_TOKENIZER.tokenize(piece))
    return [start + sent[0].offset for sent in _syntok_segmenter.split(iter(tokens)) if sent]


def _mostly_syntok_script(para: str) -> bool:
    """Tell whether most letters are Latin, Cyrillic or Greek (what syntok was built for)."""
    if para.isascii() or not _OUTSIDE_SYNTOK_RE.search(para):
        return True  # the common cases (curly quotes, accents), without a per-character loop
    letters = 0
    known = 0
    for ch in para:
        if ch.isalpha():
            letters += 1
            if ch < "\u0250" or "\u0370" <= ch < "\u0530" or "\u1e00" <= ch < "\u2000":
                known += 1
    return letters == 0 or known >= SYNTOK_SCRIPT_SHARE * letters


def _alnum_count(s: str) -> int:
    return sum(map(str.isalnum, s))


def _merge_garbage(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fold pieces without letters/digits, and broken-quote fragments, into a neighbour."""
    # Pass 1: garbage joins the previous piece (or the next one at the paragraph start).
    merged: list[tuple[int, int]] = []
    pending: int | None = None  # start of garbage at the paragraph start, waiting for a next
    for s, e in spans:
        garbage = _is_garbage(text[s:e], first=not merged)
        if pending is not None:
            s, pending = pending, None
        if garbage and merged:
            merged[-1] = (merged[-1][0], e)
        elif garbage:
            pending = s
        else:
            merged.append((s, e))
    if pending is not None and _alnum_count(text[pending : spans[-1][1]]) > 0:
        merged.append((pending, spans[-1][1]))  # a lone short paragraph like "OK": keep it
    # Pass 2, on whole pieces (a stray quote mark is attached by now): quote continuations.
    out: list[tuple[int, int]] = []
    for s, e in merged:
        if out:
            prev, piece = text[out[-1][0] : out[-1][1]], text[s:e]
            if (
                _continues_quote(prev, piece)
                or _broken_quote_tail(prev, piece)
                or _continues_dateline(prev, piece)
            ):
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _is_garbage(piece: str, *, first: bool) -> bool:
    """Tell whether a piece is not a sentence of its own."""
    n = _alnum_count(piece)
    if n == 0:
        return True
    # A tiny piece that is mostly quote/punctuation is a broken quote's tail ('" a.'), but a
    # short real sentence ("No.", "Why?") or a numbered point ("1.") stays.
    return n < FRAGMENT_MIN_ALNUM and _alnum_count(piece) * 2 < len(piece) and not first


def _continues_quote(prev: str, piece: str) -> bool:
    """Tell whether ``piece`` continues ``prev`` (a lowercase start right after a quote)."""
    first = piece[:1]
    return (first.islower() and prev[-1:] in _QUOTE_MARKS + "’'"
            and not _DASH_LEAD_RE.match(piece))  # "â€”â€”": a dash run read through mojibake


def _continues_dateline(prev: str, piece: str) -> bool:
    """Tell whether ``prev`` is a dateline that syntok cut off ("WASHINGTON (AP)" + "— The")."""
    return piece[:1] in "—–-" and not _ENDS_SENTENCE_RE.search(prev)


def _broken_quote_tail(prev: str, piece: str) -> bool:
    """Tell whether ``piece`` is the stray end of a quote that ``prev`` closed too early.

    Machine translation often closes a quote mid-sentence and re-opens it dangling at the end
    (``... "the talks will go on." As they have for years. "``): the tail ends with a quote mark
    that opens nothing and is unbalanced in the piece, right after a sentence ending in a quote.
    """
    if prev[-1:] not in _QUOTE_MARKS or len(piece.split()) > BROKEN_QUOTE_MAX_WORDS:
        return False
    dangling = re.search(rf"\s[{_QUOTE_MARKS}]$", piece) is not None
    straight = piece.count('"')
    return dangling and straight % 2 == 1 if piece.endswith('"') else dangling


# --- kinds ---------------------------------------------------------------------------------


def _norm(s: str) -> str:
    """Fold case, quotes, dashes and spacing for loose equality of titles and names."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[\u2010-\u2015\-]", "-", s)
    s = re.sub(r"[“”„\"«»]", '"', s)
    s = re.sub(r"[‘’‚']", "'", s)
    return " ".join(s.split())


# --- shape helpers shared with retold.read ---------------------------------------------------


def _short(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words


def is_page_clutter(line: str) -> bool:
    """Tell whether a line is page furniture (a share bar, a subscription prompt, a photo credit)."""
    return bool(_CLUTTER_RE.match(line.strip().strip(_INVISIBLE)))


def is_heading_like(
    line: str, *, max_words: int = HEADING_MAX_WORDS, max_chars: int = HEADING_MAX_CHARS
) -> bool:
    """Tell whether a line is short, has a letter, and ends without sentence punctuation."""
    line = line.strip().strip(_INVISIBLE)
    if not line or "\n" in line or len(line) > max_chars or len(line.split()) > max_words:
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    if _LIST_ITEM_RE.match(line):
        return False  # "- a point": a list item is body text
    if line.rsplit(None, 1)[-1] in _CONTINUATION_WORDS:  # case-sensitive: "Vote in May"
        return False  # "held with" goes on on the next line: a wrapped sentence, not a heading
    return not _ENDS_PUNCT_RE.search(line)


# Words a heading never ends with but a hard-wrapped line often does (English function words).
# fmt: off
_CONTINUATION_WORDS = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "and",
    "or", "but", "nor", "that", "which", "who", "whose", "as", "than", "his", "her", "its",
    "their", "our", "my", "your", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "can", "could", "should", "may", "might", "must",
])
# fmt: on


# fmt: off
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# fmt: on
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
# Each pattern names its groups y/m/d; month names are matched case-insensitively.
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?!\d)"),
    re.compile(
        rf"(?:{_WEEKDAY_RE})?\b(?P<mn>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        r"(?P<y>\d{4})(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:{_WEEKDAY_RE})?(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mn>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
]


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """Find the first calendar date written in ``text``: (date, start, end), or None."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            # Numeric patterns have "m"; named ones "mn", always a key of _MONTHS (any case).
            month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mn"].lower()]
            try:
                date = dt.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                continue  # 2020-02-30, month 13: not a date
            if best is None or m.start() < best[1]:
                best = (date, m.start(), m.end())
            break
    return best


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says: any of site, author, publication date."""

    site: str | None = None
    author: str | None = None
    published: dt.date | None = None


# Separators between byline fields: pipes, middle dots, bullets (spaced dashes too).
_BYLINE_SEP_RE = re.compile(r"\s*[|·•]\s*|\s+[–—]\s+|\s+/\s+")
_BY_RE = re.compile(
    r"^\s*(?:(?:by|written by|words by|reporting by)\s+|author\s*:\s*)(?P<rest>.+)$", re.IGNORECASE)
_DATE_LABEL_RE = re.compile(
    r"^(?:published|updated|posted|first published|last updated|date)\s*(?:on)?\s*:?\s*$",
    re.IGNORECASE,
)
# Words that mark an organisation rather than a person, to tell site from author.
# fmt: off
_ORG_WORDS = frozenset([
    "institute", "news", "times", "post", "journal", "agency", "press", "media", "network",
    "daily", "herald", "tribune", "gazette", "review", "magazine", "online", "radio", "tv",
    "television", "service", "center", "centre", "foundation", "council", "association",
    "group", "report", "reuters", "ap", "afp", "bbc", "cnn", "staff", "newspaper", "weekly",
    "monthly", "telegraph", "guardian", "observer", "chronicle", "wire", "world",
    "international", "global",
])
# fmt: on


def _looks_like_org(part: str) -> bool:
    """Tell whether a byline field names an organisation or a site rather than a person."""
    lowered = part.lower()
    if re.search(r"\.(?:com|org|net|co|uk|news|info)\b|www\.", lowered):
        return True
    words = re.findall(r"[a-z]+", lowered)
    return any(w in _ORG_WORDS for w in words)


def _looks_like_person(part: str, *, allow_and: bool = False, allow_caps: bool = False) -> bool:
    """Tell whether a byline field is a person's name: 2-5 capitalised words, no org words."""
    words = part.split()
    if allow_and:  # "Jane Doe and John Roe", "Jane Doe, John Roe"
        words = [w.rstrip(",") for w in words if w.lower() not in {"and", "&"}]
        limit = 10
    else:
        limit = 5
    if not 1 < len(words) <= limit or _looks_like_org(part):
        return False
    if words[0].lower() in {"the", "a", "an"}:
        return False  # "The Valley Courier": a publication
    if not allow_caps and any(len(w) > 3 and w.isupper() for w in words):
        return False  # "WORLD NEWS": a kicker or section name, not a person ("By JOHN DOE" is)
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


# Lower-case words a dateline's text may hold beside its date ("Updated at 10:02 am ET").
_DATELINE_WORDS = frozenset(["at", "on", "by", "of", "the", "and", "updated", "published", "posted",
                             "first", "last", "am", "pm", "a", "m", "p", "et", "edt", "est", "gmt",
                             "utc", "bst", "cet"])


_NAME_PARTICLES = frozenset(
    ["al-", "al", "bin", "ibn", "de", "van", "von", "la", "le", "da", "del", "der", "di", "du"]
)


def parse_byline(line: str) -> Byline | None:
    """Read a byline line ("Site | Author | March 4, 2021", "By Jane Doe, Reuters"), or None."""
    line = " ".join(line.strip(_INVISIBLE).split())  # bylines padded with spaces
    if not line or len(line) > BYLINE_MAX_CHARS or len(line.split()) > BYLINE_MAX_WORDS:
        return None
    found = find_date(line)
    date = found[0] if found else None
    by = _BY_RE.match(line)
    parts = [p.strip(" ,;:-–—") for p in _BYLINE_SEP_RE.split(line)]
    parts = [p for p in parts if p]
    if by is None and len(parts) < 2 and found is None:
        return _credit_byline(line)
    site: str | None = None
    author: str | None = None
    names: list[str] = []
    for part in parts:
        d = find_date(part)
        if d is not None:
            rest = (part[: d[1]] + " " + part[d[2] :]).strip(" ,;:-–—")
            rest = re.sub(
                r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|[A-Z]{2,4})?\b", "", rest, flags=re.IGNORECASE
            ).strip(" ,;:-–—")
            # (the word that led to the date or time: "By The Associated Press | at 8:00pm")
            rest = re.sub(r"\s+(?:at|on)$", "", rest, flags=re.IGNORECASE)
            if not rest or _DATE_LABEL_RE.match(rest):
                continue
            part = rest
        m = _BY_RE.match(part)
        if m:
            who = m["rest"].strip()
            # "By Jane Doe, Reuters": the part after the last comma is an outlet ("By JANE
            # DOE, Reuters, AP": each part after the person's).
            while "," in who:
                head, tail = (x.strip() for x in who.rsplit(",", 1))
                if _looks_like_person(tail) and not _looks_like_org(tail):
                    break
                who, site = head, tail
            if not _looks_like_person(who, allow_and=True, allow_caps=True):
                if _looks_like_org(who) and len(who.split()) <= ORG_BYLINE_WORDS_MAX:
                    site = who  # "By The Associated Press": an agency's byline, no person
                    continue
                return None  # "By far the greatest concern ...": prose, not a byline
            author = who
            continue
        names.append(part)
    if by is None and len(parts) < 2:
        # A lone line with a date: a byline only if what remains is short (a dateline).
        if found is None or len(_WORD_RE.findall(line)) > 8:
            return None
        if names and not _DATE_LABEL_RE.match(names[0]):
            # "LONDON", "Posted at": a place or a label; "They met on" is a sentence
            short = len(names[0].split()) <= 4 and all(
                w[:1].isupper() or w.casefold() in _DATELINE_WORDS
                for w in _WORD_RE.findall(names[0]))
            return Byline(published=date) if short else None
        return Byline(published=date)
    if author is None:
        persons = [p for p in names if _looks_like_person(p)]
        # Two name-like fields ("Valley Courier | Marta Quill"): the usual order is site first.
        author = persons[1] if len(persons) >= 2 else persons[0] if persons else None
    others = [p for p in names if p != author]
    if site is None and others:
        site = others[0]
    if author is None and site is None and date is None:
        return None
    return Byline(site=site, author=author, published=date)


# A broadcaster's credit: "Mary Okafor, Reporting", "Reporting: Mary Okafor".
_REPORTING_RE = re.compile(r"^(?:(?P<before>[^,]+),\s+(?i:reporting)|(?i:reporting):\s+(?P<after>.+))$")
# An agency's byline is a few words: "By The Associated Press", "By Reuters Staff".
ORG_BYLINE_WORDS_MAX = 5


def _credit_byline(line: str) -> Byline | None:
    """Read "Jane Doe and John Roe, Associated Press": people, then a news agency or outlet;
    or a broadcaster's "Mary Okafor, Reporting"."""
    reporting = _REPORTING_RE.match(line)
    if reporting is not None:
        who = (reporting["before"] or reporting["after"]).strip(" ,:")
        # (a name of two to four words: "Three Ohio Hospitals Halt Covid Reporting" is a headline)
        return Byline(author=who) if len(who.split()) <= 4 and _looks_like_person(
            who, allow_and=True) else None
    if "," not in line:
        return None
    who, outlet = (x.strip() for x in line.rsplit(",", 1))
    if _looks_like_person(who, allow_and=True, allow_caps=True) and _NEWS_ORG_RE.search(outlet) \
            and len(outlet.split()) <= 4:
        return Byline(site=outlet, author=who)
    return None


# An outlet's name in a credit byline: a wire or a word only news organisations use.
_NEWS_ORG_RE = re.compile(
    r"(?i)\b(?:associated\s+press|reuters|ap|afp|bloomberg|news|press|times|post|herald|tribune|"
    r"journal|gazette|chronicle|telegraph|guardian|staff|wire)\b")


def looks_like_byline(line: str) -> bool:
    """Tell whether a line is a byline or dateline rather than a heading or prose."""
    # A date, a "By <name>" or an outlet's credit after the names is required: "Site | Author"
    # alone reads the same as a title with a kicker ("WORLD – Floods Return"), and a wrong
    # byline hides a title.
    b = parse_byline(line)
    return b is not None and (
        b.published is not None
        # "By Ann Lee", and an agency's or outlet's own ("By Press Association", "By AFP")
        or ((b.author or b.site) is not None and _BY_RE.match(line) is not None)
        or _credit_byline(" ".join(line.split())) is not None
    )

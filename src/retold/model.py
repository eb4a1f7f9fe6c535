"""The value types every part of retold speaks: frozen, slotted dataclasses, stdlib only.

Offsets are half-open character offsets into ``Document.text``, the text exactly as it was
read (after decoding, before any normalisation), so ``doc.text[s.start:s.end] == s.text``
holds for every sentence, fact and excerpt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Literal

SCHEMA = "retold.comparison/1"

SentenceKind = Literal["title", "byline", "heading", "body", "boilerplate"]
Relation = Literal["verbatim", "paraphrase", "changed"]
FactKind = Literal["number", "date", "name", "quote", "attribution", "qualifier", "negation",
                   "meaning"]  # meaning: a change of wording, not a typed fact (retold.meaning)
Status = Literal["changed", "dropped", "added"]
Severity = Literal["high", "medium", "low"]
Derivation = Literal["wholly", "partially", "non"]
# How the original bears on one retelling fact (retold.ground) and on one retelling sentence.
GroundStatus = Literal["supported", "contradicted", "unsupported"]
Verdict = Literal["supported", "contradicts", "adds-unsupported", "no-support"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets ``[start, end)`` into a text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its text and whatever metadata came with it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    site: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from: a path, "-", a URL, or "<text>"
    notes: tuple[str, ...] = ()  # what reading noticed (encoding guessed, HTML extracted, ...)

    def with_published(self, published: dt.date | None) -> Document:
        return replace(self, published=published)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A unit of text: a sentence, or a title, byline or heading line."""

    id: int
    start: int
    end: int
    text: str
    kind: SentenceKind = "body"
    paragraph: int = 0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as a closed range with an optional hedge ("about", "at least", ...)."""

    low: float
    high: float
    # about | at_least | at_most | more_than | less_than | nearly | up_to | vague ("hundreds of")
    hedge: str | None = None
    # percent | percentage point | a currency code (USD, GBP, EUR) | km | °C | None for a count
    unit: str | None = None
    # rise | fall: the figure is the size of a change ("grew 21%", "a 3-point drop"), or None
    change: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "hedge": self.hedge, "unit": self.unit,
                "change": self.change}


@dataclass(frozen=True, slots=True)
class Interval:
    """A time expression resolved to an inclusive date interval, or kept as vague."""

    start: dt.date | None
    end: dt.date | None
    # day | week | weekend | part-of-week | month | part-of-month | season | year | part-of-year
    # | decade | part-of-decade | period | vague | relative-unresolved (no publication date)
    granularity: str
    relative: bool = False  # resolved against a publication date
    reference: dt.date | None = None  # the date it was resolved against

    @property
    def vague(self) -> bool:
        return self.start is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "relative": self.relative,
            "reference": self.reference.isoformat() if self.reference else None,
        }


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed mention inside one sentence, with a normalised value.

    ``key`` is the comparable form (two facts with equal keys state the same thing);
    ``role`` is context that says which slot the fact fills (the counted noun of a number,
    the speaker of a quote), used to pair a changed fact with its counterpart.
    """

    kind: FactKind
    start: int
    end: int
    text: str
    sentence: int
    key: str
    value: Quantity | Interval | None = None
    role: str = ""
    note: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "key": self.key,
        }
        if self.value is not None:
            d["value"] = self.value.to_dict()
        if self.role:
            d["role"] = self.role
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A located piece of one side's text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Excerpt:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Aligned sentences: 1:1, 1:n or n:1, by sentence id."""

    original: tuple[int, ...]
    retelling: tuple[int, ...]
    similarity: float
    relation: Relation = "paraphrase"

    def inverse(self) -> AlignedPair:
        return AlignedPair(self.retelling, self.original, self.similarity, self.relation)

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": list(self.original),
            "retelling": list(self.retelling),
            "similarity": round(self.similarity, 4),
            "relation": self.relation,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """A fact that differs between the two sides of a pair (or is unsupported anywhere)."""

    kind: FactKind
    status: Status
    original: Excerpt | None
    retelling: Excerpt | None
    detail: str
    severity: Severity = "medium"
    pair: int | None = None  # index into Comparison.pairs; None for facts of added sentences
    # Set when the whole original was searched (retold.ground): "contradicted" (another value
    # in the same slot) or "unsupported" (stated nowhere), with the original's evidence spans.
    grounding: GroundStatus | None = None
    evidence: tuple[Excerpt, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "status": self.status,
            "original": self.original.to_dict() if self.original else None,
            "retelling": self.retelling.to_dict() if self.retelling else None,
            "detail": self.detail,
            "severity": self.severity,
            "pair": self.pair,
        }
        if self.grounding:
            d["grounding"] = self.grounding
            d["evidence"] = [e.to_dict() for e in self.evidence]
        return d


@dataclass(frozen=True, slots=True)
class FactGround:
    """One retelling fact checked against the whole original (see retold.ground)."""

    kind: FactKind
    status: GroundStatus
    retelling: Excerpt
    sentence: int  # the retelling sentence it is in
    evidence: tuple[Excerpt, ...]  # the original's spans that state it, or the rival value
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "retelling": self.retelling.to_dict(),
            "sentence": self.sentence,
            "evidence": [e.to_dict() for e in self.evidence],
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class SentenceVerdict:
    """What the original says to one retelling sentence, and which of its sentences say it."""

    sentence: int  # retelling sentence id
    verdict: Verdict
    evidence: tuple[int, ...]  # original sentence ids, best first
    support: float  # share of the sentence's content words the original uses (IDF-weighted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "verdict": self.verdict,
            "evidence": list(self.evidence),
            "support": self.support,
        }


@dataclass(frozen=True, slots=True)
class Variant:
    """The same fact written differently (a name spelled another way): shown, never a change."""

    kind: FactKind
    original: Excerpt
    retelling: Excerpt
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "original": self.original.to_dict(),
            "retelling": self.retelling.to_dict(),
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    carried: float  # share of the original's text carried into the retelling
    reuse: float  # share of the retelling's text derived from the original
    derivation: Derivation
    message: str = ""
    # retelling sentences per verdict (retold.ground): (verdict, count) in VERDICTS order
    verdicts: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "carried": round(self.carried, 4),
            "reuse": round(self.reuse, 4),
            "derivation": self.derivation,
            "message": self.message,
        }
        if self.verdicts:
            d["verdicts"] = dict(self.verdicts)
        return d


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a comparison: the document, its units and its facts."""

    document: Document
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        d: dict[str, Any] = {}
        for name in ("title", "author", "site", "url", "source"):
            value = getattr(doc, name)
            if value:
                d[name] = value
        if doc.published:
            d["published"] = doc.published.isoformat()
        # The text every offset points into, so a consumer can check and render spans.
        d["text"] = doc.text
        d["sentences"] = [
            {"id": s.id, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind,
             "paragraph": s.paragraph}
            for s in self.sentences
        ]
        d["facts"] = [f.to_dict() for f in self.facts]
        return d


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything ``retold.compare`` found; ``to_dict()`` is the ``retold.comparison/1`` JSON."""

    original: Side
    retelling: Side
    pairs: tuple[AlignedPair, ...]
    dropped: tuple[int, ...]
    added: tuple[int, ...]
    changes: tuple[Change, ...]
    summary: Summary
    variants: tuple[Variant, ...] = ()
    notes: tuple[str, ...] = ()  # assumptions and degradations the reader must know about
    grounding: tuple[FactGround, ...] = ()  # every checkable retelling fact, grounded
    verdicts: tuple[SentenceVerdict, ...] = ()  # one per retelling sentence but page clutter

    def verdict_of(self, sentence: int) -> SentenceVerdict | None:
        """The verdict on one retelling sentence, by id."""
        return next((v for v in self.verdicts if v.sentence == sentence), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "original": self.original.to_dict(),
            "retelling": self.retelling.to_dict(),
            "pairs": [p.to_dict() for p in self.pairs],
            "dropped": list(self.dropped),
            "added": list(self.added),
            "changes": [c.to_dict() for c in self.changes],
            "variants": [v.to_dict() for v in self.variants],
            "summary": self.summary.to_dict(),
            "notes": list(self.notes),
            "grounding": [g.to_dict() for g in self.grounding],
            "verdicts": [v.to_dict() for v in self.verdicts],
        }


# --- corpus level (retold trace) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a corpus, keeping the id it came with."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    author: str | None = None

    def to_document(self) -> Document:
        return Document(text=self.text, title=self.title, author=self.author,
                        published=self.published, site=self.outlet, url=self.url, source=self.id)


@dataclass(frozen=True, slots=True)
class Link:
    """A verified retelling: ``target`` retells ``source``."""

    source_id: str
    target_id: str
    decided: bool  # False when the direction could not be told; source/target then by id order
    evidence: str  # what decided the direction: published | containment | credit | outlets | undecided
    reuse: float  # share of the target's text derived from the source
    carried: float  # share of the source's text carried into the target
    derivation: Derivation
    changes: int  # number of fact changes
    channels: tuple[str, ...] = ()  # candidate channels that proposed the pair
    similarity: float = 0.0
    detail: str = ""  # the evidence in words: "published 2020-03-01 before 2020-03-03", ...
    facts: tuple[dict[str, Any], ...] = ()  # the source's facts: kind, key, text, status, to
    # aligned passages: (source start, source end, target start, target end, relation), in
    # character offsets of the two texts; not part of equality (an engine may not keep them)
    passages: tuple[tuple[int, int, int, int, str], ...] = field(default=(), compare=False)

    @property
    def id(self) -> str:
        return f"{self.source_id}->{self.target_id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "target_id": self.target_id,
            "decided": self.decided,
            "evidence": self.evidence,
            "reuse": round(self.reuse, 4),
            "carried": round(self.carried, 4),
            "derivation": self.derivation,
            "changes": self.changes,
            "channels": list(self.channels),
            "similarity": round(self.similarity, 4),
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class Story:
    """A cluster of linked articles, earliest source first."""

    id: str
    articles: tuple[str, ...]
    root: str
    links: tuple[Link, ...] = field(default_factory=tuple)
    # (article, the article it retold or None for the root), in retelling order from the root
    chain: tuple[tuple[str, str | None], ...] = ()
    # each fact: {"kind", "key", "text", "carried_by": [ids], "changed_by": [{"article", "to"}]}
    facts: tuple[dict[str, Any], ...] = ()
    published: dt.date | None = None  # the root's publication date, when known
    # articles that may be the earliest source as well: joined to the root by a link whose
    # direction is undecided, and retelling no one in the story
    open_roots: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        undecided = {frozenset((l.source_id, l.target_id)) for l in self.links if not l.decided}
        return {
            "id": self.id,
            "root": self.root,
            "published": self.published.isoformat() if self.published else None,
            "open_roots": list(self.open_roots),
            "articles": list(self.articles),
            # (a step along an undecided link claims no direction: "decided" is false)
            "chain": [{"article": a, "retells": p,
                       "decided": p is None or frozenset((a, p)) not in undecided}
                      for a, p in self.chain],
            "links": [link.id for link in self.links],
            "facts": [dict(f) for f in self.facts],
        }

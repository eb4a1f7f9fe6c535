"""Shared helpers for the fact-extractor tests: a stand-in segmenter, so each extractor is
tested on sentences the test controls rather than on the real segmenter's output; and the
changes of a comparison as rows, for tests of what compare reports."""

from __future__ import annotations

import datetime as dt
import re

import retold
from retold.model import Sentence

SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences_of(text: str, split: re.Pattern[str] = SPLIT) -> list[Sentence]:
    """Split a test text into sentences on final punctuation and newlines."""
    out: list[Sentence] = []
    pos = 0
    for m in [*split.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            out.append(Sentence(len(out), pos, end, text[pos:end]))
        pos = m.end() if m else len(text)
    return out


def flags(original: str, retelling: str, published: dt.date | None = None
          ) -> list[tuple[str, str, str, str, str]]:
    """compare's changes as (kind, status, severity, original text, retelling text), both
    sides published on ``published``."""
    c = retold.compare(original, retelling, original_published=published,
                       retelling_published=published)
    return [(ch.kind, ch.status, ch.severity, ch.original.text if ch.original else "",
             ch.retelling.text if ch.retelling else "") for ch in c.changes]

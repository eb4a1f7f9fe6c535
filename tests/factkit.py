"""Shared helpers for the fact-extractor tests: a stand-in segmenter, so each extractor is
tested on sentences the test controls rather than on the real segmenter's output."""

from __future__ import annotations

import re

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

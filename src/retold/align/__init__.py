"""Sentence alignment: lexical scorers (default) and the aligner."""

from retold.align.sentences import LINK_RATIO, LINK_THRESHOLD, Alignment, align

__all__ = ["LINK_RATIO", "LINK_THRESHOLD", "Alignment", "align"]

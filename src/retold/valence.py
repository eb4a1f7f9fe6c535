"""How good or bad a word says something is: the VADER sentiment lexicon, read in place.

The data is VADER's ``vader_lexicon.txt`` (C.J. Hutto, MIT licence), about 7,500 words and
emoticons rated by ten people each from -4 (extremely negative) to +4 (extremely positive), as
shipped inside the ``vaderSentiment`` wheel. As with WordNet in ``retold.lexicon``, the
package's code is never imported (it imports ``requests`` and scores whole sentences, which
retold does not need): only the lexicon file is located and read, once, on first use.

WordNet lists few opposites of judgement ("welcomed" / "condemned", "wonderful" / "awful",
"friends" / "enemies" have no antonym pointer), and those are the words a retelling turns a
claim with; a rating of each word says which way it judges, whatever the pair.

When the file is missing, ``available()`` is False and ``valence`` answers 0 for every word:
the check that reads it then stays silent instead of guessing.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from retold import lexicon

__all__ = ["available", "forget", "lexicon_path", "valence"]

_FILE = "vader_lexicon.txt"


def lexicon_path() -> str | None:
    """Return the path of VADER's lexicon file, or None when it is not installed."""
    override = os.environ.get("RETOLD_VADER")
    if override:
        return override if os.path.isfile(override) else None
    spec = importlib.util.find_spec("vaderSentiment")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = os.path.join(root, _FILE)
        if os.path.isfile(path):
            return path
    return None


# The lexicon, read on first use: a process-wide resource like WordNet's indexes (not a
# functools cache: it holds no result of any comparison).
_READ: list[dict[str, float]] = []


def _ratings() -> dict[str, float]:
    if not _READ:
        _READ.append(_read(lexicon_path()))
    return _READ[0]


def _read(path: str | None) -> dict[str, float]:
    out: dict[str, float] = {}
    if path is None:
        return out
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                # token TAB mean rating TAB standard deviation TAB the ten raw ratings
                token, _tab, rest = line.partition("\t")
                if token and token[0].isalpha():  # words only: emoticons are no prose
                    out[token] = float(rest.split("\t", 1)[0])
    except (OSError, UnicodeDecodeError, ValueError):
        return {}  # an unreadable file is no lexicon: the check stays silent
    return out


def forget() -> None:
    """Drop the lexicon read so far (the next lookup reads it again; for tests that move it)."""
    _READ.clear()
    valence.cache_clear()


def available() -> bool:
    """True when the lexicon is installed (``pip install 'vaderSentiment==3.3.2'``)."""
    return bool(_ratings())


@lru_cache(maxsize=65536)
def valence(word: str) -> float:
    """The word's mean rating, -4 to +4, or 0 when unrated: the word as written, else its
    WordNet lemmas' ("praising" -> "praise"), the first rated one."""
    ratings = _ratings()
    low = word.casefold()
    if low in ratings:
        return ratings[low]
    for lemma, _pos in lexicon.lemmas(word):
        if lemma in ratings:
            return ratings[lemma]
    return 0.0

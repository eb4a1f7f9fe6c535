"""Write the syndicated pairs' texts out of electricFeel/NLPClass ``dev_set.p`` (see SOURCES.md).

    python benchmarks/syndicated/extract_nlpclass.py dev_set.p OUT_DIR

The file is a protocol-0 pickle of ``__main__.Topic`` and ``__main__.Document`` objects. It is
read with an unpickler that builds only those two plain classes (anything else is refused), so a
tampered file cannot run code. Python 2 byte strings are decoded as UTF-8, as they were scraped.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

# pair id -> (url of a, url of b); both documents are looked up by their 'url' field.
PAIRS = {
    "ricin-ap-fox-latimes": (
        "http://www.foxnews.com/us/2013/04/27/miss-man-arrested-in-investigation-into-poisoned-letters-sent-to-president/",
        "http://www.latimes.com/news/nationworld/nation/la-naw-ricin-suspect-arrested-20130427,0,5431467.story",
    ),
    "bangladesh-ap-msn-cbs": (
        "http://news.msn.com/world/fire-at-collapsed-bangladesh-building-owner-is-arrested",
        "http://www.cbsnews.com/8301-202_162-57581786/bangladesh-collapse-woman-dies-when-fire-disrupts-rescue",
    ),
    "ricin-reuters-yahoo-msn": (
        "http://news.yahoo.com/mississippi-man-targeted-ricin-letters-investigation-arrested-145219248.html",
        "http://news.msn.com/crime-justice/mississippi-man-arrested-in-ricin-letters-probe",
    ),
    "bangladesh-ap-fox-cbs": (
        "http://www.foxnews.com/world/2013/04/28/bangladesh-building-collapse-death-toll-exceeds-350/?test=latestnews",
        "http://www.cbsnews.com/8301-202_162-57581786/bangladesh-collapse-woman-dies-when-fire-disrupts-rescue",
    ),
    "bangladesh-ap-yahoo-msn": (
        "http://news.yahoo.com/owner-collapsed-building-captured-bangladesh-184621056.html",
        "http://news.msn.com/world/fire-at-collapsed-bangladesh-building-owner-is-arrested",
    ),
    "tsarnaev-ap-fox-msn": (
        "http://www.foxnews.com/us/2013/04/25/officials-says-boston-bombing-suspect-described-terror-plot-before-miranda/",
        "http://news.msn.com/crime-justice/official-bombings-suspect-described-his-role-in-plot-before-miranda",
    ),
    "everest-reuters-yahoo-msn": (
        "http://news.yahoo.com/nepal-officials-vow-ensure-security-everest-fight-113033979.html",
        "http://news.msn.com/world/sherpas-attack-everest-climbers-at-23000-feet-up",
    ),
    "everest-ap-fox-wapo": (
        "http://www.foxnews.com/world/2013/04/29/nepal-investigating-reports-fight-between-foreign-climbers-and-sherpas-on-mount/",
        "http://www.washingtonpost.com/world/asia_pacific/nepalese-officials-investing-reports-of-fight-between-3-foreign-climbers-and-guides-on-everest/2013/04/29/2cffd01e-b087-11e2-9fb1-62de9581c946_story.html",
    ),
}


class _Record:
    """Stand-in for the pickled Topic and Document classes: attributes only."""


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == "__main__" and name in ("Topic", "Document"):
            return _Record
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def _text(value: str) -> str:
    """A Python 2 byte string read as latin-1, back to the UTF-8 it was."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def documents(path: Path) -> dict[str, str]:
    """url -> text for every document in the file."""
    with path.open("rb") as fh:
        topics = _Unpickler(fh, encoding="latin-1").load()
    out = {}
    for topic in topics:
        for doc in vars(topic).get("documents", []):
            fields = vars(doc)
            if "url" in fields and "text" in fields:
                out[_text(fields["url"])] = _text(fields["text"])
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    docs, out = documents(Path(argv[0])), Path(argv[1])
    for pair_id, (url_a, url_b) in PAIRS.items():
        if url_a not in docs or url_b not in docs:
            print(f"{pair_id}: not in this file, skipped")
            continue
        folder = out / pair_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "a.txt").write_text(docs[url_a] + "\n", encoding="utf-8")
        (folder / "b.txt").write_text(docs[url_b] + "\n", encoding="utf-8")
        print(f"{pair_id}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

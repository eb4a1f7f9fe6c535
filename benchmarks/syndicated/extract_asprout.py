"""Write the syndicated pairs' texts out of asprout/ArticleComparisons' article CSVs (see SOURCES.md).

    python benchmarks/syndicated/extract_asprout.py DATA_DIR OUT_DIR

DATA_DIR holds ``spotify_articles.csv`` and ``census_articles.csv`` from that repository's ``data/``
folder (columns ``id,publisher,scrape_time,text``). The scrape marks paragraph breaks in ``text``
with ``###``; each paragraph is written on its own, separated by a blank line, with nothing else
changed (page clutter, captions and credits are kept as scraped).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

# pair id -> (file, row id of a, row id of b)
PAIRS = {
    "spotify-ceo-ap-sdut-nyt": ("spotify_articles.csv", "1710", "15231"),
    "spotify-ceo-ap-nyt-startribune": ("spotify_articles.csv", "15231", "17324"),
    "spotify-ceo-ap-sdut-chicagotribune": ("spotify_articles.csv", "1710", "19721"),
    "spotify-ceo-ap-startribune-miamiherald": ("spotify_articles.csv", "17324", "16361"),
    "spotify-ceo-ap-miamiherald-charlotte": ("spotify_articles.csv", "16361", "19117"),
    "spotify-ceo-ap-nyt-chicagotribune": ("spotify_articles.csv", "15231", "19721"),
    "spotify-ceo-ap-sdut-miamiherald": ("spotify_articles.csv", "1710", "16361"),
    "spotify-ceo-ap-sdut-startribune": ("spotify_articles.csv", "1710", "17324"),
    "spotify-backtracks-ap-centurylink-cbs": ("spotify_articles.csv", "7885", "14850"),
    "spotify-backtracks-ap-foxbusiness-sfgate": ("spotify_articles.csv", "3270", "14513"),
    "spotify-backtracks-ap-cbs-foxbusiness": ("spotify_articles.csv", "14850", "3270"),
    "spotify-backtracks-ap-centurylink-sfgate": ("spotify_articles.csv", "7885", "14513"),
    "spotify-backtracks-ap-cbs-sfgate": ("spotify_articles.csv", "14850", "14513"),
    "spotify-cnn-news4jax-click2houston": ("spotify_articles.csv", "8215", "11438"),
    "spotify-bloomberg-bbg-sfgate": ("spotify_articles.csv", "7240", "12499"),
    "census-reuters-yahoo-dailymail": ("census_articles.csv", "761", "16223"),
    "census-ap-cbs-syracuse": ("census_articles.csv", "8200", "8818"),
    "census-ap-syracuse-dailymail": ("census_articles.csv", "8818", "9990"),
    "census-ap-cbs-dailymail": ("census_articles.csv", "8200", "9990"),
    "census-texas-ap-centurylink-startribune": ("census_articles.csv", "2313", "6190"),
    "census-texas-ap-startribune-chron": ("census_articles.csv", "6190", "12769"),
    "census-texas-ap-centurylink-chron": ("census_articles.csv", "2313", "12769"),
}


def paragraphs(text: str) -> str:
    """The scrape's ``###``-separated paragraphs as plain text, one blank line between them."""
    return "\n\n".join(part.strip() for part in text.split("###") if part.strip())


def rows(path: Path) -> dict[str, str]:
    """row id -> text for every article in one CSV."""
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["id"]: row["text"] for row in csv.DictReader(fh)}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data, out = Path(argv[0]), Path(argv[1])
    tables: dict[str, dict[str, str]] = {}
    for pair_id, (name, id_a, id_b) in PAIRS.items():
        if name not in tables:
            tables[name] = rows(data / name) if (data / name).is_file() else {}
        table = tables[name]
        if id_a not in table or id_b not in table:
            print(f"{pair_id}: not in {data / name}, skipped")
            continue
        folder = out / pair_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "a.txt").write_text(paragraphs(table[id_a]) + "\n", encoding="utf-8")
        (folder / "b.txt").write_text(paragraphs(table[id_b]) + "\n", encoding="utf-8")
        print(f"{pair_id}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Build a synthetic news corpus with known truth, for measuring ``retold trace``.

    python benchmarks/corpus.py --articles 10000 --out benchmarks/out/c10k

writes ``corpus.jsonl`` (one article a line: id, title, text, outlet, published) and
``truth.jsonl`` (one true link a line: source_id, target_id, kind).

The corpus: topics, each with its own vocabulary and cast of names and places; original
articles drawn from a topic (Zipf-distributed words, numbers in digits and in words, names,
dates); retellings derived from an original by one kind of edit:

  verbatim      a copy (reuse starts at the first character of both texts)
  cut           the first 40-80 % of the sentences, and some dropped from the middle
  reorder       paragraphs moved around
  paraphrase    every sentence rewritten: synonyms swapped, clauses reordered, digits <-> words
  facts         a copy with 1-3 numbers, names or dates changed
  insertion     the original with 30-60 % new material on the same topic inserted
  paraphrase+cut  a paraphrase of a cut

and unrelated articles on the same topics (hard negatives: same names and vocabulary, other
facts). Retellings are dated 0-3 days after their original; a quarter carry no date.

Real news flows (a third of the articles): a wire story with a headline and a publication time
to the second, retold by 5-30 outlets minutes to days later. Its members:

  flow retellings  the kinds above, of the wire story
  chain            a retelling of an earlier retelling of the flow (the link is to it, not to
                   the wire story: the truth names the direct source)
  brief            headline plus lead, 20-40 words
  summary          three or four sentences from across the story, lightly paraphrased
  independent      a report of the same event written independently: the same names, places
                   and numbers, other sentences (not a link)

Most flows start at one of three news agencies; one in seven starts at a paper (a scoop the
others take up), and a twentieth of the retellings are by an agency (agencies pick up papers'
and each other's stories): as in real flows, an outlet's role as source or retelling is a
tendency, not a rule.

Two retellings of one source are siblings (they share a source), not links: the truth lists
only direct sources, and the benchmark counts a sibling link as an error. Times are written as
ISO 8601 with a zone, RFC 2822 or epoch seconds, as real feeds do; a tenth carry none.
Outlet templates: a third of the outlets print one boilerplate paragraph (a newsletter
prompt, a photo credit line) under most of their articles. The same seed gives the same corpus.

Ids carry no order: each opens with six hex digits drawn from the seed and the article
("3fa41c-r000395"), so sorting ids puts sources and retellings in no particular order. A tool
that breaks ties by id (two copies of one text from one day) gains nothing from the generator's
numbering (with the kind letter first, "o..." originals sorted before their "r..." retellings).
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import hashlib
import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path

AGENCIES = ("wire", "wire-b", "wire-c")
SCOOP = 1 / 7  # share of the flows that start at a paper
AGENCY_RETELLS = 0.05  # share of a flow's retellings made by an agency

KINDS = ("verbatim", "cut", "reorder", "paraphrase", "facts", "insertion", "paraphrase+cut")

FUNCTION = (["the", "of", "to", "in", "and", "a", "for", "on", "that", "with", "by", "at", "from", "as", "is", "was", "were", "has", "have", "had", "will", "would", "its", "their", "it", "this", "after", "over", "than", "about", "into", "while", "but", "also", "not"])
VERBS = ["said", "reported", "announced", "confirmed", "warned", "added", "claimed", "stated", "noted", "told", "explained", "described", "insisted"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SYL = ["ka", "ri", "to", "ma", "ne", "lo", "su", "vi", "da", "po", "el", "an", "or", "is", "ut", "ba", "ce", "fi", "go", "hu", "ja", "ke", "li", "mo", "nu", "pa", "qu", "re", "si", "te", "va", "we", "xo", "yi", "ze", "ar", "en", "ol", "um", "ir", "tra", "ple", "sto", "gri", "bla"]


def number_words(n: int) -> str:
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + UNITS[n % 10])
    if n < 1000 and n % 100 == 0:
        return UNITS[n // 100] + " hundred"
    if n < 1_000_000 and n % 1000 == 0 and n // 1000 < 20:
        return UNITS[n // 1000] + " thousand"
    return f"{n:,}"


class World:
    """Vocabulary, synonyms, topics; shared by every article of one corpus."""

    def __init__(self, rnd: random.Random, n_topics: int, vocab: int = 12000) -> None:
        self.rnd = rnd
        seen: set[str] = set()

        def word(lo: int, hi: int) -> str:
            while True:
                w = "".join(rnd.choice(SYL) for _ in range(rnd.randint(lo, hi)))
                if w not in seen and len(w) > 3:
                    seen.add(w)
                    return w

        self.words = [word(2, 4) for _ in range(vocab)]
        self.synonym = {w: word(2, 4) for w in self.words}
        self.topics = []
        for _ in range(n_topics):
            self.topics.append({
                "words": rnd.sample(self.words, 150),
                "names": [word(2, 3).capitalize() + " " + word(2, 3).capitalize()
                          for _ in range(12)],
                "places": [word(2, 3).capitalize() for _ in range(6)],
            })
        # Zipf weights over the general vocabulary
        self.cum = []
        total = 0.0
        for i in range(vocab):
            total += 1.0 / (i + 10)
            self.cum.append(total)

    def general_word(self) -> str:
        r = self.rnd.random() * self.cum[-1]
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < r:
                lo = mid + 1
            else:
                hi = mid
        return self.words[lo]


def make_sentence(w: World, topic: dict, date: dt.date) -> list[str]:
    """A sentence as a list of clauses (each a list of words); facts as their own words."""
    rnd = w.rnd
    clauses = []
    for _ in range(rnd.choice((1, 2, 2, 3))):
        clause = []
        for _ in range(rnd.randint(6, 11)):
            r = rnd.random()
            if r < 0.35:
                clause.append(rnd.choice(FUNCTION))
            elif r < 0.6:
                clause.append(rnd.choice(topic["words"]))
            else:
                clause.append(w.general_word())
        r = rnd.random()
        if r < 0.35:
            n = rnd.choice((rnd.randint(2, 99), rnd.randint(100, 5000), rnd.randint(1, 19) * 1000))
            clause.insert(rnd.randint(0, len(clause)), f"{n:,}" if rnd.random() < 0.7
                          else number_words(n))
        elif r < 0.55:
            clause.insert(rnd.randint(1, len(clause)), rnd.choice(topic["names"]))
        elif r < 0.65:
            clause.insert(rnd.randint(1, len(clause)), "in " + rnd.choice(topic["places"]))
        elif r < 0.72:
            d = date - dt.timedelta(days=rnd.randint(0, 60))
            clause.append(f"on {d.day} {MONTHS[d.month - 1]} {d.year}" if rnd.random() < 0.5
                          else "on " + DAYS[d.weekday()])
        if rnd.random() < 0.3:
            clause.insert(1, rnd.choice(VERBS))
        clauses.append(" ".join(clause))
    return clauses


def render(sentences: list[list[str]], paragraphs: list[int]) -> str:
    out, para = [], []
    for i, clauses in enumerate(sentences):
        s = ", ".join(clauses)
        para.append(s[0].upper() + s[1:] + ".")
        if i + 1 in paragraphs or i == len(sentences) - 1:
            out.append(" ".join(para))
            para = []
    return "\n\n".join(out)


def paragraph_breaks(rnd: random.Random, n: int) -> list[int]:
    return sorted(rnd.sample(range(1, n), max(1, n // 3))) if n > 1 else []


def paraphrase_clause(w: World, clause: str) -> str:
    rnd = w.rnd
    words = clause.split(" ")
    out = []
    for word in words:
        if word in w.synonym and rnd.random() < 0.35:
            out.append(w.synonym[word])
        elif word.replace(",", "").isdigit() and rnd.random() < 0.4:
            out.append(number_words(int(word.replace(",", ""))))
        elif word in FUNCTION and rnd.random() < 0.15:
            out.append(rnd.choice(FUNCTION))
        else:
            out.append(word)
    if len(out) > 6 and rnd.random() < 0.5:  # move the tail of the clause to the front
        k = rnd.randint(2, len(out) - 3)
        out = out[k:] + out[:k]
    return " ".join(out)


def change_facts(w: World, topic: dict, sents: list[list[str]]) -> list[list[str]]:
    rnd = w.rnd
    sents = [list(c) for c in sents]
    changes = 0
    for _ in range(40):
        if changes >= rnd.randint(1, 3):
            break
        si = rnd.randrange(len(sents))
        ci = rnd.randrange(len(sents[si]))
        words = sents[si][ci].split(" ")
        for k, word in enumerate(words):
            bare = word.replace(",", "")
            if bare.isdigit():
                words[k] = f"{int(bare) + rnd.randint(1, 9) * max(1, int(bare) // 10):,}"
                changes += 1
                break
            if word[:1].isupper() and word not in MONTHS and word not in DAYS:
                words[k] = rnd.choice(topic["places"])
                changes += 1
                break
        sents[si][ci] = " ".join(words)
    return sents


def stamp(rnd: random.Random, t: dt.datetime) -> str | int | None:
    """A publication time as feeds write it: ISO 8601 with zone, RFC 2822, epoch seconds."""
    r = rnd.random()
    if r < 0.1:
        return None
    zone = dt.timezone(dt.timedelta(hours=rnd.choice((-5, 0, 1, 3, 5))))
    local = t.astimezone(zone)
    if r < 0.55:
        return local.isoformat()
    if r < 0.8:
        return email.utils.format_datetime(local)
    return int(t.timestamp())


def template(w: World, outlet: str) -> str:
    """An outlet's boilerplate paragraph (the same under each of its articles)."""
    rnd = random.Random(outlet)
    words = [w.words[rnd.randrange(len(w.words))] for _ in range(rnd.randint(18, 30))]
    return (f"Subscribe to the {outlet} newsletter: " + " ".join(words) + ".")


def flow(w: World, rnd: random.Random, made: int, outlets: list[str], start: dt.date,
         budget: int, labels: random.Random) -> Iterator[tuple[dict, list[dict]]]:
    """One wire story and the outlets that retold it (see the module docstring).

    ``labels`` draws who published what (a stream of its own: the texts and times do not
    depend on it)."""
    topic = rnd.choice(w.topics)
    day = start + dt.timedelta(days=rnd.randint(0, 700))
    t0 = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) + dt.timedelta(
        seconds=rnd.randint(0, 86_399))
    sents = [make_sentence(w, topic, day) for _ in range(rnd.randint(10, 20))]
    head = " ".join(rnd.choice(topic["words"]) for _ in range(rnd.randint(6, 10))).capitalize()
    head = f"{rnd.choice(topic['names'])} {head}"
    wid = f"w{made:06d}"
    members = [(wid, sents, t0, "")]  # what later members may retell: id, sentences, time, kind
    first = labels.choice(outlets) if labels.random() < SCOOP else labels.choice(AGENCIES)
    yield ({"id": wid, "title": head, "text": _with_template(w, rnd, first, head + "\n\n" + render(
        sents, paragraph_breaks(rnd, len(sents)))), "outlet": first,
        "published": stamp(rnd, t0)}, [])
    size = min(budget - 1, rnd.randint(5, 30))
    for k in range(size):
        aid = f"f{made + 1 + k:06d}"
        # minutes (most) to days after the wire story
        t = t0 + dt.timedelta(minutes=rnd.choice((rnd.randint(3, 120), rnd.randint(60, 600),
                                                  rnd.randint(600, 4000))))
        outlet = rnd.choice(outlets)
        if labels.random() < AGENCY_RETELLS:
            outlet = labels.choice([a for a in AGENCIES if a != first])
        r = rnd.random()
        if r < 0.1:  # independent report of the event: same facts, other sentences
            own = [make_sentence(w, topic, day) for _ in range(rnd.randint(8, 16))]
            text = render(own, paragraph_breaks(rnd, len(own)))
            yield ({"id": aid, "title": None, "text": _with_template(w, rnd, outlet, text),
                    "outlet": outlet, "published": stamp(rnd, t)}, [])
            continue
        if r < 0.2:
            kind = "brief"
            lead = render(sents[:2], []).split(" ")[: rnd.randint(14, 30)]
            text = head + "\n\n" + " ".join(lead).rstrip(",.") + "."
            src, src_t = wid, t0
        elif r < 0.3:
            kind = "summary"
            picks = sorted(rnd.sample(range(len(sents)), min(len(sents), rnd.randint(3, 4))))
            out = [[paraphrase_clause(w, c) if rnd.random() < 0.3 else c for c in sents[i]]
                   for i in picks]
            text = render(out, [])
            src, src_t = wid, t0
        else:
            src, base, src_t, _ = members[0]
            kind = rnd.choice(KINDS)
            # a chain: retell a retelling that changed the text (else who retold whom cannot
            # be told from the texts: a copy of a copy is a copy of the original)
            changed = [m for m in members[1:] if m[3] in ("facts", "insertion", "paraphrase")]
            if changed and rnd.random() < 0.25:
                src, base, src_t, _ = rnd.choice(changed)
                kind = rnd.choice(("verbatim", "cut", "insertion", "facts"))
                kind = "chain:" + kind
            out = retell(w, rnd, topic, day, base, kind.split(":")[-1])
            text = render(out, paragraph_breaks(rnd, len(out)))
            members.append((aid, out, max(t, src_t + dt.timedelta(minutes=1)), kind))
        t = max(t, src_t + dt.timedelta(minutes=1))
        yield ({"id": aid, "title": None, "text": _with_template(w, rnd, outlet, text),
                "outlet": outlet, "published": stamp(rnd, t)},
               [{"source_id": src, "target_id": aid, "kind": kind}])


def _with_template(w: World, rnd: random.Random, outlet: str, text: str) -> str:
    if outlet.startswith("outlet") and int(outlet[-2:]) % 3 == 0 and rnd.random() < 0.8:
        return text + "\n\n" + template(w, outlet)
    return text


def retell(w: World, rnd: random.Random, topic: dict, date: dt.date,
           sents: list[list[str]], kind: str) -> list[list[str]]:
    """A retelling of ``sents`` by one kind of edit."""
    out = [list(c) for c in sents]
    if kind in ("cut", "paraphrase+cut"):
        keep = max(3, int(len(out) * rnd.uniform(0.4, 0.8)))
        out = out[:keep]
        if len(out) > 5:
            out.pop(rnd.randrange(1, len(out) - 1))
    if kind == "reorder":
        breaks = [0] + paragraph_breaks(rnd, len(out)) + [len(out)]
        chunks = [out[a:b] for a, b in itertools.pairwise(breaks)]
        first, rest = chunks[0], chunks[1:]
        rnd.shuffle(rest)
        chunks = rest + [first] if rnd.random() < 0.5 else [first] + rest
        out = [s for c in chunks for s in c]
    if kind.startswith("paraphrase"):
        out = [[paraphrase_clause(w, c) for c in s] for s in out]
        out = [s[::-1] if len(s) > 1 and rnd.random() < 0.4 else s for s in out]
    if kind == "facts":
        out = change_facts(w, topic, out)
    if kind == "insertion":
        for _ in range(max(2, int(len(out) * rnd.uniform(0.3, 0.6)))):
            out.insert(rnd.randint(1, len(out)), make_sentence(w, topic, date))
    return out


def generate(n_articles: int, seed: int = 7) -> Iterator[tuple[dict, list[dict]]]:
    """Yield ``(article, truth rows)`` for ``n_articles`` articles."""
    rnd = random.Random(seed)
    n_topics = max(4, n_articles // 40)
    w = World(rnd, n_topics)
    outlets = [f"outlet{i:02d}" for i in range(30)]
    labels = random.Random(seed * 7919 + 1)  # who published a flow's articles (see flow)
    originals: list[tuple[str, dict, list[list[str]], dt.date]] = []
    start = dt.date(2020, 1, 1)
    made = 0
    while made < n_articles:
        r = rnd.random()
        if r < 0.03 and n_articles - made >= 6:  # a news flow (about a third of the articles)
            for article, rows in flow(w, rnd, made, outlets, start, n_articles - made, labels):
                yield article, rows
                made += 1
            continue
        if r < 0.40 or not originals:  # an original
            topic = rnd.choice(w.topics)
            date = start + dt.timedelta(days=rnd.randint(0, 700))
            sents = [make_sentence(w, topic, date) for _ in range(rnd.randint(10, 24))]
            aid = f"o{made:06d}"
            originals.append((aid, topic, sents, date))
            if len(originals) > 2000:
                originals.pop(rnd.randrange(len(originals)))
            yield ({"id": aid, "title": None, "text": render(sents, paragraph_breaks(rnd, len(sents))),
                    "outlet": rnd.choice(outlets), "published": date.isoformat()}, [])
        elif r < 0.75:  # a retelling
            src_id, topic, sents, date = rnd.choice(originals)
            kind = rnd.choice(KINDS)
            out = [list(c) for c in sents]
            paras = None
            if kind in ("cut", "paraphrase+cut"):
                keep = max(3, int(len(out) * rnd.uniform(0.4, 0.8)))
                out = out[:keep]
                if len(out) > 5:
                    out.pop(rnd.randrange(1, len(out) - 1))
            if kind == "reorder":
                breaks = [0] + paragraph_breaks(rnd, len(out)) + [len(out)]
                chunks = [out[a:b] for a, b in itertools.pairwise(breaks)]
                first = chunks[0]
                rest = chunks[1:]
                rnd.shuffle(rest)
                if rnd.random() < 0.5:
                    chunks = rest + [first]
                else:
                    chunks = [first] + rest
                out = [s for c in chunks for s in c]
            if kind.startswith("paraphrase"):
                out = [[paraphrase_clause(w, c) for c in s] for s in out]
                out = [s[::-1] if len(s) > 1 and rnd.random() < 0.4 else s for s in out]
            if kind == "facts":
                out = change_facts(w, topic, out)
            if kind == "insertion":
                for _ in range(max(2, int(len(out) * rnd.uniform(0.3, 0.6)))):
                    out.insert(rnd.randint(1, len(out)), make_sentence(w, topic, date))
            text = render(out, paras or paragraph_breaks(rnd, len(out)))
            aid = f"r{made:06d}"
            published = date + dt.timedelta(days=rnd.randint(0, 3))
            yield ({"id": aid, "title": None, "text": text, "outlet": rnd.choice(outlets),
                    "published": published.isoformat() if rnd.random() < 0.75 else None},
                   [{"source_id": src_id, "target_id": aid, "kind": kind}])
        else:  # a hard negative: same topic, other facts
            src_id, topic, sents, date = rnd.choice(originals)
            d2 = date + dt.timedelta(days=rnd.randint(-5, 5))
            neg = [make_sentence(w, topic, d2) for _ in range(rnd.randint(10, 24))]
            aid = f"n{made:06d}"
            yield ({"id": aid, "title": None, "text": render(neg, paragraph_breaks(rnd, len(neg))),
                    "outlet": rnd.choice(outlets), "published": d2.isoformat()}, [])
        made += 1


def opaque(seed: int, aid: str) -> str:
    """``aid`` behind six hex digits of the seed and itself: ids in no order (see above)."""
    return hashlib.sha1(f"{seed}:{aid}".encode()).hexdigest()[:6] + "-" + aid


def kind_letter(aid: str) -> str:
    """The generator's letter for what an article is (o, r, n; w and f in news flows)."""
    return aid.rpartition("-")[2][:1]


def write(n_articles: int, out: Path, seed: int = 7) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    corpus, truth = out / "corpus.jsonl", out / "truth.jsonl"
    with corpus.open("w", encoding="utf-8") as fc, truth.open("w", encoding="utf-8") as ft:
        for article, rows in generate(n_articles, seed):
            article = {**article, "id": opaque(seed, article["id"])}
            fc.write(json.dumps(article, ensure_ascii=False) + "\n")
            for row in rows:
                row = {**row, "source_id": opaque(seed, row["source_id"]),
                       "target_id": opaque(seed, row["target_id"])}
                ft.write(json.dumps(row) + "\n")
    return corpus, truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/corpus"))
    args = ap.parse_args()
    corpus, truth = write(args.articles, args.out, args.seed)
    print(f"wrote {corpus} and {truth}")


if __name__ == "__main__":
    main()

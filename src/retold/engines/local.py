"""The local engine: the trace stages in this process, or in a pool of worker processes.

Stages, each resumable because each batch is one transaction that also marks its work done:

1. ingest       stream the input into the store (articles already stored are skipped)
2. fingerprint  articles with no fingerprint yet, in batches (parallel with ``workers > 1``)
3. search       candidate pairs that involve at least one article not searched before, from
                every channel at once, pre-verified on their fingerprints; written in one
                transaction with the articles marked searched
4. verify       pending candidates through the pair pipeline, in batches (parallel)
5. stories      clusters of the links (recomputed from all links: cheap)

A re-run with new articles does only their part of 2-4; a run killed at any point re-does at
most the batch it was in.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Self, TypeVar

import numpy as np

from retold.engines.base import (
    Progress,
    TraceOptions,
    article_text,
    finish,
    learn_templates,
    outlet_keys,
    store_items,
)
from retold.ingest import Problem
from retold.store.base import PENDING, REJECTED, SCREENED, THIRD, CandidateRow, Store
from retold.trace import candidates as cd
from retold.trace import screen as sc
from retold.trace import templates as tp
from retold.trace import times
from retold.trace.fingerprint import Fingerprint, fingerprint_many
from retold.trace.result import TraceResult
from retold.trace.verify import Measure, VerifyItem, verify_many

T = TypeVar("T")
R = TypeVar("R")


class LocalEngine:
    """Run the stages in-process (``workers=1``) or on a process pool (``workers > 1``)."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, int(workers))
        self._pool: Any = None

    # -- mapping ----------------------------------------------------------------------------

    def map(self, fn: Callable[[T], R], chunks: Iterable[T]) -> Iterator[R]:
        if self.workers == 1:
            return map(fn, chunks)
        if self._pool is None:
            self._pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self._pool.imap(fn, chunks)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def terminate(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            self.terminate()
        self.close()

    # -- the run ----------------------------------------------------------------------------

    def run(
        self,
        items: Iterable[object],
        store: Store,
        *,
        options: TraceOptions | None = None,
        progress: Progress | None = None,
    ) -> TraceResult:
        options = options or TraceOptions()
        report = progress or (lambda stage, done, total: None)
        result = TraceResult()
        t0 = time.perf_counter()
        try:
            store_items(items, store, options, result, report)
            t1 = time.perf_counter()
            templates = learn_templates(store, self.map, options, result, report)
            t1b = time.perf_counter()
            self._fingerprint(store, options, result, report, templates)
            t2 = time.perf_counter()
            self._search(store, options, result, report)
            t2b = time.perf_counter()
            measured = self._screen(store, options, result, report, templates)
            t3 = time.perf_counter()
            self._verify(store, options, result, report, templates, measured)
            t4 = time.perf_counter()
            # the workers are done: let their memory go before resolve reads every link
            self.close()
            finish(store, options, result)
            report("stories", len(result.stories), len(result.stories))
        except BaseException:  # Ctrl-C or an error: stop the workers now, do not wait for them
            self.terminate()
            raise
        finally:
            self.close()
        t5 = time.perf_counter()
        result.articles = store.counts()["articles"]
        result.seconds = {"ingest": t1 - t0, "templates": t1b - t1, "fingerprint": t2 - t1b,
                          "search": t2b - t2, "screen": t3 - t2b,
                          "verify": t4 - t3, "stories": t5 - t4, "total": t5 - t0}
        return result

    def _fingerprint(self, store: Store, options: TraceOptions, result: TraceResult,
                     report: Progress, templates: tp.Templates) -> None:
        # template text is blanked before fingerprinting: it makes no candidate keys
        outlet = {seq: o for seq, o, _ in store.units()} if templates else {}
        total = store.counts()
        todo = total["articles"] - total["fingerprints"]
        size = options.batch_size
        window = size * self.workers * 2
        done = 0
        while True:
            rows = store.unfingerprinted(window)
            if not rows:
                break
            chunks = [rows[i : i + size] for i in range(0, len(rows), size)]
            jobs = [[(aid, tp.blank(text, templates.get(outlet.get(seq) or "")))
                     for seq, aid, text in chunk] for chunk in chunks]
            for chunk, records in zip(chunks, self.map(fingerprint_many, jobs)):
                store.put_fingerprints([(seq, r) for (seq, _, _), r in zip(chunk, records)])
                done += len(chunk)
                report("fingerprint", done, todo)
        result.fingerprinted = done

    def _search(self, store: Store, options: TraceOptions, result: TraceResult,
                report: Progress) -> None:
        seqs: list[int] = []
        fps: list[Fingerprint] = []
        searched: list[bool] = []
        published = store.published()
        days: list[cd.Time] = []
        for seq, record, was_searched in store.fingerprints():
            seqs.append(seq)
            p_date = published.get(record["id"])
            days.append(times.span(p_date))
            fps.append(Fingerprint.from_record(record))
            searched.append(was_searched)
        new = ~np.array(searched, dtype=bool)
        if not new.any():
            return
        p = options.params
        n = len(fps)
        report("search", 0, n)
        shingles = np.stack([f.shingles for f in fps])
        words = np.stack([f.words for f in fps])
        sk = cd.band_keys(shingles, p.shingle_bands, p.shingle_rows)
        wk = cd.band_keys(words, p.word_bands, p.word_rows)
        facts = [f.facts for f in fps]
        idx = np.arange(n)
        keys = {
            "shingles": (sk.ravel(), np.repeat(idx, sk.shape[1])),
            "words": (wk.ravel(), np.repeat(idx, wk.shape[1])),
            "facts": (np.concatenate(facts) if facts else np.zeros(0, np.uint64),
                      np.repeat(idx, [len(f) for f in facts])),
        }
        found, stats = cd.search(keys, new, p)
        if len(found):
            score, worth, copy = cd.estimate_many(
                found.a, found.b, shingles, words,
                np.array([f.n_shingles for f in fps]), np.array([f.n_words for f in fps]),
                np.array([len(f.facts) for f in fps]), found.shared_facts, p)
            state = np.where(worth, PENDING, REJECTED)
            live = np.flatnonzero(worth) if p.prune_third else np.zeros(0, dtype=np.int64)
            index = {s: i for i, s in enumerate(seqs)}
            context = [(index[a], index[b], sc) for a, b, sc in store.survivors()
                       if a in index and b in index] if live.size else []
            third = cd.prune_through_third(
                list(zip(found.a[live].tolist(), found.b[live].tolist())),
                score[live].tolist(), days, context=context, copies=copy[live].tolist())
            state[live[np.array(third, dtype=bool)]] = THIRD
            result.third = int(np.sum(third))
            rows = _candidate_rows(np.array(seqs, dtype=np.int64), found, score, state)
        else:
            rows, worth = iter(()), np.zeros(0, dtype=bool)
        store.put_candidates(rows, [s for s, is_new in zip(seqs, new) if is_new])
        result.candidates = len(found)
        result.rejected = int((~worth).sum())
        result.search = {"keys": stats.keys, "buckets": stats.buckets,
                         "capped_buckets": stats.capped_buckets,
                         "capped_articles": stats.capped_articles, "pairs": stats.pairs,
                         "by_channel": dict(stats.by_channel)}
        report("search", n, n)

    def _screen(self, store: Store, options: TraceOptions, result: TraceResult,
                report: Progress, templates: tp.Templates) -> dict[tuple[int, int], Measure]:
        """Skip pending pairs resolve would drop anyway (``retold.trace.screen``); return the
        reuse measured of each pending pair, which verification's precheck reads again."""
        if options.all_pairs:  # every verified reuse is a link: nothing to skip
            return {}
        rows = store.pending(max(1, store.counts()["pending"]))
        if not rows:
            return {}
        seqs = sorted({s for a, b, _, _ in rows for s in (a, b)})
        arts = {seq: article_text(a, templates) for seq, a in store.articles(seqs).items()}
        size = max(1, options.batch_size)
        chunks = [rows[i : i + size] for i in range(0, len(rows), size)]
        jobs = [[(a, b, arts[a].text, arts[b].text) for a, b, _, _ in chunk] for chunk in chunks]
        measured = []
        done = 0
        for out in self.map(sc.measure_many, jobs):
            measured.extend(out)
            done += len(out)
            report("screen", done, len(rows))
        texts = {a.id: a.text for a in arts.values()}
        by_id = {a.id: seq for seq, a in arts.items()}

        def text_of(aid: str) -> str:
            if aid in texts:
                return texts[aid]
            other = store.article(aid)
            return article_text(other, templates).text if other is not None else ""

        skip = sc.explained(
            [(arts[a].id, arts[b].id, ab, ba) for a, b, ab, ba in measured],
            store.published(), text_of, context=store.links(), outlet=outlet_keys(store))
        pairs = sorted((min(by_id[x], by_id[y]), max(by_id[x], by_id[y])) for x, y in skip)
        store.set_state(pairs, SCREENED)
        result.screened = len(pairs)
        skipped = set(pairs)
        return {(a, b): (ab, ba) for a, b, ab, ba in measured if (a, b) not in skipped}

    def _verify(self, store: Store, options: TraceOptions, result: TraceResult,
                report: Progress, templates: tp.Templates,
                measured: dict[tuple[int, int], Measure]) -> None:
        todo = store.counts()["pending"]
        size = max(1, options.batch_size // 10)  # a pair costs ~10x an article's fingerprint
        window = size * self.workers * 4
        done = 0
        job = _VerifyJob(options.compare)
        while True:
            rows = store.pending(window)
            if not rows:
                break
            arts = {seq: article_text(a, templates) for seq, a in
                    store.articles(sorted({s for a, b, _, _ in rows for s in (a, b)})).items()}
            chunks = [rows[i : i + size] for i in range(0, len(rows), size)]
            jobs: list[list[VerifyItem]] = [
                [(arts[a], arts[b], cd.channel_names(ch), sc, measured.pop((a, b), None))
                 for a, b, ch, sc in chunk] for chunk in chunks]
            for chunk, links in zip(chunks, self.map(job, jobs)):
                kept = [l for l in links if l is not None and not isinstance(l, Problem)]
                failed = [p for p in links if isinstance(p, Problem)]
                if failed:
                    store.add_problems([(p.source, p.line, p.reason) for p in failed])
                    result.problems.extend(failed)
                store.put_links([(a, b) for a, b, _, _ in chunk], kept)
                result.new_links += len(kept)
                done += len(chunk)
                report("verify", done, todo)
        result.verified = done
        measured.clear()  # (what is left was measured but never pending here: let it go)


def _candidate_rows(seqs: np.ndarray, found: cd.Candidates, score: np.ndarray,
                    state: np.ndarray, chunk: int = 65536) -> Iterator[CandidateRow]:
    """The store's rows of the candidates, made a chunk at a time: at 100,000 articles there
    are about seven million, and as one list of tuples they took gigabytes."""
    for s in range(0, len(found), chunk):
        part = slice(s, s + chunk)
        yield from zip(seqs[found.a[part]].tolist(), seqs[found.b[part]].tolist(),
                       found.channels[part].tolist(), found.shared_facts[part].tolist(),
                       np.round(score[part], 6).tolist(), state[part].tolist())


class _VerifyJob:
    """A picklable ``verify_many`` with the compare function bound (None: retold.compare)."""

    def __init__(self, compare: Any) -> None:
        self.compare = compare

    def __call__(self, items: list[VerifyItem]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            try:
                out.extend(verify_many([item], self.compare))
            except Exception as exc:  # noqa: BLE001 - one pair must never abort the run
                # Recorded with both ids and marked verified, so a re-run does not repeat it.
                out.append(Problem(f"{item[0].id}->{item[1].id}", None,
                                   f"verification failed ({type(exc).__name__}: {exc}); "
                                   "the pair is left unlinked"))
        return out

"""The COUNTER feature report: its measures and figures on pairs written for this test."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from retold.reuse import tokens

ROOT = Path(__file__).resolve().parents[2]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "counter_features", ROOT / "benchmarks" / "counter_features.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["counter_features"] = module
    spec.loader.exec_module(module)
    return module


F = _bench()

SOURCE = ("Floods in the northern province killed at least 37 people and displaced 12,000 "
          "residents, the governor said on Tuesday. Rain fell for nine days across the river "
          "basin, and the old dam overflowed on Sunday night. Engineers had warned about its "
          "walls in March.")
# a rewrite: the source's sentences shortened and reworded, in the source's order
REWRITE = ("Floods in the northern province killed at least 37 people, the governor said on "
           "Tuesday, and displaced 12,000 residents. After nine days of rain the old dam "
           "overflowed on Sunday night; engineers had warned about its walls in March.")
# the same event reported independently: its names and numbers, other words, its own order
INDEPENDENT = ("Villagers in the north buried their dead on Wednesday. A hospital official put "
               "the toll at 37 and said 12,000 people had left their homes since the dam broke. "
               "The governor asked the capital for boats.")
# other news of the corpus: the language's common words are in many documents, the event's not
OTHER = (("The central bank kept its main rate at 4.5 percent and said on Tuesday that prices "
         "were rising slowly in the province."),
         ("The team won the cup at home on Sunday night, and the coach said the players had "
         "worked for it since March."),
         "A new school opened in the capital, and the mayor said it would take 900 pupils.",
         "Two ministers resigned after the vote, and the president said he would name others.",
         "Shares fell on Monday as oil prices rose, and traders said the rain hurt the harvest.",
         "The museum will reopen in May after two years of work on the old walls and the roof.")


def _df(*texts: str) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(tokens(t)))
    return df, len(texts)


def test_a_rewrite_scores_above_an_independent_report_on_the_retold_measures() -> None:
    df, n = _df(SOURCE, REWRITE, INDEPENDENT, *OTHER)
    rewrite = F.measures(SOURCE, REWRITE, df, n)
    independent = F.measures(SOURCE, INDEPENDENT, df, n)
    for k in ("reuse", "order", "runs of 3", "content order", "char 6-grams"):
        assert rewrite[k] > independent[k], k
    assert independent["shared numbers"] > 0  # the event's numbers are shared either way
    assert all(0.0 <= v <= 1.0 for v in rewrite.values())


def test_figures() -> None:
    assert F.auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert F.auc([0.1], [0.1]) == 0.5
    assert F.macro_f1([True, False], [True, False]) == 1.0
    assert F.macro_f1([True, True], [True, False]) < 0.5
    assert F.longest_increasing([3, 1, 2, 5, 4]) == 3


@given(st.lists(st.booleans(), min_size=20, max_size=80))
def test_folds_are_stratified(gold: list[bool]) -> None:
    fold = F.folds(gold, k=5)
    for c in (True, False):
        counts = Counter(f for f, g in zip(fold, gold) if g == c)
        if sum(counts.values()) >= 5:
            assert max(counts.values()) - min(counts.values()) <= 1


def test_cv_cut_finds_a_clean_cut_and_fails_on_noise() -> None:
    xs = [i / 40 for i in range(40)]
    gold = [x >= 0.5 for x in xs]
    fold = F.folds(gold)
    assert F.cv_cut(xs, gold, fold) >= 0.9
    noise = [(i * 7919) % 40 / 40 for i in range(40)]
    assert F.cv_cut(noise, [i % 2 == 0 for i in range(40)], fold) < 0.8


def test_report_reads_labelled_pairs(tmp_path: Path) -> None:
    rows = []
    for i in range(12):  # twelve pairs written here, half rewrites, half independent reports
        derived = REWRITE if i % 2 == 0 else INDEPENDENT
        rows.append({"source_headline": f"Floods {i}", "source_body": SOURCE,
                     "derived_headline": f"Dam {i}", "derived_body": derived,
                     "label": "PD" if i % 2 == 0 else "ND"})
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = F.report(F.load(path), (0.0, 1.0))
    assert out.splitlines()[0].startswith("12 pairs (ND 6, PD 6)")
    reuse_row = next(line for line in out.splitlines() if line.startswith("| reuse |"))
    assert reuse_row.split("|")[2].strip() == "1.000"  # AUC: every rewrite above every report
    assert F.main(["--pairs", str(tmp_path / "missing.jsonl")]) == 0

"""The syndicated benchmark's matching: flags meet their annotation by identity, not position."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from retold.compare import compare

ROOT = Path(__file__).resolve().parents[2]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_syndicated", ROOT / "benchmarks" / "bench_syndicated.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_syndicated"] = module
    spec.loader.exec_module(module)
    return module


# A pair written for this test: the toll changes (a real difference) and nothing else does.
ORIGINAL = "MADRID (AP) - At least 12 people died when a bus overturned on Tuesday, police said."
RETELLING = "MADRID - At least 21 people died when a bus overturned on Tuesday, police said."


def test_flags_match_annotations_by_identity_not_position() -> None:
    bench = _bench()
    changes = compare(ORIGINAL, RETELLING).to_dict()["changes"]
    number = [c for c in changes if c["kind"] == "number"]
    assert number, "the toll change must be flagged"
    entries = [{"kind": "number", "status": number[0]["status"],
                "original": number[0]["original"]["text"], "retelling": number[0]["retelling"]["text"],
                "verdict": "keep", "reason": "toll changed"}]
    result = bench.judge("t", list(reversed(changes)), entries)
    assert result.kept == 1
    assert result.annotated == 1
    assert len(result.unannotated) == len(changes) - 1


def test_whitespace_in_spans_does_not_break_a_match() -> None:
    bench = _bench()
    change = {"kind": "name", "status": "added", "severity": "medium", "original": None,
              "retelling": {"text": "Kelly\u00a0 Cobiella"}}
    entry = {"kind": "name", "status": "added", "original": None, "retelling": "Kelly Cobiella",
             "verdict": "noise", "reason": "duplicate"}
    result = bench.judge("t", [change], [entry])
    assert (result.annotated, result.kept, len(result.noise)) == (1, 0, 1)


def test_repeated_flags_take_verdicts_in_order_and_high_is_counted_apart() -> None:
    bench = _bench()
    flag = {"kind": "name", "status": "added", "severity": "high", "original": None,
            "retelling": {"text": "Corinth"}}
    entry = {"kind": "name", "status": "added", "original": None, "retelling": "Corinth",
             "verdicts": ["keep", "noise"], "reason": "second is a repeated paragraph"}
    result = bench.judge("t", [flag, dict(flag), dict(flag)], [entry])
    assert (result.kept, result.high_kept, result.high_annotated, len(result.noise)) == (1, 1, 3, 2)


def test_an_unknown_verdict_is_refused() -> None:
    bench = _bench()
    flag = {"kind": "date", "status": "added", "original": None, "retelling": {"text": "Monday"}}
    entry = {"kind": "date", "status": "added", "original": None, "retelling": "Monday", "verdict": "maybe"}
    with pytest.raises(ValueError):
        bench.judge("t", [flag], [entry])


def test_missing_texts_are_skipped_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    ann = tmp_path / "a.json"
    ann.write_text(json.dumps({"pairs": [{"id": "absent", "flags": []}]}), encoding="utf-8")
    assert bench.main(["--texts", str(tmp_path), "--annotations", str(ann)]) == 0
    out = capsys.readouterr().out
    assert "skipped 1 pair" in out and "absent" in out


def test_the_committed_annotation_is_well_formed() -> None:
    spec = json.loads((ROOT / "benchmarks" / "syndicated" / "annotations.json").read_text(encoding="utf-8"))
    ids = [p["id"] for p in spec["pairs"]]
    assert len(ids) == len(set(ids))
    for pair in spec["pairs"]:
        for entry in pair["flags"]:
            verdicts = entry.get("verdicts") or [entry.get("verdict")]
            assert set(verdicts) <= {"keep", "noise"}, entry
            assert entry.get("reason"), entry


def _extractor():  # type: ignore[no-untyped-def]
    path = ROOT / "benchmarks" / "syndicated" / "extract_nlpclass.py"
    spec = importlib.util.spec_from_file_location("extract_nlpclass", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A protocol-0 pickle laid out as the source file is (Python 2 byte strings, __main__ classes),
# written here by hand with a text of our own.
_SOURCE_LIKE = (
    b"(lp0\n(i__main__\nTopic\np1\n(dp2\nS'documents'\np3\n(lp4\n(i__main__\nDocument\np5\n(dp6\n"
    b"S'url'\np7\nS'http://example.test/a'\np8\nsS'text'\np9\n"
    b"S'Caf\\xc3\\xa9 owners met \\xe2\\x80\\x94 twice.'\np10\nsbasba."
)


def test_extractor_reads_source_like_pickles_and_decodes_utf8(tmp_path: Path) -> None:
    source = tmp_path / "dev_set.p"
    source.write_bytes(_SOURCE_LIKE)
    docs = _extractor().documents(source)
    assert docs == {"http://example.test/a": "Caf\u00e9 owners met \u2014 twice."}


def test_extractor_refuses_any_other_class(tmp_path: Path) -> None:
    import pickle

    source = tmp_path / "evil.p"
    source.write_bytes(b"cos\nsystem\n(S'true'\ntR.")
    with pytest.raises(pickle.UnpicklingError):
        _extractor().documents(source)


def _asprout():  # type: ignore[no-untyped-def]
    path = ROOT / "benchmarks" / "syndicated" / "extract_asprout.py"
    spec = importlib.util.spec_from_file_location("extract_asprout", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_asprout_extractor_writes_paragraphs_of_the_paired_rows(tmp_path: Path) -> None:
    module = _asprout()
    pair_id, (name, id_a, id_b) = next(iter(module.PAIRS.items()))
    # A CSV laid out as the source's (id,publisher,scrape_time,text; "###" between paragraphs,
    # doubled quotes), with texts of our own.
    (tmp_path / name).write_text(
        "id,publisher,scrape_time,text\n"
        f'{id_a},a.test,2018-06-01T00:00:00-04:00,"Headline ### Body ""quoted"" one. ### Two."\n'
        f'{id_b},b.test,2018-06-01T00:00:00-04:00,"  ### Other ### Body"\n',
        encoding="utf-8")
    out = tmp_path / "out"
    assert module.main([str(tmp_path), str(out)]) == 0
    assert (out / pair_id / "a.txt").read_text(encoding="utf-8") == (
        'Headline\n\nBody "quoted" one.\n\nTwo.\n')
    assert (out / pair_id / "b.txt").read_text(encoding="utf-8") == "Other\n\nBody\n"

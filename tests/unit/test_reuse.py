"""The reuse share: shared word runs, not shared topic words, in any script."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold import compare
from retold.reuse import (
    DERIVED_MIN,
    NON_REUSE,
    WHOLLY_REUSE,
    derivation_of,
    in_order,
    reuse_of,
    tokens,
)

ORIGINAL = ("Floods in the northern province have killed at least 37 people and displaced more "
            "than 12,000 residents, the regional governor said on Tuesday. Heavy rain fell for "
            "nine days across the river basin, and the dam overflowed on Sunday night.")
# the same event written independently: same names and numbers, other sentences
INDEPENDENT = ("Thirty-seven people are dead after water swept through villages up north, "
               "rescue workers told reporters on Tuesday. Some 12,000 residents fled when the "
               "dam gave way; the governor wants helicopters from the capital.")


def test_a_copy_is_wholly_derived_and_a_cut_is_contained() -> None:
    cut = ORIGINAL.split(". ")[0] + "."
    assert reuse_of(ORIGINAL, ORIGINAL) == (1.0, 1.0)
    reuse, carried = reuse_of(ORIGINAL, cut)
    assert reuse == 1.0 and carried < 0.8
    assert derivation_of(reuse, in_order(ORIGINAL, cut)) == "wholly"


def test_an_independent_report_of_one_event_is_not_reuse() -> None:
    reuse, _ = reuse_of(ORIGINAL, INDEPENDENT)
    assert reuse < NON_REUSE
    c = compare(ORIGINAL, INDEPENDENT)
    assert c.summary.derivation == "non"


def test_any_script_is_measured() -> None:
    urdu = "وزیر اعظم نے پیر کو کہا کہ نیا پل جون میں کھولا جائے گا اور اس پر دو ارب روپے خرچ ہوئے"
    rewritten = "نیا پل جون میں کھولا جائے گا، وزیر اعظم نے پیر کو اعلان کیا"
    assert tokens(urdu)[:2] == ["وزیر", "اعظم"]
    assert reuse_of(urdu, rewritten)[0] >= 0.6
    assert reuse_of(urdu, "کرکٹ ٹیم نے میچ تین وکٹوں سے جیت لیا")[0] < NON_REUSE


def test_the_classes_follow_the_cut_offs() -> None:
    assert derivation_of(WHOLLY_REUSE, 0.0) == "wholly"
    assert derivation_of(WHOLLY_REUSE - 0.01, 0.5) == "partially"
    assert derivation_of(NON_REUSE, DERIVED_MIN - NON_REUSE) == "partially"
    assert derivation_of(NON_REUSE, DERIVED_MIN - NON_REUSE - 0.01) == "non"
    # the same share of shared runs, in the source's order or not
    assert derivation_of(0.3, 0.4) == "partially" and derivation_of(0.3, 0.1) == "non"


def test_a_rewrite_keeps_its_sources_order_an_independent_report_does_not() -> None:
    source = ("The council approved the new bridge on Monday after a long debate. Work will "
              "start in March and the bridge will open in two years. The mayor said the cost "
              "of 40 million pounds was fair.")
    rewrite = ("Councillors approved the new bridge on Monday after a long debate, and work "
               "will start in March. The mayor defended the cost of 40 million pounds.")
    independent = ("40 million pounds is what the mayor called fair for the bridge, which "
                   "will open in two years; the council had debated it on Monday.")
    assert in_order(source, rewrite) > in_order(source, independent)
    c = compare(source, rewrite)
    assert c.summary.derivation in ("partially", "wholly")


words = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]),
                 min_size=1, max_size=40)


@given(words, words)
def test_shares_are_in_range_and_a_contained_text_is_fully_reused(a: list[str], b: list[str]) -> None:
    x, y = " ".join(a), " ".join(b)
    reuse, carried = reuse_of(x, y)
    assert 0.0 <= reuse <= 1.0 and 0.0 <= carried <= 1.0
    assert reuse_of(x, x + " " + y)[1] == 1.0  # every token of x is inside x + y
    assert reuse_of(x, y) == reuse_of(x, y)[::-1][::-1]
    assert reuse_of(y, x) == (carried, reuse)


def test_a_text_of_function_words_only_is_still_measured() -> None:
    assert reuse_of("The the the.", "The the the.") == (1.0, 1.0)
    assert derivation_of(reuse_of("Of the", "Of the")[0], 1.0) == "wholly"


def test_figures_shared_by_two_reports_of_one_release_are_no_copied_text() -> None:
    from retold.reuse import copied_share
    from retold.trace.verify import MIN_COPIED

    # two papers on one set of jobless figures, each in its own words: their shared runs were
    # "4.1 per cent in the" and "3.8 per cent from 3.9", which read "3 8 per cent" as prose
    first = ("Joblessness in the region fell to 4.1 per cent in the three months to June, "
             "the statistics office said, down from 4.3 per cent a year before. Youth "
             "joblessness eased to 11.2 per cent, and the share of people in part-time work "
             "was 3.8 per cent from 3.9 per cent in the spring.")
    second = ("The statistics office reported on Wednesday that 4.1 per cent in the region were "
              "out of work over the quarter to June, compared with 4.3 per cent twelve months "
              "ago. Among the young the rate came down to 11.2 per cent, while part-timers "
              "went to 3.8 per cent from 3.9 per cent.")
    assert copied_share(first, second) < MIN_COPIED
    # a copy keeps its runs of prose, figures and all
    copy = first.replace("the statistics office said", "officials said")
    assert copied_share(first, copy) > 0.8

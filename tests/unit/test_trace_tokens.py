from __future__ import annotations

import pytest

from retold.trace import tokens as tk


def test_words_are_casefolded_and_stripped_of_punctuation() -> None:
    assert tk.tokenize("Ten people died in Mosul, officials said.") == [
        "ten", "people", "died", "in", "mosul", "officials", "said"]


def test_scripts_without_spaces_give_one_token_per_character() -> None:
    assert tk.tokenize("北京下雨") == ["北", "京", "下", "雨"]
    assert tk.tokenize("東京で37人") == ["東", "京", "で", "37", "人"]


def test_cyrillic_and_arabic_words() -> None:
    assert tk.tokenize("Президент России заявил") == ["президент", "россии", "заявил"]
    assert tk.tokenize("قال الرئيس") == ["قال", "الرئيس"]


def test_full_width_and_compatibility_forms_are_folded() -> None:
    assert tk.tokenize("ＡＢＣ　１２３") == ["abc", "123"]


@pytest.mark.parametrize("token, value", [
    ("2,000", "2000"), ("3.5", "3.5"), ("٢٠٢٠", "2020"), ("12,5", "12.5"), ("007", "7"),
    ("19th", None), ("covid", None),
])
def test_number_values(token: str, value: str | None) -> None:
    assert tk.number_value(token) == value


def test_facts_per_sentence_numbers_in_digits_and_words_and_names() -> None:
    assert tk.facts("Officials said 2,000 people fled Mosul. Two thousand fled.") == [
        ["#2000", "@mosul"], ["#2000"]]
    assert tk.facts("Twenty-five died and three hundred and five were hurt.") == [
        ["#25", "#305"]]


def test_a_capital_after_a_full_stop_is_not_a_name() -> None:
    assert tk.facts("Rescuers arrived. Floods hit Kandara.") == [["@kandar"]]


def test_caseless_scripts_give_numbers_only() -> None:
    assert tk.facts("北京 37 人。") == [["#37"]]
    assert tk.facts("قتل ٣٧ شخصا") == [["#37"]]


def test_content_words_drop_stopwords_and_stem() -> None:
    words = tk.content_words(tk.tokenize("The governments said the government governs."))
    assert words == {"govern"}


def test_content_words_of_chinese_are_character_bigrams() -> None:
    assert tk.content_words(tk.tokenize("北京下雨")) == {"北京", "京下", "下雨"}


def test_space_less_texts_follow_the_same_fact_rules() -> None:
    # a text with CJK characters is cut by a regular expression, but its facts obey the rules
    # of any other text: a number phrase counts once, SHOUTED words are not names
    assert tk.facts("北京 Twenty-five died.") == [["#25"]]
    assert tk.facts("北京: the ASSOCIATED press said 37 fled Mosul.") == tk.facts(
        "Beijing: the ASSOCIATED press said 37 fled Mosul.") == [["#37", "@mosul"]]

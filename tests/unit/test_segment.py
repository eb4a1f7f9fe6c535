"""Tests for retold.segment: sentences, kinds, offsets, scripts, garbage merging."""

from __future__ import annotations

import datetime as dt

import pytest

from retold.model import Document, Sentence
from retold.segment import (
    find_date,
    is_boilerplate,
    is_heading_like,
    looks_like_byline,
    parse_byline,
    segment,
    top_matter,
)


def texts(doc: Document | str) -> list[str]:
    if isinstance(doc, str):
        doc = Document(doc)
    return [s.text for s in segment(doc)]


def check_offsets(doc: Document, sentences: tuple[Sentence, ...]) -> None:
    assert [s.id for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text


# --- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S.-led coalition won. Then it left.",
            ["The U.S.-led coalition won.", "Then it left."],
        ),
        (
            "U.S. Special Forces raided the camp. Two died.",
            ["U.S. Special Forces raided the camp.", "Two died."],
        ),
        (
            "Gen. Smith spoke at No. 10 on Monday. Dr. Roe agreed.",
            ["Gen. Smith spoke at No. 10 on Monday.", "Dr. Roe agreed."],
        ),
        (
            "He met the minister.With that, talks ended.",
            ["He met the minister.", "With that, talks ended."],
        ),
        (
            "She said \u201cwe are leaving.\u201d Nobody stayed.",
            ["She said \u201cwe are leaving.\u201d", "Nobody stayed."],
        ),
        ("Growth was 2.5% in Q3. Prices rose.", ["Growth was 2.5% in Q3.", "Prices rose."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OSLO (Reuters) — The vote was 5-4.The court ruled.",
            ["OSLO (Reuters) — The vote was 5-4.", "The court ruled."],
        ),
        ("Prices rose in 2020.In 2021 they fell.", ["Prices rose in 2020.", "In 2021 they fell."]),
        ("1.The first point. 2.The second point.", ["1.The first point.", "2.The second point."]),
        ('"We will win." he said. Then he left.', ['"We will win." he said.', "Then he left."]),
    ],
)
def test_repairs_after_syntok(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_nbsp_inside_and_around_sentences() -> None:
    doc = Document("\u00a0The\u00a0deepening chaos\u00a0grew. It\u2019s bad.\u00a0\n\n\u00a0\n")
    sentences = segment(doc)
    assert [s.text for s in sentences] == ["The\u00a0deepening chaos\u00a0grew.", "It\u2019s bad."]
    check_offsets(doc, sentences)


def test_paragraph_indexes() -> None:
    sentences = segment(Document("One. Two.\n\nThree.\n\n\n\nFour."))
    assert [s.paragraph for s in sentences] == [0, 0, 1, 2]


def test_sentence_missing_final_stop_before_blank_line() -> None:
    text = (
        "It began in May.\n\n"
        "The return of the floods to the region is a warning for the council and for "
        "its partners in the towns of Europe\n\nNext paragraph starts here."
    )
    sentences = segment(Document(text))
    assert [s.kind for s in sentences] == ["body", "body", "body"]
    assert sentences[1].text.endswith("Europe")


def test_hard_wrapped_paragraph_is_not_cut_at_line_ends() -> None:
    text = (
        "The meeting was held on Monday with officials from\n"
        "President Biden's cabinet and the foreign ministers of\n"
        "several states. It ended late.\n"
        "A new paragraph.\n"
    )
    assert texts(text) == [
        (
            "The meeting was held on Monday with officials from\n"
            "President Biden's cabinet and the foreign ministers of\nseveral states."
        ),
        "It ended late.",
        "A new paragraph.",
    ]
    assert [s.paragraph for s in segment(Document(text))] == [0, 0, 1]


def test_one_paragraph_per_line() -> None:
    long_a = "The first paragraph is a long line of prose that goes on for quite a while. " * 2
    long_b = "The second paragraph is also long and ends with a full stop as it should. " * 2
    sentences = segment(Document(long_a.strip() + "\n" + long_b.strip()))
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


def test_crlf_line_endings() -> None:
    doc = Document("Title Here\r\n\r\nOne. Two.\r\n")
    sentences = segment(doc)
    assert [s.text for s in sentences] == ["Title Here", "One.", "Two."]
    check_offsets(doc, sentences)


# --- kinds -----------------------------------------------------------------------------------


def test_title_byline_heading_body() -> None:
    text = (
        "WORLD \u2013 Floods Hit the Valley Again\n\n"
        "Harbour Post | Ada Lind | March 4, 2021\u00a0\n\n"
        "Heavy rain fell. The U.S. sent aid.\n\n"
        "Rising waters\n\n"
        "By far the worst damage was downstream, officials said.\n"
    )
    sentences = segment(Document(text))
    assert [(s.kind, s.text) for s in sentences] == [
        ("title", "WORLD \u2013 Floods Hit the Valley Again"),
        ("byline", "Harbour Post | Ada Lind | March 4, 2021"),
        ("body", "Heavy rain fell."),
        ("body", "The U.S. sent aid."),
        ("heading", "Rising waters"),
        ("body", "By far the worst damage was downstream, officials said."),
    ]


def test_title_from_document_metadata() -> None:
    doc = Document("Floods return?\n\nIt rained.", title="Floods return?")
    assert [s.kind for s in segment(doc)] == ["title", "body"]


def test_byline_from_author_metadata() -> None:
    doc = Document("A Headline\n\nAda Lind, Harbour Post\n\nIt rained.", author="Ada Lind")
    assert [s.kind for s in segment(doc)] == ["title", "byline", "body"]


def test_top_lines_in_one_block() -> None:
    doc = Document("Storm Warning\nBy Jane Doe\nJune 2, 2020\nThe storm came. It left.")
    assert [(s.kind, s.paragraph) for s in segment(doc)] == [
        ("title", 0),
        ("byline", 1),
        ("byline", 2),
        ("body", 3),
        ("body", 3),
    ]


def test_byline_only_near_the_top() -> None:
    body = "A sentence here. " * 3
    doc = Document(f"{body}\n\n{body}\n\n{body}\n\n{body}\n\nJune 2, 2020\n\n{body}")
    assert "byline" not in {s.kind for s in segment(doc)}


def test_no_title_for_single_line_document() -> None:
    assert [s.kind for s in segment(Document("Just a line"))] == ["heading"]


# --- garbage ---------------------------------------------------------------------------------


def test_broken_quote_leaves_no_garbage_unit() -> None:
    text = (
        'In a letter the mayor wrote, "The rain we see now is only a sign of the seasons that '
        'will bring better harvests than they were." As we had for years. "\n\nNext one.'
    )
    sentences = segment(Document(text))
    assert len(sentences) == 2
    assert sentences[0].text.startswith("In a letter") and sentences[0].text.endswith('years. "')
    for s in sentences:
        assert any(ch.isalnum() for ch in s.text)


def test_lone_quote_and_ellipsis_merge_into_neighbour() -> None:
    for text in ['He left. "', "He left. ...", '" He left.', "He left. \u201d \u201c"]:
        sentences = texts(text)
        assert len(sentences) == 1, text
        assert "He left." in sentences[0]


def test_quote_continuation_after_closing_quote() -> None:
    assert texts('"We will win." he said. Then he left.') == [
        '"We will win." he said.',
        "Then he left.",
    ]


def test_punctuation_only_text_has_no_sentences() -> None:
    assert segment(Document("* * *\n\n...\n\n\u201c\u201d")) == ()
    assert texts("Intro.\n\n* * *\n\nOutro.") == ["Intro.", "Outro."]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u00a0\u200b\ufeff"])
def test_empty_text(text: str) -> None:
    assert segment(Document(text)) == ()


def test_short_sentences_survive() -> None:
    assert (
        texts("Why? No. 1. Yes!") == ["Why?", "No. 1.", "Yes!"]
        or len(texts("Why? No. 1. Yes!")) >= 2
    )


# --- scripts ---------------------------------------------------------------------------------


def test_arabic() -> None:
    text = "قال الوزير إن الوضع خطير. هل سيتغير شيء؟ لا أحد يعرف، حتى الآن."
    parts = texts(text)
    assert len(parts) == 3
    assert parts[1].endswith("\u061f")  # Arabic question mark
    assert "\u060c" in parts[2]  # the Arabic comma does not end a sentence


def test_urdu_full_stop() -> None:
    text = "وزیر اعظم نے کہا کہ صورتحال سنگین ہے۔ کیا کچھ بدلے گا؟ کوئی نہیں جانتا۔"
    assert texts(text) == [
        "وزیر اعظم نے کہا کہ صورتحال سنگین ہے۔",
        "کیا کچھ بدلے گا؟",
        "کوئی نہیں جانتا۔",
    ]


def test_arabic_indic_digits_and_heading() -> None:
    text = "عنوان المقال\n\nقتل ١٠٨ أشخاص۔ وأصيب ٥٠۔"
    sentences = segment(Document(text))
    assert [(s.kind, s.text) for s in sentences] == [
        ("title", "عنوان المقال"),
        ("body", "قتل ١٠٨ أشخاص۔"),
        ("body", "وأصيب ٥٠۔"),
    ]


def test_chinese_and_japanese() -> None:
    assert texts("部长说局势严重。会有什么变化吗？没人知道！") == [
        "部长说局势严重。",
        "会有什么变化吗？",
        "没人知道！",
    ]
    assert texts("東京で地震がありました。被害は不明です。") == [
        "東京で地震がありました。",
        "被害は不明です。",
    ]


def test_devanagari_danda() -> None:
    assert texts("स्थिति गंभीर है। क्या कुछ बदलेगा? कोई नहीं जानता।") == [
        "स्थिति गंभीर है।",
        "क्या कुछ बदलेगा?",
        "कोई नहीं जानता।",
    ]


def test_russian() -> None:
    assert texts(
        "Министр сказал, что ситуация серьёзная. Изменится ли что-нибудь? Никто не знает."
    ) == ["Министр сказал, что ситуация серьёзная.", "Изменится ли что-нибудь?", "Никто не знает."]


# --- shape helpers ---------------------------------------------------------------------------


def test_parse_byline() -> None:
    b = parse_byline("Harbour Post | Ada Lind | March 4, 2021\u00a0")
    assert b is not None
    assert (b.site, b.author, b.published) == ("Harbour Post", "Ada Lind", dt.date(2021, 3, 4))
    b = parse_byline("By Jane Doe, Reuters")
    assert b is not None and (b.author, b.site) == ("Jane Doe", "Reuters")
    assert parse_byline("By far the worst storm") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Harbour Post | Ada Lind | March 4, 2021", True),
        ("By Jane Doe", True),
        ("Published: 4 March 2021 10:30 GMT", True),
        ("March 4, 2021", True),
        ("NEWS \u2013 Floods Hit the Valley", False),
        ("Rising waters", False),
        ("By far the worst damage was downstream.", False),
    ],
)
def test_looks_like_byline(line: str, expected: bool) -> None:
    assert looks_like_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rising waters", True),
        ("Elections Set for May", True),
        ("Increased pressure on the government", True),
        ("It rained.", False),
        ("Why now?", False),
        ("A line that was wrapped with", False),
        ("one two three four five six seven eight nine ten eleven twelve thirteen", False),
        ("* * *", False),
    ],
)
def test_is_heading_like(line: str, expected: bool) -> None:
    assert is_heading_like(line) is expected


def test_find_date() -> None:
    text = "Updated on 18 June 2020, 10:00"
    found = find_date(text)
    assert found is not None and found[0] == dt.date(2020, 6, 18)
    assert text[found[1] : found[2]] == "18 June 2020"
    assert find_date("no date, just 50 words and 2020") is None


# --- speed -----------------------------------------------------------------------------------


# --- more shapes -----------------------------------------------------------------------------


def test_list_items_are_units() -> None:
    sentences = segment(Document("Key points:\n- one thing\n- another thing\n\nThe end."))
    assert [(s.kind, s.text) for s in sentences] == [
        ("body", "Key points:"),
        ("body", "- one thing"),
        ("body", "- another thing"),
        ("body", "The end."),
    ]


def test_unicode_line_and_paragraph_separators() -> None:
    doc = Document("Para one.\u2029Para two.\u2028Line.")
    sentences = segment(doc)
    assert [s.text for s in sentences] == ["Para one.", "Para two.", "Line."]
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_short_lines_block_is_one_unit_per_line() -> None:
    assert [s.paragraph for s in segment(Document("It rained.\nIt stopped.\nWe left."))] == [
        0,
        1,
        2,
    ]


def test_title_matches_html_title_with_site_suffix() -> None:
    doc = Document("Rivers Rise\n\nText here.", title="Rivers Rise | The Courier")
    assert [s.kind for s in segment(doc)] == ["title", "body"]


def test_html_title_not_in_text_gives_heading() -> None:
    doc = Document("Weather Desk\n\nText here.", title="Rivers Rise")
    assert [s.kind for s in segment(doc)] == ["heading", "body"]


def test_top_matter() -> None:
    text = "Floods Hit\nBy Ada Lind\n\n4 March 2021\n\nIt rained. A lot.\n\nSub Head\n\nMore."
    assert top_matter(text) == [
        ("title", "Floods Hit"),
        ("byline", "By Ada Lind"),
        ("byline", "4 March 2021"),
    ]
    assert top_matter("It rained.") == []


def test_offsets_with_surrogate_free_astral_characters() -> None:
    doc = Document("Emoji \U0001f600 here. Next \U0001d400 one.")
    sentences = segment(doc)
    check_offsets(doc, sentences)
    assert len(sentences) == 2


# --- page clutter ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line",
    ["Subscribe", "SIGN UP", "PHOTO", "Get Today's Headlines", "Purchase: Order Reprint",
     "Share this article", "Photo: Jane Doe / Reuters", "(AP Photo/Jane Doe)", "10:42 a.m. ET",
     "Updated 3 hours ago", "Published: June 18, 2020 10:42 AM", "Advertisement",
     "Share on Facebook Share on Twitter Email", "© 2020 The Wire. All rights reserved."],
)
def test_page_clutter_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)
    doc = Document(f"Police arrested 12 people on Monday.\n\n{line}\n\nThe minister spoke.")
    kinds = [s.kind for s in segment(doc)]
    assert kinds[0] == kinds[-1] == "body"
    assert kinds[1:-1] and set(kinds[1:-1]) == {"boilerplate"}


@pytest.mark.parametrize(
    "line",
    ["Police said the photo was taken on Monday near the border.",
     "The company said it would cut subscription prices next year.",
     "Video shows troops firing on protesters in the capital", "He declined to comment.",
     "The minister will watch the match.", "Apple shares rose 5%."],
)
def test_prose_mentioning_clutter_words_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_clutter_is_never_a_source_of_facts() -> None:
    import retold

    body = "Police arrested 12 people in Paris on Monday.\n\nThe minister said 40 were hurt."
    cluttered = ("Police arrested 12 people in Paris on Monday.\n\nGet Today's Headlines\n\n"
                 "Photo: Jane Doe / Reuters\n\nThe minister said 40 were hurt.\n\nSIGN UP")
    changes = retold.compare(body, cluttered, original_published="2020-06-18").changes
    assert [c for c in changes if c.kind != "meaning"] == []


def test_a_byline_padded_with_spaces_in_capitals_is_a_byline() -> None:
    doc = Document("Rivers rise across the north\n\nBy          JOHN SMITH,   Associated Press\n\n"
                   "Police arrested 12 people on Monday.")
    assert [s.kind for s in segment(doc)] == ["title", "byline", "body"]
    byline = parse_byline("By          JOHN SMITH,   Associated Press")
    assert byline is not None and byline.author == "JOHN SMITH"


def test_a_prompt_above_the_headline_does_not_take_its_place() -> None:
    doc = Document("Get Today's Headlines\n\nRivers rise across the north\n\n"
                   "By Jane Doe, Reuters\n\nPolice arrested 12 people on Monday.")
    assert [s.kind for s in segment(doc)] == ["boilerplate", "title", "byline", "body"]


# --- page furniture as whole paragraphs -----------------------------------------------------

_BODY_BEFORE = "Police arrested 12 people on Monday, the city's police chief said."
_BODY_AFTER = "The minister said 40 officers were hurt in the clashes."


@pytest.mark.parametrize(
    "furniture",
    [
        ("FILE - In this March 3, 2017 file photo, a tram climbs a street in Lisbon, Portugal. "
         "(AP Photo/Armando Franca, File)"),
        ("In this June 30, 2013 file photo, a singer performs in Los Angeles. The label said "
         "this month it would drop him."),
        "A tram climbs a street in Lisbon on Monday. (Photo by Jane Roe/Invision/AP, File) less",
        "Frank Micelotta/Invision/AP",
        "Image 2 of 3",
        "1 / 3",
        "window._taboola = window._taboola || []; _taboola.push({mode: 'thumbnails-c'});",
        ("Copyright 2019 The Associated Press. All rights reserved. This material may not be "
         "published, broadcast, rewritten or redistributed."),
        ("Like us on Facebook: www.facebook.com/newsdesk Follow us on Twitter: "
         "www.twitter.com/newsdesk"),
        "Related: 9 survivors found in the rubble of a factory",
        "Sherman reported from Washington.",
        ("Associated Press writer Jane Roe in Porto, Portugal, also contributed to this "
         "report."),
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Copyright 2013 The Associated Press.",
        ("Our journalism takes a lot of time, effort, and hard work to produce. If you read and "
         "enjoy our journalism, please consider subscribing today."),
    ],
)
def test_page_furniture_paragraphs_are_boilerplate(furniture: str) -> None:
    doc = Document(f"{_BODY_BEFORE}\n\n{furniture}\n\n{_BODY_AFTER}")
    kinds = [s.kind for s in segment(doc)]
    assert kinds[0] == kinds[-1] == "body"
    assert kinds[1:-1] and set(kinds[1:-1]) == {"boilerplate"}


def test_a_video_label_takes_its_blurb_and_a_link_list_its_headlines() -> None:
    doc = Document(
        f"{_BODY_BEFORE}\n\nNow Playing:\n\nMayor Cuts the Ribbon as Metro Opens Airport Line "
        "to 500 Guests\n\nLATEST VIDEOS\n\nMadrid Taxi Drivers Block Castellana Avenue Fortune"
        f"\n\nBerlin Bans Diesel Cars From Two Streets Buzz 60\n\n{_BODY_AFTER}")
    kinds = [s.kind for s in segment(doc)]
    assert kinds == ["body", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
                     "boilerplate", "body"]


@pytest.mark.parametrize(
    "prose",
    [
        "In this year's photo contest, entries came from 40 countries.",
        "In this city, officials said, 12 photos of the suspect were shown to witnesses.",
        "The agency said it had sent 3 of its 10 photographers to the border.",
        '"We will rebuild," she said, and asked people to follow the updates on the radio.',
        "Its website, www.example.org, lists 14 branches.",
        "Reporters from 12 countries reported from the border on Monday.",
        "The company said its copyright claim covered 2013 recordings.",
    ],
)
def test_prose_with_furniture_words_stays_body(prose: str) -> None:
    doc = Document(f"{_BODY_BEFORE}\n\n{prose}\n\n{_BODY_AFTER}")
    assert {s.kind for s in segment(doc)} == {"body"}


def test_a_quotation_glued_to_a_social_footer_stays_story_copy() -> None:
    unit = ('"There are scars here that will be with us for a long time." -- News on Facebook '
            "and Twitter Stay up to date. Follow us on Twitter: www.twitter.com/newsdesk")
    assert not is_boilerplate(unit)


def test_a_bare_date_line_below_the_top_is_a_time_stamp() -> None:
    body = "\n\n".join([_BODY_BEFORE] * 4)
    doc = Document(f"{body}\n\nPublished June 01, 2018\n\n{_BODY_AFTER}")
    kinds = [s.kind for s in segment(doc)]
    assert kinds == ["body"] * 4 + ["boilerplate", "body"]


@pytest.mark.parametrize("dashes", ["\u2014\u2014", "\u00e2\u20ac\u201d\u00e2\u20ac\u201d"])
def test_a_dash_run_after_the_last_sentence_opens_glued_furniture(dashes: str) -> None:
    doc = Document(f'Police arrested 12 people. "We will rebuild," she said. "It will take years." '
                   f"{dashes} News on Facebook and Twitter Stay up to date on breaking news.")
    units = [(s.kind, s.text) for s in segment(doc)]
    assert units[-2] == ("body", '"It will take years."')
    assert units[-1][0] == "boilerplate"


def test_an_em_dash_inside_a_sentence_cuts_nothing() -> None:
    doc = Document("The mayor \u2014 who took office in May \u2014 said 12 people were hurt.")
    assert len(segment(doc)) == 1


def test_sentences_before_a_footer_cue_keep_a_one_line_paragraph_story_copy() -> None:
    doc = Document('Police arrested 12 people. "We will rebuild," she said. Follow us on Twitter.')
    kinds = [s.kind for s in segment(doc)]
    assert kinds[0] == "body" and kinds[-1] == "boilerplate"


def test_a_gallery_link_glued_to_the_next_sentence_is_cut_off_as_clutter() -> None:
    doc = Document("The factory had three floors without permits. 33 Photos Rana's capture "
                   "brought cheers from the crowd.")
    assert [(s.kind, s.text) for s in segment(doc)][1:] == [
        ("boilerplate", "33 Photos"), ("body", "Rana's capture brought cheers from the crowd.")]


def test_a_count_of_photos_in_a_sentence_is_story_copy() -> None:
    doc = Document("Police released 33 photos of the suspects on Monday.")
    assert [s.kind for s in segment(doc)] == ["body"]


def test_a_one_paragraph_story_ending_in_a_caption_is_still_a_story() -> None:
    story = " ".join(
        f"The ferry from Tolmar to the islands ran {n} hours late on Friday, the harbour "
        f"office said, after a storm closed the strait." for n in range(2, 9))
    doc = Document(story + " Passengers waited at the quay (file photo of the Tolmar quay)")
    sentences = segment(doc)
    assert len(sentences) >= 7 and sentences[0].kind == "body"
    # a short caption paragraph is still page furniture
    short = Document("The harbour reopened on Monday.\n\nPassengers at the quay (file photo)")
    assert [s.kind for s in segment(short)][-1] == "boilerplate"


@pytest.mark.parametrize("unit, clutter", [
    ("Click image to see more photos", True),
    ("Help us deliver journalism that makes a difference in our community.", True),
    ("Support local journalism today.", True),
    # prose that says the words
    ("Police said a click of the lock woke them at 3 a.m. on Monday.", False),
    ("Readers can click on a map to see where the fires are.", False),
    ("The mayor said the city will fund journalism grants for local papers next year.", False),
])
def test_link_prompts_and_appeals_are_clutter(unit: str, clutter: bool) -> None:
    assert is_boilerplate(unit) is clutter


@pytest.mark.parametrize(("stamp", "kind"), [
    ("Updated 9:12 a.m. ET, Thu June 6, 2024", "boilerplate"),  # a time stamp
    ("Posted 10:05 a.m. EST, June 6, 2024", "boilerplate"),
    ("June 6, 2024", "byline"),  # a bare date at the top: the story's dateline
])
def test_a_time_stamp_line_above_the_first_sentence_is_its_own_unit(stamp: str,
                                                                    kind: str) -> None:
    from retold.read import read_text

    doc = read_text(f"{stamp}\nThe ferry company raised its fares on Monday.\n")
    units = [(s.kind, s.text) for s in segment(doc)]
    assert units == [(kind, stamp), ("body", "The ferry company raised its fares on Monday.")]
    assert doc.published == dt.date(2024, 6, 6)


def test_a_byline_with_several_outlets_after_the_person() -> None:
    from retold.segment import looks_like_byline, parse_byline

    assert looks_like_byline("By KARIN DAHL, Reuters, AP")
    b = parse_byline("By KARIN DAHL, Reuters, AP")
    assert b is not None and b.author == "KARIN DAHL"

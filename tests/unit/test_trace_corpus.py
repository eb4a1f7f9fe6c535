"""Small corpora with known links, and the end-to-end trace test over them.

Other trace tests import the corpora from here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from retold.model import Article
from retold.trace import trace

ORIGINAL = (
    "Floods in the northern province of Kandara have killed at least 37 people and displaced "
    "more than 12,000 residents, the regional governor Marta Oyelaran said on Tuesday.\n\n"
    "Heavy rain fell for nine days across the Velmir river basin, and the dam at Ostrava "
    "overflowed on Sunday night. Rescue teams from the Red Crescent reached the town of "
    "Dubrel only on Monday morning, when the water began to recede.\n\n"
    "Oyelaran said the provincial government would release 4.5 million dollars in emergency "
    "aid and asked the capital for another 20 helicopters. The meteorological office warned "
    "that more storms were expected before the end of March.\n\n"
    "Farmers in the valley said that most of the winter wheat had been lost. Local officials "
    "estimated the damage to roads and bridges at 180 million dollars, and schools in 14 "
    "districts will stay closed until further notice."
)

CUT = ORIGINAL.split("\n\n")[0] + "\n\n" + ORIGINAL.split("\n\n")[1]

REORDERED = "\n\n".join(ORIGINAL.split("\n\n")[i] for i in (0, 3, 2, 1))

PARAPHRASE = (
    "At least 37 people have died and over 12,000 have lost their homes to flooding in "
    "Kandara province in the north, according to governor Marta Oyelaran on Tuesday.\n\n"
    "Nine days of torrential rain hit the Velmir basin; on Sunday night the Ostrava dam spilled "
    "over. Red Crescent rescuers could not get to Dubrel until Monday morning, as the flood "
    "waters started to fall.\n\n"
    "The provincial administration is freeing 4.5 million dollars of emergency relief, "
    "Oyelaran said, and has requested 20 more helicopters from the capital. Forecasters "
    "cautioned that further storms are likely before March ends.\n\n"
    "Valley farmers reported losing the bulk of their winter wheat. Officials put the cost of "
    "damaged roads and bridges at 180 million dollars; schools across 14 districts remain shut."
)

CHANGED = ORIGINAL.replace("37 people", "73 people").replace("12,000", "20,000")

UNRELATED = (
    "A drought in the southern province of Kandara has left wells dry in 42 villages, the "
    "regional water authority said on Thursday.\n\n"
    "Governor Marta Oyelaran visited the town of Sarnak and promised new pipelines before the "
    "summer. The authority said that 3,100 families now rely on water brought by trucks.\n\n"
    "Farmers in the south said that the barley harvest would be the smallest in a decade, and "
    "cattle prices at the Sarnak market have fallen by a third since January."
)

RUSSIAN = (
    "Наводнение в северной провинции Кандара унесло жизни по меньшей мере 37 человек, более "
    "12 000 жителей покинули свои дома, заявила во вторник губернатор Марта Оелоран.\n\n"
    "Проливные дожди шли девять дней подряд в бассейне реки Велмир, а в воскресенье ночью "
    "переполнилась плотина в Остраве. Спасатели Красного Полумесяца добрались до города Дубрель "
    "только в понедельник утром, когда вода начала спадать.\n\n"
    "Оелоран сообщила, что правительство провинции выделит 4,5 миллиона долларов на экстренную "
    "помощь и попросило столицу прислать ещё 20 вертолётов. Метеорологи предупредили, что до "
    "конца марта ожидаются новые штормы."
)
RUSSIAN_CUT = RUSSIAN.split("\n\n")[0] + "\n\n" + RUSSIAN.split("\n\n")[2]
RUSSIAN_OTHER = (
    "Засуха в южной провинции Кандара оставила без воды 42 деревни, сообщило в четверг "
    "региональное управление водных ресурсов.\n\n"
    "Губернатор посетила город Сарнак и пообещала построить новые трубопроводы до лета. По "
    "данным управления, 3100 семей получают воду из цистерн."
)

CHINESE = (
    "坎达拉省北部发生洪灾，至少37人死亡，超过12000名居民流离失所，地区总督周二表示。"
    "韦尔米尔河流域连续九天降下大雨，奥斯特拉瓦大坝在周日晚间漫顶。"
    "救援队直到周一上午才抵达杜布雷尔镇，当时洪水开始消退。"
    "省政府将拨出450万美元紧急援助，并请求首都再派20架直升机。"
)
CHINESE_CUT = CHINESE[: CHINESE.index("救援队")]


def day(n: int) -> dt.date:
    return dt.date(2021, 3, 1) + dt.timedelta(days=n)


def english_corpus() -> list[Article]:
    """The original, five retellings of it, and one unrelated article on the same topic."""
    return [
        Article("wire", ORIGINAL, published=day(0), outlet="Wire"),
        Article("copy", ORIGINAL, published=day(1), outlet="Daily"),
        Article("cut", CUT, published=day(1), outlet="Herald"),
        Article("reordered", REORDERED, published=day(2), outlet="Post"),
        Article("paraphrase", PARAPHRASE, published=day(2), outlet="Times"),
        Article("changed", CHANGED, published=day(3), outlet="Tabloid"),
        Article("drought", UNRELATED, published=day(1), outlet="Wire"),
    ]


RETELLINGS = ("copy", "cut", "reordered", "paraphrase", "changed")


def linked_pairs(links: list) -> set[frozenset[str]]:
    return {frozenset((l.source_id, l.target_id)) for l in links}


def test_every_kind_of_retelling_is_linked_to_its_source() -> None:
    result = trace(english_corpus())
    pairs = linked_pairs(result.links)
    for kind in RETELLINGS:
        assert frozenset(("wire", kind)) in pairs, kind


def test_links_carry_their_aligned_passages() -> None:
    link = next(l for l in trace(english_corpus()).links if l.target_id == "cut")
    texts = {a.id: a.text for a in english_corpus()}
    assert link.passages
    for s0, s1, t0, t1, relation in link.passages:
        assert relation == "verbatim"
        assert texts["wire"][s0:s1] == texts["cut"][t0:t1]


def test_an_unrelated_article_on_the_same_topic_is_not_linked() -> None:
    result = trace(english_corpus())
    assert not [l for l in result.links if "drought" in (l.source_id, l.target_id)]


def test_direction_by_publication_date_with_evidence() -> None:
    result = trace(english_corpus())
    for link in result.links:
        if "wire" in (link.source_id, link.target_id):
            assert link.source_id == "wire"
            assert link.decided and link.evidence == "published"
            assert "2021-03-01" in link.detail


def test_one_story_rooted_at_the_earliest_source() -> None:
    result = trace(english_corpus())
    assert len(result.stories) == 1
    story = result.stories[0]
    assert story.root == "wire"
    assert set(story.articles) == {"wire", *RETELLINGS}
    assert story.chain[0] == ("wire", None)


def test_the_facts_table_names_who_carried_and_who_changed_a_fact() -> None:
    story = trace(english_corpus()).stories[0]
    rows = [f for f in story.facts if f["kind"] == "number" and "37" in f["text"]]
    assert rows, story.facts
    row = rows[0]
    assert "changed" in [c["article"] for c in row["changed_by"]]
    assert "73" in next(c["to"] for c in row["changed_by"] if c["article"] == "changed")
    assert {"wire", "copy", "cut"} <= set(row["carried_by"])


def test_reuse_from_the_very_first_character_is_found() -> None:
    # wire copy is printed from its first character: passim misses this case
    lead = ORIGINAL.split("\n\n")[0]
    articles = [
        Article("a", lead + "\n\n" + UNRELATED, published=day(0)),
        # the lead is most of b: a link needs 0.40 of the target's text (verify.MIN_REUSE;
        # a day apart, 0.27 with the shared words in order: verify.MIN_REUSE_NEAR)
        Article("b", lead + "\n\n" + RUSSIAN_OTHER.split("\n\n")[0], published=day(1)),
    ]
    links = trace(articles).links
    assert [(l.source_id, l.target_id) for l in links] == [("a", "b")]
    assert links[0].reuse > 0.1


@pytest.mark.parametrize("script", ["russian", "chinese"])
def test_a_non_latin_corpus(script: str) -> None:
    full, cut, other = {
        "russian": (RUSSIAN, RUSSIAN_CUT, RUSSIAN_OTHER),
        "chinese": (CHINESE, CHINESE_CUT, RUSSIAN_OTHER),
    }[script]
    articles = [Article("full", full, published=day(0)), Article("cut", cut, published=day(1)),
                Article("other", other, published=day(0))]
    links = trace(articles).links
    assert [(l.source_id, l.target_id) for l in links] == [("full", "cut")]


def test_an_undated_insertion_is_told_from_a_cut() -> None:
    paragraphs = ORIGINAL.split("\n\n")
    inserted = "\n\n".join([paragraphs[0], UNRELATED.split("\n\n")[1], *paragraphs[1:]])
    links = trace([Article("x-wire", ORIGINAL), Article("a-local", inserted)]).links
    assert [(l.source_id, l.target_id, l.evidence) for l in links] == [
        ("x-wire", "a-local", "containment")]


def test_undated_links_are_decided_by_containment_or_marked_undecided() -> None:
    articles = [Article("x-wire", ORIGINAL), Article("a-cut", CUT), Article("m-copy", ORIGINAL)]
    links = {frozenset((l.source_id, l.target_id)): l for l in trace(articles).links}
    cut = links[frozenset(("x-wire", "a-cut"))]
    assert (cut.source_id, cut.target_id, cut.decided, cut.evidence) == (
        "x-wire", "a-cut", True, "containment")
    copy = links[frozenset(("x-wire", "m-copy"))]
    assert (copy.decided, copy.evidence) == (False, "undecided")
    assert (copy.source_id, copy.target_id) == ("m-copy", "x-wire")  # id order


def test_retold_trace_is_callable_even_after_importing_its_modules() -> None:
    import retold
    import retold.trace.stories  # (makes the attribute retold.trace the package)

    result = retold.trace(  # type: ignore[operator]
        [{"id": "a", "text": ORIGINAL}, {"id": "b", "text": CUT}])
    assert [(l.source_id, l.target_id) for l in result.links] == [("a", "b")]

"""HTML dates come from the page's markup: no locale loading, no date invented from a year."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"""


def test_a_non_latin_page_never_loads_dateparser(tmp_path: Path) -> None:
    page = tmp_path / "ru.html"
    page.write_text(PAGE.format(
        title="Шторм обрушился на побережье",
        body="Как сообщили чиновники, по меньшей мере 12 человек погибли в понедельник, "
             "18 июня, когда шторм достиг побережья провинции."), encoding="utf-8")
    code = ("import sys; from retold.read import read_source; "
            f"d = read_source({str(page)!r}); "
            "print('dateparser' in sys.modules, len(d.text) > 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(Path(__file__).parents[2] / "src")})
    assert out.stdout.split() == ["False", "True"]


def test_a_bare_year_in_the_text_is_not_a_publication_date(tmp_path: Path) -> None:
    from retold.read import read_source

    page = tmp_path / "ar.html"
    page.write_text(PAGE.format(
        title="عاصفة تضرب الساحل",
        body="قال مسؤولون إن ما لا يقل عن 12 شخصا لقوا حتفهم في عام 2020 عندما وصلت العاصفة "
             "إلى الساحل."), encoding="utf-8")
    assert read_source(str(page)).published is None


def test_a_date_in_the_markup_is_still_read(tmp_path: Path) -> None:
    from retold.read import read_source

    page = tmp_path / "en.html"
    page.write_text(PAGE.format(title="Storm hits coast", body="Officials said 12 people "
                                "died when the storm reached the coast on Monday night.")
                    .replace("</title>", '</title><meta property="article:published_time" '
                             'content="2020-06-18T10:00:00Z">'), encoding="utf-8")
    assert str(read_source(str(page)).published) == "2020-06-18"

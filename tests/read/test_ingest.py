import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from generator.read import ingest
from generator.read.front_matter import load_yaml
from generator.read.ingest import parse, read_folder
from tests.conftest import SEEDS


def seed(name: str):
    result = read_folder(SEEDS)
    return next(a for a in result.articles if a.path.startswith(name))


@pytest.mark.parametrize(
    ("name", "title", "source", "date", "byline"),
    [
        ("000", None, None, None, None),  # starts with a sentence: no title, nothing invented
        ("001", "لقاء غير معلن جمع الأسد وبوتين في موسكو", None, None, None),
        ("002", None, "سيريانيوز", None, None),  # the trailing signature names the outlet
        (
            "003",
            "روسيا - سوريا: قمة غير متوقعة بين «بوتين» و«الأسد» في موسكو لتعزيز التحالف آلعسكري",
            "الإيطالية نيوز",  # ` - <outlet>` title suffix and the dateline
            dt.date(2021, 9, 14),  # stated in the dateline; other dates in texts are history
            None,
        ),
        ("004", "تفاصيل لقاء الأسد ووزير الدفاع الروسي في دمشق", None, None, "إيمان محمود"),
    ],
)
def test_seed_metadata_is_inferred_from_the_text(name, title, source, date, byline) -> None:
    article = seed(name)
    assert (article.title, article.source, article.date, article.byline) == (
        title,
        source,
        date,
        byline,
    )


def test_front_matter_wins_over_inference() -> None:
    text = (
        "---\ntitle: عنوان من البيانات\nsource: وكالة\nurl: https://example.com/a?b=1\n"
        "date: 2021-09-13\n---\nعنوان في النص - موقع آخر\n\nنص المقال هنا. وجملة ثانية هنا.\n"
    )
    article, problems = parse("a.md", text.encode())
    assert problems == []
    assert article.title == "عنوان من البيانات"
    assert article.source == "وكالة"
    assert article.url == "https://example.com/a?b=1"
    assert article.date == dt.date(2021, 9, 13)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "has no text"),
        (b"---\ntitle: [unclosed\n---\nbody text here.\n", "front matter is not valid YAML"),
        (
            "---\nurl: javascript:alert(1)\n---\nنص المقال هنا.\n".encode(),
            "is not an http(s) address",
        ),
        ("---\ndate: not a date\n---\nنص المقال هنا.\n".encode(), "is not a date"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"),
        (bytes(range(256)) * 8, "is not text"),
        (b"\x00\x01\x02" * 100, "is not text"),
        ("---\ntitle: [a, b]\n---\nنص المقال هنا.\n".encode(), "title is not a text"),
        ("---\n- a\n- b\n---\nنص المقال هنا.\n".encode(), "front matter is not `key: value`"),
        ("---\ndate: [2021]\n---\nنص المقال هنا.\n".encode(), "is not a date"),
        ("---\ntitle: عنوان\n---\n".encode(), "has no text"),
        ("---\ntitle: عنوان\nنص المقال هنا.\n".encode(), "front matter has no closing `---`"),
    ],
)
def test_bad_input_is_a_named_problem(content: bytes, message: str) -> None:
    _, problems = parse("bad.md", content)
    assert any(p.path == "bad.md" and message in p.message for p in problems)


def test_folder_is_read_recursively_in_a_stable_order(write_articles) -> None:
    folder: Path = write_articles(
        {"b.txt": "نص المقال الأول هنا.", "a/c.md": "نص المقال الثاني هنا.", ".hidden.txt": "x"}
    )
    result = read_folder(folder)
    assert [a.path for a in result.articles] == ["a/c.md", "b.txt"]
    assert [a.id for a in result.articles] == ["a--c", "b"]


SEED_004 = (SEEDS / "004_5a9b523a64b9ad08.txt").read_text("utf-8")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                   "utf-32", "cp1256"])  # fmt: skip
def test_each_encoding_gives_the_same_article(codec: str) -> None:
    article, problems = parse("a.txt", SEED_004.encode(codec))
    assert problems == []
    assert article is not None and article.body == SEED_004
    assert article.title == "تفاصيل لقاء الأسد ووزير الدفاع الروسي في دمشق"


def test_a_short_windows_1256_text_is_not_read_as_chinese() -> None:
    article, _ = parse("a.txt", "قال الرئيس إن اللقاء كان مثمرا.".encode("cp1256"))
    assert article is not None and article.body == "قال الرئيس إن اللقاء كان مثمرا."


def test_line_ends_and_unsafe_characters_are_normalised() -> None:
    raw = "سطر أول\r\nسطر\u202e ثان\x07\rسطر\u200f ثالث\x85الرابع\u2028الخامس".encode()
    article, problems = parse("a.txt", raw)
    assert problems == []
    assert article.body == "سطر أول\nسطر ثان\nسطر\u200f ثالث\nالرابع\nالخامس"


def test_broken_front_matter_is_reported_and_the_text_still_built() -> None:
    raw = "---\ntitle: [unclosed\n---\nقال الرئيس إن اللقاء كان مثمرا.\n".encode()
    article, problems = parse("a.md", raw)
    assert [p.message for p in problems] == [
        "front matter is not valid YAML (while parsing a flow sequence); ignored"
    ]
    assert article.body == "قال الرئيس إن اللقاء كان مثمرا.\n" and article.title is None


@pytest.mark.parametrize(
    "text",
    [
        "---\nقال الرئيس: إن اللقاء كان مثمرا.\n---\nوأضاف أن الوفد سيعود.\n",
        "---\nقال الرئيس إن اللقاء كان مثمرا.\n",
        "قال الرئيس إن اللقاء كان مثمرا.\n---\nوأضاف أن الوفد سيعود.\n",
    ],
)
def test_rule_lines_in_text_are_text_not_front_matter(text: str) -> None:
    article, problems = parse("a.md", text.encode())
    assert problems == [] and article.body == text


def test_a_very_long_article_is_cut_at_a_line_end_and_warned() -> None:
    line = "قال الرئيس إن اللقاء كان مثمرا وإن الوفد سيعود غدا إلى العاصمة."
    text = "\n".join(f"{line} ({i})" for i in range(20_000))
    article, problems = parse("long.txt", text.encode())
    assert len(article.body) <= ingest.MAX_BODY_CHARS
    assert text.startswith(article.body) and text[len(article.body)] == "\n"
    assert [p.message for p in problems] == [
        f"is very long ({len(text):,} characters); only its first {len(article.body):,} are used"
    ]


@pytest.mark.parametrize(
    ("text", "message", "language"),
    [
        ("Putin met Assad in Moscow on Monday. They talked for hours about the war.",
         "has no Arabic text (its letters are Latin); built as is", "und"),
        ("---\nlanguage: en\n---\nPutin met Assad in Moscow on Monday. They talked for hours.",
         None, "en"),
        ("The Kremlin said both presidents discussed military cooperation at length.\n"
         "وقال الكرملين إن الرئيسين بحثا التعاون.", "mixes languages (", "ar"),
        ("قال الرئيس إن منظمة WHO Europe أعلنت عن 3.5 مليون إصابة بفيروس COVID-19 هذا العام.",
         None, "ar"),
    ],
)  # fmt: skip
def test_latin_and_mixed_articles_are_named(text: str, message: str | None, language: str) -> None:
    article, problems = parse("a.md", text.encode())
    assert article is not None and article.language == language
    if message is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].message.startswith(message)


def test_seed_articles_have_no_problems() -> None:
    assert read_folder(SEEDS).problems == ()


HTML = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>عنوان الصفحة - الموقع</title>
<meta property="og:site_name" content="الموقع الإخباري">
<meta property="og:title" content="لقاء الأسد ووزير الدفاع الروسي في دمشق">
<meta property="article:published_time" content="2021-09-15T10:00:00+03:00">
<link rel="canonical" href="{url}"><script>alert(1)</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة وملاعب</a></nav>
<article>{body}</article>
<aside><h3>الأكثر قراءة</h3><a href="/x">خبر آخر عن الكرة والملاعب المحلية</a></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def _page(url: str = "https://news.example.com/a") -> bytes:
    body = "".join(f"<p>{line}</p>" for line in SEED_004.split("\n")[2:] if line.strip())
    return HTML.format(url=url, body=body).encode()


def test_a_saved_web_page_gives_its_main_text_and_metadata() -> None:
    article, problems = parse("page.html", _page())
    assert problems == []
    assert article.title == "لقاء الأسد ووزير الدفاع الروسي في دمشق"
    assert article.source == "الموقع الإخباري"
    assert article.date == dt.date(2021, 9, 15)
    assert article.url == "https://news.example.com/a"
    assert "بحث الرئيس السوري بشار الأسد" in article.body
    for chrome in ("رياضة", "الأكثر قراءة", "جميع الحقوق", "alert"):
        assert chrome not in article.body


def test_a_web_page_address_is_kept_only_if_http() -> None:
    article, _ = parse("page.htm", _page("javascript:alert(1)"))
    assert article is not None and article.url is None


def test_a_web_page_without_main_text_is_a_problem() -> None:
    raw = b"<html><body><script>alert(1)</script></body></html>"
    assert parse("page.html", raw) == (None, [ingest.Problem("page.html", "is a web page without main text; skipped")])


def test_files_that_are_not_articles_are_named(write_articles, tmp_path: Path) -> None:
    folder = write_articles({"a.txt": "نص المقال الأول هنا.", "notes.pdf": b"%PDF-1.4",
                             "README": "ملاحظات", ".git/x.txt": "x", "sub/.hidden.md": "x"})  # fmt: skip
    (tmp_path / "outside.txt").write_text("سر من خارج المجلد.", encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", folder / "link.txt")
    os.symlink(folder / "a.txt", folder / "inside.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")  # reading it would hang the build
    result = read_folder(folder)
    assert [a.path for a in result.articles] == ["a.txt", "inside.txt"]
    messages = {p.path: p.message for p in result.problems}
    assert messages["link.txt"] == "is a link to outside the articles folder; skipped"
    assert messages["notes.pdf"].startswith("is not an article file (.md, .markdown, .txt, .html")
    assert "README" in messages and ".git/x.txt" not in messages
    if hasattr(os, "mkfifo"):
        assert messages["pipe.txt"] == "cannot be read (not a regular file); skipped"


def test_too_large_files_are_not_read(write_articles, monkeypatch) -> None:
    folder = write_articles({"big.txt": "نص " * 1000})
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    result = read_folder(folder)
    assert result.articles == ()
    assert [str(p) for p in result.problems] == ["big.txt: is 0.0 MB, over the 0.0 MB limit; skipped"]


def test_ids_are_distinct_even_when_names_slug_alike(write_articles) -> None:
    folder = write_articles({n: f"نص المقال {i} هنا." for i, n in
                             enumerate(["same.md", "same.txt", "a b.txt", "a-b.txt", "A-B.md"])})  # fmt: skip
    first = read_folder(folder)
    ids = {a.path: a.id for a in first.articles}
    assert len(set(ids.values())) == 5
    assert ids["same.md"] == "same" and ids["A-B.md"] == "a-b"
    (folder / "zzz.txt").write_text("نص آخر هنا.", encoding="utf-8")
    again = {a.path: a.id for a in read_folder(folder).articles}
    assert {k: again[k] for k in ids} == ids  # adding a file moves no id


def test_undecodable_file_names_are_shown_escaped(write_articles) -> None:
    folder = write_articles({})
    (folder / os.fsdecode(b"\xff-name.txt")).write_text("نص المقال هنا.", encoding="utf-8")
    (article,) = read_folder(folder).articles
    assert article.path == "\\xff-name.txt" and article.id == "xff-name"


def test_a_web_page_is_read_in_the_charset_it_declares() -> None:
    page = '<html><head><meta charset="windows-1256"></head><body><p>لقاء مثمر.</p></body></html>'
    article, problems = parse("p.htm", page.encode("cp1256"))
    assert problems == [] and article.body == "لقاء مثمر."


@pytest.mark.parametrize(
    "header",
    [
        'title: "قمة موسكو"\nsource: "روسيا اليوم"\nurl: "https://example.com/a?b=1"\ndate: "2021-09-13"\n',
        "title: قمة موسكو: بوتين والأسد\ndate: 2021-09-13\n",
        "title: 'it''s'\ntags: [سوريا, روسيا]\nweight: 3.5\ndraft: no\n",
        "date: 2021-09-13 10:30:00\nlanguage: ar\n",
        "title: |\n  سطر أول\n  سطر ثان\n",
        "~: null\n",
        "- a\n- b\n",
        "just words\n",
    ],
)
def test_front_matter_is_read_as_pyyaml_reads_it(header: str) -> None:
    """libyaml reads the headers; what it accepts and the errors are pure PyYAML's."""

    def outcome(load):
        try:
            return load(header)
        except yaml.YAMLError as exc:
            return f"error: {exc}"

    assert outcome(load_yaml) == outcome(yaml.safe_load)

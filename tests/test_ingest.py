import datetime as dt
from pathlib import Path

import pytest

from generator.ingest import parse, read_folder
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
        ("نص عربي".encode("utf-16-le"), "not UTF-8"),
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

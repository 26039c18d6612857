from generator.read.ingest import parse, read_folder
from generator.text.clean import clean
from tests.conftest import SEEDS


def cleaned(text: str):
    article, _ = parse("a.txt", text.encode())
    return clean(article)


def test_navigation_and_prompts_are_dropped() -> None:
    text = "عنوان الخبر\n\nنص الخبر الأول هنا.\n\nRead Previous\n\nخبر آخر\n\nRead Next\n\nLeave a Reply\n"
    assert cleaned(text).paragraphs == ("نص الخبر الأول هنا.",)


def test_repeated_title_byline_and_signature_are_metadata_not_text() -> None:
    text = "عنوان الخبر - الموقع\n\nعنوان الخبر\nكتبت – إيمان محمود:\nنص الخبر الأول هنا.\nفقرة ثانية هنا.\nالموقع\n"
    result = cleaned(text)
    assert result.paragraphs == ("نص الخبر الأول هنا.", "فقرة ثانية هنا.")
    assert result.article.byline == "إيمان محمود"
    assert result.article.source == "الموقع"


def test_duplicate_paragraphs_are_kept_once() -> None:
    text = "فقرة أولى هنا.\nفقرة ثانية هنا.\nفقرة أولى هنا.\n"
    assert cleaned(text).paragraphs == ("فقرة أولى هنا.", "فقرة ثانية هنا.")


def test_seeds_lose_their_boilerplate() -> None:
    bodies = {a.path[:3]: "\n".join(clean(a).paragraphs) for a in read_folder(SEEDS).articles}
    for boilerplate in (
        "Read Previous",
        "Read Next",
        "Leave a Reply",
        "Most Popular",
        "فيديو قد يعجبك",
    ):
        assert all(boilerplate not in body for body in bodies.values())
    assert "سيريانيوز" not in bodies["002"].splitlines()[-1]
    assert "كتبت" not in bodies["004"]
    assert bodies["003"].startswith("زار الرئيس السوري")  # title, repeat and dateline gone

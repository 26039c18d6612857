"""`digest add`: articles copied or fetched into articles/, never overwriting, then a rebuild."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import frontmatter
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import Settings, build
from generator.read.add import name_for
from tests.conftest import DATA, SEEDS, make_project, serve

pytestmark = pytest.mark.slow

NEW_TEXT = (
    "---\ntitle: افتتاح جسر جديد فوق النهر\nsource: صحيفة المدينة\ndate: 2021-09-16\n---\n"
    "افتتحت البلدية جسرا جديدا فوق النهر يربط شطري المدينة بعد ثلاث سنوات من العمل.\n"
    "وقال رئيس البلدية إن الجسر سيخفف الازدحام في الطرق القديمة ويختصر زمن الرحلة.\n"
    "وأضاف أن الجسر يضم ممرا للمشاة وآخر للدراجات الهوائية على جانبيه.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    (tmp_path / "project").mkdir()
    return make_project(tmp_path / "project")


def digest(project: Settings, *args: str):
    runner = CliRunner()
    options = [
        "--articles",
        str(project.articles),
        "--site-src",
        str(project.site_src),
        "--out",
        str(project.out),
        "--config",
        str(project.config),
    ]
    return runner.invoke(main, ["add", *args, *options])


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def built_articles(project: Settings) -> dict[str, dict]:
    data = json.loads((project.out / "digest.json").read_text("utf-8"))
    return {a["path"]: a for s in data["stories"] for a in s["articles"]}


def test_a_file_is_copied_and_the_site_rebuilt(project: Settings, tmp_path: Path) -> None:
    build(project)
    new = tmp_path / "bridge.md"
    new.write_text(NEW_TEXT, "utf-8")
    before = files(project.articles)
    result = digest(project, str(new))
    assert result.exit_code == 0, result.output
    assert f"Added {project.articles / 'bridge.md'}" in result.output
    assert files(project.articles) == {**before, "bridge.md": NEW_TEXT.encode()}
    assert new.read_text("utf-8") == NEW_TEXT  # the original is left as it was
    assert built_articles(project)["bridge.md"]["title"] == "افتتاح جسر جديد فوق النهر"
    assert "5 articles reused from the cache" in result.output  # only the new one processed


def test_an_article_already_there_is_not_added_again(project: Settings) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    before = files(project.articles)
    result = digest(project, str(seed))
    assert result.exit_code == 0, result.output
    assert f"Already there: {seed} is {project.articles / seed.name}" in result.output
    assert files(project.articles) == before


def test_a_taken_name_gets_a_number_and_nothing_is_overwritten(
    project: Settings, tmp_path: Path
) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    other = tmp_path / seed.name  # same name, different text
    other.write_text(NEW_TEXT, "utf-8")
    before = files(project.articles)
    result = digest(project, str(other))
    assert result.exit_code == 0, result.output
    renamed = f"{seed.stem}-2.txt"
    assert files(project.articles) == {**before, renamed: NEW_TEXT.encode()}
    assert renamed in built_articles(project)


def test_bad_sources_add_nothing(project: Settings, tmp_path: Path) -> None:
    good = tmp_path / "bridge.md"
    good.write_text(NEW_TEXT, "utf-8")
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"\xff\xd8\xff")
    before = files(project.articles)
    result = digest(project, str(good), str(image), str(tmp_path / "missing.md"))
    assert result.exit_code == 1
    assert "photo.jpg: is not an article file" in result.output
    assert "missing.md: cannot be read" in result.output
    assert "nothing was added" in result.output
    assert files(project.articles) == before and not project.out.exists()


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """tests/data served on localhost, as a news site would serve a page.

    Fetching from a non-public address is refused by default (see the last test); the
    protection is lifted here, for this local server only.
    """
    monkeypatch.setattr("generator.read.add.SSRF_PROTECTION", False)
    with serve(DATA) as url:
        yield url


def test_a_url_is_fetched_into_an_article_with_front_matter(project: Settings, web: str) -> None:
    url = web + "web-article.html"
    result = digest(project, url)
    assert result.exit_code == 0, result.output
    saved = project.articles / name_for(url)
    assert saved.name.startswith("127-0-0-1-web-article-html-") and saved.suffix == ".md"
    post = frontmatter.loads(saved.read_text("utf-8"))
    assert post.metadata == {
        "title": "افتتاح مكتبة عامة جديدة في وسط المدينة",
        "source": "صحيفة الاختبار",
        "url": url,
        "date": dt.date(2021, 9, 20),
    }
    assert "تضم أكثر من عشرين ألف كتاب" in post.content
    assert "جميع الحقوق محفوظة" not in post.content  # the page's footer is left behind
    article = built_articles(project)[saved.name]
    assert article["source"] == "صحيفة الاختبار" and article["url"] == url
    assert article["date"] == "2021-09-20"

    again = digest(project, url)
    assert again.exit_code == 0 and "Already there" in again.output
    assert len(list(project.articles.glob("*.md"))) == 1


def test_an_unreachable_url_is_an_error(project: Settings, web: str) -> None:
    before = files(project.articles)
    result = digest(project, web + "no-such-page.html")
    assert result.exit_code == 1
    assert "no-such-page.html: could not be downloaded" in result.output
    assert files(project.articles) == before


def test_a_non_public_address_is_refused_by_default(project: Settings, web: str) -> None:
    from generator.read import add

    add.SSRF_PROTECTION = True  # as shipped (the fixture's monkeypatch restores it)
    result = digest(project, web + "web-article.html")
    assert result.exit_code == 1 and "could not be downloaded" in result.output

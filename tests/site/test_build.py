"""A full build of the seed articles, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import Settings, build
from tests.conftest import make_project

pytestmark = pytest.mark.slow


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_seed_site_has_story_and_source_pages(seed_site: Settings) -> None:
    digest = json.loads((seed_site.out / "digest.json").read_text("utf-8"))
    stories = digest["stories"]
    assert [len(s["articles"]) for s in stories] == [4, 1]
    for story in stories:
        assert (seed_site.out / "stories" / story["id"] / "index.html").is_file()
    assert (seed_site.out / "sources" / "سيريانيوز" / "index.html").is_file()
    assert (seed_site.out / "sources" / "unknown" / "index.html").is_file()
    assert (seed_site.out / "keywords" / "index.html").is_file()
    assert (seed_site.out / "about" / "index.html").is_file()  # the hand-written page


def test_digest_json_documents_each_article(seed_site: Settings) -> None:
    digest = json.loads((seed_site.out / "digest.json").read_text("utf-8"))
    moscow = digest["stories"][0]
    assert moscow["dates"] == ["2021-09-14"] and moscow["source_count"] == 4
    sources = {a["source"] for a in moscow["articles"]}
    assert sources == {"الإيطالية نيوز", "سيريانيوز", None}
    texts = {
        a["path"]: (seed_site.articles / a["path"]).read_text("utf-8") for a in moscow["articles"]
    }
    for article in moscow["articles"]:
        assert len(article["key_sentences"]) == 3
        assert all(s in texts[article["path"]] for s in article["key_sentences"])
    labels = [k["label"] for s in digest["stories"] for k in s["keywords"]]
    assert "بوتين" in labels


def test_two_builds_give_byte_identical_pages(tmp_path: Path, seed_site: Settings) -> None:
    again = make_project(tmp_path, articles=seed_site.articles)
    build(again)
    assert tree(again.site_src) == tree(seed_site.site_src)
    assert (again.out / "digest.json").read_bytes() == (seed_site.out / "digest.json").read_bytes()
    # the search index too: the same pieces under the same names (content hashes)
    assert tree(again.out / "pagefind") == tree(seed_site.out / "pagefind")


def test_rebuild_leaves_unchanged_pages_and_hand_written_files_alone(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    mine = settings.site_src / "notes.md"
    mine.write_text("# ملاحظاتي\n", encoding="utf-8")
    _, first = build(settings, mkdocs=False)
    _, second = build(settings, mkdocs=False)
    assert first.written > 0 and second.written == 0 and second.unchanged == first.written
    assert mine.read_text("utf-8") == "# ملاحظاتي\n"


def build_args(settings: Settings) -> list[str]:
    """`digest build` with every folder of the throwaway project given."""
    return [
        "build",
        "--articles",
        str(settings.articles),
        "--site-src",
        str(settings.site_src),
        "--out",
        str(settings.out),
        "--config",
        str(settings.config),
    ]


def test_cli_build_and_errors(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    runner = CliRunner()
    args = build_args(settings)
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Built 2 stories from 5 articles" in result.output

    missing = runner.invoke(main, [*args[:1], "--articles", str(tmp_path / "nope"), *args[3:]])
    assert missing.exit_code == 1
    assert missing.output.startswith("Error: ") and "nope" in missing.output
    assert "Traceback" not in missing.output


def test_strict_fails_after_reporting_every_problem(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    (settings.articles / "empty.txt").write_text("", encoding="utf-8")
    (settings.articles / "bad.md").write_text("---\ntitle: [x\n---\nنص.\n", encoding="utf-8")
    args = build_args(settings)
    lenient = CliRunner().invoke(main, args)
    assert lenient.exit_code == 0
    assert "empty.txt: has no text" in lenient.output and "bad.md: front matter" in lenient.output
    strict = CliRunner().invoke(main, [*args, "--strict"])
    assert strict.exit_code == 1
    assert "empty.txt" in strict.output and "bad.md" in strict.output and "Error: " in strict.output


def test_broken_link_fails_and_keeps_the_previous_site(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    build(settings)
    before = tree(settings.out)
    (settings.site_src / "about.md").write_text("[مكسور](nowhere.md)\n", encoding="utf-8")
    result = CliRunner().invoke(main, build_args(settings))
    assert result.exit_code == 1 and "nowhere.md" in result.output
    assert tree(settings.out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "serve"):
        assert command in result.output

"""The article cache and the parallel article stage: faster, never different."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from generator.pipeline import Settings, build, generate, read_articles
from generator.runtime import parallel
from generator.runtime.cache import DATABASE, Cache, article_key, decode, encode, memo_key
from generator.runtime.stages import Runtime
from tests.conftest import SEEDS, make_project


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def pages_of(settings: Settings) -> tuple[dict[str, str], str]:
    digest = generate(settings)
    return {p.path: p.content for p in digest.pages}, digest.json


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    return make_project(tmp_path)


@pytest.fixture
def uncached(project: Settings) -> tuple[dict[str, str], str]:
    """The seed pages and digest.json made without any cache."""
    return pages_of(replace(project, cache=False))


def _corrupt_one(db: Path, table: str = "entries") -> None:
    with sqlite3.connect(db) as conn:
        (key,) = conn.execute(f"SELECT key FROM {table} ORDER BY key LIMIT 1").fetchone()
        conn.execute(f"UPDATE {table} SET value = ? WHERE key = ?", (b"\x80\x05garbage", key))


def test_no_cache_writes_no_cache_folder(project: Settings, uncached) -> None:
    assert not project.cache_dir.exists()
    assert uncached[0]  # pages were made


def test_cold_warm_and_damaged_cache_give_the_uncached_pages(project: Settings, uncached) -> None:
    cold = generate(project)
    assert cold.reused == 0
    assert ({p.path: p.content for p in cold.pages}, cold.json) == uncached
    assert (project.cache_dir / DATABASE).is_file()

    warm = generate(project)
    assert warm.reused == len(list(SEEDS.glob("*.txt")))
    assert ({p.path: p.content for p in warm.pages}, warm.json) == uncached

    _corrupt_one(project.cache_dir / DATABASE)
    _corrupt_one(project.cache_dir / DATABASE, "memo")
    damaged = generate(project)
    assert damaged.reused == warm.reused - 1  # the damaged entry was recomputed…
    assert ({p.path: p.content for p in damaged.pages}, damaged.json) == uncached
    assert generate(project).reused == warm.reused  # …and written again


def test_a_cache_that_is_not_a_database_is_set_aside(project: Settings, uncached) -> None:
    project.cache_dir.mkdir()
    (project.cache_dir / DATABASE).write_bytes(b"this is not SQLite" * 100)
    assert pages_of(project) == uncached
    assert (project.cache_dir / (DATABASE + ".damaged")).is_file()
    assert generate(project).reused > 0


def test_built_site_is_byte_identical_with_a_warm_cache(tmp_path: Path) -> None:
    (tmp_path / "cold").mkdir()
    (tmp_path / "plain").mkdir()
    cold = make_project(tmp_path / "cold")
    plain = make_project(tmp_path / "plain", articles=cold.articles)
    build(replace(plain, cache=False))
    build(cold)
    digest, report = build(cold)  # warm: every article from the cache
    assert digest.reused == 5 and report.written == 0
    assert tree(cold.out) == tree(plain.out)
    assert tree(cold.site_src) == tree(plain.site_src)


def test_only_the_changed_article_is_processed_again(project: Settings, uncached) -> None:
    generate(project)
    changed = project.articles / "004_5a9b523a64b9ad08.txt"  # the Damascus meeting
    text = changed.read_text("utf-8")
    changed.write_text(text.replace("دمشق", "حلب", 1), "utf-8")
    digest = generate(project)
    assert digest.reused == 4
    assert digest.json != uncached[1] and "حلب" in digest.json
    changed.write_text(text, "utf-8")
    again = generate(project)
    assert again.reused == 4 and again.json == uncached[1]


def test_a_new_article_is_the_only_one_processed(project: Settings) -> None:
    generate(project)
    source = sorted(project.articles.glob("*.txt"))[0]
    (project.articles / "new.md").write_text(
        "---\ntitle: خبر جديد\nsource: مصدر\ndate: 2021-09-15\n---\n"
        + source.read_text("utf-8"),
        "utf-8",
    )
    digest = generate(project)
    assert digest.reused == 5
    assert any(a.article.path == "new.md" for s in digest.stories for a in s.articles)


def test_keys_depend_on_path_and_bytes() -> None:
    key = article_key("a.md", b"text")
    assert key == article_key("a.md", b"text")
    assert len({key, article_key("b.md", b"text"), article_key("a.md", b"text!")}) == 3
    assert memo_key("keywords", [key]) != memo_key("keywords", [key, key])
    assert memo_key("keywords", [key]) != memo_key("other", [key])


def test_encoding_round_trips_ranked_articles(project: Settings) -> None:
    stage = read_articles(project.articles)
    assert stage.articles and decode(encode(stage.articles)) == stage.articles
    with pytest.raises(ValueError, match="damaged"):
        decode(encode(stage.articles)[:-10])


def test_unused_entries_are_pruned(project: Settings) -> None:
    generate(project)
    sorted(project.articles.glob("*.txt"))[0].unlink()
    generate(project)
    with sqlite3.connect(project.cache_dir / DATABASE) as conn:
        (count,) = conn.execute("SELECT count(*) FROM entries").fetchone()
    assert count == 4
    size = (project.cache_dir / DATABASE).stat().st_size
    for path in sorted(project.articles.glob("*.txt"))[:3]:
        path.unlink()
    generate(project)
    assert (project.cache_dir / DATABASE).stat().st_size < size  # freed space given back


def test_parallel_stage_equals_serial(tmp_path: Path) -> None:
    """Enough files for the process pool: same results, in the same order."""
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    count = parallel.SERIAL_BELOW + parallel.CHUNK
    for i in range(count):
        seed = seeds[i % len(seeds)]
        (folder / f"{i:03d}-{seed.name}").write_bytes(seed.read_bytes())
    serial = read_articles(folder, Runtime(None, jobs=1))
    forked = read_articles(folder, Runtime(None, jobs=2))
    assert len(serial.articles) == count
    assert forked == serial
    with Cache(tmp_path / "cache") as cache:
        cached = read_articles(folder, Runtime(cache, jobs=2))
        cache.commit()
    assert cached.articles == serial.articles and cached.processed == count
    with Cache(tmp_path / "cache") as cache:
        warm = read_articles(folder, Runtime(cache, jobs=2))
    assert warm.articles == serial.articles and warm.reused == count and warm.processed == 0


def test_paths_are_relative_to_the_folder_however_it_is_given(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    absolute = read_articles(project.articles.resolve())
    monkeypatch.chdir(project.articles)
    here = read_articles(Path("."))
    monkeypatch.chdir(project.articles.parent)
    relative = read_articles(Path("articles"))
    paths = [a.article.path for a in absolute.articles]
    assert paths == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [a.article.path for a in here.articles] == paths
    assert [a.article.path for a in relative.articles] == paths


def test_progress_bars_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from generator.runtime.progress import bar

    with bar(3, "articles", "article") as progress:  # captured output: not a terminal
        assert progress.disable
        progress.update(3)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    with bar(3, "articles", "article") as progress:
        assert not progress.disable


def test_a_rebuild_of_the_same_articles_reuses_the_grouping(
    project: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies, titles and ids come back from the cache as grouping made them."""
    seed = sorted(project.articles.glob("*.txt"))[0]
    (project.articles / "copy-of-first.txt").write_bytes(seed.read_bytes())
    cold = generate(project)
    assert any(s.duplicates for s in cold.stories)
    import generator.pipeline

    def no_grouping(*args, **kwargs):
        raise AssertionError("grouped again although no article changed")

    monkeypatch.setattr(generator.pipeline, "group", no_grouping)
    warm = generate(project)
    assert warm.stories == cold.stories and warm.pages == cold.pages
    monkeypatch.undo()
    (project.articles / "copy-of-first.txt").unlink()
    assert not any(s.duplicates for s in generate(project).stories)  # a change groups again

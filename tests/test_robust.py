"""Bad input never breaks the site, never loses an article, never runs a script.

The nasty folder (tests/nasty.py) is built once, as a user runs it, and every promise of
the README's "Bad input" section is checked on the result.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import pipeline
from generator.cli import main
from generator.models import Article, CleanArticle
from generator.pipeline import Settings
from generator.read.ingest import read_folder
from generator.runtime.cache import FOLDER as CACHE_FOLDER
from generator.runtime.lock import LOCK_NAME, build_lock
from tests.conftest import ROOT, make_project, serve
from tests.nasty import (
    FAILING,
    HOSTILE_SOURCE,
    HOSTILE_TITLE,
    PAYLOADS,
    SAFE_URL,
    encoded_texts,
    write_nasty,
)

pytestmark = pytest.mark.slow

# Exact duplicates: shown once, the copy warned about (by the stories stage).
DUPLICATES = {"duplicate-a.txt", "duplicate-b.txt"}
GENERATED = ("index.md", "stories", "sources", "keywords")


def snapshot(folder: Path) -> dict[str, str]:
    """{path: sha256 (or 'dir'/'link')} of everything under `folder`, links not followed."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + str(path.readlink())
        elif path.name == LOCK_NAME:
            out[rel] = "lock"  # its content says who holds it, and when
        elif rel.startswith(CACHE_FOLDER + "/"):
            out[rel] = "cache"  # results keyed by the articles' bytes: a failed build may add
        elif path.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def cli(settings: Settings, *extra: str) -> tuple[int, str]:
    args = [
        "--articles", str(settings.articles),
        "--site-src", str(settings.site_src),
        "--out", str(settings.out),
        "--config", str(settings.config),
    ]  # fmt: skip
    result = CliRunner().invoke(main, ["build", *args, *extra])
    return result.exit_code, result.output


@dataclass(frozen=True)
class Nasty:
    settings: Settings
    root: Path
    expected: dict[str, str | None]
    exit_code: int
    output: str
    before: dict[str, str]
    after: dict[str, str]

    def warnings(self, name: str) -> list[str]:
        prefix = f"Warning: {name}: "
        return [line for line in self.output.splitlines() if line.startswith(prefix)]

    def digest(self) -> dict:
        return json.loads((self.settings.out / "digest.json").read_text("utf-8"))

    def articles(self) -> dict[str, dict]:
        """The articles shown on the site, by path."""
        return {a["path"]: a for s in self.digest()["stories"] for a in s["articles"]}

    def copies(self) -> dict[str, str]:
        """{path of a copy: path of the article shown for it} (copies are shown once)."""
        return {
            c["path"]: a["path"]
            for s in self.digest()["stories"]
            for a in s["articles"]
            for c in a["copies"]
        }

    def read(self) -> dict[str, Article]:
        """Every article as ingest read it, by path (copies included)."""
        return {a.path: a for a in read_folder(self.settings.articles).articles}

    def html_files(self) -> list[Path]:
        return sorted(self.settings.out.rglob("*.html"))


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> Nasty:
    root = tmp_path_factory.mktemp("nasty")
    project = root / "a" / "b" / "project"  # `../..` escapes would land inside root
    project.mkdir(parents=True)
    expected = write_nasty(project / "articles")
    settings = make_project(project, articles=project / "articles")
    before = snapshot(root)
    exit_code, output = build_nasty(settings)
    return Nasty(settings, root, expected, exit_code, output, before, snapshot(root))


def build_nasty(settings: Settings) -> tuple[int, str]:
    """`digest build` of the nasty folder, its stage failing on FAILING."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "clean", _failing_on(FAILING, pipeline.clean))
        return cli(settings)


def _failing_on(name: str, clean: Callable[[Article], CleanArticle]):
    """`clean`, except that it raises for the article at `name` (a stage's unforeseen error)."""

    def failing(article: Article) -> CleanArticle:
        if article.path == name:
            raise RuntimeError("a failure no warning foresees")
        return clean(article)

    return failing


def test_build_succeeds_and_names_every_bad_file_with_its_reason(nasty: Nasty) -> None:
    assert nasty.exit_code == 0, nasty.output
    assert "Traceback" not in nasty.output
    for name, reason in nasty.expected.items():
        found = nasty.warnings(name)
        if reason is None:
            if name in DUPLICATES:
                found = [w for w in found if "is an exact duplicate of" not in w]
            assert found == [], f"{name} should build without a warning: {found}"
        else:
            assert any(reason in line for line in found), f"{name}: no '{reason}' in {found}"


def readme_rows() -> list[tuple[list[str], str]]:
    """README's bad-input table: (the warnings of a row, as patterns; what happens)."""
    section = (ROOT / "README.md").read_text("utf-8").split("## Bad input", 1)[1]
    table = section.split("\n\n| the file |", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    rows = []
    for line in table:
        _, warnings, happens = (cell.strip() for cell in line.strip("|").split(" | "))
        quoted = [a or b for a, b in re.findall(r"``(.+?)``|`([^`]+)`", warnings)]
        rows.append(([_pattern(w) for w in quoted], happens))
    return rows


def _pattern(warning: str) -> str:
    """A README warning as a regex: `…` is any text, a lone N or M any number."""
    parts = re.split(r"(…|\bN\b|\bM\b)", warning)
    return "".join(
        ".*" if p == "…" else r"[\d,.]+" if p in ("N", "M") else re.escape(p) for p in parts
    )


def test_every_row_of_the_readme_table_holds_in_one_build(nasty: Nasty) -> None:
    """Each row's warning is given for a file of the nasty folder, that file is skipped or
    built as the row says, and (test_no_article_is_lost) every other file is published."""
    rows = readme_rows()
    assert len(rows) >= 20
    built = set(nasty.articles()) | set(nasty.copies())
    for patterns, happens in rows:
        files = {
            name
            for name in nasty.expected
            if any(re.search(p, w) for p in patterns for w in nasty.warnings(name))
        }
        assert files, f"no file in the nasty build gives {patterns}"
        skipped = happens.startswith(("skipped", "not read", "never read"))
        for name in files:
            assert (name not in built) if skipped else (name in built), (name, happens)


def test_no_article_is_lost(nasty: Nasty) -> None:
    built, copies = nasty.articles(), nasty.copies()
    # every good file is on the site: shown, or credited as a copy of the article shown
    # (the nasty folder repeats the seeds, so many files are near-exact copies)
    good = {name for name, reason in nasty.expected.items() if reason is None}
    assert good <= set(built) | set(copies), sorted(good - set(built) - set(copies))
    assert all(shown in built for shown in copies.values())
    # a bad file that still has text is built too, its problem reported
    for name in (
        "bad-yaml.md", "yaml-list.md", "title-list.md", "huge.txt", "english.txt",
        "impossible-date.md", "impossible-timestamp.md", "yaml-tag.md", "yaml-huge-number.md",
        "yaml-deep.md", "yaml-aliases.md",
    ):  # fmt: skip
        assert name in built or name in copies
    assert ".hidden.txt" not in built and ".hidden.txt" not in copies
    ids = [a.id for a in nasty.read().values()]
    assert len(ids) == len(set(ids))  # a.txt/a.md, `a b`/`a-b`: distinct ids
    # exact duplicates: one is shown, the other credited as its copy and warned about
    a, b = sorted(DUPLICATES)
    assert a in built and copies.get(b) == a
    assert any("is an exact duplicate of duplicate-a.txt" in w for w in nasty.warnings(b))


def test_encodings_are_read_into_the_same_text(nasty: Nasty) -> None:
    read = nasty.read()
    for name, (text, codec) in encoded_texts().items():
        body = read[name].body
        assert " ".join(body.split()) == " ".join(text.split()), f"{name} ({codec}) was misread"


def test_saved_web_pages_give_main_text_and_metadata(nasty: Nasty) -> None:
    read, built = nasty.read(), nasty.articles()
    for name in ("page.html", "page-1256.htm"):
        page = read[name]
        assert page.title == "لقاء الأسد ووزير الدفاع الروسي في دمشق"
        assert page.source == "موقع الأخبار"
        assert page.date is not None and page.date.isoformat() == "2021-09-15"
        assert page.url == "https://news.example.com/2021/09/15/meeting"
        for chrome in ("رياضة", "الأكثر قراءة", "جميع الحقوق", "alert"):
            assert chrome not in page.body
    # on the site: shown, or credited as a copy of an article that is shown
    copies = nasty.copies()
    for name in ("page.html", "page-1256.htm"):
        shown = built.get(name) or built[copies[name]]
        assert shown["key_sentences"], name


def test_strict_reports_every_problem_then_fails_without_writing(nasty: Nasty) -> None:
    before = snapshot(nasty.root)
    exit_code, output = cli(nasty.settings, "--strict")
    assert exit_code == 1
    assert output.count("Warning: ") == nasty.output.count("Warning: ")
    assert "Error: " in output and "strict" in output
    after = snapshot(nasty.root)
    assert {k: v for k, v in after.items() if not k.endswith(LOCK_NAME)} == {
        k: v for k, v in before.items() if not k.endswith(LOCK_NAME)
    }


def test_check_reports_every_problem_and_writes_nothing(nasty: Nasty) -> None:
    before = snapshot(nasty.root)
    result = CliRunner().invoke(main, ["check", "--articles", str(nasty.settings.articles)])
    assert result.exit_code == 1
    for name, reason in nasty.expected.items():
        if reason is not None and name != FAILING:  # its stage fails only in the nasty build
            assert f"Warning: {name}: " in result.output, name
    assert result.output.count("Warning: ") == nasty.output.count("Warning: ") - 1
    assert snapshot(nasty.root) == before


def test_check_passes_on_the_seed_articles() -> None:
    from tests.conftest import SEEDS

    result = CliRunner().invoke(main, ["check", "--articles", str(SEEDS)])
    assert result.exit_code == 0
    assert result.output == "Checked " + str(SEEDS) + "/: 5 articles in 2 stories would be built; no problems.\n"


def test_inputs_are_never_modified(nasty: Nasty) -> None:
    def inputs(snap: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in snap.items() if "/project/articles/" in f"/{k}"}

    assert inputs(nasty.after) == inputs(nasty.before)
    assert len(inputs(nasty.before)) > 50


def test_nothing_is_written_outside_the_output_folders(nasty: Nasty) -> None:
    allowed = (
        *(f"a/b/project/site_src/{g}" for g in GENERATED),
        "a/b/project/site/",
        "a/b/project/site_src/" + LOCK_NAME,
        f"a/b/project/{CACHE_FOLDER}",  # the article cache, beside mkdocs.yml
    )
    changed = [
        path
        for path in sorted(set(nasty.before) | set(nasty.after))
        if nasty.before.get(path) != nasty.after.get(path)
    ]
    assert changed, "the build wrote nothing"
    outside = [p for p in changed if not p.startswith(allowed) and p != "a/b/project/site"]
    assert outside == []
    leftovers = [p for p in nasty.after if "staging" in p or "-building-" in p or "-old-" in p]
    assert leftovers == []


def test_slugs_are_safe_stable_and_distinct(nasty: Nasty) -> None:
    sources = nasty.settings.site_src / "sources"
    names = sorted(p.name for p in sources.iterdir())
    assert "etc.md" in names  # `../../etc` as a source
    assert not any(n.lower() in ("con.md", "..md", ".md") for n in names)
    assert any(n.startswith("وكالة-") and len(n) < 80 for n in names)  # long name, hashed
    for path in nasty.settings.out.rglob("*"):
        assert path.resolve().is_relative_to(nasty.settings.out.resolve())
        assert len(path.name.encode("utf-8")) < 200
    (nasty.root / "again").mkdir()
    again = make_project(nasty.root / "again", articles=nasty.settings.articles)
    assert build_nasty(again)[0] == 0
    assert snapshot(again.site_src / "sources") == snapshot(sources)


# --- injection -------------------------------------------------------------------------


class _Markup(HTMLParser):
    """Collects what could run or link: scripts, event handlers, link targets; and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.targets: list[str] = []
        self.article_targets: list[str] = []  # in the page's content, not the theme
        self._article = 0
        self.tags: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"
        self._article += tag == "article"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action", "formaction", "data", "xlink:href"):
                self.targets.append(value or "")
                if self._article:
                    self.article_targets.append(value or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False
        self._article -= tag == "article"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)


def parse(path: Path) -> _Markup:
    parser = _Markup()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_no_script_or_javascript_link_from_content_in_any_page(nasty: Nasty) -> None:
    assert nasty.html_files()
    for path in nasty.html_files():
        markup = parse(path)
        assert markup.handlers == [], path
        assert not [t for t in markup.targets if re.match(r"\s*(javascript|data|vbscript):", t, re.I)]
        assert not [s for s in markup.scripts if "xss" in s or "alert(" in s], path
        assert not {"iframe", "img", "table", "object", "embed"} & set(markup.tags), path


def test_hostile_text_is_shown_literally(nasty: Nasty) -> None:
    texts = []
    for path in sorted((nasty.settings.out / "stories").rglob("index.html")):
        texts.append(" ".join("".join(parse(path).text).split()))
    shown = "\n".join(texts)
    for payload in (*PAYLOADS, HOSTILE_TITLE, HOSTILE_SOURCE):
        assert " ".join(payload.split()) in shown, payload
    for path in nasty.html_files():
        page = path.read_text("utf-8")
        assert not re.search(r"<h[1-6][^>]*>[^<]*عنوان مزيف", page)  # `#` is not a heading


def test_links_come_only_from_http_front_matter_urls(nasty: Nasty) -> None:
    external = set()
    for path in (nasty.settings.out / "stories").rglob("index.html"):
        external |= {t for t in parse(path).article_targets if re.match(r"[a-z]+:", t)}
    assert {html.unescape(t) for t in external} == {
        SAFE_URL.replace("(", "%28").replace(")", "%29"),
        "https://news.example.com/2021/09/15/meeting",
    }


# --- atomic output and the lock --------------------------------------------------------


def test_a_failed_build_leaves_site_src_and_site_as_they_were(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    assert cli(settings)[0] == 0
    before = snapshot(tmp_path)
    (settings.articles / "new.txt").write_text(
        "خبر جديد عن الاقتصاد\n\nارتفعت أسعار القمح في الأسواق المحلية هذا الأسبوع بشكل كبير.\n",
        encoding="utf-8",
    )
    about = settings.site_src / "about.md"
    good_about = about.read_text("utf-8")
    about.write_text(good_about + "\n[مكسور](nowhere.md)\n", encoding="utf-8")
    exit_code, output = cli(settings)
    assert exit_code == 1 and "nowhere.md" in output
    about.write_text(good_about, encoding="utf-8")
    after = snapshot(tmp_path)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert changed == ["articles/new.txt"]  # no story page of the new article, no new site


def test_an_error_while_writing_leaves_everything_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_project(tmp_path)
    assert cli(settings)[0] == 0
    before = snapshot(tmp_path)
    (settings.articles / "004_5a9b523a64b9ad08.txt").unlink()

    def broken_feed(*args: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("generator.pipeline.atom_feed", broken_feed)
    with pytest.raises(OSError):
        CliRunner().invoke(main, ["build", "--articles", str(settings.articles),
                                  "--site-src", str(settings.site_src), "--out",
                                  str(settings.out), "--config", str(settings.config)],
                           catch_exceptions=False)  # fmt: skip
    after = snapshot(tmp_path)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert changed == ["articles/004_5a9b523a64b9ad08.txt"]


def test_a_second_build_meanwhile_stops_with_a_clear_message(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from generator.runtime.lock import build_lock\n"
         "with build_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(60)",
         str(settings.site_src)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        exit_code, output = cli(settings)
        assert exit_code == 1
        assert f"Error: another digest command is writing {settings.site_src}/" in output
        assert f"pid {holder.pid}" in output and "Hint: wait until it has finished" in output
        assert not (settings.out).exists()
    finally:
        holder.kill()
        holder.wait()
    assert cli(settings)[0] == 0  # the lock died with its process


def test_staging_left_by_a_killed_build_is_cleared_by_the_next(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    stale = tmp_path / ".site_src-staging-killed" / "docs" / "stories"
    half_site = tmp_path / ".site-building-killed" / "stories"
    old_site = tmp_path / ".site-old-4242"
    for folder in (stale, half_site, old_site):
        folder.mkdir(parents=True)
    (stale / "half.md").write_text("# نصف صفحة\n", encoding="utf-8")
    (half_site / "index.html").write_text("<p>نصف</p>", encoding="utf-8")
    assert cli(settings)[0] == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == [".digest-cache"]  # the article cache stays; no staging, no half site


def test_the_lock_is_released_after_each_build(tmp_path: Path) -> None:
    settings = make_project(tmp_path)
    with build_lock(settings.site_src):
        pass
    with build_lock(settings.site_src):
        exit_code, output = cli(settings)
    assert exit_code == 1 and "another digest command" in output
    assert cli(settings)[0] == 0


# --- what a reader's browser does ------------------------------------------------------


@pytest.fixture(scope="module")
def nasty_server(nasty: Nasty) -> Iterator[str]:
    with serve(nasty.settings.out) as url:
        yield url


@pytest.mark.browser
def test_no_dialog_opens_on_any_page_in_chromium(nasty: Nasty, nasty_server: str) -> None:
    from tests.browser import browser_page, search

    pages = [p.relative_to(nasty.settings.out).as_posix() for p in nasty.html_files()]
    stories = [p for p in pages if p.startswith("stories/") and p != "stories/index.html"]
    dialogs: list[str] = []
    shown = ""
    with browser_page() as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.set_content("<script>alert('control')</script>")  # the listener does see one
        assert dialogs == ["control"]
        dialogs.clear()
        for rel in pages:
            page.goto(nasty_server + rel.removesuffix("index.html"))
            page.wait_for_load_state("load")
            if rel in stories:
                shown += page.inner_text("article")
        page.goto(nasty_server)
        assert search(page, "xss")  # results show the hostile text too
        page.wait_for_timeout(500)
    assert dialogs == []
    assert len(pages) > 20 and stories
    for payload in ("<script>alert('xss-body')</script>", "<img src=x onerror=alert('xss-img')>"):
        assert payload in shown

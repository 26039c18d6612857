"""Slugs and ids: safe as file names and URLs on every system, stable, never colliding."""

from __future__ import annotations

import pytest

from generator.slugs import article_id, slugify

NAMES = [
    "../../etc", "..", ".", "", "   ", "CON", "con", "Nul", "COM1", "lpt9", "index", "unknown",
    "a/b", "a\\b", "C:\\Windows", "<script>alert(1)</script>", "ط" * 200, "x" * 61,
    "وكالة الأنباء", "وكالة  الأنباء", "\u202eevil", "الإيطالية نيوز", "a:b", "?*|\"<>",
]  # fmt: skip
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}


@pytest.mark.parametrize("name", NAMES)
def test_every_slug_is_a_safe_file_name(name: str) -> None:
    slug = slugify(name)
    assert slug == slugify(name)  # stable
    assert slug and slug not in (".", "..") and not slug.startswith(("-", "."))
    assert not set(slug) & set("/\\:*?\"<>|\u202e") and slug == slug.strip()
    assert slug.split(".")[0].lower() not in _WINDOWS_RESERVED
    assert len(slug.encode("utf-8")) <= 160  # far below the 255-byte name limit
    assert slug not in ("index", "unknown")  # the index pages, the unknown-source page


def test_different_names_get_different_slugs_unless_they_only_differ_in_case_or_spacing() -> None:
    assert slugify("وكالة الأنباء") == slugify("وكالة  الأنباء") == "وكالة-الأنباء"
    assert slugify("BBC") == slugify("bbc")
    long_a, long_b = "ط" * 100 + "أ", "ط" * 100 + "ب"
    assert slugify(long_a) != slugify(long_b)
    assert slugify("CON") != slugify("con") != "con"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("000_f36f79693c7c2b1c.txt", "000-f36f79693c7c2b1c"),
        ("a/c.md", "a--c"),
        ("مقال عربي.txt", "مقال-عربي"),
    ],
)
def test_article_ids_read_like_their_paths(path: str, expected: str) -> None:
    assert article_id(path) == expected


@pytest.mark.parametrize("path", ["CON.txt", "---.txt", "../x.txt", ".txt", "ط" * 120 + ".txt"])
def test_odd_article_paths_give_safe_ids(path: str) -> None:
    article = article_id(path)
    assert article and ".." not in article and "/" not in article
    assert len(article) <= 80

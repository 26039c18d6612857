"""Stages under the runtime: the one place that says how a stage's result is keyed, reused
from the cache (`cache.py`) and spread over the cores (`parallel.py`).

The stages are pure functions that never see the cache or the workers; `pipeline.py` hands
each to one of the wrappers here:

- `each_file`: read → clean → rank of one article file, keyed by the fingerprint and the
  file's path and bytes (`cache.article_key`): reused while that file is unchanged;
- `grouped`: the grouping of all articles into stories, keyed by every article's id and file
  key, in order: reused when no article changed and none was added or removed;
- `each_story`: one story's keywords and comparison, keyed by its articles' ids and file
  keys: reused while none of its articles changed.

The fingerprint (`cache.fingerprint`) covers Digest's code and data files and the versions of
Python and of the libraries, so nothing stale is ever served. Whatever comes from the cache or
from a worker comes back in the items' order, decoded the same way as a hit, so the output
never depends on the cache, the number of cores or the order work finished in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from ..models import Duplicate, RankedArticle, Story
from .cache import Cache, article_key, decode, encode, memo_key
from .parallel import cores, fork_map

T = TypeVar("T")
R = TypeVar("R")


class Runtime:
    """The cache (or none) and the number of processes of one build, around its stages."""

    def __init__(self, cache: Cache | None, jobs: int | None) -> None:
        self.cache = cache
        self.jobs = jobs
        self._by_path: dict[str, str] = {}  # article file → its key (set by `each_file`)
        self.file_keys: dict[str, str] = {}  # article id → its file's key (set by `articles`)

    @classmethod
    @contextmanager
    def open(cls, cache_dir: Path | None, jobs: int | None = None) -> Iterator[Runtime]:
        """A runtime whose cache (in `cache_dir`; None: no cache) is written only if the
        stages all succeed: a failed build leaves the cache as it was."""
        cache = Cache(cache_dir) if cache_dir is not None else None
        try:
            yield cls(cache, jobs)
            if cache is not None:
                cache.commit()
        finally:
            if cache is not None:
                cache.close()

    def each(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        keys: Sequence[str] | None,
        *,
        table: str,
        label: str,
        unit: str,
    ) -> tuple[list[R], int]:
        """`[fn(x) for x in items]` and how many came from the cache: the items whose key
        is found are taken from it, the others computed across the cores and stored."""
        if self.cache is None or keys is None:
            return fork_map(fn, items, jobs=self.jobs, label=label, unit=unit), 0
        found = self.cache.get_many(list(keys), table)
        misses = [i for i, key in enumerate(keys) if key not in found]
        encoded = fork_map(
            partial(_encoded, fn), [items[i] for i in misses], jobs=self.jobs, label=label,
            unit=unit,
        )  # fmt: skip
        for i, blob in zip(misses, encoded, strict=True):
            self.cache.put(keys[i], blob, table)
            found[keys[i]] = decode(blob)  # the same path as a hit: equal by design
        return [found[key] for key in keys], len(keys) - len(misses)

    def each_file(
        self, fn: Callable[[str, bytes], R], files: Sequence[tuple[str, bytes]]
    ) -> tuple[list[R], int]:
        """`fn(path, bytes)` of every article file, reused while the file is unchanged."""
        keys = [article_key(rel, raw) for rel, raw in files] if self.cache else None
        self._by_path = dict(zip((rel for rel, _ in files), keys or (), strict=False))
        return self.each(
            _star(fn), files, keys, table="entries", label="articles", unit="article"
        )

    def articles(self, articles: Sequence[RankedArticle]) -> None:
        """Tell the runtime which file each article came from (its id may have changed to
        stay distinct): what later results are keyed by."""
        if self.cache is not None:
            self.file_keys = {a.id: self._by_path[a.article.path] for a in articles}

    def learned(
        self,
        fn: Callable[[tuple[RankedArticle, tuple[str, ...]]], RankedArticle],
        articles: Sequence[RankedArticle],
        held: Sequence[tuple[str, ...]],
    ) -> list[RankedArticle]:
        """`fn((article, keys))` of every article that holds learned boilerplate keys
        (`text/outlet_boilerplate.py`; the others as they are), keyed by its file's key and
        those keys: the result is a function of exactly these, so a build that learned the
        same keys for the article reuses it and one that learned others does not. Later
        stages' keys for the article then include its keys too (`file_keys`)."""
        out = list(articles)
        todo = [i for i, keys in enumerate(held) if keys]
        keys = None
        if self.cache is not None:
            keys = [memo_key("learned", [self.file_keys[articles[i].id], *held[i]]) for i in todo]
            for i, key in zip(todo, keys, strict=True):
                self.file_keys[articles[i].id] = key
        done, _ = self.each(
            fn, [(articles[i], held[i]) for i in todo], keys, table="memo", label="outlets",
            unit="article",
        )  # fmt: skip
        for i, article in zip(todo, done, strict=True):
            out[i] = article
        return out

    def each_story(
        self, fn: Callable[[Story], R], stories: Sequence[Story]
    ) -> list[R]:
        """`fn(story)` of every story, reused while none of its articles changed."""
        keys = None
        if self.cache is not None:
            keys = [memo_key("story", self._keys(s.published)) for s in stories]
        return self.each(fn, stories, keys, table="memo", label="stories", unit="story")[0]

    def grouped(
        self,
        group: Callable[[Sequence[RankedArticle]], list[Story]],
        articles: Sequence[RankedArticle],
    ) -> list[Story]:
        """`group(articles)`, or, when exactly these articles were grouped before, its result
        again (a rebuild with no article changed, after a template or page changed), stored
        as a plan of ids, not of whole articles."""
        if self.cache is None:
            return group(articles)
        key = memo_key("groups", self._keys(articles))
        plan = self.cache.get(key, "memo")
        if plan is not None:
            return _stories_of(plan, articles)
        stories = group(articles)
        self.cache.put(key, encode(_plan_of(stories)), "memo")
        return stories

    @contextmanager
    def thread_map(self) -> Iterator[Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]]:
        """An ordered `map` over threads, one per core unless `jobs` says otherwise (for a
        stage's work that releases the GIL, such as scipy's sparse products)."""
        with ThreadPoolExecutor(max_workers=self.jobs or cores()) as pool:
            yield pool.map

    def _keys(self, articles: Sequence[RankedArticle]) -> list[str]:
        """What identifies these articles' results: each one's id and its file's key."""
        return [f"{a.id} {self.file_keys[a.id]}" for a in articles]


def _star(fn: Callable[[str, bytes], R]) -> Callable[[tuple[str, bytes]], R]:
    return partial(_call_star, fn)


def _call_star(fn: Callable[..., R], item: tuple[Any, ...]) -> R:
    return fn(*item)


def _encoded(fn: Callable[[T], Any], item: T) -> bytes:
    return encode(fn(item))


_Plan = list[tuple[str, list[str], str, tuple[str, ...], list[tuple[str, str, bool]]]]


def _plan_of(stories: Sequence[Story]) -> _Plan:
    return [
        (s.id, [a.id for a in s.articles], s.title, s.aliases,
         [(d.of, d.copy.id, d.exact) for d in s.duplicates])
        for s in stories
    ]  # fmt: skip


def _stories_of(plan: _Plan, articles: Sequence[RankedArticle]) -> list[Story]:
    by_id = {a.id: a for a in articles}
    return [
        Story(
            id=story_id,
            articles=tuple(by_id[a] for a in members),
            title=title,
            aliases=aliases,
            duplicates=tuple(Duplicate(of, by_id[copy], exact) for of, copy, exact in copies),
        )
        for story_id, members, title, aliases, copies in plan
    ]

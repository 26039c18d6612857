"""Framing: the titles and descriptors each outlet attaches to the story's main actors.

The same man is «رئيس النظام، بشار الأسد» in one outlet, «الرئيس السوري بشار الأسد» in another;
a group is «ميليشيا الحوثي» in one and «جماعة الحوثي» in the next. For each name the story's
articles mention most, this module collects the title or descriptor written right before it
(or right after it, between commas, or as an epithet: «داعش الإرهابي»), counts each outlet's
uses (folded across clitics and spellings), and keeps the actors whose outlets differ.

Extractive and exact: a form is a run of words of one sentence, beginning with a word of the
title lexicon (language/data/titles-ar.txt) and completed only by the words a title is made
of (definite words, the lexicon's inner words), directly before the name or its first name;
it is shown in its outlet's most frequent spelling, verbatim from that outlet's text, with
one sentence where it is used. A head of a group (ميليشيا, جماعة, نظام, حكومة) standing right
before a name names the group or government of that name: its own actor, «… الحوثي».

Shown only where outlets differ: two outlets, each with a form, whose most used form (or
forms, when tied) the other never uses.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..language import arabic
from ..language.titles import (
    COMMA,
    NONE,
    QUOTE,
    STOP,
    Lexicon,
    Word,
    bare,
    lexicon,
    possessed,
    words,
)
from ..models import ActorFraming, FramingForm, Quote, Reporter, Story

MAX_ACTORS = 5  # actors shown per story, most mentioned first
CANDIDATES = 12  # most mentioned names looked at
MIN_MENTIONS = 3  # mentions in the story for a name to be one of its actors
MAX_FORMS = 3  # forms shown per outlet and actor
MAX_FORM_WORDS = 6  # a longer run is a sentence, not a title
# A definite word that follows another this often is an adjective (النظام السوري), not a name
ADJECTIVE_SHARE = 1 / 3
FIRST_NAME_SHARE = 0.5  # a word that precedes an actor's name this often is its first name
LINKS = frozenset({"في", "لدي"})  # join two titles into one: وزير الخارجية في حكومة النظام
# Heads that stand before common nouns as often as before names (قوات الأمن, حكومة الوفاق):
# a group of these is only named for a person's name (نظام الأسد, قوات صالح).
STATE_HEADS = frozenset({"قوات", "جيش", "نظام", "حكومه", "سلطات", "تحالف", "ايتلاف"})
PATRONYMIC = frozenset({"بن", "ابن", "بنت"})  # the name after them is a father's
GROUP = "…"  # marks a group's head in a form's key: the name follows (ميليشيا الحوثي)
PERSON = "\x00"  # around the key of a person named like a group, then his name as written


@dataclass(frozen=True)
class _Use:
    actor: str  # the actor's key
    form: str  # the form's key: its words' keys
    text: str  # as written (clitics before the first word off, where the rest is verbatim)
    verbatim: bool  # `text` is the form's text as written (not from للـ)
    reporter: str
    quote: Quote


@dataclass(frozen=True)
class _Cast:
    """The story's main actors and what is known of their names."""

    mentions: dict[str, int]  # actor key → mentions in the story
    persons: frozenset[str]  # actors written after a first name somewhere (بشار الأسد)
    first_names: frozenset[str]
    alias: dict[str, str]  # a plural written for the actor's name → the actor (الحوثيين)
    first_name: dict[str, str]  # actor → the first name written most before it
    groups: frozenset[str] = frozenset()  # actors also written as a group's name

    def actor(self, key: str) -> str | None:
        key = self.alias.get(key, key)
        return key if key in self.mentions else None


def framing(story: Story, reporters: Sequence[Reporter]) -> tuple[ActorFraming, ...]:
    """The main actors whose outlets name them differently, most mentioned first."""
    if len(reporters) < 2:
        return ()
    outlet = {a: r.key for r in reporters for a in r.article_ids}
    sentences = [
        (outlet[a.id], Quote(s.text, a.id)) for a in story.articles for s in a.sentences
    ]
    vocabulary = {w for _, q in sentences for w in arabic.fold(q.text).split()}
    parsed = [(key, q, words(q.text, vocabulary)) for key, q in sentences]
    cast = _cast(parsed, vocabulary)
    uses = [u for key, q, ws in parsed for u in _uses(key, q, ws, cast)]
    uses = _consistent(uses)
    order = {r.key: n for n, r in enumerate(reporters)}
    by_actor: dict[str, list[_Use]] = defaultdict(list)
    for u in uses:
        by_actor[u.actor].append(u)
    out = []
    for actor in sorted(by_actor, key=lambda a: (-cast.mentions.get(a, 0), a)):
        row = _row(actor, by_actor[actor], order, parsed, cast)
        if row is not None:
            out.append(row)
        if len(out) == MAX_ACTORS:
            break
    return tuple(out)


def _cast(parsed: list[tuple[str, Quote, list[Word]]], vocabulary: set[str]) -> _Cast:
    """The story's most mentioned names, and which of them are people's.

    A name: a word that is not a stop word, not a word of the title lexicon and not a
    number, mentioned at least MIN_MENTIONS times by two outlets or more; not an adjective
    (a definite word that mostly follows another: النظام السوري), and not a common noun (an
    indefinite word the story also writes with the article: منطقة / المنطقة). A word that
    stands right before one of them twice or more, at least half the times it is written
    (بشار before الأسد), is a first name; a name written after one is a person's. A name
    also written right after a group's head (ميليشيات الحوثي) is a group's."""
    lex, stop = lexicon(), arabic.stopwords()
    mentions: Counter[str] = Counter()
    outlets: dict[str, set[str]] = defaultdict(set)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)  # (word, next word) → sentences
    titled: set[tuple[str, str]] = set()  # (first name?, name) after a person's title
    adjective: Counter[str] = Counter()  # mentions right after a definite word
    grouped: set[str] = set()  # written right after a group's head: ميليشيات الحوثي
    for key, quote, ws in parsed:
        for i, w in enumerate(ws):
            if not _nameable(w, lex, stop, vocabulary):
                continue
            mentions[w.key] += 1
            outlets[w.key].add(key)
            if i > 0 and w.before == NONE and ws[i - 1].definite:
                adjective[w.key] += 1
            # ميليشيات الحوثي: a group's name; حكومة كاميرون, قوات الأسد: a leader's
            head = bare(ws[i - 1].key) if i > 0 else ""
            if w.before in (NONE, QUOTE) and lex.group(head) and head not in STATE_HEADS:
                grouped.add(w.key)
            if (
                i + 1 < len(ws)
                and ws[i + 1].before in (NONE, QUOTE)
                and not _clitic(w)
                and not _closed(quote.text[w.end : ws[i + 1].start])
            ):
                pairs[(w.key, ws[i + 1].key)].add(quote.text)
                if _after_title(ws, i):
                    titled.add((w.key, ws[i + 1].key))
    named = {
        k: n
        for k, n in mentions.items()
        if n >= MIN_MENTIONS
        and len(outlets[k]) >= 2
        and adjective[k] <= ADJECTIVE_SHARE * n
        and (k.startswith("ال") or " " in k or "ال" + k not in vocabulary)
    }
    # Evidence from distinct sentences: a sentence copied by five outlets is one.
    first_names = {
        first
        for (first, name), where in pairs.items()
        if name in named
        and len(where) >= 2
        and len(where) >= FIRST_NAME_SHARE * mentions[first]
        and not first.startswith("ال")
        and "ال" + first not in vocabulary  # رصاص الاحتلال / الرصاص: a noun, not a name
        and not lex.place(first)  # بمنطقة عسير: the word says where, it is no first name
    }
    top = sorted((k for k in named if k not in first_names), key=lambda k: (-named[k], k))
    top = top[:CANDIDATES]
    # A person: a name written after a first name that a person's title stands before
    # (الرئيس السوري بشار الأسد), or a name of several words (محمد بن سلمان).
    persons = {n for f, n in titled if f in first_names and n in top}
    persons |= {k for k in top if " " in k}
    # الحوثيين is الحوثي in the plural: one actor, under the name written most
    alias = {k: k[:-2] for k in top if k.endswith(("ين", "ون")) and k[:-2] in named}
    alias = {k: v for k, v in alias.items() if v not in alias}
    counted = Counter({k: named[k] for k in top})
    for k, v in alias.items():
        counted[v] += counted.pop(k)
    persons = {alias.get(k, k) for k in persons}
    groups = {alias.get(k, k) for k in top if k in grouped} | set(alias.values())
    # One name, one person: the first name written most before it (بشار الأسد); a title
    # before another first name is another person's (القائد العسكري عبدالخالق الحوثي).
    given: dict[str, Counter[str]] = defaultdict(Counter)
    for (first, name), where in pairs.items():
        if first in first_names and name in top:
            given[alias.get(name, name)][first] += len(where)
    dominant = {n: min(c, key=lambda f: (-c[f], f)) for n, c in given.items()}
    return _Cast(
        dict(counted),
        frozenset(persons),
        frozenset(first_names),
        alias,
        dominant,
        frozenset(groups),
    )


def _closed(between: str) -> bool:
    """A quotation closes right after the word: «نيبوشا» التدريبات is no name of two words."""
    return any(c in "»”)" for c in between) or between[:1] in ("\"", "'")


def _after_title(ws: list[Word], i: int) -> bool:
    """A person's title ends right before ws[i]: a head (not a group's) with only definite
    and inner words after it (رئيس النظام، | الرئيس السوري | نائب الرئيس)."""
    lex = lexicon()
    k = i - 1
    while k >= 0 and i - k <= MAX_FORM_WORDS and ws[k + 1].before != STOP:
        w = ws[k]
        if lex.head(w.key):
            # قائد حرس الحدود: an indefinite head right before is a construct, not a title
            return not lex.group(w.key) and (k < i - 1 or w.definite or ws[i].before != NONE)
        if not (w.definite or lex.within(w.key)) or w.key in arabic.stopwords():
            return False
        if w.before != NONE:
            return False
        k -= 1
    return False


def _nameable(w: Word, lex: Lexicon, stop: frozenset[str], vocabulary: set[str]) -> bool:
    key = w.key
    if key in stop or w.written in stop or len(key) < 3 or key.isdigit():
        return False
    if possessed(key, vocabulary):  # بلاده: a word and its possessive, not a name
        return False
    if (key[0] in "وف" and key[1:] in stop) or lex.head(key) or lex.within(key):
        return False
    if lex.kin(key):  # وابنه أحمد: not a first name, and the title before it is another's
        return False
    if lex.reference(key):  # بلاده: "his country", whoever he is, not a name
        return False
    return arabic.is_arabic(key)


def _clitic(w: Word) -> str:
    """The clitic letter written onto a word (و, ف, ب, ل, ك), or ''."""
    return w.written[0] if w.written != w.key and w.written[0] in "وفبلك" else ""


def _uses(reporter: str, quote: Quote, ws: list[Word], cast: _Cast) -> list[_Use]:
    out = []
    for i, w in enumerate(ws):
        actor = cast.actor(w.key)
        if actor is None or _clitic(w) in ("و", "ف"):
            continue  # ومنسوبي, والأسد: a second name, after the first one's title
        if i > 0 and ws[i - 1].key in PATRONYMIC and w.before == NONE:
            continue  # منصور بن متعب بن عبد العزيز، وزير الدولة: منصور's, not his grandfather's
        start = i
        while start > max(0, i - 2) and ws[start - 1].key in cast.first_names:
            if ws[start].before not in (NONE, QUOTE):
                break
            start -= 1
        if start < i and ws[i - 1].key != cast.first_name.get(actor):
            continue  # another person of the same family name
        # بالمقاومة, للنادي: the name completes what stands before it (المركز الإعلامي
        # للمقاومة), which is not its title
        if not _clitic(ws[start]):
            out += _before(reporter, quote, ws, start, i, actor, cast)
        out += _after(reporter, quote, ws, start, i, actor, cast)
    return out


def _before(
    reporter: str, quote: Quote, ws: list[Word], start: int, end: int, actor: str, cast: _Cast
) -> list[_Use]:
    """The title units right before the name ws[start..end]."""
    if start == 0 or ws[start].before == STOP:
        return []
    lex = lexicon()
    run: list[int] = []
    k = start - 1
    while k >= 0:
        w = ws[k]
        if not _part(w, cast):
            if w.key in LINKS and run and k > 0 and _part(ws[k - 1], cast):
                return []  # وزير الخارجية في حكومة النظام: whose title is it? Not said.
            break
        run.insert(0, k)
        if w.before != NONE or (_clitic(w) in ("و", "ف") and not _coordinated(ws, k, cast)):
            break  # وتنظيم داعش: a title begins with its conjunction
        k -= 1
    while run and not lex.head(ws[run[0]].key):
        run.pop(0)  # words before the title's head are not the title
    if not run:
        return []
    units = _units(ws, run)
    last = ws[units[-1][-1]]
    person = actor in cast.persons
    if not last.definite:
        # an indefinite head right before a name names its group: ميليشيا الحوثي, نظام الأسد
        if len(units[-1]) > 1 or not lex.group(last.key) or ws[start].before not in (NONE, QUOTE):
            return []  # وزارة الأسد, المتحدث باسم بوتين: the name completes another title
        if not person and bare(last.key) in STATE_HEADS:
            return []  # قوات الأمن, حكومة الوفاق: a common noun, not a group's name
        # shown with the name, as written: ميليشيات الحوثي, حكومة «الأسد»
        group = _use(reporter, quote, ws, units[-1], actor, through=ws[end])
        if len(units) == 1:
            return [group]
        units = units[:-1]
        if not person or any(lex.group(ws[u[0]].key) for u in units):
            return []
        return [*_titles(reporter, quote, ws, units, actor), group]
    if not person or any(lex.group(ws[u[0]].key) for u in units):
        return []  # «أجرى الفريق تدريبات», «ضربات التحالف الجوية دعمت الأكراد»: not a title
    if ws[end].key != actor and len(units[-1]) > 1:
        return []  # «زعيم المتمردين الحوثيين»: the plural qualifies the title's own word
    return _titles(reporter, quote, ws, units, _named(quote, ws, start, end, actor, cast))


def _named(quote: Quote, ws: list[Word], start: int, end: int, actor: str, cast: _Cast) -> str:
    """The actor a person's title names: a group's name written after a first name
    («زعيم الحوثيين عبدالملك الحوثي», «عبدالملك الحوثي، قائد التمرد») is a man of that
    name, an actor of his own, named in full."""
    if start == end or actor not in cast.groups:
        return actor
    name = quote.text[ws[start].start : ws[end].end]
    return PERSON + " ".join(w.key for w in ws[start : end + 1]) + PERSON + name


def _titles(
    reporter: str, quote: Quote, ws: list[Word], units: list[list[int]], actor: str
) -> list[_Use]:
    if any(len(unit) > MAX_FORM_WORDS for unit in units):
        return []
    return [_use(reporter, quote, ws, unit, actor) for unit in units]


def _coordinated(ws: list[Word], k: int, cast: _Cast) -> bool:
    """وزير الثقافة والإعلام: a complement joined to the one before it, inside one title."""
    w, lex = ws[k], lexicon()
    if _clitic(w) != "و" or not w.definite or lex.head(w.key) or k == 0:
        return False
    prev = ws[k - 1]
    return prev.definite and not lex.head(prev.key) and _part(prev, cast) and not _clitic(prev)


def _part(w: Word, cast: _Cast) -> bool:
    """A word a title may be made of: a head, an inner word, a definite word not a name."""
    lex = lexicon()
    if w.key in cast.mentions or w.key in arabic.stopwords():
        return False
    return w.definite or lex.head(w.key) or lex.within(w.key)


def _units(ws: list[Word], run: list[int]) -> list[list[int]]:
    """A chain of titles, one unit each: a head after a definite word begins a new one
    (ولي العهد | وزير الدفاع | الأمير), unless it is written with ل (لرئيس) or is an
    adjective (المتحدث الإعلامي, التنظيم الإرهابي: a definite head ending in ي)."""
    lex = lexicon()
    units: list[list[int]] = []
    for k in run:
        w = ws[k]
        starts = not units or (
            lex.head(w.key)
            and ws[units[-1][-1]].definite
            and _clitic(w) != "ل"
            and not (w.definite and bare(w.key).endswith(("ي", "يه")))
        )
        if starts:
            units.append([k])
        else:
            units[-1].append(k)
    return units


def _after(
    reporter: str, quote: Quote, ws: list[Word], start: int, i: int, actor: str, cast: _Cast
) -> list[_Use]:
    """An epithet right after the name (داعش الإرهابي), or a person's title between commas
    after the name (الأسد، رئيس النظام، …)."""
    lex = lexicon()
    if i + 1 >= len(ws):
        return []
    nxt = ws[i + 1]
    name = actor in cast.persons or not ws[i].definite  # not «العمل الإرهابي»: a noun
    if nxt.before in (NONE, QUOTE) and lex.epithet(nxt.key) and not _clitic(nxt) and name:
        return [_use(reporter, quote, ws, [i + 1], actor)]
    if actor not in cast.persons or nxt.before != COMMA or not lex.head(nxt.key) or _clitic(nxt):
        return []
    run = [i + 1]
    k = i + 2
    while k < len(ws) and ws[k].before == NONE and _part(ws[k], cast) and not _clitic(ws[k]):
        run.append(k)
        k += 1
    closed = k == len(ws) or ws[k].before in (COMMA, STOP)
    if not closed or not ws[run[-1]].definite:
        return []
    person = _named(quote, ws, start, i, actor, cast)
    return _titles(reporter, quote, ws, _units(ws, run), person)


def _use(
    reporter: str,
    quote: Quote,
    ws: list[Word],
    unit: list[int],
    actor: str,
    through: Word | None = None,
) -> _Use:
    """One use of a form; `through`: the name, for a group's head shown with it."""
    first, last = ws[unit[0]], through or ws[unit[-1]]
    end = last.end
    pairs = {"»": "«", "”": "“", ")": "("}
    closer = quote.text[end : end + 1]
    if closer in pairs and pairs[closer] in quote.text[first.start : end]:
        end += 1  # حكومة «الأسد», with its closing mark
    text = _unprefixed(quote.text[first.start : end], first)
    form = " ".join(spelled(ws[k].key) for k in unit) + (f" {GROUP.strip()}" if through else "")
    return _Use(actor, form, text, not first.lam, reporter, quote)


# Words that change how fully a title is said, not what it says (المتحدث الرسمي للمركز /
# المتحدث باسم المركز): left out when two outlets' forms are compared; as stems (`spelled`).
NEUTRAL = frozenset({"باسم", "بلس", "رسم", "رسمية"})


# One word, written several ways (ميليشيات, مليشيات, ميليشيا; الأمريكي, الأميركي): their
# stems (language/arabic.py), with these spellings made one.
SPELLINGS = (("ميليش", "مليش"), ("ميلش", "مليش"), ("مليشي", "مليش"), ("اميرك", "امريك"))


# The letters outlets write for a foreign g (الأوروجوياني / الأوروغوياني): one, when two
# outlets' forms are compared (never when a form is shown).
_G = str.maketrans({"غ": "ج", "ق": "ج"})


def spelled(key: str) -> str:
    """The matching form of a word of a title: its light stem, in one spelling."""
    # the key's clitics are already off: the article in front keeps the stemmer from
    # reading a first letter as one (وزير, not و + زير)
    stem = arabic.stem(key if key.startswith("ال") else "ال" + key)
    for variant, one in SPELLINGS:
        stem = stem.replace(variant, one)
    return stem


def _unprefixed(text: str, first: Word) -> str:
    """`text` without the clitics written onto its first word (ورئيس → رئيس, بالرئيس →
    الرئيس), which leaves it verbatim; للرئيس stays as written."""
    clitics = len(first.written) - len(first.key)
    if first.lam or clitics <= 0:
        return text
    return text[_letters(text, clitics) :]


def _letters(text: str, n: int) -> int:
    """The offset in `text` after its first `n` letters (marks such as tatweel skipped)."""
    seen = 0
    for offset, char in enumerate(text):
        if arabic.fold(char):
            seen += 1
        if seen == n:
            return offset + 1
    return 0


def _consistent(uses: list[_Use]) -> list[_Use]:
    """A title of two words or more that the story uses for several actors belongs to the
    one it names most: «استقبل الرئيس الروسي الأسد» does not make الأسد the Russian president."""
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    for u in uses:
        by_form[u.form][u.actor] += 1
    owner = {f: min(c, key=lambda a: (-c[a], a)) for f, c in by_form.items()}
    return [u for u in uses if len(u.form.split()) < 2 or owner[u.form] == u.actor]


def _row(
    actor: str, uses: list[_Use], order: dict[str, int], parsed: list, cast: _Cast
) -> ActorFraming | None:
    by_outlet: dict[str, list[_Use]] = defaultdict(list)
    for u in uses:
        by_outlet[u.reporter].append(u)
    if len(by_outlet) < 2:
        return None
    counts = {r: Counter(u.form for u in us) for r, us in by_outlet.items()}
    if not _differ(counts):
        return None
    forms = []
    for reporter in sorted(by_outlet, key=order.__getitem__):
        c = counts[reporter]
        for form in sorted(c, key=lambda f: (-c[f], f.endswith(GROUP), f))[:MAX_FORMS]:
            mine = [u for u in by_outlet[reporter] if u.form == form]
            spelling = _spelling(mine)
            example = next(u.quote for u in mine if u.text == spelling)
            forms.append(FramingForm(reporter, spelling, c[form], example))
    return ActorFraming(_label(actor, parsed, cast), tuple(forms))


def _differ(counts: dict[str, Counter[str]]) -> bool:
    """Two outlets whose most used forms the other never uses, nor a longer or shorter
    form of them (الرئيس and الرئيس المصري are the same title, said more or less fully)."""
    top = {r: {f for f, n in c.items() if n == max(c.values())} for r, c in counts.items()}
    keys = sorted(counts)
    return any(
        not _shares(top[a], counts[b].keys()) and not _shares(top[b], counts[a].keys())
        for n, a in enumerate(keys)
        for b in keys[n + 1 :]
    )


def _shares(forms: set[str], others: Iterable[str]) -> bool:
    mine = [frozenset(f.translate(_G).split()) - NEUTRAL for f in forms]
    theirs = [frozenset(o.translate(_G).split()) - NEUTRAL for o in others]
    return any(a <= b or b <= a for a in mine for b in theirs)


def _spelling(uses: list[_Use]) -> str:
    """The outlet's most frequent way of writing the form, preferring a verbatim one."""
    written = Counter(u.text for u in uses if u.verbatim) or Counter(u.text for u in uses)
    return min(written, key=lambda t: (-written[t], t))


def _label(actor: str, parsed: list[tuple[str, Quote, list[Word]]], cast: _Cast) -> str:
    """The actor's name as the story writes it most (clitics off)."""
    if actor.startswith(PERSON):
        return actor.rsplit(PERSON, 1)[1]
    written = Counter(
        _unprefixed(w.text, w)
        for _, _, ws in parsed
        for w in ws
        if cast.actor(w.key) == actor and not w.lam
    )
    return min(written, key=lambda t: (-written[t], t)) if written else actor

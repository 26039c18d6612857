"""Front matter: what each kind of value gives, and that one bad value costs only its field."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.read.front_matter import front_matter_fields, split_front_matter

BODY = "نص الخبر كما كتبه المراسل في سطر كامل.\n"

CASES = [
    # (front matter lines, fields read, the warning's words or None)
    ("date: 2021-02-30", {}, "date '2021-02-30' is not a date; ignored"),
    ("date: 2021-13-01", {}, "date '2021-13-01' is not a date; ignored"),
    ("date: 2021-02-29", {}, "date '2021-02-29' is not a date; ignored"),
    ("date: 2020-02-29", {"date": dt.date(2020, 2, 29)}, None),
    ("date: 2021-02-01 24:61:00", {}, "date '2021-02-01 24:61:00' is not a date; ignored"),
    ("date: 2021-02-01T10:00:00Z", {"date": dt.date(2021, 2, 1), "time": dt.time(10)}, None),
    ("date: 2021-2-1 1:02:03", {"date": dt.date(2021, 2, 1), "time": dt.time(1, 2, 3)}, None),
    ("date: 24:61:00", {}, "date '24:61:00' is not a date; ignored"),
    ("date: '12 مايو 2018'", {"date": dt.date(2018, 5, 12)}, None),
    ("date: !!timestamp nope", {}, "date 'nope' is not a date; ignored"),
    ("date: [2021-02-01]", {}, "date (a list) is not a date; ignored"),
    ("title: " + "1" * 5000, {}, "title '1111111111"),
    ("title: !!python/object/apply:os.system [echo]", {}, "could not determine a constructor"),
    ("language: !lang ar", {}, "language 'ar' cannot be read"),
    ("title: !!int abc", {}, "title 'abc' cannot be read"),
    ("url: javascript:alert(1)", {}, "url 'javascript:alert(1)' is not an http(s) address"),
    ("title: 2021-02-30", {}, "title '2021-02-30' cannot be read"),
    ("title: [a, b]", {}, "title is not a text; ignored"),
    # a scraped headline's HTML entities are its characters; a bare & stays
    ("title: 'كيري رداً على &quot;بندر&quot;'", {"title": 'كيري رداً على "بندر"'}, None),
    ("title: 'خطاب &#8220;العدواني&#8221; &amp; AT&T'", {"title": "خطاب “العدواني” & AT&T"}, None),
]


@pytest.mark.parametrize(("lines", "fields", "warning"), CASES)
def test_a_bad_value_costs_only_its_own_field(lines: str, fields: dict, warning: str | None) -> None:
    text = f"---\n{lines}\nsource: وكالة\n---\n{BODY}"
    meta, body, problems = split_front_matter("a.md", text)
    assert body == BODY and problems == []
    read, field_problems = front_matter_fields("a.md", meta)
    expected = {"source": "وكالة", **fields}
    assert read == expected
    messages = [p.message for p in field_problems]
    if warning is None:
        assert messages == []
    else:
        assert len(messages) == 1 and warning in messages[0], messages


def test_aliases_that_expand_a_billion_times_are_named_in_a_few_words() -> None:
    laughs = "\n".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    text = f"---\na: &a [lol, lol]\n{laughs}\ntitle: *i\ndate: *i\nsource: وكالة\n---\n{BODY}"
    meta, _, _ = split_front_matter("a.md", text)
    fields, problems = front_matter_fields("a.md", meta)
    assert fields == {"source": "وكالة"}
    assert [p.message for p in problems] == [
        "title is not a text; ignored",
        "date (a list) is not a date; ignored",
    ]


def test_front_matter_nested_too_deeply_is_named_and_the_text_kept() -> None:
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + f"\n---\n{BODY}"
    meta, body, problems = split_front_matter("a.md", text)
    assert meta == {} and body == BODY
    assert [p.message for p in problems] == [
        "front matter is not valid YAML (nested too deeply); ignored"
    ]


def test_a_list_as_a_key_is_passed_over() -> None:
    meta, _, problems = split_front_matter("a.md", f"---\n? [a, b]\n: c\ntitle: عنوان\n---\n{BODY}")
    assert meta == {"title": "عنوان"} and problems == []

"""Chrome rules, one table per kind: realistic lines written for these tests (no outlet's text)."""

from __future__ import annotations

import pytest

from generator.models import Dateline
from generator.rank.key_sentences import rank
from generator.read.ingest import parse
from generator.text.chrome import line_kind, mostly_chrome, strip_inline
from generator.text.clean import clean
from generator.text.datelines import cut_dateline

DATELINES = [
    # (line, what is left, place, agency)
    ("دبي، الإمارات العربية المتحدة (CNN) -- أعلنت الشركة عن أرباحها.", "أعلنت الشركة عن أرباحها.",
     "دبي، الإمارات العربية المتحدة", "CNN"),
    ("القاهرة - (رويترز) - قال مسؤول إن الاجتماع تأجل.", "قال مسؤول إن الاجتماع تأجل.",
     "القاهرة", "رويترز"),
    ("باريس 12 مارس آذار (رويترز) - ارتفعت الأسهم الأوروبية.", "ارتفعت الأسهم الأوروبية.",
     "باريس 12 مارس آذار", "رويترز"),
    ("بيروت (أ ف ب) - وصل الوفد إلى المطار.", "وصل الوفد إلى المطار.", "بيروت", "أ ف ب"),
    ("واس - أقر مجلس الوزراء النظام الجديد.", "أقر مجلس الوزراء النظام الجديد.", "", "واس"),
    ("واس- أبها: افتتح المحافظ المعرض.", "افتتح المحافظ المعرض.", "أبها", "واس"),
    ("رويترز- لاهور: قالت الشرطة إن الطريق أغلق.", "قالت الشرطة إن الطريق أغلق.", "لاهور", "رويترز"),
    ("سالم الحربي- المرصد- تبوك: دشن المدير الحملة.", "دشن المدير الحملة.", "تبوك", ""),
    ("المرصد- الدمام: بدأت الأمانة أعمال الصيانة.", "بدأت الأمانة أعمال الصيانة.", "الدمام", ""),
    ("المرصد – نجران", "", "نجران", ""),
    ("الدمام 3 رجب 1440 هـ الموافق 10 مارس 2019 م واس", "", "الدمام", "واس"),
]
NOT_DATELINES = [
    "قال وزير الخارجية إن المحادثات مستمرة.",
    "الهلال يفوز على النصر 2-1 في الدوري.",
    "وأكد المتحدث (واس) أن الحادث وقع صباحا.",
    "تراجعت أسعار النفط في بداية التعاملات - بحسب محللين - إلى أدنى مستوى.",
    "أعلنت وزارة الصحة - اليوم - تسجيل حالات جديدة.",
]


@pytest.mark.parametrize(("line", "rest", "place", "agency"), DATELINES)
def test_a_dateline_is_cut_and_kept_as_metadata(line, rest, place, agency) -> None:
    left, dateline = cut_dateline(line)
    assert (left, dateline.place, dateline.agency) == (rest, place, agency)
    assert line.startswith(dateline.text) and dateline.text  # the words cut, kept


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_a_sentence_without_dateline_is_unchanged(line) -> None:
    assert cut_dateline(line) == (line, None)


LINES = [
    ("#الرياض #السعودية #اليوم_الوطني", "hashtags"),
    ("#مهرجان_الصيف_2019", "hashtags"),
    ("اقرأ أيضا: الأمانة تعلن مواعيد الدوام الجديدة", "read-also"),
    ("إقرأ أيضاً.. ارتفاع الحرارة في المنطقة الشرقية", "read-also"),
    ("رابط الخبر بصحيفة المرصد: انطلاق مهرجان التمور", "read-also"),
    ("...المزيد", "more"),
    ("للمزيد: زوروا موقع الهيئة", "more"),
    ("شاهد: لحظة وصول المنتخب إلى المطار", "watch"),
    ("بالفيديو: الأمطار تغمر شوارع المدينة", "watch"),
    ("تابعونا على تويتر وفيسبوك", "follow"),
    ("تابعوا نشرتنا الخاصة بالانتخابات لحظة بلحظة", "follow"),
    ("شارك الخبر عبر واتساب", "share"),
    ("* خدمة «لوموند»", "credit"),
    ("تصوير: فهد السالم", "credit"),
    ("(تصوير: المحرر)", "credit"),
    ("المدرب يتابع تدريبات الفريق أمس في الملعب الرئيس (أ ف ب)", "caption"),
    ("salem.writer@example.com", "contact"),
    ("للتواصل مع الكاتب أرسل رسالة نصية إلى 12345", "contact"),
    ("// انتهى //", "wire"),
    ("14:05 ت م", "wire"),
    ("مقالات أخرى للكاتبالمدن الذكية بعد عام من الانتظار! هل تعود السياحة؟", "read-also"),
    ("سمات الأمطار جدة الدفاع المدني", "tags"),
    ("وسوم: المنتخب كأس آسيا", "tags"),
]
CONTENT_LINES = [
    "وتابع الوزير حديثه قائلا إن المشروع سيكتمل العام المقبل.",
    "المزيد من الأمطار متوقع على المرتفعات خلال الأيام المقبلة.",
    "أطلق مغردون وسم #أنقذوا_الشاطئ للمطالبة بإزالة المخلفات من الساحل.",
    "وشارك في الحفل عدد من المسؤولين والأهالي.",
    "وقال المتحدث لرويترز إن الاتفاق سيوقع غدا.",
    "تصوير الفيلم بدأ في مدينة العلا الشهر الماضي بمشاركة طاقم كبير.",
    "الكلمات الدلالية: مهرجان الصيف، أبها",
    "سمات القائد الناجح كثيرة، أولها الصبر.",
    "مقالات الرأي في الصحف تناولت القرار أمس.",
]


@pytest.mark.parametrize(("line", "kind"), LINES)
def test_a_chrome_line_is_recognised(line, kind) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_an_article_line_is_not_chrome(line) -> None:
    assert line_kind(line) is None


INLINE = [
    ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك وصل الوفد إلى جدة.", "وصل الوفد إلى جدة."),
    ("Next Previous سالم الحربي – المرصد", "سالم الحربي – المرصد"),
    ("افتتح المعرض أمس. #الرياض #معرض_الكتاب", "افتتح المعرض أمس."),
    ("افتتح المعرض أمس. #معرض_الكتاب", "افتتح المعرض أمس."),
    ("صورة http://example.com/img/a.jpg?x=1 افتتح المعرض أمس.", "صورة افتتح المعرض أمس."),
    ("أطلق مغردون وسم #أنقذوا_الشاطئ أمس.", "أطلق مغردون وسم #أنقذوا_الشاطئ أمس."),
    ("عرض الفيلم في الصالات أمس. سمات فيلم سينما جدة", "عرض الفيلم في الصالات أمس."),
    ("سمات القيادة تظهر في الأزمات. ومنها الحزم.", "سمات القيادة تظهر في الأزمات. ومنها الحزم."),
]


@pytest.mark.parametrize(("line", "left"), INLINE)
def test_inline_chrome_is_cut(line, left) -> None:
    assert strip_inline(line) == left


@pytest.mark.parametrize(
    ("sentence", "mostly"),
    [
        ("#الرياض #جدة #الدمام اليوم", True),
        ("الإيرادات 120 245 310 480 مليون", True),
        ("للتواصل: a@b.com @writer", True),
        ("ارتفع المؤشر 1.2 % إلى 9200 نقطة في ختام التداولات.", False),
        ("أطلق مغردون وسم #أنقذوا_الشاطئ للمطالبة بإزالة المخلفات.", False),
        ("2 ملعقة سكر. -", False),  # an ingredient: one figure, a dash
        ("(12 البقرة آية 45).", False),  # a verse cited: two figures
        ("6- سالم العتيبي .", False),  # a list item
        ('"المرصد" ستوافيكم بالتفاصيل لاحقاً.', True),  # a promise of more, not the story
        ("وسنوافيكم بما يستجد.", True),
        ("وقال إن الوزارة ستوافيكم بكل ما تحتاجونه من أوراق في مراجعاتكم القادمة للفروع "
         "المنتشرة في المدن والمحافظات خلال العام المقبل إن شاء الله تعالى.", False),
    ],
)
def test_a_sentence_mostly_chrome_is_recognised(sentence, mostly) -> None:
    assert mostly_chrome(sentence) is mostly


def test_an_article_loses_its_chrome_and_keeps_its_dateline() -> None:
    body = (
        "عنوان: افتتاح المعرض\n\n"
        "واس- أبها: افتتح المحافظ معرض الكتاب في قاعة المدينة بحضور عدد من المسؤولين.\n"
        "اقرأ أيضا: الأمانة تعلن مواعيد الدوام الجديدة\n"
        "وأكد المحافظ أن المعرض يستمر عشرة أيام ويضم مئات الدور.\n"
        "#أبها #معرض_الكتاب\n"
        "تصوير: فهد السالم\n"
        "// انتهى //\n"
    )
    article, _ = parse("a.txt", body.encode())
    cleaned = clean(article)
    assert cleaned.dateline == Dateline("أبها", "واس", "واس- أبها")
    ranked = rank(cleaned)
    assert [s.text for s in ranked.sentences] == [
        "افتتح المحافظ معرض الكتاب في قاعة المدينة بحضور عدد من المسؤولين.",
        "وأكد المحافظ أن المعرض يستمر عشرة أيام ويضم مئات الدور.",
    ]


def test_a_caption_is_kept_when_it_is_the_whole_article() -> None:
    caption = "شلالات في الجنوب يبلغ ارتفاعها 80 مترا وتجذب الزوار كل صيف. (رويترز)"
    article, _ = parse("a.txt", f"{caption}\n".encode())
    assert clean(article).paragraphs == (caption,)
    article, _ = parse("b.txt", f"زار الوفد الشلالات أمس.\n{caption}\n".encode())
    assert clean(article).paragraphs == ("زار الوفد الشلالات أمس.",)


def test_a_piece_mostly_of_figures_is_not_a_sentence() -> None:
    body = (
        "ارتفعت إيرادات الشركة في الربع الثاني بدعم من المبيعات الخارجية.\n"
        "الإيرادات 120 245 310 480 مليون\n"
    )
    article, _ = parse("a.txt", body.encode())
    assert [s.text for s in rank(clean(article)).sentences] == [
        "ارتفعت إيرادات الشركة في الربع الثاني بدعم من المبيعات الخارجية."
    ]

import pytest

from generator.rank.key_sentences import text_article
from generator.text.sentences import split, split_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("جاء الوفد. ثم غادر.", ["جاء الوفد.", "ثم غادر."]),
        ("هل جاء؟ نعم جاء! انتهى", ["هل جاء؟", "نعم جاء!", "انتهى"]),
        ("ارتفع المؤشر 3.5 في المئة. وانخفض غيره.", ["ارتفع المؤشر 3.5 في المئة.", "وانخفض غيره."]),
        ("قال د. أحمد إن الوضع جيد. ثم صمت.", ["قال د. أحمد إن الوضع جيد.", "ثم صمت."]),
        ("وأضاف: «الوضع جيد!» ثم غادر.", ["وأضاف: «الوضع جيد!»", "ثم غادر."]),
        (
            "قال: “هناك اعتبارات. ولهذه الأسباب لم يعلن”. وانتهى اللقاء.",
            ["قال: “هناك اعتبارات. ولهذه الأسباب لم يعلن”.", "وانتهى اللقاء."],
        ),
        (
            'قال: "بلا شك.. والأهم الحفاظ على الدولة". كما شدد.',
            ['قال: "بلا شك.. والأهم الحفاظ على الدولة".', "كما شدد."],
        ),
        ("انتظر… ثم تكلم.", ["انتظر…", "ثم تكلم."]),
        ("السطر الأول\nالسطر الثاني.", ["السطر الأول", "السطر الثاني."]),
        # an unclosed quotation does not swallow the paragraph
        ('نقل "خبر لم يغلق. ثم جملة أخرى.', ['نقل "خبر لم يغلق.', "ثم جملة أخرى."]),
        ("The U.S. said no. Then it agreed.", ["The U.S. said no.", "Then it agreed."]),
        # Arabic web text often glues sentences with no space after the full stop
        ("من الثديات.يسمى الذكر دبا.", ["من الثديات.", "يسمى الذكر دبا."]),
        ("هل جاء؟نعم جاء.", ["هل جاء؟", "نعم جاء."]),
        # …but not after a one-letter abbreviation, nor inside Latin text or numbers
        ("قال د.محمد إن الوضع جيد.", ["قال د.محمد إن الوضع جيد."]),
        ("زار موقع www.example.com اليوم.", ["زار موقع www.example.com اليوم."]),
        ("ارتفع 3.5 بالمئة.", ["ارتفع 3.5 بالمئة."]),
    ],
)
def test_split_text(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected


@pytest.mark.parametrize("text", ["جاء الوفد. ثم غادر.", "أ.  ب. ؟؟ …", "«»", "x.y.z", ""])
def test_sentences_are_substrings(text: str) -> None:
    for sentence in split_text(text):
        assert sentence in text


def _sentences(body: str) -> list[str]:
    return [s.text for s in split(text_article(body))]


def test_hard_wrapped_lines_are_joined_into_whole_sentences() -> None:
    body = (
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\n"
        "وقال وزير الزراعة في مؤتمر صحفي عقده في العاصمة إن الخطة تشمل\n"
        "قروضا ميسرة وبذورا محسنة.\n"
        "وأضاف أن التنفيذ يبدأ الشهر المقبل في ثلاث محافظات."
    )
    assert _sentences(body) == [
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.",
        "وقال وزير الزراعة في مؤتمر صحفي عقده في العاصمة إن الخطة تشمل قروضا ميسرة وبذورا محسنة.",
        "وأضاف أن التنفيذ يبدأ الشهر المقبل في ثلاث محافظات.",
    ]


def test_a_sub_heading_after_a_finished_paragraph_stays_out() -> None:
    body = (
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.\n"
        "تفاصيل الخطة\n"
        "وتشمل الخطة قروضا ميسرة وبذورا محسنة للمزارعين في ثلاث محافظات."
    )
    assert "تفاصيل الخطة" not in " ".join(_sentences(body))
    assert len(_sentences(body)) == 2

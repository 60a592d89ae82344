"""Audit throughput (words/s) on a generated corpus, beside bare spaCy and bare textstat.

    python benchmarks/analysis_speed.py [--articles 2000] [--workers 2] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from typing import Callable

import spacy
import textstat

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text
from analysis.textstats import use_offline_cmudict
from runstore.records import Article

# The corpus is built from many sentence templates filled with random vocabulary and made-up
# drug names, so that almost no sentence repeats: repeated sentences would flatter textstat's
# per-text caches (and ours) and make the comparison dishonest.
TREATMENTS = ["acupuncture", "this cream", "daily walking", "the new drug", "vitamin D", "botox",
              "physiotherapy", "a low-salt diet", "green tea", "the procedure", "meditation", "yoga",
              "fish oil", "the nasal spray", "cognitive behavioural therapy", "massage", "the implant",
              "a gluten-free diet", "probiotics", "the patch", "strength training", "melatonin"]
CONDITIONS = ["chronic pain", "migraine", "heart disease", "insomnia", "arthritis", "eczema", "asthma",
              "type 2 diabetes", "depression", "back pain", "high blood pressure", "acne", "obesity",
              "osteoporosis", "irritable bowel syndrome", "anxiety", "psoriasis", "gout", "sinusitis"]
PEOPLE = ["patients", "older adults", "children", "women over fifty", "people with kidney disease",
          "athletes", "smokers", "new mothers", "office workers", "teenagers", "veterans"]
OUTCOMES = ["relieves", "may reduce", "completely eliminates", "is linked to lower rates of",
            "does not improve", "helps patients recover from", "could prevent", "cures", "eases",
            "works better than placebo for", "appears to slow", "is one of the most effective treatments for"]
SUPPORT = ["", "", "", ", studies show", ", Dr. {name} of the {place} said", " [{n}]",
           ", many patients report", ", according to a {n}-person trial in the Journal of {field}"]
NAMES = ["Jane Roe", "Amir Khan", "Li Wei", "Maria Lopez", "Tom Brady", "Aisha Rahman", "Olu Ade"]
PLACES = ["Mayo Clinic", "University of Leeds", "Karolinska Institute", "Cleveland Clinic", "NIH"]
FIELDS = ["Pain", "Sleep Research", "Dermatology", "Cardiology", "Clinical Nutrition"]
PLAIN = ["{condition} affects about {n} in every {m} {people} at some point in their lives.",
         "The appointment usually takes about {n} minutes, and {people} can often go home the same day.",
         "Side effects of {drug} include mild {adj} bruising, headache and, rarely, infection.",
         "Talk to your doctor about whether {treatment} suits your medical history.",
         "In {year}, researchers followed {n} {people} for {m} years to see what happened to their {condition}.",
         "{drug} was approved in {year} and costs around {n} dollars for a {m}-week course.",
         "Symptoms of {condition} can be {adj}, and they often get worse after {activity}.",
         "Keep a diary of your {condition} so that you can show it to your {specialist}.",
         "Nobody knows exactly why {condition} starts, although {adj} genes and {activity} may play a part.",
         "If you take {drug}, do not drive until you know how it affects you."]
ADJS = ["mild", "severe", "sudden", "persistent", "unexpected", "inherited", "painful", "temporary"]
ACTIVITIES = ["long flights", "heavy lifting", "poor sleep", "stressful weeks", "cold weather", "big meals"]
SPECIALISTS = ["doctor", "pharmacist", "physiotherapist", "nurse", "dietitian", "specialist"]
HEADINGS = ["How it works", "Who can benefit", "Risks and side effects", "What the research says",
            "What to expect", "Living with {condition}", "Questions to ask", "The evidence on {treatment}"]
SYLLABLES = ["ze", "vor", "ta", "lix", "mab", "pra", "ni", "dro", "sul", "fen", "cor", "bi", "tin", "oxa"]


def drug_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + rng.choice(["mab", "ib", "ol", "ine"])


def fill(template: str, rng: random.Random) -> str:
    slots = {"condition": rng.choice(CONDITIONS), "people": rng.choice(PEOPLE), "n": rng.randint(2, 900),
             "m": rng.randint(2, 60), "drug": drug_name(rng), "adj": rng.choice(ADJS),
             "treatment": rng.choice(TREATMENTS), "year": rng.randint(1990, 2025),
             "activity": rng.choice(ACTIVITIES), "specialist": rng.choice(SPECIALISTS),
             "name": rng.choice(NAMES), "place": rng.choice(PLACES), "field": rng.choice(FIELDS)}
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def claim_sentence(rng: random.Random) -> str:
    subject = rng.choice(TREATMENTS + ["{drug}"])
    return fill(f"{subject} {rng.choice(OUTCOMES)} {{condition}} in {{people}}{rng.choice(SUPPORT)}.", rng)


def generate_corpus(count: int, seed: int = 4) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        parts = [fill("{treatment} and {condition}: what you need to know", rng)]
        for _ in range(rng.randint(4, 8)):
            parts.append(fill(rng.choice(HEADINGS), rng))
            sentences = [claim_sentence(rng) if rng.random() < 0.4 else fill(rng.choice(PLAIN), rng)
                         for _ in range(rng.randint(3, 7))]
            parts.append(" ".join(sentences))
        articles.append(article_from_plain_text("\n\n".join(parts) + "\n", f"bench/{n}.txt"))
    return articles


def timed(label: str, words: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    rate = words / seconds
    sys.stdout.write(f"{label:<42} {seconds:8.2f} s {rate:12,.0f} words/s\n")
    return rate


def textstat_five(texts: list[str]) -> None:
    for text in texts:
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.smog_index(text)
        textstat.gunning_fog(text)
        textstat.dale_chall_readability_score(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the three measures; medians are compared")
    args = parser.parse_args(argv)
    auditor = Auditor({"workers": args.workers})
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    use_offline_cmudict()  # textstat would otherwise try to download cmudict through NLTK
    # Each side loads its dictionaries before the clock starts, as the Auditor has (textstat
    # reads the CMU dictionary at its first call, which would cost it half a second in round 1).
    textstat_five(["Warm up: textstat loads its dictionaries once."])
    list(nlp.pipe(["Warm up."]))
    rates: dict[str, list[float]] = {"audit": [], "spacy": [], "textstat": []}
    for round_ in range(1, max(args.repeat, 1) + 1):
        # Each round has a corpus of its own: textstat keeps the results of the texts it has
        # read, so a second pass over the same texts would measure its cache.
        articles = generate_corpus(args.articles, seed=3 + round_)
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        distinct = len({s for t in texts for s in t.split(". ")}) / max(sum(t.count(". ") + 1 for t in texts), 1)
        sys.stdout.write(f"round {round_}: {len(articles)} generated articles, {words:,} words, {distinct:.0%} of "
                         "sentences distinct (templates filled with random vocabulary)\n")
        # The audit runs first in each round, so that no cache of textstat's can favour it (the
        # word caches that textstat and bare spaCy keep across rounds favour them instead; the
        # audit's workers keep theirs, as they would through a nightly run).
        rates["audit"].append(timed(f"  whole audit (workers={args.workers})", words,
                                    lambda: list(auditor.audit(articles))))
        rates["spacy"].append(timed("  bare spacy.blank('en') + sentencizer", words,
                                    lambda: list(nlp.pipe(texts, batch_size=64))))
        rates["textstat"].append(timed("  bare textstat (five formulas)", words, lambda: textstat_five(texts)))
    auditor.close()
    audit, bare, stats = (statistics.median(rates[k]) for k in ("audit", "spacy", "textstat"))
    sys.stdout.write(f"medians: whole audit {audit:,.0f}, bare spaCy {bare:,.0f}, textstat {stats:,.0f} words/s\n"
                     f"ratio whole audit / textstat alone: {audit / stats:.2f}\n"
                     f"ratio whole audit / bare spaCy:     {audit / bare:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

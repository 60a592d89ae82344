"""Audit throughput (words/s) on a generated corpus, beside bare spaCy and bare textstat.

    python benchmarks/analysis_speed.py [--articles 2000] [--workers 2]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from typing import Callable

import spacy
import textstat

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text
from analysis.textstats import use_offline_cmudict
from runstore.records import Article

SUBJECTS = ["Acupuncture", "This cream", "Daily walking", "The new drug", "Vitamin D", "Botox",
            "Physiotherapy", "A low-salt diet", "Green tea", "The procedure", "Meditation"]
CLAIMS = ["relieves chronic pain in most patients", "may reduce the risk of heart disease",
          "completely eliminates migraine symptoms", "is linked to better sleep",
          "does not improve memory in older adults", "helps patients recover faster after surgery",
          "is one of the most effective treatments available", "works by blocking pain signals"]
SUPPORT = ["", "", ", studies show", ", Dr. Jane Roe of the Mayo Clinic said", " [2]", ", many patients report"]
PLAIN = ["Migraine is a neurological condition that affects millions of people worldwide.",
         "The appointment usually takes about thirty minutes, and you can go home the same day.",
         "Side effects include mild bruising, headache and, rarely, infection at the injection site.",
         "Talk to your doctor about whether this option suits your medical history."]
HEADINGS = ["How it works", "Who can benefit", "Risks and side effects", "What the research says"]


def generate_corpus(count: int, seed: int = 4) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        parts = [f"Article {n}: {rng.choice(SUBJECTS)} and your health"]
        for _ in range(rng.randint(4, 8)):
            parts.append(rng.choice(HEADINGS))
            sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(CLAIMS)}{rng.choice(SUPPORT)}."
                         if rng.random() < 0.4 else rng.choice(PLAIN) for _ in range(rng.randint(3, 7))]
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
    args = parser.parse_args(argv)
    articles = generate_corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    sys.stdout.write(f"corpus: {len(articles)} generated articles, {words:,} words\n")
    auditor = Auditor({"workers": args.workers})
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    use_offline_cmudict()  # textstat would otherwise try to download cmudict through NLTK
    # the audit runs first so that textstat's own caches cannot favour it
    audit = timed(f"whole audit (workers={args.workers})", words, lambda: list(auditor.audit(articles)))
    bare = timed("bare spacy.blank('en') + sentencizer", words, lambda: list(nlp.pipe(texts, batch_size=64)))
    stats = timed("bare textstat (five formulas)", words, lambda: textstat_five(texts))
    sys.stdout.write(f"ratio whole audit / textstat alone: {audit / stats:.2f}\n"
                     f"ratio whole audit / bare spaCy:     {audit / bare:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""CPU seconds spent in each step of the audit, one process, so that speed work knows where to look.

    python benchmarks/analysis_components.py [--articles 400] [--releases ../shared/eval/hnr_releases_dev.jsonl]

Runs the generated benchmark articles (see analysis_speed.py) and, when given, the press releases
of an HNR dev set through the pipeline one component at a time, after a short warm-up on other
articles, and prints the CPU time of the tokenizer, of each component and of building the audit.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from analysis.audit import Auditor, audit_batch, document_audit
from analysis.hnr import read_releases, release_article
from analysis_speed import generate_corpus
from runstore.records import Article


def component_times(auditor: Auditor, articles: list[Article]) -> Counter[str]:
    spent: Counter[str] = Counter()
    for article in articles:
        start = time.process_time()
        doc = auditor.nlp.make_doc(article.text)
        doc._.article = article.to_dict()
        spent["tokenizer"] += time.process_time() - start
        for name, component in auditor.nlp.pipeline:
            start = time.process_time()
            component(doc)
            spent[name] += time.process_time() - start
        start = time.process_time()
        document_audit(doc, doc._.article)
        spent["audit record"] += time.process_time() - start
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--releases", metavar="PATH", help="an hnr_releases_dev.jsonl to time as well")
    args = parser.parse_args(argv)
    auditor = Auditor({"workers": 1})
    list(audit_batch(auditor.nlp, generate_corpus(30, seed=99)))  # warm-up: dictionaries, caches
    sets = {f"{args.articles} generated": generate_corpus(args.articles)}
    if args.releases:
        releases = [release_article(r) for r in read_releases(args.releases)]
        sets[f"{len(releases)} releases"] = releases
    columns = {label: component_times(auditor, articles) for label, articles in sets.items()}
    steps = ["tokenizer"] + [name for name, _ in auditor.nlp.pipeline] + ["audit record"]
    sys.stdout.write(f"{'CPU seconds':<28}" + "".join(f"{label:>18}" for label in columns) + "\n")
    for step in steps + ["total"]:
        row = [sum(c.values()) if step == "total" else c[step] for c in columns.values()]
        sys.stdout.write(f"{step:<28}" + "".join(f"{value:>18.3f}" for value in row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Evaluation on the development sets: `python -m analysis.evaluate [EVAL_DIR] [SEEDS_DIR] [--gate]`.

Prints, per set, the figures of issue 4; with --gate, also checks them against the floors
pinned in eval_floors.json (next to a sha256 of each evaluation file) and exits 1 below a floor.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from pathlib import Path

from analysis import eval_sets
from analysis.audit import Auditor

logger = logging.getLogger(__name__)
FLOORS = Path(__file__).resolve().parent / "eval_floors.json"
FILES = {"claims": "claim_sentences_dev.jsonl", "strength": "claim_strength_eureka.csv",
         "hedges": "hedge_bioscope_abstracts.jsonl", "hnr": "hnr_releases_dev.jsonl"}


def evaluate(eval_dir: Path, seeds_dir: Path, show_errors: int = 0) -> tuple[dict[str, float], list[str]]:
    """All figures (flat, for the gate) and the lines to print."""
    auditor = Auditor()
    figures: dict[str, float] = {}
    lines: list[str] = []
    if (seeds_dir / "labels.json").exists():
        seeds = eval_sets.score_seeds(seeds_dir, auditor)
        lines.append(f"seeds ({seeds_dir}): must flagged {seeds['must_flagged']}/{seeds['must']}, "
                     f"vague attribution flagged {seeds['vague_flagged']}/{seeds['vague']}, "
                     f"must-not flagged {seeds['must_not_flagged']}, "
                     f"disclaimer right {seeds['disclaimer_right']}/{seeds['documents']}")
        lines += [f"    {e}" for e in seeds["errors"][:show_errors or None]]
        figures["seeds.must_recall"] = seeds["must_flagged"] / max(seeds["must"], 1)
        figures["seeds.vague_recall"] = seeds["vague_flagged"] / max(seeds["vague"], 1)
        figures["seeds.must_not_clean"] = float(seeds["must_not_flagged"] == 0)
        figures["seeds.disclaimer_accuracy"] = seeds["disclaimer_right"] / max(seeds["documents"], 1)
    _claims(eval_dir, auditor, figures, lines, show_errors)
    _strength_and_hedges(eval_dir, figures, lines)
    _hnr(eval_dir, auditor, figures, lines)
    return figures, lines


def _claims(eval_dir: Path, auditor: Auditor, figures: dict[str, float], lines: list[str], show: int) -> None:
    path = eval_dir / FILES["claims"]
    if not path.exists():
        return
    result = eval_sets.score_claim_sentences(path, auditor)
    lines.append(f"{path.name}: claim.unsupported + claim.vague-attribution vs flag == must (may neutral): "
                 f"precision {result['precision']:.3f}, recall {result['recall']:.3f}, f1 {result['f1']:.3f} "
                 f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    lines += [f"    {e}" for e in result["errors"][:show]]
    figures["claims.precision"] = result["precision"]
    figures["claims.recall"] = result["recall"]


def _strength_and_hedges(eval_dir: Path, figures: dict[str, float], lines: list[str]) -> None:
    path = eval_dir / FILES["strength"]
    if path.exists():
        result = eval_sets.score_strength(path)
        per = ", ".join(f"{k} {v:.3f}" for k, v in result["per_class_f1"].items())
        lines.append(f"{path.name}: strength macro-F1 {result['macro_f1']:.3f} (per class F1: {per}; "
                     f"accuracy {result['accuracy']:.3f}; {result['sentences']} sentences; mapping 0 -> none, "
                     "1 correlational -> hedged, 2 conditional -> hedged, 3 direct -> strong or absolute)")
        figures["strength.macro_f1"] = result["macro_f1"]
    path = eval_dir / FILES["hedges"]
    if path.exists():
        result = eval_sets.score_hedges(path)
        lines.append(f"{path.name}: hedge detection precision {result['precision']:.3f}, recall "
                     f"{result['recall']:.3f}, F1 {result['f1']:.3f} ({result['sentences']} sentences)")
        figures["hedges.f1"] = result["f1"]


def _hnr(eval_dir: Path, auditor: Auditor, figures: dict[str, float], lines: list[str]) -> None:
    path = eval_dir / FILES["hnr"]
    if not path.exists():
        return
    try:
        from analysis.hnr import hnr_report
    except ImportError as exc:
        lines.append(f"{path.name}: not scored ({exc})")
        return
    report = hnr_report(str(path), lambda articles: list(auditor.audit(articles)))
    lines.append(f"{path.name}:")
    lines += [f"    {line}" for line in report.splitlines() if line.strip()]
    figures.update(hnr_figures(report))


def hnr_figures(report: str) -> dict[str, float]:
    """Balanced accuracy per criterion, read from the report lines ("criterion ... balanced accuracy 0.83")."""
    import re
    found = {}
    for line in report.splitlines():
        match = re.search(r"(sensational|harms|funding_coi).*?balanced[ _]accuracy[ =:]*([0-9.]+)", line, re.I)
        if match:
            found[f"hnr.{match.group(1)}.balanced_accuracy"] = float(match.group(2))
    return found


def eval_hashes(eval_dir: Path) -> dict[str, str]:
    return {name: hashlib.sha256((eval_dir / name).read_bytes()).hexdigest()
            for name in FILES.values() if (eval_dir / name).exists()}


def gate(figures: dict[str, float], eval_dir: Path, floors_path: Path = FLOORS) -> list[str]:
    """Figures that fell below their pinned floor; data that changed is reported, not scored."""
    pinned = json.loads(floors_path.read_text(encoding="utf-8"))
    problems = [f"evaluation file {name} changed (sha256 differs): re-pin the floors"
                for name, digest in eval_hashes(eval_dir).items() if pinned["sha256"].get(name) != digest]
    if problems:
        return problems
    return [f"{name} = {figures.get(name, 0.0):.3f} is below its floor {floor:.3f}"
            for name, floor in pinned["floors"].items() if figures.get(name, 0.0) < floor]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate", description=__doc__)
    parser.add_argument("eval_dir", nargs="?", default="../shared/eval")
    parser.add_argument("seeds_dir", nargs="?", default="../shared/seeds")
    parser.add_argument("--errors", type=int, default=0, help="also print up to N misclassified sentences per set")
    parser.add_argument("--gate", action="store_true", help="exit 1 when a figure is below its floor")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    figures, lines = evaluate(Path(args.eval_dir), Path(args.seeds_dir), args.errors)
    sys.stdout.write("\n".join(lines) + "\n")
    if args.gate:
        problems = gate(figures, Path(args.eval_dir))
        sys.stdout.write("".join(f"GATE: {p}\n" for p in problems) or "GATE: all figures at or above their floors\n")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scorers for the development sets: each reads one file and returns named figures."""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

from analysis.audit import Auditor
from analysis.claims import ClaimReader
from analysis.corpora import article_from_plain_text, article_from_sentence
from analysis.rulebook import cue_sets
from analysis.strength import claim_strength

logger = logging.getLogger(__name__)

FLAGGING_RULES = ("claim.unsupported", "claim.vague-attribution")
# Eureka labels mapped onto our grades: 1 correlational and 2 conditional are hedged claims,
# 3 direct causal is a strong (or absolute) claim.
EUREKA_MAP = {"0": "none", "1": "hedged", "2": "hedged", "3": "strong"}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_seeds(seeds: Path, auditor: Auditor) -> dict[str, Any]:
    labels = json.loads((seeds / "labels.json").read_text(encoding="utf-8"))
    names = [n for n in labels if n.endswith(".txt")]
    articles = [article_from_plain_text((seeds / n).read_text(encoding="utf-8"), n) for n in names]
    must = must_hit = vague = vague_hit = wrong = disclaimers = 0
    errors: list[str] = []
    for name, audit in zip(names, auditor.audit(articles)):
        claims = labels[name]["claims"]
        flagged = [f for f in audit.findings if f.rule in FLAGGING_RULES + ("claim.absolute",)]
        for passage in claims["must"]:
            must += 1
            hit = any(passage in f.text and f.rule == "claim.unsupported" for f in flagged)
            must_hit += hit
            if not hit:
                errors.append(f"missed must: {passage}")
        # passages resting on "studies show" or a consensus: reported as claim.vague-attribution
        for passage in claims.get("vague_attribution", []):
            vague += 1
            hit = any(passage in f.text and f.rule == "claim.vague-attribution" for f in flagged)
            vague_hit += hit
            if not hit:
                errors.append(f"missed vague attribution: {passage}")
        allowed = [p for group in ("must", "may", "vague_attribution", "absolute") for p in claims[group]]
        for finding in flagged:
            if finding.rule != "claim.vague-attribution" and not any(p in finding.text for p in allowed):
                wrong += 1
                errors.append(f"flagged must-not ({finding.rule}): {finding.text}")
        disclaimers += audit.disclaimer == labels[name]["disclaimer"]
    return {"must_flagged": must_hit, "must": must, "vague_flagged": vague_hit, "vague": vague,
            "must_not_flagged": wrong,
            "disclaimer_right": disclaimers, "documents": len(names), "errors": errors}


def score_claim_sentences(path: Path, auditor: Auditor) -> dict[str, Any]:
    rows = read_jsonl(path)
    built = [article_from_sentence(r["text"], r.get("prev") or "", f"{r['story']}#{r['i']}") for r in rows]
    tp = fp = fn = 0
    errors: list[str] = []
    for row, (article, start), audit in zip(rows, built, auditor.audit([a for a, _ in built])):
        flagged = [f for f in audit.findings if f.rule in FLAGGING_RULES and f.start >= start]
        if row["flag"] == "may":
            continue
        gold = row["flag"] == "must"
        tp += gold and bool(flagged)
        fp += (not gold) and bool(flagged)
        fn += gold and not flagged
        if gold != bool(flagged):
            got = "; ".join(f"{f.rule} {f.evidence}" for f in flagged) or "nothing"
            errors.append(f"[{row['flag']}|{row['strength']}|{row['support']}] got {got}: {row['text']}")
    return {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn, "errors": errors}


def score_strength(path: Path) -> dict[str, Any]:
    reader = ClaimReader(cue_sets())
    gold_pred: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            grade = claim_strength(reader, row["sentence"])
            gold_pred.append((EUREKA_MAP[row["label"]], "strong" if grade == "absolute" else grade))
    per_class = {}
    for label in ("none", "hedged", "strong"):
        tp = sum(g == label and p == label for g, p in gold_pred)
        fp = sum(g != label and p == label for g, p in gold_pred)
        fn = sum(g == label and p != label for g, p in gold_pred)
        per_class[label] = prf(tp, fp, fn)["f1"]
    accuracy = sum(g == p for g, p in gold_pred) / max(len(gold_pred), 1)
    return {"macro_f1": sum(per_class.values()) / 3, "per_class_f1": per_class,
            "accuracy": accuracy, "sentences": len(gold_pred)}


def score_hedges(path: Path) -> dict[str, Any]:
    reader = ClaimReader(cue_sets())
    tp = fp = fn = 0
    rows = read_jsonl(path)
    for row in rows:
        predicted = bool(reader.speculation_cues(row["text"]))
        gold = bool(row["speculative"])
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    return {**prf(tp, fp, fn), "sentences": len(rows)}

"""The quality gate: figures on the development sets stay at or above their pinned floors."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import FLOORS, evaluate, gate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval not present")
def test_evaluate_figures_at_or_above_floors():
    figures, _ = evaluate(SHARED / "eval", SHARED / "seeds")
    assert gate(figures, SHARED / "eval") == []


def test_evaluate_floors_file_pins_hashes_and_floors():
    import json
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert pinned["sha256"] and pinned["floors"]
    assert all(0.0 <= v <= 1.0 for v in pinned["floors"].values())

"""The diff of a run's findings against an earlier run: new, persisting, resolved."""
from __future__ import annotations

import pandas as pd


def diff_findings(current: pd.DataFrame, earlier: pd.DataFrame) -> pd.DataFrame:
    """Current findings marked new or persisting, plus earlier ones now resolved (with their text)."""
    current = current.copy()
    earlier_ids = set(earlier["id"])
    current["change"] = ["persisting" if i in earlier_ids else "new" for i in current["id"]]
    resolved = earlier[~earlier["id"].isin(set(current["id"]))].copy()
    resolved["change"] = "resolved"
    frames = [f for f in (current, resolved) if not f.empty]
    if not frames:
        return current
    merged = pd.concat(frames, ignore_index=True)
    merged["severity"] = merged["severity"].astype(current["severity"].dtype)
    return merged.sort_values(["severity", "url", "start"]).reset_index(drop=True)

"""Triage statuses imported from a findings CSV/XLSX that a reviewer edited."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from runstore import RunStore
from runstore.records import TRIAGE_STATUSES


def import_triage(store: RunStore, path: str) -> int:
    """Apply the `status` (and `note`) column of every row whose status differs from the store's."""
    source = Path(path)
    if not source.is_file():
        raise ValueError(f"no such file: {path}")
    try:
        frame = (pd.read_excel(source, sheet_name="findings") if source.suffix.lower() == ".xlsx"
                 else pd.read_csv(source))
    except Exception as exc:  # pandas raises many kinds for a malformed sheet
        raise ValueError(f"cannot read {path}: {exc}") from None
    missing = {"id", "status"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path} has no {' or '.join(sorted(missing))} column")
    current = store.triage()
    changes = []
    for line, row in enumerate(frame.to_dict("records"), start=2):
        status = str(row["status"]).strip()
        note = row.get("note") if isinstance(row.get("note"), str) else None
        known = current.get(str(row["id"]), {"status": "open", "note": None})
        if status and (status != known["status"] or (note and note != known["note"])):
            if status not in TRIAGE_STATUSES:
                raise ValueError(f"{path} row {line}: unknown status {status!r}; "
                                 f"use one of {', '.join(TRIAGE_STATUSES)}")
            changes.append((str(row["id"]), status, note))
    store.set_triage_many(changes)
    return len(changes)

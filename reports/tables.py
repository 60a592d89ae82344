"""CSV and Excel writers for compliance: every finding, every article, every page outcome."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from reports.frames import RunFrames

WIDE_COLUMNS = {"message": 60, "text": 80, "url": 50, "title": 40, "error": 50, "note": 40,
                "updated": 26, "first_seen": 18}


def write_csv(frames: RunFrames, out: Path) -> list[Path]:
    paths = [out / "findings.csv", out / "articles.csv", out / "pages.csv"]
    for frame, path in zip((frames.findings, frames.articles, frames.pages), paths):
        frame.to_csv(path, index=False)
    return paths


def write_xlsx(frames: RunFrames, out: Path) -> list[Path]:
    """One workbook: findings (filterable, frozen header), articles, pages, summary by rule and
    the triage history of the findings."""
    path = out / "findings.xlsx"
    by_rule = (frames.findings.groupby(["rule", "severity"], observed=True).size()
               .rename("findings").reset_index())
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in (("findings", frames.findings), ("articles", frames.articles),
                            ("pages", frames.pages), ("by rule", by_rule),
                            ("triage history", frames.triage_history)):
            frame.astype({c: "object" for c in frame.select_dtypes("category").columns}).to_excel(
                writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            if len(frame.columns):
                sheet.auto_filter.ref = sheet.dimensions
            for i, column in enumerate(frame.columns, start=1):
                sheet.column_dimensions[get_column_letter(i)].width = WIDE_COLUMNS.get(column, 14)
    return [path]

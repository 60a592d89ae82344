"""The per-claim record that the claims stage hands to the trust and balance checks."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ClaimSummary:
    start: int
    end: int
    strength: str  # absolute|strong|hedged
    support: str  # linked|named|vague|none

"""Shared fixtures: a fresh run store."""
from __future__ import annotations

from pathlib import Path

import pytest

from runstore import RunStore


@pytest.fixture

def store(tmp_path: Path) -> RunStore:
    return RunStore(tmp_path / "store.db")

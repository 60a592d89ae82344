"""The components are registered through the spacy_factories entry point."""
from __future__ import annotations

import subprocess
import sys

FACTORIES = ["healthaudit_structure", "healthaudit_claims", "healthaudit_disclaimer",
             "healthaudit_readability", "healthaudit_trust"]


def test_entry_points_blank_english_finds_every_component_without_importing_analysis():
    # A fresh interpreter, so nothing of ours is imported before spaCy looks the factories up.
    code = ("import spacy; nlp = spacy.blank('en'); "
            f"[nlp.add_pipe(name) for name in {FACTORIES!r}]; "
            "print(','.join(nlp.pipe_names))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(FACTORIES)

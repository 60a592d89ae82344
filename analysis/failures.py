"""Why an analysis could not finish: errors the command line turns into one line and an exit status."""
from __future__ import annotations


class AnalysisFailed(Exception):
    """The audit could not finish; the audits saved before it stopped are kept."""


class WorkerLost(AnalysisFailed):
    """A worker process ended in the middle of an audit (killed, perhaps for want of memory)."""

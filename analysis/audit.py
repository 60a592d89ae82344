"""The Auditor: one spaCy pipeline, loaded once, that audits articles into DocumentAudits."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator

import spacy
from spacy.language import Language

from analysis.failures import WorkerLost
from runstore.records import Article, DocumentAudit, Finding

logger = logging.getLogger(__name__)

PIPES = ("healthaudit_structure", "healthaudit_claims", "healthaudit_disclaimer",
         "healthaudit_readability", "healthaudit_trust")
BATCH_SIZE = 64
# Articles per task sent to a worker process: small enough that neither core sits idle for
# long at the end of a run, large enough that shipping the tasks costs next to nothing.
WORKER_BATCH = 16
# Batches handed to the workers ahead of the one being read, per worker: enough that a worker
# never waits for the reader, few enough that a long run's articles are not all copied at once.
AHEAD_PER_WORKER = 4


class Auditor:
    """Audits articles with the settings of the [audit] config section. With more than one
    worker, close it (or use it as a context manager) to stop its worker processes."""

    def __init__(self, audit_config: dict[str, Any] | None = None) -> None:
        from runstore.settings import defaults
        self.config = {**defaults()["audit"], **(audit_config or {})}
        self.nlp = build_pipeline(self.config)
        self.workers = max(1, int(self.config.get("workers") or 1))
        # The workers are forked now, when this process holds little more than the pipeline:
        # what it takes up later (the articles, results, another library's data) is not shared
        # with them, so writing there copies no shared page. Forked at each audit instead, the
        # parent of a 2,000-article benchmark audit copied 28,000-40,000 pages, against
        # 1,500-5,700, and the audit took 4% longer (measured).
        self._owner = os.getpid()  # a process forked from this one does not own the workers
        self._pool: Any = self._forked_pool()

    def audit(self, articles: Iterable[Article]) -> Iterator[DocumentAudit]:
        """One DocumentAudit per article, in order, with stable finding ids."""
        if self.workers == 1 or not _can_fork():
            yield from audit_batch(self.nlp, articles, self.workers)
            return
        # Whole batches go to forked workers that already hold the loaded pipeline and return
        # small DocumentAudits; spaCy's own n_process would ship every Doc back, serialised,
        # which costs about as much as the audit itself.
        pool = self._pool = self._pool or self._forked_pool()
        ahead: deque[Future[bytes]] = deque()
        finished = False
        try:
            for batch in _batches(articles, WORKER_BATCH):
                ahead.append(pool.submit(_audit_in_worker, _pickled(batch)))
                if len(ahead) > AHEAD_PER_WORKER * self.workers:
                    yield from pickle.loads(ahead.popleft().result())
            while ahead:
                yield from pickle.loads(ahead.popleft().result())
            finished = True
        except BrokenProcessPool:
            # A worker that dies (an out-of-memory kill) takes its batch with it; the pool notices
            # and gives up at once, where a multiprocessing.Pool would wait for that batch forever.
            raise WorkerLost("an audit worker process ended in the middle of the audit (killed, perhaps "
                             "for want of memory); the audits read so far are kept") from None
        finally:
            if not finished:  # stopped part-way (Ctrl-C, an error, a reader that gave up): so do the workers
                self.close()

    def close(self) -> None:
        """Stop the worker processes, if any (a later audit forks new ones)."""
        pool, self._pool = getattr(self, "_pool", None), None
        if pool is not None and getattr(self, "_owner", None) == os.getpid():
            pool.shutdown(wait=True, cancel_futures=True)  # a batch already started is finished first
            gc.unfreeze()  # what was frozen at the fork (see _forked_pool) is collected as usual again

    def __enter__(self) -> Auditor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()

    def _forked_pool(self) -> Any:
        if self.workers == 1 or not _can_fork():
            return None
        return _forked_pool(multiprocessing.get_context("fork"), self.workers, self.nlp)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _forked_pool(context: Any, workers: int, nlp: Language) -> ProcessPoolExecutor:
    """A pool of forked workers holding `nlp`, forked now. The objects alive at the fork (the
    pipeline: over 100,000 of them) are frozen first, so that the workers' garbage collector
    never walks them, which would copy every page they sit on into each worker. They stay frozen
    in this process too, until the pool is closed (`Auditor.close` unfreezes them): its full
    collections, one or two in each 2,000-article audit as the results come in, walked them all,
    0.1-0.25 s of CPU taken from the workers' cores; they now walk the results alone (measured)."""
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_adopt_pipeline, initargs=(nlp,))
        pool.submit(os.getpid).result()  # a pool forks its workers at its first task
        return pool
    except BaseException:
        gc.unfreeze()
        raise


# The pipeline a forked worker process inherited from its parent (one per process, set once).
_WORKER_NLP: list[Language] = []


def _adopt_pipeline(nlp: Language) -> None:
    # Stopping is the parent's business: it shuts the pool down, and a Ctrl-C reaches it alone.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_NLP[:] = [nlp]


def _audit_in_worker(articles: bytes) -> bytes:
    """A pickled batch of articles in, their DocumentAudits pickled out.

    The pool moves bytes only. Handed the objects, it pickles and unpickles them itself, in
    its own threads: in a run of 2,000 generated articles on two cores that took 0.5 s of the
    parent's CPU against 0.3 s; in the benchmark the audit was 1-2% slower (measured with a
    multiprocessing.Pool)."""
    return _pickled(_sharing_strings(list(audit_batch(_WORKER_NLP[0], pickle.loads(articles)))))


def _sharing_strings(audits: list[DocumentAudit]) -> list[DocumentAudit]:
    """The audits, with equal messages and evidence words made one string object each. Pickle
    writes an object once and refers back to it after: a batch's findings repeat a few dozen
    messages hundreds of times, each built afresh. On 400 generated articles: 3,245 -> 2,209
    pickled bytes an article, and the parent reads them in 0.033 s instead of 0.088 s per
    2,000 (measured)."""
    shared: dict[str, str] = {}
    for audit in audits:
        for finding in audit.findings:
            finding.message = shared.setdefault(finding.message, finding.message)
            for key, value in finding.evidence.items():
                if isinstance(value, str):
                    finding.evidence[key] = shared.setdefault(value, value)
                elif isinstance(value, list):
                    finding.evidence[key] = [shared.setdefault(v, v) if isinstance(v, str) else v for v in value]
    return audits


def _pickled(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def audit_batch(nlp: Language, articles: Iterable[Article], n_process: int = 1) -> Iterator[DocumentAudit]:
    """Audits in this process (or with spaCy's n_process where fork is unavailable)."""
    stream = nlp.pipe((((a.text or ""), a.to_dict()) for a in articles), as_tuples=True,
                      batch_size=BATCH_SIZE, n_process=n_process)
    for doc, article_data in stream:
        yield document_audit(doc, article_data)


def document_audit(doc: Any, article_data: dict[str, Any]) -> DocumentAudit:
    text = article_data.get("text") or ""
    findings = [Finding(**f) for f in doc._.findings or []]
    findings = [f for f in findings if 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text]
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    audit = DocumentAudit(url=article_data.get("url") or "", disclaimer=doc._.disclaimer or "missing",
                          metrics=dict(doc._.metrics or {}), findings=findings)
    audit.assign_ids()
    return audit


def build_pipeline(config: dict[str, Any]) -> Language:
    """spacy.blank("en") (or the configured trained pipeline, when installed) plus our components."""
    nlp = _base_pipeline(str(config.get("spacy_model") or ""))
    rule_files = [str(p) for p in config.get("rule_files") or []]
    settings = {
        "healthaudit_structure": {"rule_files": rule_files},
        "healthaudit_claims": {"rule_files": rule_files},
        "healthaudit_disclaimer": {"required_text": str(config.get("required_disclaimer") or ""),
                                   "rule_files": rule_files},
        "healthaudit_readability": {"grade_target": float(config.get("grade_target", 8.0)),
                                    "hard_sentences": int(config.get("hard_sentences", 3)),
                                    "rule_files": rule_files},
        "healthaudit_trust": {"review_max_months": int(config.get("review_max_months", 24)),
                              "rule_files": rule_files},
    }
    for name in PIPES:
        nlp.add_pipe(name, config=settings[name], last=True)
    return nlp


def _base_pipeline(model: str) -> Language:
    if model:
        try:
            nlp = spacy.load(model, exclude=["senter", "sentencizer", "parser"])
            logger.info("using the trained pipeline %s", model)
            return nlp
        except OSError as exc:
            logger.warning("spaCy pipeline %r is not installed, using blank English: %s", model, exc)
    return spacy.blank("en")

"""The healthaudit command line: parses, loads config, calls the stages, nothing else."""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable

from runstore import RunStore, StoreError
from runstore.records import SEVERITIES
from runstore.store import ANALYSIS_FINISHED
from runstore.settings import ConfigError, load_config

EXIT_OK, EXIT_FAIL_ON, EXIT_USAGE, EXIT_RUN_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
logger = logging.getLogger("healthaudit")


class UsageError(Exception):
    """Bad usage, config or input: exit 2 with one line."""


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _terminated)  # a nightly job's timeout stops it like a Ctrl-C
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING if args.quiet else logging.INFO,
                        format="healthaudit: %(message)s")
    from analysis.failures import AnalysisFailed
    from crawler.files import DocumentError
    from crawler.stage import RunFailed

    try:
        return args.command(args)
    except (UsageError, ConfigError, StoreError, DocumentError, ValueError) as exc:
        print(f"healthaudit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RunFailed as exc:
        print(f"healthaudit: run failed: {exc}", file=sys.stderr)
        return EXIT_RUN_FAILED
    except AnalysisFailed as exc:
        print(f"healthaudit: audit failed: {exc}", file=sys.stderr)
        return EXIT_RUN_FAILED
    except KeyboardInterrupt:
        print("healthaudit: interrupted; what was stored is kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line for the nightly log, the traceback on request
        if os.environ.get("HEALTHAUDIT_DEBUG"):
            raise
        print(f"healthaudit: internal error: {type(exc).__name__}: {exc} "
              "(set HEALTHAUDIT_DEBUG=1 for the traceback)", file=sys.stderr)
        return EXIT_RUN_FAILED


def _terminated(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


# -- commands ------------------------------------------------------------------
def cmd_run(args: argparse.Namespace) -> int:
    from analysis.stage import analyze_run
    from crawler.stage import crawl_run

    config = _config(args)
    store = _store(config)
    previous = _previous_analysed(store)
    run_id = crawl_run(store, config["crawl"])
    analyze_run(store, run_id, config["audit"])
    code = _report(store, run_id, config, args, since=args.since or previous)
    store.set_run_status(run_id, "done", finished=True)
    return code


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.stage import crawl_run

    config = _config(args)
    store = _store(config)
    run_id = crawl_run(store, config["crawl"])
    store.set_run_status(run_id, "crawled", finished=True)
    print(run_id)
    return EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.stage import analyze_run

    config = _config(args)
    store = _store(config, must_exist=True)
    run_id = args.run or store.latest_run("articles")
    store.run(run_id)
    analyze_run(store, run_id, config["audit"])
    print(run_id)
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    config = _config(args)
    store = _store(config, must_exist=True)
    run_id = args.run or store.latest_run("audits")
    store.run(run_id)
    return _report(store, run_id, config, args, since=args.since)


def cmd_check(args: argparse.Namespace) -> int:
    from crawler.files import document_paths, read_document
    from reports.check_output import render_check

    config = _config(args)
    formats = _formats(args.format, ("text", "json"))
    articles, errors = [], []
    for name in document_paths(args.paths):
        article = read_document(name)
        if article is None:
            errors.append({"url": name, "reason": "no article text found"})
        else:
            articles.append(article)
    from analysis.audit import Auditor

    with Auditor(config["audit"]) as auditor:
        audits = list(auditor.audit(articles))
    sys.stdout.write(render_check(list(zip(articles, audits)), errors, formats[0]))
    severities = [f.severity for a in audits for f in a.findings]
    return _fail_on_code(config, severities)


def cmd_demo(args: argparse.Namespace) -> int:
    from demo.server import DEMO_PORT, SiteServer, demo_site_root

    try:  # the same port every time keeps URLs, and so finding ids, stable across demo runs
        server = SiteServer(demo_site_root(), port=DEMO_PORT)
    except OSError:
        server = SiteServer(demo_site_root())
    with server:
        logger.info("demo site served at %s", server.base_url)
        args.urls, args.delay, args.max_pages = [server.base_url + "/"], 0.0, args.max_pages
        args.since, args.format, args.fail_on = None, None, None
        code = cmd_run(args)
    return code


def cmd_triage(args: argparse.Namespace) -> int:
    from reports.triage_import import import_triage

    store = _store(_config(args), must_exist=True)
    if args.from_file:
        changed = import_triage(store, args.from_file)
        logger.info("%d triage statuses changed from %s", changed, args.from_file)
        return EXIT_OK
    if not args.id or not args.status:
        raise UsageError("give a finding ID and --status, or --from FILE")
    store.set_triage(args.id, args.status, args.note)
    logger.info("finding %s is now %s", args.id, args.status)
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    from reports.runs_list import render_runs

    store = _store(_config(args), must_exist=True)
    sys.stdout.write(render_runs(store.runs(), _formats(args.format, ("text", "json"))[0]))
    return EXIT_OK


# -- shared steps ----------------------------------------------------------------
def _report(store: RunStore, run_id: str, config: dict[str, Any], args: argparse.Namespace,
            since: str | None) -> int:
    from reports.write import FORMATS, write_reports

    formats = _formats(getattr(args, "format", None) or ",".join(config["report"]["formats"]), FORMATS)
    out = Path(args.out) if args.out else Path("reports") / run_id
    result = write_reports(store, run_id, formats, out, since)
    print(result.paths[0].resolve())
    return _fail_on_code(config, result.severities)


def _fail_on_code(config: dict[str, Any], severities: list[str]) -> int:
    threshold = config["report"]["fail_on"]
    if not threshold:
        return EXIT_OK
    if threshold not in SEVERITIES:
        raise UsageError(f"--fail-on must be one of {', '.join(SEVERITIES)}, got {threshold!r}")
    limit = SEVERITIES.index(threshold)
    tripped = [s for s in severities if s in SEVERITIES and SEVERITIES.index(s) <= limit]
    if tripped:
        logger.warning("%d findings at or above %s", len(tripped), threshold)
        return EXIT_FAIL_ON
    return EXIT_OK


def _config(args: argparse.Namespace) -> dict[str, Any]:
    crawl = {"max_pages": getattr(args, "max_pages", None), "delay": getattr(args, "delay", None),
             "concurrency": getattr(args, "concurrency", None)}
    if getattr(args, "urls", None):
        crawl["start_urls"] = list(args.urls)
    return load_config(args.config, {"crawl": crawl,
                                     "report": {"fail_on": getattr(args, "fail_on", None)},
                                     "store": {"db": args.db}})


def _store(config: dict[str, Any], must_exist: bool = False) -> RunStore:
    return RunStore(config["store"]["db"], create=not must_exist)


def _previous_analysed(store: RunStore) -> str | None:
    """What a run's findings are compared with: the newest run whose analysis finished. A run
    stopped or killed part-way audited only some articles; the findings of the others would
    all read as new."""
    try:
        return store.latest_run("audits", statuses=ANALYSIS_FINISHED)
    except StoreError:
        return None


def _formats(value: str | None, allowed: tuple[str, ...]) -> list[str]:
    formats = [f.strip() for f in (value or allowed[0]).split(",") if f.strip()]
    for fmt in formats:
        if fmt not in allowed:
            raise UsageError(f"unknown format {fmt!r}; use {', '.join(allowed)}")
    return formats


# -- the parser -----------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="healthaudit", description=(
        "Audit health articles across a website: unsupported claims, disclaimers, "
        "trust signals and readability."))
    add_commands(parser, {"run": cmd_run, "crawl": cmd_crawl, "analyze": cmd_analyze,
                          "report": cmd_report, "check": cmd_check, "demo": cmd_demo,
                          "triage": cmd_triage, "runs": cmd_runs})
    return parser


def add_commands(parser: argparse.ArgumentParser,
                 commands: dict[str, Callable[[argparse.Namespace], int]]) -> None:
    sub = parser.add_subparsers(dest="name", required=True, metavar="COMMAND")
    helps = {
        "run": "crawl, analyse and report in one go (the nightly entry point)",
        "crawl": "crawl only; store pages and articles in the run store",
        "analyze": "audit the articles of a crawl run (default: the latest)",
        "report": "write reports for a run",
        "check": "audit documents (.html, .md, .txt, directories, - for stdin) without crawling",
        "demo": "serve the bundled demo site on 127.0.0.1 and run the whole pipeline on it",
        "triage": "set a finding's triage status, or import statuses from an edited CSV/XLSX",
        "runs": "list past runs, newest first",
    }
    for name, func in commands.items():
        cmd = sub.add_parser(name, help=helps[name], description=helps[name])
        cmd.set_defaults(command=func)
        _common(cmd)
        if name in ("run", "crawl"):
            cmd.add_argument("urls", nargs="*", metavar="URL", help="start URLs (or [crawl] start_urls)")
        if name in ("run", "crawl", "demo"):
            _crawl_options(cmd)
        if name in ("analyze", "report"):
            cmd.add_argument("--run", metavar="ID", help="the run (default: the latest)")
        if name in ("run", "report", "demo"):
            cmd.add_argument("--out", metavar="DIR", help="where reports go (default ./reports/<run id>/)")
        if name in ("run", "report"):
            cmd.add_argument("--format", metavar="LIST", help="html,csv,xlsx,json (default: all)")
            cmd.add_argument("--since", metavar="ID", help="add the diff against an earlier run"
                             + (" (run: default the previous analysed run)" if name == "run" else ""))
        if name in ("run", "report", "check"):
            cmd.add_argument("--fail-on", metavar="SEVERITY", choices=SEVERITIES,
                             help="exit 1 when a finding at or above SEVERITY is found "
                                  "(with a diff, only new findings count)")
        if name == "check":
            cmd.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or -")
            cmd.add_argument("--format", metavar="FORMAT", help="text (default) or json")
        if name == "triage":
            cmd.add_argument("id", nargs="?", metavar="ID", help="the finding id")
            cmd.add_argument("--status", choices=("open", "accepted", "false-positive", "fixed"))
            cmd.add_argument("--note", help="why (kept in the triage history)")
            cmd.add_argument("--from", dest="from_file", metavar="FILE",
                             help="import the status/note columns of an edited findings CSV/XLSX")
        if name == "runs":
            cmd.add_argument("--format", metavar="FORMAT", help="text (default) or json")


def _common(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--config", metavar="FILE", help="a TOML config file; options override it")
    cmd.add_argument("--db", metavar="PATH", help="the run store (default ./healthaudit.db)")
    cmd.add_argument("-q", "--quiet", action="store_true", help="log only warnings and errors")


def _crawl_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--max-pages", type=int, metavar="N", help="stop a crawl after N pages")
    cmd.add_argument("--delay", type=float, metavar="SECONDS",
                     help="least time between two requests to the same site")
    cmd.add_argument("--concurrency", type=int, metavar="N", help="requests in flight per site")


if __name__ == "__main__":
    sys.exit(main())

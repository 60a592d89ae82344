"""Every setting of healthaudit, with its default and help text, and the TOML config loader."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """The config file or an option value is unusable."""


@dataclass(frozen=True)
class Setting:
    section: str
    name: str
    default: Any
    help: str


DEFAULT_USER_AGENT = "healthaudit/0.1 (+https://example.org/healthaudit; contact: webmaster@example.org)"

REGISTRY: tuple[Setting, ...] = (
    Setting("crawl", "start_urls", [], "Pages to start from (a site's home page is usual)."),
    Setting("crawl", "sitemaps", [], "Sitemap or sitemap-index URLs to read besides robots.txt's."),
    Setting("crawl", "allowed_domains", [], "Hosts that may be requested; default: the start URLs' hosts."),
    Setting("crawl", "include", [], "Regular expressions; when set, only matching URLs are crawled."),
    Setting("crawl", "exclude", [], "Regular expressions; matching URLs are never crawled."),
    Setting("crawl", "max_pages", 500, "Stop a crawl after this many pages."),
    Setting("crawl", "max_depth", 10, "Follow links at most this many hops from a start URL."),
    Setting("crawl", "user_agent", DEFAULT_USER_AGENT, "User-Agent header; put your contact in it."),
    Setting("crawl", "delay", 1.0, "Least seconds between two requests to the same site (0 for your own test server)."),
    Setting("crawl", "concurrency", 2, "Requests in flight per site."),
    Setting("crawl", "autothrottle", True, "Adapt the delay to the server's response times."),
    Setting("crawl", "obey_robots", True, "Obey robots.txt (leave on for sites you do not own)."),
    Setting("crawl", "timeout", 30, "Seconds before a request is abandoned."),
    Setting("crawl", "retries", 2, "Retries of a request that failed with 5xx, 429 or a network error."),
    Setting("crawl", "max_page_bytes", 10_000_000, "Responses larger than this are abandoned, not read into memory."),
    Setting("crawl", "max_redirects", 5, "Redirect hops followed from one URL; longer chains are recorded as failures."),
    Setting("crawl", "max_query_variants", 100, "Query-string variants of one path crawled at most (bounds calendar and filter traps)."),
    Setting("crawl", "max_pagination", 100, "Listing pages followed along one chain of next-page links."),
    Setting("crawl", "retry_backoff", 1.0, "Seconds before the first retry; doubled for each further retry (Retry-After wins)."),
    Setting("crawl", "max_wait", 60.0, "Longest wait honoured from a Retry-After header or a robots.txt Crawl-delay."),
    Setting("crawl", "max_delay", 30.0, "Upper bound of the delay AutoThrottle may reach on a slow site."),
    Setting("audit", "grade_target", 8.0, "Flesch-Kincaid grade above which readability.grade is reported."),
    Setting("audit", "hard_sentences", 3, "How many of the hardest sentences readability.sentence reports per article."),
    Setting("audit", "review_max_months", 24, "trust.date is reported when the last review is older than this."),
    Setting("audit", "required_disclaimer", "", "Exact disclaimer text your site requires; disclaimer.missing when absent."),
    Setting("audit", "rule_files", [], "Extra rule files (TOML) whose cue lists extend the bundled ones."),
    Setting("audit", "spacy_model", "", "An installed trained spaCy pipeline to use instead of the blank English one."),
    Setting("audit", "workers", 1, "Processes used to audit articles (use 2 on a two-core machine for large runs); "
            "they are started once, with the audit's pipeline."),
    Setting("report", "formats", ["html", "csv", "xlsx", "json"], "Report formats to write."),
    Setting("report", "fail_on", "", "Exit 1 when a finding at or above this severity is found."),
    Setting("store", "db", "healthaudit.db", "The run store (SQLite file)."),
)


def defaults() -> dict[str, dict[str, Any]]:
    config: dict[str, dict[str, Any]] = {}
    for setting in REGISTRY:
        value = setting.default
        config.setdefault(setting.section, {})[setting.name] = list(value) if isinstance(value, list) else value
    return config


def load_config(path: str | Path | None, overrides: dict[str, dict[str, Any]] | None = None
                ) -> dict[str, dict[str, Any]]:
    """Defaults, then the TOML file, then command-line overrides (None values are ignored)."""
    config = defaults()
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
        _merge(config, data, str(path))
    for section, values in (overrides or {}).items():
        _merge(config, {section: {k: v for k, v in values.items() if v is not None}}, "command line")
    return config


def _merge(config: dict[str, dict[str, Any]], data: dict[str, Any], origin: str) -> None:
    for section, values in data.items():
        if section not in config or not isinstance(values, dict):
            raise ConfigError(f"{origin}: unknown section [{section}]")
        for name, value in values.items():
            if name not in config[section]:
                raise ConfigError(f"{origin}: unknown setting {section}.{name}")
            config[section][name] = _coerce(section, name, value, config[section][name], origin)


def _coerce(section: str, name: str, value: Any, default: Any, origin: str) -> Any:
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if expected is list and isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ConfigError(f"{origin}: {section}.{name} must be {expected.__name__}, got {value!r}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise ConfigError(f"{origin}: {section}.{name} must not be negative")
    return value


def settings_markdown() -> str:
    """The settings tables of the README (`python -m runstore.settings` prints them)."""
    lines: list[str] = []
    section = None
    for setting in REGISTRY:
        if setting.section != section:
            section = setting.section
            lines += ["", f"**[{section}]**", "", "| setting | default | meaning |", "| --- | --- | --- |"]
        default = repr(setting.default).replace("True", "true").replace("False", "false").replace("'", '"')
        lines.append(f"| `{setting.name}` | `{default}` | {setting.help} |")
    return "\n".join(lines).strip() + "\n"


if __name__ == "__main__":
    print(settings_markdown(), end="")

"""Settings: defaults, TOML loading, overrides, clear errors, and every setting documented."""
from __future__ import annotations

from pathlib import Path

import pytest

from runstore.settings import REGISTRY, ConfigError, load_config

README = Path(__file__).resolve().parents[2] / "README.md"


def test_settings_defaults_then_file_then_command_line(tmp_path):
    path = tmp_path / "site.toml"
    path.write_text('[crawl]\nstart_urls = ["https://example.org/"]\nmax_pages = 50\ndelay = 2\n')
    config = load_config(path, {"crawl": {"max_pages": 7, "delay": None}})
    assert config["crawl"]["start_urls"] == ["https://example.org/"]
    assert config["crawl"]["max_pages"] == 7
    assert config["crawl"]["delay"] == 2.0
    assert config["audit"]["grade_target"] == 8.0


@pytest.mark.parametrize("content, message", [
    ("[crawl]\nmax_pagez = 3\n", "unknown setting crawl.max_pagez"),
    ("[crawling]\nx = 1\n", "unknown section"),
    ("[crawl]\nmax_pages = 'many'\n", "crawl.max_pages must be int"),
    ("[crawl]\ndelay = -1\n", "must not be negative"),
    ("[crawl\n", "not valid TOML"),
])
def test_settings_bad_config_names_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_settings_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "absent.toml")


@pytest.mark.parametrize("setting", REGISTRY, ids=lambda s: f"{s.section}.{s.name}")
def test_settings_every_setting_is_documented_in_the_readme(setting):
    assert f"`{setting.name}`" in README.read_text(encoding="utf-8")

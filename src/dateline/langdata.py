"""Language data: the YAML files under `dateline/data/`, merged with user folders.

The package ships `data/<lang>/<name>.yaml`; analysts extend it without
editing the package by pointing `DATELINE_DATA` (a `:`-separated list of
folders with the same layout) at their own files. Lists are concatenated,
mappings are merged (user keys win).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA = Path(__file__).parent / "data"
LANGUAGES = ("fr", "en")


def data_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("DATELINE_DATA", "").split(os.pathsep) if p]
    return [PACKAGE_DATA, *extra]


def _merge(base: Any, more: Any) -> Any:
    if isinstance(base, dict) and isinstance(more, dict):
        out = dict(base)
        for k, v in more.items():
            out[k] = _merge(out[k], v) if k in out else v
        return out
    if isinstance(base, list) and isinstance(more, list):
        return base + [x for x in more if x not in base]
    return more


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster on the lexicons


def read_yaml(stream: Any) -> Any:
    """Parse YAML safely (a file object or a string), with libyaml when PyYAML has it."""
    return yaml.load(stream, Loader=_LOADER)


@lru_cache(maxsize=None)
def load(name: str, lang: str | None = None) -> Any:
    """`load("triggers", "fr")` → data/fr/triggers.yaml merged with user folders; `load("taxonomy")` → data/taxonomy.yaml."""
    rel = Path(lang, f"{name}.yaml") if lang else Path(f"{name}.yaml")
    result: Any = None
    for d in data_dirs():
        path = d / rel
        if path.is_file():
            with open(path, encoding="utf-8") as f:
                content = read_yaml(f)
            result = content if result is None else _merge(result, content)
    if result is None:
        raise FileNotFoundError(f"no data file {rel} in {', '.join(map(str, data_dirs()))}")
    return result


@lru_cache(maxsize=None)
def cue_words(key: str, lang: str) -> frozenset:
    """The words of one list in data/<lang>/cues.yaml, lower case: `cue_words("accusation_verbs", "en")`."""
    return frozenset(str(w).lower() for w in load("cues", lang).get(key, []))

"""Turn the pipeline's frozen dataclasses into JSON (for the .docx and `--json`)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SCHEMA = "sitrep-nlg/embedded/1"


def jsonable(obj: object) -> Any:
    """Return ``obj`` as plain JSON data (dicts, lists, str, numbers, None).

    >>> jsonable({"a": (1, dt.date(2023, 11, 30))})
    {'a': [1, '2023-11-30']}
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, Mapping):
        return {str(k.value if isinstance(k, enum.Enum) else k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        items = [jsonable(v) for v in obj]
        return sorted(items, key=repr) if isinstance(obj, (set, frozenset)) else items
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, Path):
        return obj.as_posix()
    return obj


def dumps(obj: object) -> str:
    """Return deterministic, compact JSON for ``obj``."""
    return json.dumps(jsonable(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

"""Turn the pipeline's frozen dataclasses into JSON (for the .docx and `--json`), and back.

:func:`dumps` writes any frozen dataclass; :func:`loads` is its inverse for a given type:
``loads(dumps(obj), type(obj)) == obj`` and ``dumps(loads(text, T)) == text`` for text
:func:`dumps` wrote. :func:`loads` checks every value against the type hints and raises
:class:`LoadError` naming the key (``plan.sectors[0].bullets[2].key``) for anything else,
so a reader never sees a half-typed dict.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

SCHEMA = "sitrep-nlg/embedded/1"

T = TypeVar("T")


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


class LoadError(ValueError):
    """JSON data that do not fit the type they are read as; ``key`` names where."""

    def __init__(self, key: str, expected: str, got: object):
        self.key, self.expected = key or "(top)", expected
        self.got = _short(got)
        super().__init__(f"{self.key}: expected {expected}, got {self.got}")


def _short(value: object) -> str:
    text = "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) \
        else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def loads(text: str | bytes, cls: type[T]) -> T:
    """Return the JSON ``text`` read back as a ``cls`` (the inverse of :func:`dumps`).

    >>> from nlg.model import SourceRef
    >>> loads('{"file":"a.csv","row":3}', SourceRef)
    SourceRef(file='a.csv', row=3)
    >>> loads('{"file":"a.csv","row":"3"}', SourceRef)
    Traceback (most recent call last):
    ...
    nlg.serialise.LoadError: row: expected an integer, got '3'
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LoadError("", "JSON", str(exc)) from None
    except RecursionError:
        raise LoadError("", "JSON", "data nested too deeply") from None
    return decode(data, cls)


def decode(data: object, tp: Any, key: str = "") -> Any:
    """Return plain JSON ``data`` as a value of type ``tp`` (a dataclass, tuple, enum, ...)."""
    if dataclasses.is_dataclass(tp):
        return _dataclass(data, tp, key)  # type: ignore[arg-type]  # tp is a class here, never an instance
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union(data, typing.get_args(tp), key)
    if origin is tuple:
        return _tuple(data, typing.get_args(tp), key)
    if origin in (list, set, frozenset):
        (item,) = typing.get_args(tp)
        return origin(decode(v, item, f"{key}[{i}]") for i, v in enumerate(_list(data, key)))
    if origin in (dict, Mapping, typing.Mapping) or tp in (dict, Mapping):
        return _mapping(data, typing.get_args(tp) or (str, Any), key,
                        types.MappingProxyType if origin is not dict and tp is not dict else dict)
    if tp is Any or tp is object:
        return data
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(data)
        except ValueError:
            raise LoadError(key, "one of " + ", ".join(repr(m.value) for m in tp), data) from None
    return _scalar(data, tp, key)


@functools.cache
def _hints(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """Return (name, type, required) of each init field of dataclass ``cls``."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name], f.default is dataclasses.MISSING
                  and f.default_factory is dataclasses.MISSING)
                 for f in dataclasses.fields(cls) if f.init)


def _dataclass(data: object, cls: type, key: str) -> Any:
    if not isinstance(data, dict):
        raise LoadError(key, f"a mapping ({cls.__name__})", data)
    fields = _hints(cls)
    names = {name for name, _, _ in fields}
    unknown = sorted(str(k) for k in data if k not in names)
    if unknown:
        raise LoadError(_join(key, unknown[0]), f"no such key in {cls.__name__}", data[unknown[0]])
    values = {}
    for name, tp, required in fields:
        if name in data:
            values[name] = decode(data[name], tp, _join(key, name))
        elif required:
            raise LoadError(_join(key, name), "a value (the key is missing)", None)
    return cls(**values)


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _union(data: object, args: tuple, key: str) -> Any:
    if data is None and type(None) in args:
        return None
    options = [a for a in args if a is not type(None)]
    if len(options) == 1:
        return decode(data, options[0], key)
    for option in options:
        try:
            return decode(data, option, key)
        except LoadError:
            continue
    raise LoadError(key, " or ".join(getattr(a, "__name__", str(a)) for a in args), data)


def _list(data: object, key: str) -> list:
    if not isinstance(data, list):
        raise LoadError(key, "a list", data)
    return data


def _tuple(data: object, args: tuple, key: str) -> tuple:
    items = _list(data, key)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(decode(v, args[0], f"{key}[{i}]") for i, v in enumerate(items))
    if len(items) != len(args):
        raise LoadError(key, f"a list of {len(args)} items", data)
    return tuple(decode(v, a, f"{key}[{i}]") for i, (v, a) in enumerate(zip(items, args)))


def _mapping(data: object, args: tuple, key: str, make: Callable[[dict], Mapping]) -> Mapping:
    if not isinstance(data, dict):
        raise LoadError(key, "a mapping", data)
    ktype, vtype = args
    return make({decode(k, ktype, key): decode(v, vtype, _join(key, str(k))) for k, v in data.items()})


_SCALARS = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def _scalar(data: object, tp: Any, key: str) -> Any:
    if tp is type(None):
        if data is None:
            return None
        raise LoadError(key, "null", data)
    if tp in (dt.date, dt.datetime):
        if isinstance(data, str):
            try:
                return tp.fromisoformat(data)
            except ValueError:
                pass
        raise LoadError(key, "an ISO date", data)
    if tp is Path:
        if isinstance(data, str):
            return Path(data)
        raise LoadError(key, "a path", data)
    if tp not in _SCALARS:
        raise TypeError(f"{key}: cannot read values of type {tp!r}")   # a type nobody stores
    ok = (isinstance(data, bool) if tp is bool
          else isinstance(data, (int, float)) and not isinstance(data, bool) if tp is float
          else isinstance(data, int) and not isinstance(data, bool) if tp is int
          else isinstance(data, str))
    if not ok:
        raise LoadError(key, _SCALARS[tp], data)
    return data

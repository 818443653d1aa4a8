"""Analyse one phrasebank template: its slots, filters, literal words and logic.

Templates are logic-free (docs/ARCHITECTURE.md): text, ``{{ slot }}``,
``{{ 'word' | agree }}`` and ``{{ 'ABC' | acronym }}``. :func:`analyse` parses a
template with the project's sandboxed environment (without compiling it, so an
unknown filter is reported rather than raised) and lists what it uses.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, meta, nodes

#: Node types a logic-free template may contain.
_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const, nodes.Filter)
#: How to name the logic a template must not contain.
_LOGIC_NAMES = {
    "If": "an {% if %} block", "For": "a {% for %} loop", "Macro": "a {% macro %}",
    "Assign": "a {% set %}", "AssignBlock": "a {% set %} block", "Block": "a {% block %}",
    "Include": "an {% include %}", "Import": "an {% import %}", "FromImport": "an {% import %}",
    "Extends": "an {% extends %}", "With": "a {% with %} block", "FilterBlock": "a {% filter %} block",
    "CallBlock": "a {% call %} block", "CondExpr": "an inline 'if … else'", "Call": "a function call",
    "Getattr": "an attribute (x.y)", "Getitem": "an index (x[y])", "Test": "a test ('is …')",
    "Concat": "a concatenation (~)", "Compare": "a comparison",
}


@functools.lru_cache(maxsize=1)
def _parser():
    """Return the environment templates are parsed with: the settings of the drafting sandbox
    (:func:`nlg.realise.textenv.environment`, which refuses what :func:`analyse` finds), no filters."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters, env.globals, env.tests = {}, {}, {}
    return env


@dataclass(frozen=True)
class TemplateInfo:
    """What a template uses; ``error`` is set (and the rest empty) on a syntax error."""

    slots: frozenset[str] = frozenset()
    filters: tuple[str, ...] = ()
    logic: tuple[str, ...] = ()
    agreed: tuple[str, ...] = ()        # literal words piped to ``agree``
    acronyms: tuple[str, ...] = ()      # literal words piped to ``acronym``
    bold_marks: int = 0                 # number of ``**`` markers
    error: str = ""


def _logic_name(node: nodes.Node) -> str:
    name = type(node).__name__
    if name == "Const":
        return "a constant that is not text"
    return _LOGIC_NAMES.get(name, "an expression (" + name + ")")


def _walk(node: nodes.Node, logic: list[str]) -> None:
    """Collect the names of disallowed nodes (outermost only)."""
    for child in node.iter_child_nodes():
        if not isinstance(child, _ALLOWED) or (isinstance(child, nodes.Const)
                                               and not isinstance(child.value, str)):
            logic.append(_logic_name(child))
            continue
        _walk(child, logic)


def _literals(ast: nodes.Template, filter_name: str) -> tuple[str, ...]:
    return tuple(f.node.value for f in ast.find_all(nodes.Filter)
                 if f.name == filter_name and isinstance(f.node, nodes.Const)
                 and isinstance(f.node.value, str))


@functools.lru_cache(maxsize=8192)
def analyse(source: str) -> TemplateInfo:
    """Return what ``source`` uses.

    >>> info = analyse("{{ place }}**{{ count }} {{ 'were' | agree }} trained**")
    >>> sorted(info.slots), info.filters, info.agreed, info.bold_marks
    (['count', 'place'], ('agree',), ('were',), 2)
    >>> analyse("{% if count %}x{% endif %}").logic
    ('an {% if %} block',)
    >>> analyse("{{ count ").error != ""
    True
    """
    env = _parser().overlay()
    try:
        ast = env.parse(source)
    except TemplateSyntaxError as exc:
        return TemplateInfo(error=exc.message or str(exc))
    # meta compiles the template: let unknown filters and tests through, they are reported below
    env.filters = {**env.filters, **{f.name: str for f in ast.find_all(nodes.Filter)}}
    env.tests = {t.name: bool for t in ast.find_all(nodes.Test)}
    logic: list[str] = []
    _walk(ast, logic)
    return TemplateInfo(
        slots=frozenset(meta.find_undeclared_variables(ast)),
        filters=tuple(dict.fromkeys(f.name for f in ast.find_all(nodes.Filter))),
        logic=tuple(dict.fromkeys(logic)),
        agreed=_literals(ast, "agree"),
        acronyms=_literals(ast, "acronym"),
        bold_marks=source.count("**"),
    )

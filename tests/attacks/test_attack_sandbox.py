"""Issue 20, finding 2: a template in a user's phrasebank folder reaches nothing but its slots
and the two filters, through the Python API (prepare, check) as through the CLI. Each escape
route is a payload: it must be refused with a coded error or render harmless text, and never
run anything (the payloads would create a file named PWNED)."""
from __future__ import annotations

from pathlib import Path

import pytest

from attacks.attack_helpers import EN, ES, SAMPLE, draft
from nlg.api import prepare, realise_all
from nlg.check.findings import check
from nlg.errors import SitrepError
from nlg.model import Lang
from nlg.realise.textview import render

RUN = "system('touch PWNED')"
PAYLOADS = {
    "agreement object": "{{ _agreement.lang.numfmt.babel_dates.localtime.sys.modules.os.%s }}" % RUN,
    "acronyms object": "{{ _acronyms.render.__globals__['os'].%s }}" % RUN,
    "slot class": "{{ count.__class__.__mro__[1].__subclasses__() }}",
    "literal class": "{{ ''.__class__.__base__.__subclasses__() }}",
    "format globals": "{{ count.format.__globals__ }}",
    "template reference": "{{ self._TemplateReference__context }}",
    "jinja globals": "{{ lipsum.__globals__.os.%s }}" % RUN,
    "cycler": "{{ cycler.__init__.__globals__.os.%s }}" % RUN,
    "namespace": "{{ namespace.__init__.__globals__ }}",
    "attr filter": "{{ count | attr('__class__') }}",
    "filter internals": "{{ 'x' | agree | attr('__globals__') }}",
    "loop": "{% for x in count %}{{ x.__class__ }}{% endfor %}",
    "config": "{{ config.__class__.__init__.__globals__['os'].%s }}" % RUN,
    "range bomb": "{{ range(10**9) | list }}",
    "string bomb": "{{ count * 10**9 }}",
    "power at compile time": "{{ 10**10**10 }}",
    "nested loops": "{% for a in count %}{% for b in count %}{% for c in count %}x{% endfor %}{% endfor %}{% endfor %}",
    "format string": "{{ '{0.__class__.__mro__}'.format(count) }}",
}


def _bank(folder: Path, payload: str, *, hedge: bool = False) -> Path:
    (folder / "en").mkdir(parents=True, exist_ok=True)
    text = payload.replace('"', '\\"')
    if hedge:
        (folder / "en" / "report.yaml").write_text(f'hedges:\n  over: ["{text}", "more than"]\n',
                                                   encoding="utf-8")
    else:
        (folder / "en" / "sentences.yaml").write_text(
            f'RE-FS1:\n  main:\n    - "{{{{ place }}}}{{{{ count }}}} fed {text}"\n', encoding="utf-8")
    return folder


def _harmless(text: str) -> None:
    for leak in ("<module", "<class", "<function", "<built-in", "__", "os.", "subclasses"):
        assert leak not in text


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=list(PAYLOADS))
def test_payload_in_a_sentence_through_prepare(payload, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bank = _bank(tmp_path / "words", payload)
    try:
        text = render(realise_all(prepare(SAMPLE, phrasebanks=bank), (Lang.EN,))[Lang.EN])
    except SitrepError as exc:
        assert exc.problems[0].code in ("E316", "E317", "E318", "E319"), exc
        assert "phrasebank lint" in str(exc)
    else:
        fed = next(line for line in text.splitlines() if " fed " in line)
        _harmless(fed)
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=list(PAYLOADS))
def test_payload_in_a_hedge_through_check(payload, drafted, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bank = _bank(tmp_path / "words", payload, hedge=True)
    try:
        result = check([drafted / EN, drafted / ES], phrasebanks=bank)
    except SitrepError as exc:
        assert exc.problems[0].code.startswith(("E3", "E6")), exc
    else:
        for finding in result.findings:
            _harmless(str(finding))
    assert not (tmp_path / "PWNED").exists()


def test_payload_through_the_cli_is_a_coded_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    bank = _bank(tmp_path / "words", PAYLOADS["agreement object"])
    assert draft(tmp_path / "out", "--phrasebanks", str(bank)) == 2
    err = capsys.readouterr().err
    assert "[E316] a phrasebank template cannot be rendered: templates may not contain logic" in err
    assert "Traceback" not in err
    assert not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.docx"))

"""Issue 20, findings 4 and 9: `sitrep check` never says "clean" for figures that do not match,
and never crashes. Tampered embedded facts stop it (E671: sealed data) or are named (E672 no
seal, E673 another key); bidi controls, invisible characters and other digits are findings, never
hiding places; a loose hedge ("more than 90" for 906) is a finding; an entity bomb, a 200,000-deep
JSON and a paragraph of a million characters are findings or coded errors."""
from __future__ import annotations

import json
import re

import docx
import pytest
from test_check import bullet, set_text

from attacks.attack_helpers import EN, ES, rewrite
from nlg.check.findings import check
from nlg.cli import sitrep as cli
from nlg.word import ooxml as docx_xml
from nlg.word import seal as docx_seal

ITEM = "customXml/item1.xml"
ED5 = "EDU/RE-ED5"                  # stored 906, drafted "more than 900"


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def _embedded(blob: bytes) -> tuple[str, dict]:
    return docx_xml.embedded_attributes(blob)


def _tamper(text: str) -> str:
    data = json.loads(text)
    fact = next(f for f in data["facts"]["facts"] if f["key"] == ED5)
    fact["value"] = 950
    return json.dumps(data, ensure_ascii=False)


def _reword(path, old: str, new: str) -> None:
    document = docx.Document(str(path))
    p = bullet(document, ED5)
    assert old in p.text
    set_text(p, [p.text.replace(old, new)])
    document.save(str(path))


def test_tampered_embedded_facts_stop_the_check(out, capsys):
    def tamper(blob: bytes) -> bytes:
        text, attrs = _embedded(blob)
        extra = {k: v for k, v in attrs.items() if k not in ("documentHash", "hashAlgorithm")}
        return docx_xml.embedded_xml(_tamper(text), attrs["documentHash"], extra)
    rewrite(out / EN, {ITEM: tamper})
    _reword(out / EN, "more than 900", "more than 940")      # fits the forged 950
    assert cli.main(["check", str(out / EN), str(out / ES)]) == 2
    err = capsys.readouterr().err
    assert "[E671] the embedded data changed since sitrep wrote them" in err
    assert "Traceback" not in err


def test_facts_resealed_with_the_public_key_are_named_when_a_secret_key_is_used(
        drafted, tmp_path, monkeypatch):
    from attacks.attack_helpers import draft

    monkeypatch.setenv(docx_seal.KEY_VARIABLE, "our-office-secret")
    out = tmp_path / "out"
    assert draft(out) == 0

    def forge(blob: bytes) -> bytes:             # the forger knows the code, not the secret
        text, attrs = _embedded(blob)
        text = _tamper(text)
        monkeypatch.delenv(docx_seal.KEY_VARIABLE)
        extra = docx_seal.attributes(text, attrs["documentHash"], attrs["packageHash"])
        monkeypatch.setenv(docx_seal.KEY_VARIABLE, "our-office-secret")
        return docx_xml.embedded_xml(text, attrs["documentHash"], extra)
    rewrite(out / EN, {ITEM: forge})
    assert "E673" in codes(check([out / EN]))
    assert not check([out / EN]).clean


def test_a_draft_without_seal_says_its_facts_are_trusted(out):
    def unseal(blob: bytes) -> bytes:
        text, attrs = _embedded(blob)
        return docx_xml.embedded_xml(text, attrs["documentHash"])   # as older versions wrote
    rewrite(out / EN, {ITEM: unseal})
    result = check([out / EN])
    assert codes(result) == ["E672"]
    assert "trusted as stored" in result.findings[0].message


@pytest.mark.parametrize("written, code", [
    ("more than \u202e009\u202c", "E674"),                  # shows "more than 900"
    ("more than 9\u200b00", "E674"),
    ("more than \u0669\u0660\u0660", "E675"),               # Arabic-Indic 900
    ("more than \u06f9\u06f0\u06f0", "E675"),               # extended Arabic-Indic 900
])
def test_hidden_characters_and_other_digits_are_findings(out, written, code):
    _reword(out / EN, "more than 900", written)
    result = check([out / EN])
    assert code in codes(result)
    assert not result.clean


def test_a_bidi_override_cannot_hide_a_wrong_figure(out):
    _reword(out / EN, "more than 900", "more than \u202e009,1\u202c")   # shows "more than 1,900"
    found = codes(check([out / EN]))
    assert "E674" in found and "E610" in found


def test_a_loose_hedge_is_a_finding(out):
    _reword(out / EN, "more than 900", "more than 90")
    result = check([out / EN])
    assert codes(result) == ["E610"]
    assert "understates the stored value 906" in result.findings[0].message


def test_entity_bomb_in_core_properties_does_not_stop_the_check(out):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE cp:coreProperties [{laughs}]>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&l9;</dc:title></cp:coreProperties>')
    rewrite(out / EN, {"docProps/core.xml": bomb.encode()})
    result = check([out / EN])
    assert codes(result) == []                          # read: language from the file name


def test_deep_embedded_json_is_a_coded_error(out, capsys):
    def deepen(blob: bytes) -> bytes:
        text, attrs = _embedded(blob)
        return docx_xml.embedded_xml("[" * 200_000 + "]" * 200_000, attrs["documentHash"])
    rewrite(out / EN, {ITEM: deepen})
    assert cli.main(["check", str(out / EN)]) == 2
    err = capsys.readouterr().err
    assert re.search(r"\[E50[24]\]|\[E60[24]\]", err) and "Traceback" not in err


def test_a_paragraph_of_a_million_characters_is_a_finding(out):
    document = docx.Document(str(out / EN))
    document.add_paragraph("word " * 240_000)
    document.save(str(out / EN))
    result = check([out / EN])
    assert "E676" in codes(result)


def test_docx_bomb_is_refused_before_inflating(out, capsys):
    from attacks.attack_helpers import claim_size

    claim_size(out / EN, "word/styles.xml", 3_900 << 20)
    assert cli.main(["check", str(out / EN)]) == 2
    err = capsys.readouterr().err
    assert "[E670] refused: its part word/styles.xml inflates to 3,900 MiB (the limit is 64 MiB per part)" in err


def test_untouched_drafts_are_clean(drafted):
    assert check([drafted / EN, drafted / ES]).clean

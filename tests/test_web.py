"""The local web page without a browser: security rules, the form and report.yaml, uploads, drafts."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install -e '.[web]')")
pytest.importorskip("ruamel.yaml", reason="the web extra is not installed (pip install -e '.[web]')")

from starlette.testclient import TestClient  # noqa: E402

from nlg.model import Lang
from nlg.web import i18n  # noqa: E402
from nlg.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "peru-2023-11"
REAL = ROOT / "tests" / "data" / "real" / "Activities_5W_2022.xlsx"
BAD = ROOT / "tests" / "data" / "bad"
TOKEN = "test-token"
HEADERS = {"x-sitrep-token": TOKEN}
FORM = {"country": "PER", "period": "2023-11", "platform": "GTRM",
        "key_figures.refugees_and_migrants": "1540000", "data": "5w.xlsx"}


def client(folder: Path, *, host: str = "127.0.0.1", base: str = "http://127.0.0.1:8765") -> TestClient:
    return TestClient(create_app(folder, token=TOKEN), client=(host, 50000), base_url=base)


def tree(path: Path) -> set[str]:
    """Return every file and folder under ``path`` (relative)."""
    return {str(p.relative_to(path)) for p in path.rglob("*")}


def errors(html: str, field: str) -> str:
    """Return the text of a field's message box."""
    match = re.search(rf'id="f-{re.escape(field)}-err"[^>]*>(.*?)</div>', html, re.S)
    assert match, f"no message box for {field}"
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    target.mkdir()
    return target


@pytest.fixture()
def web(folder: Path) -> TestClient:
    return client(folder)


def upload(web: TestClient, path: Path, name: str | None = None, **form):
    return web.post("/upload", files={"export": (name or path.name, path.read_bytes())},
                    data=form, headers=HEADERS)


# -- who may connect --------------------------------------------------------------------------


def test_other_hosts_are_refused(folder):
    for host in ("192.168.1.20", "10.0.0.2", "testclient", "0.0.0.0"):
        response = client(folder, host=host).get("/")
        assert response.status_code == 403 and "E179" in response.text


def test_loopback_clients_are_served(folder):
    assert client(folder, host="127.0.0.1").get("/").status_code == 200
    assert client(folder, host="::1").get("/").status_code == 200


@pytest.mark.parametrize("base", ["http://evil.example:8765", "http://127.0.0.1.evil.example",
                                  "http://localhost.evil.example:8765", "http://192.168.1.20:8765"])
def test_dns_rebinding_host_headers_are_refused(folder, base):
    response = client(folder, base=base).get("/")
    assert response.status_code == 403 and "E180" in response.text


def test_localhost_names_are_served(folder):
    for base in ("http://localhost:8765", "http://127.0.0.1:9999", "http://LOCALHOST"):
        assert client(folder, base=base).get("/").status_code == 200


def test_posts_need_the_page_token_and_its_origin(web, folder):
    before = tree(folder)
    assert web.post("/act/save", data=FORM).status_code == 403                       # no token
    assert web.post("/act/save", data=FORM, headers={"x-sitrep-token": "guess"}).status_code == 403
    other = {**HEADERS, "origin": "http://evil.example"}
    assert web.post("/act/save", data=FORM, headers=other).status_code == 403
    cross = {**HEADERS, "sec-fetch-site": "cross-site"}
    assert web.post("/act/save", data=FORM, headers=cross).status_code == 403
    assert tree(folder) == before
    same = {**HEADERS, "origin": "http://127.0.0.1:8765", "sec-fetch-site": "same-origin"}
    assert web.post("/act/save", data=FORM, headers=same).status_code == 200


def test_the_page_carries_its_token_and_loads_nothing_from_elsewhere(web):
    html = web.get("/").text
    assert TOKEN in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "the page loads something from elsewhere"
    assert "htmx.min.js" in html and web.get("/static/htmx.min.js").status_code == 200
    assert "default-src 'self'" in web.get("/").headers["content-security-policy"]


# -- path traversal: every field and file name that becomes a path ----------------------------

TRAVERSALS = ["../evil.xlsx", "..\\evil.xlsx", "/tmp/evil.xlsx", "sub/evil.xlsx", "C:evil.xlsx",
              "C:\\evil.xlsx", ".evil.xlsx", "..", "evil.xlsx\x00.txt", "%2e%2e%2fevil.xlsx", " evil.xlsx",
              "CON.xlsx"]


@pytest.mark.parametrize("name", TRAVERSALS)
def test_upload_names_that_leave_the_folder_are_refused(web, folder, name):
    outside = tree(folder.parent)
    response = upload(web, SAMPLE / "5w.xlsx", name)
    assert response.status_code == 200
    kept = tree(folder.parent) - outside
    if re.search(r"E17[23]", response.text):
        assert not kept
    else:   # a plain name after all (the parser keeps a Windows path's base name; '%' is a character)
        assert len(kept) == 1 and next(iter(kept)).count("/") == 1 and ".." not in next(iter(kept))


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "..", "sub/../5w.xlsx", "..\\5w.xlsx"])
def test_data_fields_that_leave_the_folder_are_refused(web, folder, name):
    shutil.copy(SAMPLE / "5w.xlsx", folder / "5w.xlsx")
    response = web.post("/act/draft", data={**FORM, "data": name}, headers=HEADERS)
    assert "E172" in errors(response.text, "data")
    assert tree(folder) == {"5w.xlsx"}


@pytest.mark.parametrize("name", ["..%2Freport.yaml", "%2E%2E%2Freport.yaml", "..%5Creport.yaml",
                                  "%2Fetc%2Fpasswd", ".hidden"])
def test_downloads_stay_in_the_out_folder(web, folder, name):
    (folder / "report.yaml").write_text("country: PER\n", encoding="utf-8")
    response = web.get(f"/download/{name}")
    assert response.status_code in (400, 404)
    assert "country: PER" not in response.text


def test_a_link_out_of_the_out_folder_is_not_followed(web, folder, tmp_path):
    secret = tmp_path / "secret.docx"
    secret.write_text("secret", encoding="utf-8")
    (folder / "out").mkdir()
    (folder / "out" / "link.docx").symlink_to(secret)
    response = web.get("/download/link.docx")
    assert response.status_code == 400 and "secret" not in response.text


@pytest.mark.parametrize("name", ["../x.docx", "/tmp/x.docx", "a/b.docx", "x.txt"])
def test_check_upload_names_are_checked(web, folder, name):
    before = tree(folder.parent)
    response = web.post("/check", files={"docx": (name, b"PK")}, headers=HEADERS)
    assert re.search(r"E17[24]", response.text)
    assert tree(folder.parent) == before


def test_text_fields_never_become_paths(web, folder):
    shutil.copy(SAMPLE / "5w.xlsx", folder / "5w.xlsx")
    form = {**FORM, "platform": "../../GTRM", "situation.0.en": "../../../etc/passwd",
            "partners": "../x\n/etc/y", "key_figures.refugees_and_migrants.source": "..\\..\\z"}
    web.post("/act/draft", data=form, headers=HEADERS)
    assert tree(folder.parent) == {"report", *(f"report/{p}" for p in tree(folder))}
    assert {p for p in tree(folder)} <= {"5w.xlsx", "report.yaml", "out", "out/PER_2023-11_en.docx",
                                         "out/PER_2023-11_es.docx", "out/PER_2023-11_qa.xlsx"}


# -- the flow ---------------------------------------------------------------------------------


def test_an_upload_guesses_country_period_platform(web, folder):
    response = upload(web, SAMPLE / "5w.xlsx")
    assert (folder / "5w.xlsx").read_bytes() == (SAMPLE / "5w.xlsx").read_bytes()
    html = response.text
    for name, value in (("country", "PER"), ("period", "2023-11"), ("platform", "GTRM")):
        assert re.search(rf'name="{name}" type="text" value="{value}"', html), name
    assert not (folder / "report.yaml").exists()   # nothing saved before the form is valid


def test_a_real_export_is_guessed_and_kept_with_its_warnings(web, folder):
    response = upload(web, REAL)
    assert (folder / REAL.name).is_file()
    assert 'value="ARG"' in response.text and 'value="2022-08"' in response.text
    assert "W212" in response.text   # other countries' rows left out, said once per country


def test_a_bad_export_shows_its_errors_and_writes_nothing(web, folder):
    before = tree(folder.parent)
    response = upload(web, BAD / "bad_value.csv")
    assert "E214" in response.text and "Value (in USD)" in response.text and "bad_value.csv:2" in response.text
    assert tree(folder.parent) == before


def test_export_errors_found_when_drafting_are_shown_next_to_the_file(web, folder):
    shutil.copy(BAD / "bad_value.csv", folder / "bad_value.csv")
    html = web.post("/act/draft", data={**FORM, "data": "bad_value.csv"}, headers=HEADERS).text
    slug = re.search(r'id="exp-([0-9a-f]+)-err"[^>]*hx-swap-oob', html).group(1)
    box = re.search(rf'id="exp-{slug}-err"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "E214" in box and "Value (in USD)" in box
    assert not any((folder / "out").glob("*.docx"))
    assert 'href="/download/PER_2023-11_qa.xlsx"' in html      # the QA workbook lists the errors


def test_the_form_shows_the_config_messages_next_to_their_fields(web, folder):
    shutil.copy(SAMPLE / "5w.xlsx", folder / "5w.xlsx")
    form = {**FORM, "period": "2023-13", "key_figures.refugees_and_migrants": "1,540,000",
            "funding.funded_usd": "100"}
    html = web.post("/act/preview", data=form, headers=HEADERS).text
    assert "E113" in errors(html, "period")
    assert "E140" in errors(html, "key_figures-refugees_and_migrants")   # separators: "write 1540000"
    assert "E111" in errors(html, "funding-required_usd")
    assert errors(html, "country") == ""
    assert not (folder / "report.yaml").exists()


def test_saving_keeps_what_the_form_does_not_show(tmp_path):
    folder = tmp_path / "peru"
    shutil.copytree(SAMPLE, folder)
    web = client(folder)
    page = web.get("/").text
    assert 'value="1540000"' in page
    form = {k: v for k, v in FORM.items()}
    form["key_figures.refugees_and_migrants.source"] = "R4V, Government of Peru"
    form["key_figures.refugees_and_migrants.as_of"] = "2023-11-30"
    form["situation.0.en"], form["situation.0.es"] = "One bullet.", "Una viñeta."
    response = web.post("/act/save", data=form, headers=HEADERS)
    assert "report.yaml" in response.text
    text = (folder / "report.yaml").read_text(encoding="utf-8")
    assert text.startswith("# GTRM Peru situation report")          # comments kept
    assert "sector_notes:" in text and "Diversity that makes us grow" in text
    assert "One bullet." in text and "Una viñeta." in text and "CPP" not in text.split("sector_notes")[0]
    from nlg.config.report import load_config
    config = load_config(folder)
    assert config.situation[0].get(Lang.ES) == "Una viñeta." and config.key_figures["refugees_and_migrants"].value == 1540000  # noqa: E501
    assert config.partners == () and config.published is None        # the form left them empty


def test_saving_keeps_texts_in_languages_the_form_does_not_show(tmp_path):
    """A Brazil report (languages: [en, pt]): the form edits en/es, the pt texts stay."""
    from nlg.web import store

    folder = tmp_path / "bra"
    shutil.copytree(Path(__file__).resolve().parent.parent / "samples" / "brazil-2022-08", folder)
    path = folder / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "situation:\n  - {en: Old., pt: Antigo.}\n",
                    encoding="utf-8")
    document = store.read_document(folder)
    text = store.merged_text(document, {"country": "BRA", "period": "2022-08", "platform": "R4V",
                                        "key_figures": {"refugees_and_migrants": 10000},
                                        "situation": [{"en": "New."}, {"en": "Added."}]})
    from nlg.config.report import check_text
    config = check_text(folder, text)
    assert [s.get(Lang.EN) for s in config.situation] == ["New.", "Added."]
    assert [s.get(Lang.PT) for s in config.situation] == ["Antigo.", ""]
    assert config.languages == (Lang.EN, Lang.PT)


def test_draft_review_copy_and_downloads(web, folder):
    upload(web, SAMPLE / "5w.xlsx")
    html = web.post("/act/draft", data=FORM, headers=HEADERS).text
    links = re.findall(r'href="/download/([^"]+)"', html)
    assert links == ["PER_2023-11_en.docx", "PER_2023-11_es.docx", "PER_2023-11_qa.xlsx"]
    import io

    import docx
    for name in links[:2]:
        response = web.get(f"/download/{name}")
        assert response.status_code == 200
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
        assert ("Peru" if name.endswith("en.docx") else "Perú") in text
    html = web.post("/act/review", data=FORM, headers=HEADERS).text
    assert "PER_2023-11_review.docx" in html and (folder / "out" / "PER_2023-11_review.docx").is_file()


def test_a_reviewed_draft_is_never_overwritten(web, folder):
    import docx
    upload(web, SAMPLE / "5w.xlsx")
    web.post("/act/draft", data=FORM, headers=HEADERS)
    path = folder / "out" / "PER_2023-11_en.docx"
    document = docx.Document(str(path))
    document.add_paragraph("A reviewer's sentence.")
    document.save(str(path))
    edited = path.read_bytes()
    html = web.post("/act/draft", data=FORM, headers=HEADERS).text
    assert "E510" in html and "force" in html
    assert path.read_bytes() == edited
    html = web.post("/act/draft", data={**FORM, "force": "1"}, headers=HEADERS).text
    assert (folder / "out" / "PER_2023-11_en.edited-1.docx").read_bytes() == edited
    assert "PER_2023-11_en.edited-1.docx" in html


def test_preview_shows_both_languages_flags_and_data_problems(web, folder):
    upload(web, REAL)
    form = {"country": "ARG", "period": "2022-08", "platform": "R4V",
            "key_figures.refugees_and_migrants": "170000", "data": REAL.name}
    html = web.post("/act/preview", data=form, headers=HEADERS).text
    assert 'lang="en"' in html and 'lang="es"' in html and "Argentina" in html
    assert "W223" in html and "Activities_5W_2022.xlsx" in html      # file, row, column listed
    assert "row(s) outside the report period" in html
    assert 'href="/download/ARG_2022-08_qa.xlsx"' in html
    assert web.get("/download/ARG_2022-08_qa.xlsx").content.startswith(b"PK")


def test_preview_flags_an_indicator_no_catalogue_knows(web, folder, tmp_path):
    # the real exports' indicators all have entries (issue 12): an invented one gets the fallback
    export = tmp_path / "5w.csv"
    header = ("Country,Admin1,Month,Subsector,Indicator,Appealing_org,RMRPActivity,"
              "Quantity_output,Total_monthly,New_beneficiaries,IN_DESTINATION,Women,Men")
    export.write_text(header + "\nPeru,Lima,2023-11-01,Protection,# of people who received a bicycle,"
                      "HIAS,Yes,0,40,40,40,20,20\n", encoding="utf-8")
    upload(web, export)
    html = web.post("/act/preview", data={**FORM, "data": "5w.csv"}, headers=HEADERS).text
    assert 'class="flag"' in html and ("translation needed" in html or "falta la traducción" in html)


def test_check_an_uploaded_reviewed_draft(web, folder):
    pytest.importorskip("spacy")
    upload(web, SAMPLE / "5w.xlsx")
    web.post("/act/draft", data=FORM, headers=HEADERS)
    files = [("docx", (n, (folder / "out" / n).read_bytes()))
             for n in ("PER_2023-11_en.docx", "PER_2023-11_es.docx")]
    html = web.post("/check", files=files, headers=HEADERS).text
    assert "PER_2023-11_en.docx" in html and ("finding" in html or "Nothing to look at" in html)
    assert not (folder / ".sitrep-upload").exists()


# -- languages --------------------------------------------------------------------------------


def test_the_interface_follows_the_browser_and_the_switch(web):
    assert '<html lang="es">' in web.get("/", headers={"accept-language": "es-PE,es;q=0.9"}).text
    assert '<html lang="en">' in web.get("/", headers={"accept-language": "fr-FR,en;q=0.5"}).text
    switched = web.get("/?lang=en", headers={"accept-language": "es"})
    assert '<html lang="en">' in switched.text and "sitrep_lang=en" in switched.headers["set-cookie"]
    assert '<html lang="en">' in web.get("/", headers={"accept-language": "es"}).text  # remembered


def test_both_languages_have_every_label():
    en, es = i18n.labels("en"), i18n.labels("es")
    assert set(en) == set(es)
    assert all(v.strip() for v in [*en.values(), *es.values()])


# -- the command ------------------------------------------------------------------------------


def test_serve_help_and_a_busy_port(tmp_path, capsys):
    import socket

    from nlg.cli.sitrep import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    assert "--no-browser" in capsys.readouterr().out
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        assert main(["serve", str(tmp_path), "--port", str(port), "--no-browser"]) == 2
    assert "E171" in capsys.readouterr().err


def test_pdf_of_the_drafts_when_libreoffice_exists(web, folder):
    from nlg.word.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    upload(web, SAMPLE / "5w.xlsx")
    assert "E177" in web.post("/act/pdf", data=FORM, headers=HEADERS).text   # nothing drafted yet
    web.post("/act/draft", data=FORM, headers=HEADERS)
    html = web.post("/act/pdf", data=FORM, headers=HEADERS).text
    assert re.findall(r'href="/download/([^"]+\.pdf)"', html) == ["PER_2023-11_en.pdf", "PER_2023-11_es.pdf"]
    assert web.get("/download/PER_2023-11_es.pdf").content.startswith(b"%PDF")


def test_a_broken_report_yaml_is_shown_and_never_overwritten(web, folder):
    broken = "country: PER\nperiod: [2023-11\n# the drafter's notes\n"
    (folder / "report.yaml").write_text(broken, encoding="utf-8")
    assert "E104" in web.get("/").text
    html = web.post("/act/save", data=FORM, headers=HEADERS).text
    assert "E178" in errors(html, "_general")
    assert (folder / "report.yaml").read_text(encoding="utf-8") == broken


def test_drafting_imports_nothing_of_the_web_page(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from nlg.cli.sitrep import main; "
            f"main(['draft', {str(SAMPLE)!r}, '--out', {str(tmp_path / 'out')!r}]); "
            "print(sorted(m for m in sys.modules if m.startswith(('nlg.web', 'starlette', 'uvicorn', "
            "'ruamel', 'multipart'))))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"

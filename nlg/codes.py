"""The catalogue of error and warning codes: one table, one meaning per code.

Every :class:`~nlg.model.Problem` (and every ``sitrep check`` finding) carries a code of
this table; :func:`nlg.errors.error` and :func:`nlg.errors.warning` refuse any other.
A code keeps its meaning for ever: a new meaning takes a free number of its range, and
a test (``tests/test_codes.py``) checks that every code written in ``nlg/`` is here and
every code here is used. ``docs/codes.md`` is generated from this table
(``python tools/codes_table.py``); ``sitrep explain CODE`` prints one entry.

Like spaCy's ``errors.py``, a code may carry its message template (``{name}`` fields,
``str.format`` syntax): a call site that gives no message of its own gets it, with the
catalogue's hint. Most call sites still write their message (it names what was found);
the catalogue's ``title`` is then the meaning every such message must have.

Ranges: E0xx general, E1xx report.yaml and the report folder (E170-E183 the web page,
E184-E189 the drafter's notes,
E190-E199 refused values), E2xx/W2xx 5W data (W25x-W26x counting, W28x-W29x the drafter's
texts), E3xx/W3xx phrasebanks, E4xx the Word template, E5xx outputs, E6xx ``sitrep check``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from nlg.model import Severity

CODE_RE = re.compile(r"^[EW]\d{3}$")


@dataclass(frozen=True)
class Code:
    """One code: what it means, and (optionally) its message and hint templates."""

    code: str
    title: str            # the one meaning, as docs/codes.md and `sitrep explain` show it
    hint: str = ""        # what to do about it (a template when ``message`` is one)
    message: str = ""     # the message template of call sites that give none

    @property
    def severity(self) -> Severity:
        """Return ERROR for an E code, WARNING for a W code."""
        return Severity.ERROR if self.code.startswith("E") else Severity.WARNING

    def format(self, **fields: object) -> str:
        """Return the message template filled with ``fields`` (the title when there is none)."""
        return (self.message or self.title).format(**fields)


#: Sections of docs/codes.md: (first code, last code, heading), in order.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("E000", "E099", "General"),
    ("E100", "E169", "report.yaml, the report folder, batch and init"),
    ("E170", "E183", "The local web page (sitrep serve)"),
    ("E184", "E189", "report.yaml: the drafter's notes (sector_notes)"),
    ("E190", "E199", "Values report.yaml cannot take"),
    ("E200", "E299", "5W data: errors"),
    ("W200", "W229", "5W data: warnings"),
    ("W230", "W230", "The Word template: warnings"),
    ("W231", "W249", "5W data: warnings (reading the file)"),
    ("W250", "W269", "Counting: warnings"),
    ("W270", "W279", "5W data: warnings (several countries)"),
    ("W280", "W299", "The drafter's texts in report.yaml"),
    ("E300", "E399", "Phrasebanks: errors"),
    ("W300", "W399", "Phrasebanks: warnings"),
    ("E400", "E499", "The Word template"),
    ("E500", "E599", "Writing the outputs"),
    ("E600", "E609", "sitrep check: drafts it cannot read"),
    ("E610", "E669", "sitrep check: findings"),
    ("E670", "E699", "sitrep check: trust and limits"),
)

_ENTRIES = (
    # -- E0xx general ------------------------------------------------------------------
    Code("E000", "a problem the user can fix (the class of every sitrep error)"),
    # -- E1xx report.yaml and the report folder ----------------------------------------
    Code("E100", "report.yaml or the report folder is wrong (the class of E1xx errors)"),
    Code("E101", "the report folder does not exist", "give the folder that holds report.yaml",
         "report folder not found"),
    Code("E102", "the report folder has no report.yaml",
         "create report.yaml (see README, 'The report folder')", "no report.yaml in the report folder"),
    Code("E103", "report.yaml is not a text file (binary content, a device, a pipe or a folder)",
         "save report.yaml as plain text (UTF-8)"),
    Code("E104", "report.yaml is not valid YAML", "the line is named; check its indentation and colons"),
    Code("E105", "report.yaml is not a mapping of keys to values",
         "start with 'country: PER'",
         "report.yaml must be a mapping of keys to values"),
    Code("E110", "an unknown key (a did-you-mean names the close one)"),
    Code("E111", "a required key is missing"),
    Code("E112", "country is not an ISO 3166-1 alpha-3 code", "e.g. country: PER"),
    Code("E113", "period is not YYYY-MM or a range YYYY-MM..YYYY-MM in order"),
    Code("E114", "a value that must be text is not text"),
    Code("E115", "a value that must be a list or a mapping is not one"),
    Code("E116", "a value that must be a number (or a whole number) is not one"),
    Code("E117", "a date is not YYYY-MM-DD, or the day does not exist"),
    Code("E118", "a file or folder named in report.yaml is not found, or a data file is not a file (a folder, "
         "pipe or device)", "paths are relative to the report folder"),
    Code("E119", "funding.required_usd is not greater than zero"),
    Code("E120", "a text of report.yaml is given in no language"),
    Code("E121", "a style switch is not true or false"),
    Code("E122", "style.number_locale names an unknown locale"),
    Code("E123", "sector_notes names an unknown sector"),
    Code("E124", "a style option that takes one of a few words is given another (style.people_reached_table)"),
    Code("E125", "both country and countries are given"),
    Code("E126", "countries is not a list of distinct ISO 3166-1 alpha-3 codes"),
    Code("E127", "countries names no known sub-regional platform"),
    Code("E128", "a by-country value names a country that is not one of the report's countries"),
    Code("E130", "sitrep batch: two folders hold the same report (country and period)"),
    Code("E131", "sitrep batch: the root folder does not exist",
         "give the folder that holds the report folders",
         "batch root folder not found"),
    Code("E132", "sitrep batch: no report folder (with report.yaml) under the root",
         "give the folder that holds the report folders, e.g. samples/tree",
         "no report folder (with report.yaml) found"),
    Code("E133", "a key figure is given twice, at the top and under key_figures"),
    Code("E140", "a number written with thousands separators", "write the digits only, e.g. 14971"),
    Code("E141", "a key is given twice in report.yaml (both lines named)", "keep one of them"),
    Code("E142", "a path that must be a folder (phrasebanks:) is not one",
         "give the folder made by 'sitrep phrasebank init DIR'"),
    Code("E150", "sitrep phrasebank init: the folder exists and is not empty",
         "choose a new folder name",
         "the folder exists and is not empty; nothing was copied (it may hold your edits)"),
    Code("E151", "sitrep init: the folder already has a report.yaml",
         "edit that report.yaml, or give a new folder name",
         "the folder already has a report.yaml; nothing was written"),
    Code("E152", "sitrep init: the export is missing or not a .xlsx/.csv file"),
    Code("E160", "languages is not a list of language codes", "e.g. languages: [en, es]"),
    Code("E161", "languages names a language with no module in nlg/lang/ (known: en, es, pt)"),
    # -- E170-E189 the local web page ---------------------------------------------------
    Code("E170", "the web page's packages are not installed (the web extra)",
         "pip install 'sitrep-nlg[web]'"),
    Code("E171", "the web page's port is in use or cannot be opened", "choose another with --port"),
    Code("E172", "a file name is not a plain name inside the report folder",
         "give the file's name only, without a folder",
         "not a plain file name inside the report folder"),
    Code("E173", "an uploaded file is not a 5W export (.xlsx or .csv)"),
    Code("E174", "no reviewed draft uploaded, or one that is not a .docx"),
    Code("E175", "the report folder does not exist or cannot be written"),
    Code("E177", "no Word draft to convert to PDF yet", "press Draft first", "no Word draft to convert yet"),
    Code("E178", "report.yaml cannot be edited on the page (not readable as a YAML mapping)"),
    Code("E179", "a request refused: it does not come from this computer"),
    Code("E180", "a request refused: the Host header is not localhost (DNS rebinding)"),
    Code("E181", "a request refused: sent from another site (missing or wrong token)",
         "reload the page"),
    Code("E182", "the page asked for an action it does not know", "", "unknown action"),
    Code("E183", "an uploaded file is larger than 200 MB",
         "export only the month and country of the report", "the file is larger than 200 MB"),
    # -- E184-E189 the drafter's notes (sector_notes) ----------------------------------
    Code("E184", "a sector note names both an indicator and an activity (a note belongs to one bullet)",
         "keep the one its bullet's Word comment names"),
    Code("E185", "a sector note names an indicator or activity the phrasebank does not have",
         "write it as the bullet's Word comment names it (e.g. RE-HE5_PER, or activity newborn_kits)"),
    Code("E186", "a sector note names an indicator narrated under another sector",
         "put the note under the sector of its bullet"),
    # -- E190-E199 values report.yaml cannot take ----------------------------------------
    Code("E190", "report.yaml refused: YAML aliases expand too far, or lists and mappings nest too deeply"),
    Code("E191", "report.yaml is larger than the limit (1 MiB)"),
    Code("E192", "report.yaml cannot be read (permissions, a disk fault)"),
    Code("E193", "a number that is not finite (.inf, .nan)", "write the figure in digits, e.g. 1540000"),
    Code("E194", "a number larger than any report figure (or more people than live on Earth)",
         "check the figure"),
    Code("E195", "a period year outside 2000-2100", "write the month of the report, e.g. period: 2023-11"),
    Code("E196", "previous names a folder without report.yaml",
         "give the previous month's report folder, e.g. previous: ../2023-10"),
    Code("E197", "a text holds a character Word cannot store (C0 controls, U+FFFE, U+FFFF, lone surrogates)"),
    # -- E2xx 5W data: errors ------------------------------------------------------------
    Code("E200", "a 5W file cannot be read or has invalid rows (the class of E2xx errors)"),
    Code("E201", "a 5W file not found or cannot be opened",
         "check the path in report.yaml; close the file in Excel"),
    Code("E202", "a 5W file is empty, a workbook without sheets, or no header row found",
         "export again; name the sheet with sheet:"),
    Code("E203", "a 5W file is not readable: binary content, damaged or cut-off .xlsx, old .xls or "
         "password-protected", "re-export as .xlsx or CSV"),
    Code("E204", "the named sheet is not in the workbook", "use one of the sheet names listed in the hint"),
    Code("E205", "a required column is missing (Country, Admin1, Month, Appealing organisation, Sector, "
         "Indicator, and one of Total monthly / New beneficiaries / Quantity of output)",
         "rename the column or map it with columns:"),
    Code("E206", "a count is not a number (\"1.2k\", \"ten\")", "write digits only"),
    Code("E207", "a count is negative", "counts are 0 or more"),
    Code("E208", "a count has a fraction (only nlg.validate.values.parse_count; drafting accepts fractions, "
         "W221/W222)", "people and items are counted in whole numbers"),
    Code("E209", "\"1,234\" / \"1.234\" is ambiguous and nothing else in the file shows the convention",
         "write the number without separators"),
    Code("E210", "a month is empty or unreadable", "write YYYY-MM (dates, Excel dates, \"Nov-2023\" also work)"),
    Code("E211", "no row is in the report period", "check period, or export the right months"),
    Code("E212", "the report's country is not an ISO 3166-1 alpha-3 code", "e.g. PER, COL, ECU"),
    Code("E213", "a Yes/No cell is neither (Yes/No, Sí/No, True/False, 1/0 accepted)", "write Yes or No"),
    Code("E214", "a USD value is not an amount of 0 or more", "write the amount, e.g. 1500.50"),
    Code("E215", "a country cell names no known country",
         "write the country name (English or Spanish) or its ISO code"),
    Code("E216", "columns: maps a header to an unknown field", "use a field name such as total_monthly"),
    Code("E217", "the report period is not two months YYYY-MM in order"),
    Code("E218", "no 5W file in the report folder",
         "put the .xlsx or .csv export in the folder or list it under 'data:'",
         "no 5W file in the report folder"),
    Code("E230", "a workbook refused before it is read: too many parts, a part too large once inflated, "
         "or compressed like a zip bomb (docs/limits.md)", "export again"),
    Code("E231", "a CSV quote opened and never closed (the line is named), or a cell of over 16 million "
         "characters", "close the quote; export again"),
    # -- W2xx 5W data: warnings ----------------------------------------------------------
    Code("W201", "admin1 is empty"),
    Code("W202", "the appealing organisation is empty"),
    Code("W203", "the indicator is empty"),
    Code("W204", "the country is empty (the report's country, or the one its admin1 names, is assumed)"),
    Code("W205", "CVA = Yes without a transfer value (USD)"),
    Code("W206", "CVA = Yes without a delivery mechanism"),
    Code("W207", "a multipurpose cash row with CVA = No"),
    Code("W208", "New beneficiaries exceed Total monthly beneficiaries"),
    Code("W209", "the population-type breakdown differs from New beneficiaries"),
    Code("W210", "the age/gender breakdown differs from New beneficiaries"),
    Code("W211", "admin1 is on neither R4V's admin1 list nor ISO 3166-2 (accents, case, punctuation ignored)"),
    Code("W212", "rows for another country were left out (for a sub-regional report: a country that is "
         "not one of countries:)"),
    Code("W213", "a cell over 2,000 characters was cut"),
    Code("W214", "a formula-looking cell is kept as plain text, never evaluated"),
    Code("W215", "characters illegal in Word were removed from a cell"),
    Code("W216", "two columns give the same field (the first is used)"),
    Code("W217", "the sector is empty"),
    Code("W218", "a columns: entry matches no column of any file"),
    Code("W219", "a Direct Assistance row without a quantity of output"),
    Code("W220", "columns the tool does not know (all named in one warning per file)",
         "map one with columns: if it carries 5W data"),
    Code("W221", "apportioned decimals in a breakdown column kept, sums rounded half-up (one warning per "
         "column, with a count)"),
    Code("W222", "decimals in a count column rounded half-up (one warning per column, with a count)"),
    Code("W223", "double-encoded UTF-8 (\"CÃ³rdoba\") repaired (one warning per file, with a count)",
         "export again as UTF-8"),
    Code("W224", "admin1 names written as another name of an official one, shown in the official spelling",
         "use R4V's admin1 names"),
    Code("W225", "a Yes/No column the report does not narrate (COVID-19, Support Space) holds other "
         "values (read as No)"),
    Code("W230", "the template's external links were left out of the drafts (Word would fetch them)"),
    Code("W231", "mixed encodings: lines of a UTF-8 file that are not UTF-8, read as cp1252 (the lines "
         "are named)", "save again as \"CSV UTF-8\""),
    Code("W250", "an unknown sector label: its rows are reported under 'Other'",
         "add the label to an alias list in phrasebanks/sectors.yaml",
         "unknown sector label; its rows are reported under 'Other'"),
    Code("W251", "an indicator reported under another sector than its own"),
    Code("W252", "people_reached names an unknown sector (the override is ignored)"),
    Code("W260", "New beneficiaries are empty or 0 on every row: people reached cannot be counted"),
    Code("W261", "rows of indicators found in no RMRP catalogue are narrated but not counted"),
    Code("W262", "a people_assisted given in report.yaml lies outside [largest sector cell, sum of the table]"),
    Code("W263", "rows marked RMRP Activity = No are left out of the narration (style.narrate_non_rmrp)"),
    Code("W264", "a year-to-date people-reached table (style.people_reached_table) from an export that "
                 "lacks months since January: the missing months are named and not counted",
         "export the 5W rows from January to the report month, or use style.people_reached_table: period"),
    Code("W270", "a sub-regional report: rows with an empty country whose admin1 names no single one of "
         "the report's countries were left out", "fill in the country"),
    Code("W280", "the drafter's markup: bold or italics not closed (shown as typed)"),
    Code("W281", "the drafter's markup: a link not closed"),
    Code("W282", "the drafter's markup: a link address that is no web or e-mail address (kept as text)"),
    Code("W290", "a sector note names a bullet this report does not narrate (shown after the sector's "
         "bullets, flagged for review)", "delete the note this month, or name the bullet it belongs to"),
    # -- E3xx phrasebanks ----------------------------------------------------------------
    Code("E300", "a phrasebank is invalid (the class of E3xx errors)"),
    Code("E301", "a phrasebank file or folder not found"),
    Code("E302", "a phrasebank file is not valid YAML"),
    Code("E303", "a phrasebank file has no mapping at the top"),
    Code("E304", "a malformed phrasebank entry found while loading"),
    Code("E305", "a key given twice in a phrasebank file (YAML keeps only the last)"),
    Code("E306", "YAML read no/yes/on/off as a boolean where text was expected", "quote the word"),
    Code("E307", "a phrasebank value of the wrong shape, or a missing key"),
    Code("E308", "sitrep check cannot read a phrasebank file (missing, unreadable or not YAML)"),
    Code("E310", "sentences in one language with no twin in another"),
    Code("E311", "an indicator or activity without sentences; the generic sentences missing"),
    Code("E313", "a sentence form unknown, missing, or in one language only"),
    Code("E314", "a different number of variants in two languages"),
    Code("E315", "paired variants use different slots"),
    Code("E316", "logic (or an unsafe operation) in a template"),
    Code("E317", "a filter unknown, or used where it cannot work (agree with no counted noun)"),
    Code("E318", "a template uses an unknown slot"),
    Code("E319", "a template syntax error"),
    Code("E320", "a noun missing from a lexicon"),
    Code("E321", "a noun without (valid) gender in a language that needs one"),
    Code("E322", "the populations differ by language"),
    Code("E323", "an unknown population type or noun"),
    Code("E324", "an acronym missing from the lexicon"),
    Code("E325", "an unknown key in a phrasebank entry"),
    Code("E326", "an invalid value (measure, precision, kind, priority)"),
    Code("E327", "follows: names no other entry, is chained, or crosses sectors"),
    Code("E328", "an unknown sector, parent or entry (or a parent that is itself a sub-sector)"),
    Code("E329", "a wording recognises two things (an ambiguous label, alias or name)"),
    Code("E330", "a verb the agree rule cannot inflect (it needs a verbs entry)"),
    Code("E332", "the phrasebank's report texts: keys missing, or in one language only"),
    Code("E333", "an unbalanced ** bold marker"),
    Code("E334", "a plural the language's rules cannot make (give pl)"),
    Code("E336", "an empty template or form"),
    Code("E340", "catalogue: names no indicator of the shipped catalogues (or is not cycle/code)"),
    Code("E341", "an entry in no catalogue without its type"),
    Code("E342", "a catalogue indicator narrated by two entries"),
    Code("E343", "official catalogue indicators with no entry"),
    # -- W3xx phrasebanks ----------------------------------------------------------------
    Code("W312", "sentences nobody uses"),
    Code("W313", "a follow-up entry without a 'follow' form (its 'main' sentence is used)"),
    Code("W331", "agree changes nothing"),
    Code("W335", "an entry's code cannot be recognised in an indicator text"),
    Code("W337", "a noun in one lexicon only"),
    Code("W338", "two wordings nearly alike (a reworded export text could match either)"),
    Code("W340", "a file of the user's phrasebank folder that is no phrasebank file (ignored)", "",
         "not a phrasebank file: ignored when drafting"),
    Code("W342", "the checkout's phrasebanks/ was edited but the drafts read an installed copy"),
    # -- E4xx the Word template ----------------------------------------------------------
    Code("E400", "the Word template lacks something the tool needs (the class of E4xx errors)"),
    Code("E401", "the Word template cannot be opened"),
    Code("E402", "a style is missing from the Word template"),
    Code("E403", "a style of the Word template has the wrong type (paragraph, character, table)"),
    # -- E5xx outputs --------------------------------------------------------------------
    Code("E500", "an output cannot be written (the class of E5xx errors)"),
    Code("E501", "an output cannot be written: no permission, or open in Word"),
    Code("E502", "a draft's embedded data is not valid JSON"),
    Code("E503", "not a Word .docx file",
         "check the path; only .docx files written by sitrep can be read", "not a Word .docx file"),
    Code("E504", "the output folder cannot be created or written"),
    Code("E505", "the draft is open in Word or LibreOffice (its lock file is there); not overwritten"),
    Code("E506", "an edited draft cannot be read to keep it"),
    Code("E510", "the draft was edited after it was generated; not overwritten",
         "use --force to keep the edited file as a backup and write a new draft",
         "the document was edited after it was generated; not overwritten"),
    Code("E520", "LibreOffice is not installed (no PDF written)", "",
         "LibreOffice is not installed, so no PDF was written"),
    Code("E521", "LibreOffice could not convert the document to PDF"),
    Code("E522", "LibreOffice did not finish in time (no PDF written)"),
    Code("E523", "no such document to convert to PDF", "check the path", "no such document to convert"),
    Code("E530", "sitrep template without --out (a .docx is never written to the terminal or a pipe)"),
    Code("E531", "sitrep template: the file exists (add --force)",
         "choose another name, or add --force to replace it",
         "the file exists; not overwritten (it may hold your restyling)"),
    Code("E532", "sitrep template: not a .docx/.dotx name"),
    Code("E533", "a review copy was edited after it was written; not overwritten",
         "use --force to keep the edited copy as a backup and write a new one",
         "the review copy was edited after it was written; not overwritten"),
    Code("E540", "the QA workbook is open in Excel or LibreOffice; nothing was written"),
    Code("E541", "the QA workbook cannot be written"),
    Code("E560", "an existing draft refused by the size limits (docs/limits.md)"),
    Code("E561", "an existing draft cannot be read"),
    Code("E562", "the Word template refused by the size limits (docs/limits.md)"),
    Code("E563", "an output cannot be written: disk full or another write fault"),
    Code("E564", "a folder (or another non-file) has the name of the draft; not replaced",
         "rename or move it, or choose another output folder (--out)",
         "a folder (or another non-file) has the name of the draft; not replaced"),
    Code("E565", "the output folder is a report folder (it holds report.yaml)"),
    # -- E6xx sitrep check ---------------------------------------------------------------
    Code("E600", "sitrep check cannot read a draft (the class of E60x errors)"),
    Code("E601", "sitrep check: no such file"),
    Code("E602", "sitrep check: the document cannot be read"),
    Code("E603", "sitrep check: not a sitrep draft (no embedded facts and plan)"),
    Code("E604", "sitrep check: unknown or incomplete embedded data"),
    Code("E605", "sitrep check: the document's language cannot be told"),
    Code("E606", "sitrep check --data: the folder holds another report than the drafts"),
    Code("E607", "sitrep check needs spaCy, which is not installed",
         "pip install 'spacy>=3.7,<4' (it is a dependency of sitrep-nlg; reinstall it)",
         "sitrep check needs spaCy, which is not installed"),
    Code("E610", "figure: a figure the stored value does not support (allowing the stated hedge)"),
    Code("E620", "one-language: a figure in one language's draft and not in the other's"),
    Code("E630", "bullet-deleted: a bullet of the stored plan is gone"),
    Code("E631", "bullet-added: a paragraph in a sector that is neither a generated bullet nor a note"),
    Code("E640", "review-flag: a highlighted paragraph or REVIEW: text left in the document"),
    Code("E641", "placeholder: {{ … }}, […], <…>, XXX, TBD, TODO … left in the text"),
    Code("E650", "english-in-spanish: a sentence of a draft in another language (Spanish, Portuguese) "
         "that reads as English"),
    Code("E660", "data-changed: a fact whose value differs from the one stored"),
    Code("E670", "sitrep check: a draft refused by the size limits (docs/limits.md)"),
    Code("E671", "sitrep check: the embedded data changed since sitrep wrote them (seal mismatch)"),
    Code("E672", "unsealed-data: the embedded facts carry no seal (an older version); trusted as stored"),
    Code("E673", "seal-other-key: sealed under another SITREP_SEAL_KEY; whether they changed cannot be told"),
    Code("E674", "hidden-characters: bidi controls or invisible characters removed before reading"),
    Code("E675", "other-digits: digits of another script, read as 0-9"),
    Code("E676", "paragraph-too-long: only the first 100,000 characters were checked"),
)


#: Codes whose meaning moved to a new number (old code, new code, what moved): the old code
#: keeps its other meaning. docs/codes.md lists them; ``sitrep explain OLD`` says so.
RENUMBERED: tuple[tuple[str, str, str], ...] = (
    ("E305", "E308", "sitrep check could not read a phrasebank file; E305 is only a key given twice"),
)


def _table(entries: tuple[Code, ...]) -> Mapping[str, Code]:
    table: dict[str, Code] = {}
    for entry in entries:
        if not CODE_RE.match(entry.code) or entry.code in table:
            raise ValueError(f"bad or repeated code {entry.code!r} in nlg.codes")
        table[entry.code] = entry
    return MappingProxyType(dict(sorted(table.items())))


#: code -> :class:`Code`, sorted by code.
CODES: Mapping[str, Code] = _table(_ENTRIES)


def lookup(code: str) -> Code:
    """Return the catalogue entry of ``code``; ValueError for a code not in the catalogue.

    >>> lookup("E305").title
    'a key given twice in a phrasebank file (YAML keeps only the last)'
    """
    try:
        return CODES[code]
    except KeyError:
        raise ValueError(f"{code!r} is not in the catalogue of codes (nlg/codes.py)") from None


def moved(code: str) -> tuple[tuple[str, str, str], ...]:
    """Return the renumberings that took a meaning away from ``code`` or gave one to it.

    >>> moved("E308")[0][:2]
    ('E305', 'E308')
    """
    return tuple(r for r in RENUMBERED if code in r[:2])


def section(code: str) -> str:
    """Return the heading of the section ``code`` belongs to.

    >>> section("W231")
    '5W data: warnings (reading the file)'
    """
    return next(title for first, last, title in SECTIONS
                if code[0] == first[0] and first <= code <= last)

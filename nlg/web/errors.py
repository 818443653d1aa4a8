"""Errors of the local web page (codes E170-E189).

======  ==============================================================
code    meaning
======  ==============================================================
E170    the web page's packages are not installed (the ``web`` extra)
E171    the port is in use or cannot be opened
E172    a file name is not a plain name inside the report folder
E173    an uploaded file is not a 5W export (.xlsx or .csv)
E174    an uploaded reviewed draft is not a .docx
E175    the report folder does not exist or cannot be written
E176    no such file to download
E177    no draft to convert to PDF yet
E178    report.yaml cannot be edited on the page (not readable as YAML)
E179    request refused: it does not come from this computer
E180    request refused: the Host header is not localhost (DNS rebinding)
E181    request refused: sent from another site (missing or wrong token)
======  ==============================================================
"""
from __future__ import annotations

from nlg.errors import SitrepError


class WebError(SitrepError):
    """The page cannot do what was asked (a bad file name, a missing draft ...)."""

    code = "E170"

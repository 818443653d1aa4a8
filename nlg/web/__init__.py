"""The local web page of ``sitrep serve``: a form over a report folder, for drafters who never
open a terminal. Needs the ``web`` extra; nothing here is imported while drafting.

``app`` (routes) → ``actions`` (what the buttons do, through :mod:`nlg.api`, :mod:`nlg.draft.output`,
:mod:`nlg.draft.review`, :mod:`nlg.word.pdf`, :mod:`nlg.check.findings`) · ``forms`` / ``store``
(report.yaml, checked by :mod:`nlg.config.report`) · ``exports`` (uploads, guessed by
:mod:`nlg.validate.guess`) · ``folder`` (paths kept inside the folder) · ``security`` (this computer
only) · ``i18n`` + ``labels.yaml`` (interface words, EN/ES).
"""

"""sitrep-nlg: bilingual situation reports from 5W data.

The stages, each a module: config/load/validate -> aggregate -> select -> plan
-> realise -> assemble -> check. The Python API is in :mod:`nlg.api`.
"""
__version__ = "0.1.0"

"""`python -m nlg` runs the `sitrep` command."""
import sys

from nlg.cli import main

sys.exit(main())

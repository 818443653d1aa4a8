"""`python -m nlg` runs the `sitrep` command."""
import sys

from nlg.cli.sitrep import main

sys.exit(main())

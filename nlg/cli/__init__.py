"""The sitrep command: thin argument parsing and printing; one module per further command."""

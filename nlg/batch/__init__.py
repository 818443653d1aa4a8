"""Batch runs: every country's report of a month, in parallel, reproducibly, with a manifest."""

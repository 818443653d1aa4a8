"""Raw rows to a typed Dataset of activities: every cell checked, repaired where real exports need it."""

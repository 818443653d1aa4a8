"""Content determination: facts aggregated from the dataset, what each sector narrates, the plan."""

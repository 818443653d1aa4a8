"""The report folder's report.yaml: read strictly, checked against its schema, platforms resolved."""

"""Drafts on disk: the documents of every language and the QA workbook, written all or none."""

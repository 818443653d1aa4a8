"""Reading 5W exports (.xlsx, .csv) into raw tables: header dialects, cells as written, Excel row numbers."""

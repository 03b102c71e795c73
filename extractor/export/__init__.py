"""Tables: the rows of every exported table (``rows.TABLES``) and the writers of Parquet,
CSV, XLSX and JSON Lines (pandas and pyarrow).
"""

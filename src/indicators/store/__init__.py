"""The DuckDB store, and nothing else: its tables (`tables`), the SQL of a load (`staging`),
what differs between loads (`changes`) and the `Store` of revisions (`revisions`)."""

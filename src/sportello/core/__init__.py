"""Domain, services and storage. Never imports Qt (checked by import-linter)."""

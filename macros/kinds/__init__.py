"""Each kind of record as data: how a valid file becomes a record, what its schema cannot check,
its open-data columns. Declared together in macros/registry.py."""

"""SQLite: the engine of one server, in a file of its data directory."""

"""PostgreSQL: the engine of servers that share one database (API §15)."""

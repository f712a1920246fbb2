"""SQLite storage: the only place in relaydesk that speaks SQL."""

"""The event log's live side: fan-out to subscribers, cursors, compaction."""

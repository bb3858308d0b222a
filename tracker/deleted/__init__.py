"""Deleted items: the page listing soft-deleted records, restoring them, and purging."""

"""Receivers for task lists and village rules (e.g. rebuilding TaskItem rows on publish)."""

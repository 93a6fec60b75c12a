"""Admin UI for task lists and village rules."""

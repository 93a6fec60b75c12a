"""Admin UI for regulations: Word import, version preview, menu items."""

"""Receivers for regulations (publishing, versions)."""

"""Turning documents as the county writes them (Word files, plain text) into the body stream."""

from .text import ParsedDocument, ParseError, parse_lines  # noqa: F401

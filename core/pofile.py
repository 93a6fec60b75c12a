"""Read gettext .po catalogues and write .mo files in pure Python.

The project's locale (locale/zh_Hans) is committed compiled, so a fresh clone shows Chinese without
GNU gettext installed; this module lets anyone rebuild the .mo without it
(`python -m core.pofile locale/zh_Hans/LC_MESSAGES/django.po`) and lets the tests check that the
committed .mo is exactly the compiled .po."""

import ast
import re
import struct
import sys
from pathlib import Path

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def parse(path):
    """The entries of a .po file as dicts (msgctxt, msgid, msgid_plural, msgstr or msgstr[N],
    plus `flags`), in file order. Obsolete (#~) entries are ignored."""
    entries = []
    entry, field = {"flags": set()}, None
    for raw in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := _KEYWORD.match(line):
            field = match.group(1)
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
        else:
            raise ValueError(f"{path}: cannot read line {raw!r}")
    return entries


def catalog(entries):
    """{key: translation} as a .mo stores it: context and msgid joined by EOT, singular and plural
    msgids by NUL, plural translations by NUL. Untranslated and fuzzy entries are left out (the
    header, msgid "", is always kept), as msgfmt does."""
    result = {}
    for entry in entries:
        if "fuzzy" in entry["flags"] and entry["msgid"]:
            continue
        key = entry["msgid"]
        if "msgid_plural" in entry:
            key += "\0" + entry["msgid_plural"]
            forms = sorted(k for k in entry if k.startswith("msgstr["))
            value = "\0".join(entry[k] for k in forms)
        else:
            value = entry.get("msgstr", "")
        if "msgctxt" in entry:
            key = entry["msgctxt"] + "\x04" + key
        if value.strip("\0") or not entry["msgid"]:
            result[key] = value
    return result


def mo_bytes(messages):
    """A little-endian GNU .mo file for {key: translation}, keys sorted, no hash table."""
    keys = sorted(messages)
    ids = [k.encode("utf-8") for k in keys]
    strs = [messages[k].encode("utf-8") for k in keys]
    count = len(keys)
    ids_start = 7 * 4 + count * 16
    id_table, offset = [], ids_start
    for data in ids:
        id_table.append((len(data), offset))
        offset += len(data) + 1
    str_table = []
    for data in strs:
        str_table.append((len(data), offset))
        offset += len(data) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in id_table + str_table)
    return header + tables + b"".join(d + b"\0" for d in ids) + b"".join(d + b"\0" for d in strs)


def compile_po(po_path):
    """Write the .mo next to the .po and return its path."""
    po_path = Path(po_path)
    mo_path = po_path.with_suffix(".mo")
    mo_path.write_bytes(mo_bytes(catalog(parse(po_path))))
    return mo_path


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(compile_po(name))

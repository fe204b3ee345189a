"""Reading the interface catalogues (locale/<lang>/LC_MESSAGES/django.po) without a third-party
library: the checks in tests/lms/test_catalogues.py and `manage.py check_catalogues` use it."""

import re
from dataclasses import dataclass, field
from pathlib import Path

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)


def _unquote(text: str) -> str:
    text = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def read_po(path) -> tuple[dict[str, str], list[Entry]]:
    """(header fields, entries) of a .po file; obsolete (#~) entries are left out."""
    entries: list[Entry] = []
    current: dict | None = None
    target = None

    def finish():
        if current and current.get("msgid") is not None:
            entries.append(
                Entry(
                    msgid=current["msgid"],
                    msgctxt=current.get("msgctxt"),
                    msgid_plural=current.get("msgid_plural"),
                    msgstr=current.get("msgstr", ""),
                    msgstr_plural=current.get("plural", {}),
                    flags=current.get("flags", set()),
                )
            )

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            current, target = None, None
            continue
        if current is None:
            current = {}
        if line.startswith("#,"):
            current.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.groups()
            if index is not None:
                current.setdefault("plural", {})[int(index)] = _unquote(value)
                target = ("plural", int(index))
            else:
                current[keyword] = _unquote(value)
                target = keyword
        elif line.startswith('"') and target is not None:
            if isinstance(target, tuple):
                current["plural"][target[1]] += _unquote(line)
            else:
                current[target] += _unquote(line)
    finish()
    header_entry = next((e for e in entries if e.msgid == "" and e.msgctxt is None), None)
    header = {}
    if header_entry:
        for part in header_entry.msgstr.splitlines():
            name, _, value = part.partition(":")
            if name:
                header[name.strip()] = value.strip()
    return header, [e for e in entries if e.msgid != "" or e.msgctxt is not None]


def nplurals(header: dict[str, str]) -> int | None:
    match = re.search(r"nplurals\s*=\s*(\d+)", header.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None

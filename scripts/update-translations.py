#!/usr/bin/env python3
"""Collects every interface string of Waypoint and brings the translation files up to date.

The strings are the English texts given to the localizer in the code and the pages: L["..."], localizer["..."],
l["..."]. They are written to src/Waypoint/Localization/Translations/waypoint.pot (the template translators start
from), and every <lang>.po beside it gains the new strings (untranslated) and loses the ones no longer used, keeping
every existing translation. Run it after changing interface text; the tests fail when a language lacks a string.

Usage: scripts/update-translations.py [--check]    (--check: exit 1 if the files are not up to date, change nothing)
"""
import csv
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "Waypoint"
TRANSLATIONS = SOURCE / "Localization" / "Translations"
LANGUAGES = ROOT / "data" / "reference" / "eu-languages.csv"

# A C# regular or verbatim-free string literal given to a localizer indexer.
CALL = re.compile(r'\b(?:L|l|localizer|_localizer)\[\s*"((?:[^"\\]|\\.)*)"')


def unescape(literal: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), literal)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def collect() -> dict:
    strings = {}
    for path in sorted(SOURCE.rglob("*")):
        if path.suffix not in (".cs", ".cshtml") or any(p in ("bin", "obj", "node_modules") for p in path.parts):
            continue
        text = path.read_text(encoding="utf-8")
        for match in CALL.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            key = unescape(match.group(1))
            strings.setdefault(key, []).append(f"{path.relative_to(SOURCE)}:{line}")
    return strings


def read_po(path: pathlib.Path) -> dict:
    """msgid -> (msgstr, flags). Flags ("#, same-as-english") are the translator's and are kept."""
    entries, key, value, current, flags = {}, None, None, None, []

    def flush():
        if key:
            entries[key] = (value or "", list(flags))

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            if key is not None and value is not None:
                flush()
                key, value, current, flags = None, None, None, []
            flags.append(line)
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            if value is not None:
                flush()
                flags = []
            key, value, current = unescape(line[7:-1]), None, "id"
        elif line.startswith("msgstr "):
            value, current = unescape(line[8:-1]), "str"
        elif line.startswith('"'):
            if current == "id":
                key += unescape(line[1:-1])
            else:
                value += unescape(line[1:-1])
    flush()
    return entries


def render(strings: dict, language: str | None, translations: dict) -> str:
    header = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"']
    if language:
        header.append(f'"Language: {language}\\n"')
    out = "\n".join(header) + "\n"
    for key in sorted(strings, key=lambda k: (strings[k][0], k)):
        text, flags = translations.get(key, ("", []))
        out += "\n" + "".join(f"#: {ref}\n" for ref in strings[key][:3]) + "".join(f"{flag}\n" for flag in flags)
        out += f"msgid {quote(key)}\nmsgstr {quote(text if language else '')}\n"
    return out


def main() -> int:
    check = "--check" in sys.argv
    strings = collect()
    codes = [row["iso639_1"] for row in csv.DictReader(LANGUAGES.open(encoding="utf-8")) if row["iso639_1"] != "en"]
    wanted = {TRANSLATIONS / "waypoint.pot": render(strings, None, {})}
    for code in codes:
        po = TRANSLATIONS / f"{code}.po"
        wanted[po] = render(strings, code, read_po(po) if po.exists() else {})
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if check:
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)} (run scripts/update-translations.py)")
        return 1 if stale else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for p in stale:
        p.write_text(wanted[p], encoding="utf-8")
    print(f"{len(strings)} strings; {len(stale)} file(s) updated in {TRANSLATIONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

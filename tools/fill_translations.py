"""Fill unfinished entries of a .ts file from a table of translations (a developer aid).

Usage: python tools/fill_translations.py resources/i18n/reception_zh_CN.ts TABLE.tsv
TABLE.tsv lines: ``context<TAB>source<TAB>translation`` (context ``*`` matches any);
``\\n`` in a cell is a newline. Entries already translated are left alone.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def load(table: str) -> dict[tuple[str, str], str]:
    out = {}
    for line in open(table, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        ctx, src, tr = line.rstrip("\n").split("\t")
        out[(ctx, src.replace("\\n", "\n"))] = tr.replace("\\n", "\n")
    return out


def main() -> int:
    ts, table = sys.argv[1], sys.argv[2]
    mapping = load(table)
    tree = ET.parse(ts)
    missing = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            src = m.find("source").text
            tr = m.find("translation")
            if tr.get("type") != "unfinished":
                continue
            text = mapping.get((name, src), mapping.get(("*", src)))
            if text is None:
                missing.append((name, src))
                continue
            del tr.attrib["type"]
            if m.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                ET.SubElement(tr, "numerusform").text = text
            else:
                tr.text = text
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    with open(ts, encoding="utf-8") as f:
        body = f.read()
    with open(ts, "w", encoding="utf-8") as f:
        f.write(body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1))
    for name, src in missing:
        print(f"untranslated: {name}: {src!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

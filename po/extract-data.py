#!/usr/bin/env python3
# extract-data.py: the texts of the 7-day plan and of the crisis resources,
# which live in JSON (data/plans/, data/crisis/) where xgettext cannot read
# them, as a translation template.
#
#   extract-data.py SRCROOT OUTPUT.pot     (`ninja -C build rewire-data-pot`
#                                           writes po/rewire-data.pot)
#
# Each text gets the context "plan" or "crisis" and a comment naming the
# field it comes from. Nothing looks the translations up yet: that is for
# the loaders in src/core/rw-plan.c and rw-crisis.c (g_dpgettext2 with the
# same context), and `msgcat po/rewire.pot po/rewire-data.pot` gives
# translators one template.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import sys

# What a person reads; ids, kinds, links, tags, numbers, addresses and dates
# stay as they are.
SOURCES = [
    ("data/plans/starter-week.json", "plan", {
        "title", "summary", "if_mood_drops.text", "days[].title", "days[].why", "days[].tasks[].text",
        "days[].tasks[].prompt", "checklist[].text",
    }),
    ("data/crisis/crisis-resources.json", "crisis", {
        "countries[].name", "countries[].services[].name", "countries[].services[].how",
    }),
]


def walk(node, path, fields, found):
    if isinstance(node, dict):
        for key, value in node.items():
            walk(value, f"{path}.{key}" if path else key, fields, found)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, f"{path}[]", fields, found)
    elif isinstance(node, str) and path in fields and node:
        found.append((path, node))


def quote(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def extract(root):
    """Returns the entries: (context, msgid, [(file, field)])."""
    entries = {}
    for rel, context, fields in SOURCES:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            data = json.load(f)
        found = []
        walk(data, "", fields, found)
        # A renamed key would silently drop its texts from the template.
        missing = fields - {field for field, _ in found}
        if missing:
            sys.exit(f"{rel}: no text found for {', '.join(sorted(missing))}")
        for field, text in found:
            entries.setdefault((context, text), []).append((rel, field))
    return entries


def write_pot(entries, out):
    header = ["Project-Id-Version: rewire", "Report-Msgid-Bugs-To: ",
              "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE",
              "Last-Translator: FULL NAME <EMAIL@ADDRESS>",
              "Language-Team: LANGUAGE <LL@li.org>", "Language: ", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"]
    out.write('msgid ""\nmsgstr ""\n')
    for field in header:
        out.write(quote(field + "\n") + "\n")
    for (context, text), places in entries.items():
        out.write("\n")
        for field in sorted({field for _, field in places}):
            out.write(f"#. {field}\n")
        out.write("#: " + " ".join(sorted({rel for rel, _ in places})) + "\n")
        out.write(f"msgctxt {quote(context)}\nmsgid {quote(text)}\nmsgstr \"\"\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    entries = extract(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        write_pot(entries, out)
    print(f"{len(entries)} texts written to {sys.argv[2]}")


if __name__ == "__main__":
    main()

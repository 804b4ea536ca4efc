#!/usr/bin/env python3
# check-layers.py: the layers of STYLE.md hold, run by `meson test --suite layers`.
#
#   check-layers.py SRCROOT
#
# - The app (src/*.c, src/*.h) reaches data only through the core's
#   objects: its code names no RwDatabase, rw_database_*, rw_check_in_sql_*,
#   sqlite3 or rw_journal_get_database, and no header of the SQL layer
#   reaches it, neither included directly nor through another header
#   (rw-core.h, the app's umbrella, included).
# - The core (src/core/) and the command line (src/cli/) never include a
#   GTK, GDK or libadwaita header, directly or through another header.
#
# Comments are left out, so that a comment may say what is not allowed.
# Prints every breach as FILE:LINE: what, and exits 1 if there is one.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

APP_FORBIDDEN_NAMES = re.compile(r"\b(RwDatabase\w*|rw_database_\w*|rw_check_in_sql_\w*|sqlite3\w*|"
                                 r"rw_journal_get_database|rw_journal_new_for_database)\b")
# The SQL layer: what only the core, the command line and tests may include.
SQL_HEADERS = {
    "rw-check-in-sql.h", "rw-core-sql.h", "rw-csv.h", "rw-database.h", "rw-draft.h",
    "rw-export.h", "rw-import.h", "rw-journal-private.h", "rw-json-io.h", "rw-plan-sql.h", "rw-report-sql.h",
    "rw-safety-plan-sql.h", "rw-safety-sql.h", "rw-series-sql.h", "rw-tag-list-private.h", "sqlite3.h",
    "rw-session-sql.h", "rw-assessment-sql.h", "rw-around-sessions-sql.h",
}
GUI_HEADER = re.compile(r"^(gtk|gdk|gsk)/|^adwaita\.h$")
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.M)


def strip_comments(text):
    """Blanks C comments, keeping line breaks so that line numbers hold."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


class Tree:
    def __init__(self, root):
        self.root = root
        self.dirs = [os.path.join(root, d) for d in ("src", "src/core", "src/cli")]
        self.cache = {}

    def includes(self, path):
        """(line, kind, name) of each #include of @path."""
        if path not in self.cache:
            with open(path, encoding="utf-8") as f:
                text = strip_comments(f.read())
            self.cache[path] = [(line_of(text, m.start()), m.group(1), m.group(2))
                                for m in INCLUDE.finditer(text)]
        return self.cache[path]

    def resolve(self, name, including):
        """The project header @name names, or None for a system header."""
        for d in [os.path.dirname(including)] + self.dirs:
            candidate = os.path.join(d, name)
            if os.path.isfile(candidate):
                return candidate
        return None

    def reached(self, path):
        """Every header @path reaches: name -> the chain that reaches it."""
        seen = {}
        stack = [(path, [])]
        visited = set()
        while stack:
            current, chain = stack.pop()
            if current in visited:
                continue
            visited.add(current)
            for line, kind, name in self.includes(current):
                base = os.path.basename(name)
                step = chain + ["%s:%d" % (self.rel(current), line)]
                seen.setdefault(name, step)
                if kind == '"':
                    seen.setdefault(base, step)
                header = self.resolve(name, current) if kind == '"' else None
                if header is not None:
                    stack.append((header, step))
        return seen

    def rel(self, path):
        return os.path.relpath(path, self.root)


def sources(directory):
    for name in sorted(os.listdir(directory)):
        if name.endswith((".c", ".h")):
            yield os.path.join(directory, name)


def main():
    if len(sys.argv) != 2:
        print("usage: check-layers.py SRCROOT", file=sys.stderr)
        return 2
    tree = Tree(sys.argv[1])
    breaches = []

    # A header that pulls in what it must not is named once, at the
    # #include that does it, with one chain from a file of the layer.
    for path in sources(os.path.join(tree.root, "src")):
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        for m in APP_FORBIDDEN_NAMES.finditer(text):
            breaches.append("%s:%d: the app names %s; widgets reach data through RwJournal "
                            "and the core's models" % (tree.rel(path), line_of(text, m.start()),
                                                       m.group(1)))
        reached = tree.reached(path)
        for header in sorted(SQL_HEADERS):
            if header in reached:
                chain = reached[header]
                breaches.append("%s: includes %s, which the app may not reach (%s)"
                                % (chain[-1], header, " -> ".join(chain)))

    for layer in ("src/core", "src/cli"):
        for path in sources(os.path.join(tree.root, layer)):
            for name, chain in sorted(tree.reached(path).items()):
                if GUI_HEADER.search(name):
                    breaches.append("%s: includes <%s>; %s stays free of GTK (%s)"
                                    % (chain[-1], name, layer, " -> ".join(chain)))

    shown = {}
    for breach in breaches:
        shown.setdefault(breach.split(" (")[0], breach)
    for key in sorted(shown):
        print(shown[key])
    if shown:
        print("%d breach(es) of the layers in STYLE.md" % len(shown))
        return 1
    print("layers: the app reaches no SQL; the core and the command line reach no GTK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

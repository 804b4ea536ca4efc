#!/usr/bin/env python3
# check-po.py: translation hygiene, run by `meson test --suite po`.
#
#   check-po.py potfiles SRCROOT   every file with translatable strings is in
#                                  po/POTFILES.in, and every file named there
#                                  exists
#   check-po.py msgids SRCROOT     no msgid is glued together with a macro
#                                  ("%" G_GINT64_FORMAT ...): xgettext cannot
#                                  see through it, so the text would never be
#                                  translated and could differ by platform
#   check-po.py xgettext SRCROOT   xgettext reads every file of POTFILES.in
#                                  (warnings are printed), and the template holds
#                                  strings of C files, .ui files and each
#                                  data file
#   check-po.py data SRCROOT       the texts of the plan and the crisis
#                                  resources (JSON) make a valid template
#                                  (extract-data.py)
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile

# What xgettext is told: meson's "glib" preset (i18n.gettext in
# po/meson.build), so that this check sees what `ninja rewire-pot` sees.
C_KEYWORDS = ["_", "N_", "C_", "NC_", "g_dcgettext", "g_dngettext", "g_dpgettext2"]
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]
CALL = re.compile(r"(?<![A-Za-z0-9_])(%s)\s*\(" % "|".join(re.escape(k) for k in C_KEYWORDS))
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(yes|true|1)"')
# Data files merged by i18n.merge_file or read through ITS rules.
DATA_SUFFIXES = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")
SKIP_DIRS = {".git", "subprojects"}


def read_potfiles(root):
    path = os.path.join(root, "po", "POTFILES.in")
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                names.append(line)
    return names


def strip_c_comments(text):
    """Blanks out comments, keeping string literals and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def gettext_calls(text):
    """Yields (keyword, line, tokens of the first arguments) for each call."""
    for m in CALL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        i, depth, tokens = m.end(), 1, []
        while i < len(text) and depth > 0:
            c = text[i]
            if c.isspace():
                i += 1
            elif c == '"':
                j = i + 1
                while j < len(text) and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                tokens.append(("string", text[i:j + 1]))
                i = j + 1
            elif c == "(":
                depth += 1
                tokens.append(("punct", c))
                i += 1
            elif c == ")":
                depth -= 1
                tokens.append(("punct", c))
                i += 1
            elif c.isalnum() or c == "_":
                j = i
                while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                    j += 1
                tokens.append(("name", text[i:j]))
                i = j
            else:
                tokens.append(("punct", c))
                i += 1
        yield m.group(1), line, tokens


def has_translatable(path, text):
    if path.endswith((".c", ".h")):
        code = strip_c_comments(text)
        for _, _, tokens in gettext_calls(code):
            if any(kind == "string" for kind, _ in tokens):
                return True
        return False
    if path.endswith(".ui"):
        return UI_TRANSLATABLE.search(text) is not None
    return path.endswith(DATA_SUFFIXES)


def source_files(root):
    for top in ("src", "ui", "data"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                yield os.path.relpath(full, root)


def check_potfiles(root):
    listed = read_potfiles(root)
    problems = []
    for name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            problems.append(f"po/POTFILES.in names {name}, which does not exist")
    if len(set(listed)) != len(listed):
        problems.append("po/POTFILES.in names a file twice")
    for rel in source_files(root):
        if not rel.endswith((".c", ".h", ".ui") + DATA_SUFFIXES):
            continue
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            text = f.read()
        if has_translatable(rel, text) and rel not in listed:
            problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")
    return problems


def check_msgids(root):
    problems = []
    for rel in source_files(root):
        if not rel.endswith((".c", ".h")):
            continue
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            code = strip_c_comments(f.read())
        for keyword, line, tokens in gettext_calls(code):
            # The msgid is the run of literals that starts the first string
            # argument (the second for g_dngettext and g_dpgettext2, whose
            # first is the domain); a name inside that run is a macro.
            run, seen_string = [], False
            for kind, value in tokens:
                if kind == "string":
                    seen_string = True
                    run.append(value)
                elif kind == "name" and seen_string:
                    problems.append(f"{rel}:{line}: {keyword}() glues the macro {value} into "
                                    "its msgid; format it into a plain string first and use %s")
                    break
                elif kind == "punct" and value in ",)" and seen_string:
                    seen_string = False
                    run = []
    return problems


def check_xgettext(root):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "rewire.pot")
        result = subprocess.run(["xgettext", "--package-name=rewire", "--directory", root,
                                 "--files-from", os.path.join(root, "po", "POTFILES.in"),
                                 "--output", pot, *XGETTEXT_ARGS],
                                capture_output=True, text=True)
        if result.returncode != 0:
            return [f"xgettext failed ({result.returncode}): {result.stderr.strip()}"]
        # Warnings (a msgid that is not a valid format string, say) are
        # shown in the log; they are the owning file's to fix.
        if result.stderr.strip():
            print(f"xgettext warned:\n{result.stderr.strip()}")
        with open(pot, encoding="utf-8") as f:
            text = f.read()
    references = re.findall(r"^#: (.*)$", text, re.M)
    files = {ref.rsplit(":", 1)[0] for line in references for ref in line.split()}
    for name in read_potfiles(root):
        if name not in files:
            problems.append(f"the template has no string from {name}")
    for suffix in (".c", ".ui") + DATA_SUFFIXES:
        if not any(f.endswith(suffix) for f in files):
            problems.append(f"the template has no string from any {suffix} file")
    return problems


def check_data(root):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "rewire-data.pot")
        result = subprocess.run([sys.executable, os.path.join(root, "po", "extract-data.py"),
                                 root, pot], capture_output=True, text=True)
        if result.returncode != 0:
            return [f"extract-data.py failed: {result.stderr.strip()}"]
        # Together with the C, .ui and data strings: one template, no clash.
        code_pot = os.path.join(tmp, "rewire.pot")
        subprocess.run(["xgettext", "--package-name=rewire", "--directory", root,
                        "--files-from", os.path.join(root, "po", "POTFILES.in"),
                        "--output", code_pot, *XGETTEXT_ARGS], check=True, capture_output=True)
        merged = os.path.join(tmp, "all.pot")
        for argv in (["msgcat", "--use-first", "-o", merged, code_pot, pot],
                     ["msgfmt", "--check-format", "--check-domain", "-o", os.devnull, pot]):
            result = subprocess.run(argv, capture_output=True, text=True)
            if result.returncode != 0:
                return [f"{argv[0]} failed: {result.stderr.strip()}"]
        with open(merged, encoding="utf-8") as f:
            text = f.read()
    problems = []
    for context in ("plan", "crisis"):
        if f'msgctxt "{context}"' not in text:
            problems.append(f"no text with the context {context} reached the template")
    return problems


def main():
    checks = {"potfiles": check_potfiles, "msgids": check_msgids, "xgettext": check_xgettext,
              "data": check_data}
    if len(sys.argv) != 3 or sys.argv[1] not in checks:
        sys.exit(__doc__)
    check = checks
    problems = check[sys.argv[1]](os.path.abspath(sys.argv[2]))
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{sys.argv[1]}: ok")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# check-shortcuts.py: the shortcuts window (ui/gtk/help-overlay.ui) lists
# every keyboard shortcut Rewire sets, each in the group of the view or
# window that has it.
#
#   check-shortcuts.py SOURCE_ROOT
#
# Read from the sources, so that a shortcut added anywhere is found:
# - the application's accelerators (rw_application_set_accels' table in
#   src/rw-application.c), which may be listed in any group;
# - every gtk_widget_class_add_binding_action/_signal and
#   gtk_shortcut_trigger_parse_string in src/*.c, and the keys a widget's
#   own key handler takes (`case GDK_KEY_…:`);
# - every GtkShortcut trigger in ui/*.ui.
# Each of those files is given its group below; a file with shortcuts and
# no group fails the check, so a new window gets its group in the shortcuts
# window with its first shortcut.
#
# The keypad's keys (KP_Enter, KP_Add …) count as the main keys, Ctrl+= as
# Ctrl++ (the same key without Shift on many layouts) and the Back and
# Forward keys of some mice and keyboards as Alt+Left and Alt+Right.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

# file (without extension) -> title of its group in the shortcuts window;
# None: any group (the application's accelerators work in the whole window).
GROUPS = {
    "rw-application": None,
    "rw-journal-page": "Journal",
    "rw-trends-page": "Trends",
    "rw-chart-view": "Trends",
    "rw-year-calendar": "Year Calendar",
    "rw-guide-page": "Guide",
    "rw-check-in-editor": "Check-in Editor",
    "rw-session-editor": "Session Editor",
    "rw-questionnaire-window": "Questionnaires",
    "rw-report-window": "Clinician Report",
    "rw-safety-plan-window": "Safety Plan",
    "rw-breathing-window": "Breathing",
    "rw-backups-window": "Windows",
    "rw-help-window": "Windows",
    "rw-import-window": "Windows",
    "rw-preferences-window": "Windows",
    "rw-restore-window": "Windows",
    "rw-tags-window": "Windows",
    "rw-welcome-window": "Windows",
    "rw-preferences-window": "Windows",
}

MODIFIERS = {
    "GDK_CONTROL_MASK": "<Control>",
    "GDK_ALT_MASK": "<Alt>",
    "GDK_SHIFT_MASK": "<Shift>",
    "GDK_SUPER_MASK": "<Super>",
}
KEY_ALIASES = {
    "KP_Enter": "Return", "KP_Add": "plus", "KP_Subtract": "minus", "equal": "plus",
    "KP_Left": "Left", "KP_Right": "Right", "KP_Up": "Up", "KP_Down": "Down",
    "KP_Home": "Home", "KP_End": "End", "KP_Page_Up": "Page_Up", "KP_Page_Down": "Page_Down",
    "KP_Space": "space",
}
KEY_ALIASES.update({f"KP_{d}": str(d) for d in range(10)})
ACCEL_ALIASES = {"Back": "<Alt>Left", "Forward": "<Alt>Right"}


def normalise(accel):
    """'<Primary>Q' -> '<Control>q'; modifiers in one order."""
    accel = ACCEL_ALIASES.get(accel, accel)
    m = re.fullmatch(r"((?:<[A-Za-z]+>)*)(.+)", accel.strip())
    if m is None:
        raise ValueError(accel)
    mods = set()
    for mod in re.findall(r"<([A-Za-z]+)>", m.group(1)):
        mod = mod.lower()
        mods.add({"primary": "control", "ctrl": "control", "control": "control"}.get(mod, mod))
    key = KEY_ALIASES.get(m.group(2), m.group(2))
    if len(key) == 1:
        key = key.lower()
    return "".join(f"<{mod.capitalize()}>" for mod in sorted(mods)) + key


def c_mods(expr):
    expr = expr.strip()
    if expr == "0":
        return ""
    return "".join(MODIFIERS[part.strip()] for part in expr.split("|"))


def set_in_c(path):
    """The accelerators a C file sets."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = []
    if os.path.basename(path) == "rw-application.c":
        body = text[text.index("rw_application_set_accels (GtkApplication *app)"):]
        body = body[:body.index("\n}\n")]
        for accels in re.findall(r'\{\s*"[a-z]+\.[^"]+",\s*\{([^}]*)\}\s*\}', body):
            found += re.findall(r'"([^"]+)"', accels)
    flat = re.sub(r"\s+", " ", text)
    table_keys = re.findall(r"\{ ?GDK_KEY_(\w+),", flat)
    for key, mods in re.findall(r"gtk_widget_class_add_binding(?:_action|_signal)? \( ?\w+, ?([^,]+), ?([^,]+),", flat):
        key = key.strip()
        if key.startswith("GDK_KEY_"):
            found.append(c_mods(mods) + key[len("GDK_KEY_"):])
        elif table_keys:
            # A loop over a table of keys: every key of the file's tables.
            found += [c_mods(mods) + k for k in table_keys]
        else:
            raise SystemExit(f"{path}: cannot read the key of a binding: {key}")
    for triggers in re.findall(r'gtk_shortcut_trigger_parse_string \( ?"([^"]+)"', flat):
        found += triggers.split("|")
    found += re.findall(r"case GDK_KEY_(\w+):", flat)
    return found


def set_in_ui(path):
    found = []
    for element in ET.parse(path).iter("property"):
        if element.get("name") == "trigger" and element.text:
            found += element.text.split("|")
    return found


def shown_in_window(path):
    """group title -> set of normalised accelerators."""
    groups = {}
    for group in ET.parse(path).iter("object"):
        if group.get("class") != "GtkShortcutsGroup":
            continue
        title = next((p.text for p in group.findall("property") if p.get("name") == "title"), None)
        shown = groups.setdefault(title, set())
        for shortcut in group.iter("object"):
            if shortcut.get("class") != "GtkShortcutsShortcut":
                continue
            for p in shortcut.findall("property"):
                if p.get("name") == "accelerator" and p.text:
                    shown.update(normalise(a) for a in p.text.split())
    return groups


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    groups = shown_in_window(os.path.join(root, "ui", "gtk", "help-overlay.ui"))
    everywhere = set().union(*groups.values())
    missing = []
    checked = 0

    files = sorted(glob.glob(os.path.join(root, "src", "*.c")) + glob.glob(os.path.join(root, "ui", "*.ui")))
    for path in files:
        accels = set_in_c(path) if path.endswith(".c") else set_in_ui(path)
        if not accels:
            continue
        name = os.path.splitext(os.path.basename(path))[0]
        rel = os.path.relpath(path, root)
        if name not in GROUPS:
            missing.append(f"{rel} sets {', '.join(sorted(set(accels)))} and has no group in "
                           "tests/check-shortcuts.py (nor, then, in the shortcuts window)")
            continue
        group = GROUPS[name]
        if group is not None and group not in groups:
            missing.append(f"the shortcuts window has no group “{group}” for {rel}")
            continue
        shown = everywhere if group is None else groups[group]
        for accel in sorted(set(accels)):
            checked += 1
            if normalise(accel) not in shown:
                where = "the shortcuts window" if group is None else f"the group “{group}”"
                missing.append(f"{rel}: {accel} is not in {where} of ui/gtk/help-overlay.ui")

    for line in missing:
        print("FAIL: " + line)
    print(f"{checked} shortcuts checked, {len(missing)} missing")
    sys.exit(1 if missing or checked < 20 else 0)


if __name__ == "__main__":
    main()

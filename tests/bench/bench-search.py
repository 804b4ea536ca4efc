#!/usr/bin/env python3
# bench-search.py: makes a journal of 100,000 check-ins (notes of 20-80
# words with Zipf frequencies) and runs bench-search on it in an Xvfb of its
# own: typing a word into the journal search, against the bare FTS5 query
# and a bare GtkListView (see bench-search.c).
#
#   bench-search.py --rewire build/src/rewire --bench build/tests/bench/bench-search \
#                   --schema-dir build/data [--word therapy] [--runs 10]
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from importlib import import_module  # noqa: E402

launch = import_module("bench-launch")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rewire", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--schema-dir", required=True)
    parser.add_argument("--word", default="therapy")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="rewire-bench-search-")
    xvfb, display = launch.start_xvfb()
    try:
        folder = launch.make_journal(args.rewire, work, "100000",
                                     ["--count", "100000", "--per-day", "3"])
        env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", GSK_RENDERER="cairo",
                   GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=args.schema_dir,
                   NO_AT_BRIDGE="1", GTK_A11Y="none")
        env.pop("WAYLAND_DISPLAY", None)
        subprocess.run([args.bench, folder, args.word, str(args.runs)], env=env, check=True)
    finally:
        xvfb.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# run-bench.py: the command line and the write paths of Rewire on generated
# journals of one year, ten years and 100,000 check-ins (notes of 20-80
# words with Zipf word frequencies), each figure against a baseline
# measured in the same run on the same data. Prints one line per figure:
# what was timed, its median, the baseline's median and the ratio.
#
#   tests/bench/run-bench.py --rewire build/src/rewire \
#       --bench-import build/tests/bench/bench-import \
#       --bench-store build/tests/bench/bench-store \
#       [--section cli|import|store|all] [--runs 10] [--cache DIR]
#
# Sections and their baselines:
#   cli     `rewire list --format csv` and `rewire export` (CSV; JSON for
#           information) against the sqlite3 command-line program writing
#           the same columns in the same order from the same journal.db
#           (`sqlite3 -csv`, `sqlite3 -json`). Both write to a file in the
#           same folder; the export's fsync counts in Rewire's time.
#   import  bench-import: `rewire import` against a bare bulk insert in C.
#   store   bench-store: one check-in saved through the core against a bare
#           SQLite insert, into a fresh journal and into copies of each
#           generated one.
# Generated files are kept in --cache (the build folder), keyed by the
# generator (and the journals by the rewire program that imported them), so
# a second run starts at once.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATE = os.path.join(HERE, "generate.py")

JOURNALS = [
    ("1 year", "1y", ["--days", "365", "--notes", "zipf"]),
    ("10 years", "10y", ["--days", "3650", "--notes", "zipf"]),
    ("100,000 check-ins", "100k", ["--count", "100000", "--per-day", "3", "--notes", "zipf"]),
]

TAGS = ("(SELECT group_concat (name, '{sep}') FROM (SELECT t.name AS name FROM check_in_tags ct "
        "JOIN tags t ON t.id = ct.tag WHERE ct.check_in = c.id ORDER BY ct.position))")
# The columns of Rewire's CSV and JSON, in their order, as rewire reads them.
COLUMNS = ("c.uuid AS id, c.date, c.time, c.mood, c.anxiety, c.focus, c.hope, c.energy, "
           "c.sleep_quarters / 4.0 AS sleep_hours, c.sleep_quality, {tags} AS tags, c.note")


def baseline_sql(order, sep=";", extra=""):
    return (f"SELECT {COLUMNS.format(tags=TAGS.format(sep=sep))}{extra} FROM check_ins c "
            f"WHERE c.hidden = 0 ORDER BY c.date {order}, c.time {order}, c.created {order}, "
            f"c.id {order}")


def run_timed(argv, stdout_path=None):
    """Runs argv once with stdout to a file (or nowhere); returns seconds."""
    out = os.open(stdout_path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(out, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.execv(argv[0], argv)
    _, status = os.waitpid(pid, 0)
    seconds = time.perf_counter() - start
    os.close(out)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed with {os.waitstatus_to_exitcode(status)}")
    return seconds


def compare(runs, figure, baseline):
    """Alternates the two, `runs` times each; returns both medians."""
    times, bases = [], []
    for _ in range(runs):
        times.append(figure())
        bases.append(baseline())
    t, b = statistics.median(times), statistics.median(bases)
    return t, b


def fingerprint(*paths):
    digest = hashlib.sha1()
    for path in paths:
        with open(path, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()[:10]


def prepare(cache, rewire):
    """Generated CSV files and their journals: [(label, csv, journal dir, rows)].
    A CSV is kept while generate.py is unchanged, a journal while rewire is
    (it is made by `rewire import`, as a person would make it)."""
    os.makedirs(cache, exist_ok=True)
    csv_key = fingerprint(GENERATE)
    journal_key = fingerprint(GENERATE, rewire)
    for name in os.listdir(cache):
        if not name.split(".")[0].endswith((csv_key, journal_key)):
            path = os.path.join(cache, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
    result = []
    for label, name, args in JOURNALS:
        csv = os.path.join(cache, f"{name}-{csv_key}.csv")
        journal = os.path.join(cache, f"{name}-{journal_key}")
        if not os.path.exists(csv):
            with open(csv + ".part", "w") as f:
                subprocess.run([sys.executable, GENERATE, *args], stdout=f, check=True)
            os.rename(csv + ".part", csv)
        if not os.path.exists(os.path.join(journal, "journal.db")):
            shutil.rmtree(journal, ignore_errors=True)
            shutil.rmtree(journal + ".part", ignore_errors=True)
            subprocess.run([rewire, "import", "--data-dir", journal + ".part", csv],
                           stdout=subprocess.DEVNULL, check=True)
            os.rename(journal + ".part", journal)
        rows = int(subprocess.run(["sqlite3", os.path.join(journal, "journal.db"),
                                   "SELECT count(*) FROM check_ins"],
                                  capture_output=True, text=True, check=True).stdout)
        result.append((label, csv, journal, rows))
    return result


def print_machine():
    try:
        with open("/etc/debian_version") as f:
            debian = f"Debian {f.read().strip()}"
    except OSError:
        debian = platform.platform()
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    print(f"machine: {os.cpu_count()} cores, {debian}, sqlite3 {sqlite}")


def section_cli(args, journals):
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        sys.exit("the sqlite3 program is missing (apt install sqlite3)")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        for label, _, journal, rows in journals:
            db = os.path.join(journal, "journal.db")
            what = f"{label} ({rows} rows)"
            cases = [
                ("list --format csv", 1.5,
                 lambda: run_timed([args.rewire, "list", "--data-dir", journal, "--format", "csv"], out),
                 "sqlite3 -csv",
                 lambda: run_timed([sqlite3, "-csv", "-header", db, baseline_sql("DESC")], out)),
                ("export (CSV)", 1.5,
                 lambda: run_timed([args.rewire, "export", "--data-dir", journal, "--output",
                                    os.path.join(tmp, "e.csv")]),
                 "sqlite3 -csv",
                 lambda: run_timed([sqlite3, "-csv", "-header", db, baseline_sql("ASC")],
                                   os.path.join(tmp, "b.csv"))),
                ("export (JSON)", None,
                 lambda: run_timed([args.rewire, "export", "--data-dir", journal, "--output",
                                    os.path.join(tmp, "e.json")]),
                 "sqlite3 -json",
                 lambda: run_timed([sqlite3, "-json", db,
                                    baseline_sql("ASC", extra=", c.created, c.modified")],
                                   os.path.join(tmp, "b.json"))),
            ]
            for name, target, figure, base_name, baseline in cases:
                t, b = compare(args.runs, figure, baseline)
                goal = f"target <= {target}" if target else "for information"
                print(f"{name}, {what}: rewire {t:.3f} s; baseline {base_name} {b:.3f} s; "
                      f"ratio {t / b:.2f} ({goal}); medians of {args.runs}", flush=True)


def section_import(args, journals):
    for label, csv, _, _ in journals:
        subprocess.run([args.bench_import, "--rewire", args.rewire, "--csv", csv,
                        "--label", label, "--runs", str(args.runs)], check=True)
        sys.stdout.flush()


def section_store(args, journals):
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh")
        # A journal as Rewire makes it on first use, with nothing in it.
        subprocess.run([args.rewire, "check", "--data-dir", fresh], stdout=subprocess.DEVNULL,
                       check=True)
        csv = journals[0][1]
        for label, journal in [("a fresh journal", fresh)] + [(j[0], j[2]) for j in journals]:
            subprocess.run([args.bench_store, "--journal", journal, "--csv", csv,
                            "--label", label, "--saves", "100", "--runs", str(args.runs)],
                           check=True)
            sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rewire", required=True)
    parser.add_argument("--bench-import", required=True)
    parser.add_argument("--bench-store", required=True)
    parser.add_argument("--section", choices=["cli", "import", "store", "all"], default="all")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "rewire-bench"))
    args = parser.parse_args()
    args.rewire = os.path.abspath(args.rewire)

    print_machine()
    journals = prepare(args.cache, args.rewire)
    sections = {"cli": section_cli, "import": section_import, "store": section_store}
    for name, run in sections.items():
        if args.section in (name, "all"):
            run(args, journals)


if __name__ == "__main__":
    main()

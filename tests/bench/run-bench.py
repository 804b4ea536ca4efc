#!/usr/bin/env python3
# run-bench.py: times the rewire command line on generated journals of 10
# years (one check-in a day) and of 100,000 check-ins, each against a
# baseline measured in the same run on the same file, and prints a Markdown
# table for docs/PERFORMANCE.md.
#
#   tests/bench/run-bench.py --rewire build/src/rewire [--runs 5]
#
# Baselines:
#   sqlite-dump  Python's sqlite3 reading every row of check_ins in the same
#                journal.db: the floor for anything that reads the journal.
#   csv-write    that dump written to a CSV file by Python's csv module.
#   process      `rewire --version`: start-up cost and memory floor.
# Ratios above 1 are slower (or larger) than the baseline.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import csv
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed with {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss


def median_run(argv, runs):
    times, rss = [], []
    for _ in range(runs):
        t, m = run_measured(argv)
        times.append(t)
        rss.append(m)
    return statistics.median(times), max(rss)


def baseline_dump(db_path):
    start = time.perf_counter()
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = con.execute("SELECT * FROM check_ins ORDER BY date, time").fetchall()
    con.close()
    return time.perf_counter() - start, rows


def baseline_csv(db_path, out_path):
    start = time.perf_counter()
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    with open(out_path, "w", newline="") as f:
        w = csv.writer(f)
        for row in con.execute("SELECT * FROM check_ins ORDER BY date, time"):
            w.writerow(row)
    con.close()
    return time.perf_counter() - start


def median_of(fn, runs):
    return statistics.median(fn() for _ in range(runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rewire", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rewire = os.path.abspath(args.rewire)
    gen = os.path.join(HERE, "generate.py")

    print("| Journal | Command | Median time | Baseline | Ratio | Peak RSS | RSS ratio to `--version` |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        _, rss_floor = median_run([rewire, "--version"], args.runs)
        for name, gen_args in (("10 years, daily", ["--days", "3650"]),
                               ("100,000 check-ins", ["--count", "100000", "--per-day", "3"])):
            data = os.path.join(tmp, name.split()[0])
            source = os.path.join(tmp, f"{name.split()[0]}.csv")
            with open(source, "w") as f:
                subprocess.run([sys.executable, gen, *gen_args], stdout=f, check=True)
            t_import, rss_import = run_measured([rewire, "import", "--data-dir", data, source])
            db = os.path.join(data, "journal.db")
            t_dump = median_of(lambda: baseline_dump(db)[0], args.runs)
            n = len(baseline_dump(db)[1])
            t_csv = median_of(lambda: baseline_csv(db, os.path.join(tmp, "base.csv")), args.runs)

            rows = [
                ("import (CSV, one transaction)", (t_import, rss_import), t_csv, "csv-write"),
                ("list", median_run([rewire, "list", "--data-dir", data], args.runs), t_dump, "sqlite-dump"),
                ("list --format csv", median_run([rewire, "list", "--data-dir", data, "--format", "csv"], args.runs), t_csv, "csv-write"),
                ("list --search walk", median_run([rewire, "list", "--data-dir", data, "--search", "walk"], args.runs), t_dump, "sqlite-dump"),
                ("export --format csv", median_run([rewire, "export", "--data-dir", data, "--output", os.path.join(tmp, "e.csv")], args.runs), t_csv, "csv-write"),
                ("export --format json", median_run([rewire, "export", "--data-dir", data, "--output", os.path.join(tmp, "e.json")], args.runs), t_csv, "csv-write"),
                ("check", median_run([rewire, "check", "--data-dir", data], args.runs), t_dump, "sqlite-dump"),
            ]
            for label, (t, rss), base, base_name in rows:
                print(f"| {name} ({n} rows) | `{label}` | {t * 1000:.0f} ms | {base_name} {base * 1000:.0f} ms "
                      f"| {t / base:.2f} | {rss / 1024:.1f} MiB | {rss / rss_floor:.1f} |")
    print(f"\n`rewire --version`: peak RSS {rss_floor / 1024:.1f} MiB.")


if __name__ == "__main__":
    main()

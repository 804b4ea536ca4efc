#!/usr/bin/env python3
# run-report-bench.py: the clinician report of one year against drawing the
# same charts with `rewire chart`, in the same run on the same journal.
#
#   tests/bench/run-report-bench.py --rewire build/src/rewire [--runs 10]
#
# The journal: a year of daily check-ins from generate.py (Zipf notes,
# ending 2026-11-30), sixteen sessions (six inductions, then monthly
# boosters, each with an integration answer) and a PHQ-9 and a GAD-7
# every two weeks, written into its tables as the app stores them.
# Timed, as processes from start to exit (each its own journal open and
# PDF written, fsync included), median of --runs, interleaved:
#   report        rewire report --from 2025-12-01 --to 2026-11-30 --output F.pdf
#   report+notes  the same with --include-notes (for information)
#   charts        rewire chart --range 1y --end 2026-11-30 --output F.pdf twice,
#                 --metric mood and --metric sleep,sleep-quality: the
#                 report's two journal charts on their own (the baseline)
# Target: report <= 3x charts.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import datetime
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATE = os.path.join(HERE, "generate.py")
FIRST = datetime.date(2025, 12, 1)
LAST = datetime.date(2026, 11, 30)


def add_treatment(db_path):
    db = sqlite3.connect(db_path)
    for s in range(16):
        offset = 14 + s // 2 * 7 + (s % 2) * 3 if s < 6 else 60 + (s - 6) * 30
        day = (FIRST + datetime.timedelta(days=offset)).isoformat()
        cur = db.execute(
            "INSERT INTO sessions (uuid, date, time, route, phase, provider, dose, done, "
            "intention, bp_before_systolic, bp_before_diastolic, hr_before, bp_after_systolic, "
            "bp_after_diastolic, hr_after, intensity, detached, side_effects, note, created, "
            "modified) VALUES (?, ?, '10:00', ?, ?, 'Riverside Clinic', '0.5 mg/kg', 1, "
            "'Stay curious', 122, 78, 70, 138, 86, 82, ?, ?, ?, 'Felt far away, then warm', 0, 0)",
            (f"bench-session-{s}", day, "iv" if s < 6 else "nasal",
             "induction" if s < 6 else "booster", 4 + s % 5, 3 + s % 4,
             "nausea,headache" if s % 3 == 0 else "dizziness"))
        db.execute("INSERT INTO session_integration (session, day, noticed, carry_forward, hard, "
                   "modified) VALUES (?, 1, 'Calmer', 'Morning walks', 'Tired', 0)",
                   (cur.lastrowid,))
    for a in range(26):
        day = (FIRST + datetime.timedelta(days=7 + a * 14)).isoformat()
        db.execute("INSERT INTO assessments (uuid, kind, date, time, answers, total, created, "
                   "modified) VALUES (?, 'phq9', ?, '09:00', '222222222', ?, 0, 0)",
                   (f"bench-phq9-{a}", day, 20 - min(a, 18)))
        db.execute("INSERT INTO assessments (uuid, kind, date, time, answers, total, created, "
                   "modified) VALUES (?, 'gad7', ?, '09:05', '1111111', ?, 0, 0)",
                   (f"bench-gad7-{a}", day, 15 - min(a, 14)))
    db.commit()
    db.close()


def timed(argv):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def pages(path):
    try:
        info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "?"
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return line.split()[1]
    return "?"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rewire", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="rewire-report-bench-") as work:
        data = os.path.join(work, "journal")
        csv = os.path.join(work, "year.csv")
        with open(csv, "w") as out:
            subprocess.run([sys.executable, GENERATE, "--days", "365", "--end", LAST.isoformat(),
                            "--seed", "18", "--notes", "zipf"], check=True, stdout=out)
        subprocess.run([args.rewire, "--data-dir", data, "import", csv], check=True,
                       stdout=subprocess.DEVNULL)
        add_treatment(os.path.join(data, "journal.db"))

        report_pdf = os.path.join(work, "report.pdf")
        notes_pdf = os.path.join(work, "report-notes.pdf")
        chart_pdf = os.path.join(work, "chart.pdf")
        env_argv = [args.rewire, "--data-dir", data]
        report = env_argv + ["report", "--from", FIRST.isoformat(), "--to", LAST.isoformat(),
                             "--paper", "a4", "--output", report_pdf]
        notes = report[:-1] + [notes_pdf, "--include-notes"]
        charts = [env_argv + ["chart", "--metric", metric, "--range", "1y", "--end",
                              LAST.isoformat(), "--paper", "a4", "--output", chart_pdf]
                  for metric in ("mood", "sleep,sleep-quality")]

        # Once each first: the page cache and the font cache warm.
        timed(report)
        timed(notes)
        for c in charts:
            timed(c)
        times = {"report": [], "notes": [], "charts": []}
        for _ in range(args.runs):
            times["report"].append(timed(report))
            times["notes"].append(timed(notes))
            times["charts"].append(sum(timed(c) for c in charts))
        med = {k: statistics.median(v) * 1000 for k, v in times.items()}
        ratio = med["report"] / med["charts"]
        print(f"one-year report ({pages(report_pdf)} pages): {med['report']:.1f} ms; "
              f"with notes ({pages(notes_pdf)} pages): {med['notes']:.1f} ms")
        print(f"rewire chart to PDF, mood and sleep: {med['charts']:.1f} ms")
        print(f"report / charts: {ratio:.2f}x (target <= 3x) "
              f"{'ok' if ratio <= 3 else 'OVER TARGET'}")
        print(f"(median of {args.runs} runs; min report {min(times['report']) * 1000:.1f} ms, "
              f"min charts {min(times['charts']) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()

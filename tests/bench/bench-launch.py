#!/usr/bin/env python3
# bench-launch.py: launch of the window to its first drawn frame, and its
# resident memory 2 s after, on generated journals (empty, one year, ten
# years, 100,000 check-ins), against a bare libadwaita window (header bar,
# view switcher, three empty pages) measured in the same run: the same
# window size, renderer and display, runs interleaved. Both are watched
# the same way, by rw-first-frame.so preloaded into them.
#
#   bench-launch.py --rewire build/src/rewire --bare build/tests/bench/bare-window \
#                   --preload build/tests/bench/librw-first-frame.so [--runs 10]
#
# Prints each median, the bare window's, and the ratio; the targets of
# issue 15 are printed beside them. Starts its own Xvfb.
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTH, HEIGHT = 960, 720

JOURNALS = [
    # name, generate.py arguments (None: empty), launch target, RSS target
    ("empty", None, 1.15, None),
    ("1 year", ["--days", "365"], 1.25, None),
    ("10 years", ["--days", "3650"], 1.25, 1.25),
    ("100,000", ["--count", "100000", "--per-day", "3"], 1.4, 1.3),
]


def start_xvfb():
    for n in range(200, 260):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                    return proc, f":{n}"
                time.sleep(0.05)
            proc.kill()
    sys.exit("bench-launch: could not start Xvfb")


def make_journal(rewire, work, name, args):
    folder = os.path.join(work, name.replace(" ", "-").replace(",", ""))
    os.makedirs(folder)
    if args is not None:
        csv_path = os.path.join(work, "data.csv")
        with open(csv_path, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--notes", "zipf"] + args,
                           stdout=out, check=True)
        subprocess.run([rewire, "import", "--data-dir", folder, csv_path], check=True,
                       stdout=subprocess.DEVNULL)
        os.unlink(csv_path)
    return folder


def launch(argv, env):
    """Returns (ms to the first frame, RSS in MiB 2 s after it, CPU ms to the first frame)."""
    start = time.monotonic()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, timeout=120)
    frame = rss = cpu = None
    for line in proc.stderr.splitlines():
        if line.startswith("RW-BENCH FIRST-FRAME "):
            frame = int(line.split()[2]) / 1e6
            cpu = int(line.split()[3]) / 1e3
        elif line.startswith("RW-BENCH RSS-KIB "):
            rss = int(line.split()[2]) / 1024
    if frame is None or rss is None:
        sys.exit(f"bench-launch: {' '.join(argv)} drew no frame:\n{proc.stderr}")
    return (frame - start) * 1000, rss, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rewire", required=True)
    parser.add_argument("--bare", required=True)
    parser.add_argument("--preload", required=True)
    parser.add_argument("--schema-dir", help="the build tree's compiled settings schema")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--only", action="append", help="measure only this journal (repeatable)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="rewire-bench-launch-")
    xvfb, display = start_xvfb()
    try:
        config = os.path.join(work, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write(f"[io/github/rewire/Rewire]\nwelcome-done=true\nwindow-width={WIDTH}\n"
                    f"window-height={HEIGHT}\nlast-view='journal'\n")
        env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", GSK_RENDERER="cairo",
                   GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, NO_AT_BRIDGE="1",
                   GTK_A11Y="none", LD_PRELOAD=os.path.abspath(args.preload),
                   RW_BENCH_RSS_AFTER_MS="2000", RW_BENCH_EXIT="1")
        env.pop("WAYLAND_DISPLAY", None)
        if args.schema_dir:
            env["GSETTINGS_SCHEMA_DIR"] = args.schema_dir

        folders = [(name, make_journal(args.rewire, work, name, gen), target, rss_target)
                   for name, gen, target, rss_target in JOURNALS
                   if not args.only or name in args.only]
        bare = [args.bare, str(WIDTH), str(HEIGHT)]
        times = {name: [] for name, *_ in folders}
        rss = {name: [] for name, *_ in folders}
        cpus = {name: [] for name, *_ in folders}
        bare_times, bare_rss, bare_cpus = [], [], []

        launch(bare, env)   # warm the caches once, unmeasured
        for _ in range(args.runs):
            t, m, c = launch(bare, env)
            bare_times.append(t)
            bare_rss.append(m)
            bare_cpus.append(c)
            for name, folder, *_ in folders:
                t, m, c = launch([args.rewire, "--data-dir", folder], env)
                times[name].append(t)
                rss[name].append(m)
                cpus[name].append(c)

        bare_t = statistics.median(bare_times)
        bare_m = statistics.median(bare_rss)
        print(f"Launch to the first drawn frame, {WIDTH}x{HEIGHT}, GSK_RENDERER=cairo, Xvfb, "
              f"medians of {args.runs} interleaved runs")
        print(f"bare window: {bare_t:.0f} ms, RSS {bare_m:.1f} MiB")
        print("| journal | first frame | bare | ratio | target | RSS after 2 s | bare | ratio | target |")
        print("|---|---|---|---|---|---|---|---|---|")
        empty_t = statistics.median(times["empty"]) if "empty" in times else None
        for name, folder, target, rss_target in folders:
            t = statistics.median(times[name])
            m = statistics.median(rss[name])
            print(f"| {name} | {t:.0f} ms | {bare_t:.0f} ms | {t / bare_t:.2f} | ≤ {target} | "
                  f"{m:.1f} MiB | {bare_m:.1f} MiB | {m / bare_m:.2f} | "
                  f"{'≤ ' + str(rss_target) if rss_target else '–'} |")
        bare_c = statistics.median(bare_cpus)
        print(f"CPU time to the first frame (less disturbed by a busy machine): bare {bare_c:.0f} ms; " +
              "; ".join(f"{name} {statistics.median(cpus[name]):.0f} ms "
                        f"({statistics.median(cpus[name]) / bare_c:.2f})" for name, *_ in folders))
        if empty_t is not None and "100,000" in times:
            big = statistics.median(times["100,000"])
            print(f"100,000 against empty: {big:.0f} ms / {empty_t:.0f} ms = {big / empty_t:.2f} "
                  f"(target ≤ 1.10)")
    finally:
        xvfb.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

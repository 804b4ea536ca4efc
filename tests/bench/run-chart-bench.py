#!/usr/bin/env python3
# run-chart-bench.py: the Trends chart benchmark (bench-chart.c) as a
# person would see it: ten years of daily check-ins from generate.py,
# imported into a fresh journal, drawn by the chart widget in a real GTK
# window under its own Xvfb with the cairo renderer, at scale 1 and 2.
#
#   run-chart-bench.py --bench build/tests/bench/bench-chart \
#                      --generate tests/bench/generate.py [--frames 15] [--rounds 4]
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time

END = "2026-11-22"


def cpu_name():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def start_server(work):
    """An Xvfb of our own (its pid is needed: its CPU time is counted)."""
    for n in range(150, 250):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    else:
        raise SystemExit("run-chart-bench: no free X display")
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "2560x1200x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    return server, f":{n}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--generate", required=True)
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--frames", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--scales", default="1,2")
    args = parser.parse_args()

    print(f"Machine: {cpu_name()}, {os.cpu_count()} cores; {platform.platform()}")
    failed = False
    with tempfile.TemporaryDirectory() as work:
        csv = os.path.join(work, "ten-years.csv")
        with open(csv, "w") as out:
            subprocess.run([sys.executable, args.generate, "--days", str(args.days),
                            "--end", END, "--seed", "1"], stdout=out, check=True)
        for scale in args.scales.split(","):
            server, display = start_server(work)
            try:
                env = dict(os.environ, DISPLAY=display, GDK_SCALE=scale, GSK_RENDERER="cairo",
                           GDK_BACKEND="x11", GDK_DEBUG="gl-disable", GTK_A11Y="none",
                           NO_AT_BRIDGE="1", GSETTINGS_BACKEND="memory", TZ="UTC",
                           LC_ALL="C.UTF-8")
                env.pop("WAYLAND_DISPLAY", None)
                run = subprocess.run([args.bench, "--csv", csv, "--end", END,
                                      "--frames", str(args.frames), "--rounds", str(args.rounds),
                                      "--server-pid", str(server.pid)],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)
            finally:
                server.terminate()
                server.wait()
            sys.stdout.write(run.stdout)
            sys.stdout.flush()
            failed |= run.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

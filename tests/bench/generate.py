#!/usr/bin/env python3
# generate.py: writes a Rewire CSV of made-up check-ins for benchmarks,
# screenshots and manual testing. Deterministic for a given seed.
#
#   generate.py --days 3650 [--per-day 1] [--end 2026-11-22] [--seed 1]
#   generate.py --count 100000 [--end ...]     (spread over the days before --end)
#   --notes zipf   notes of 20-80 words drawn with Zipf frequencies (s = 1.1)
#                  from a fixed 6,000-word vocabulary, as the benchmarks use;
#                  the default is a few short sentences, for screenshots
#
# Copyright 2026 The Rewire authors
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import csv
import datetime
import math
import random
import sys
import uuid

TAGS = ["walk", "exercise", "meditation", "breathwork", "therapy", "journaling",
        "time with loved ones", "good sleep routine", "infusion", "work", "rain"]
NOTES = [
    "Slept badly, but the walk helped.",
    "Quiet day. Read for an hour, called my sister.",
    "Session today; felt floaty for an hour, then tired.",
    "Therapy was hard, talked about the old job.",
    "Good focus in the morning, crashed after lunch.",
    "Made breakfast properly for the first time in weeks.",
    "Anxious before the appointment, calmer after.",
    "Rain all day. Stayed in, did the breathing exercise twice.",
    "雨の日。少し散歩した。",
    "今天心情还可以，和朋友吃了饭。",
    "Heute war ein guter Tag, lange spazieren gewesen.",
    "Journée difficile, mais j'ai écrit un peu.",
    "",
    "",
]


# The most frequent words of a diary come first; the rest of the
# vocabulary is made of syllables, so that rare words are rare.
COMMON = ["the", "and", "i", "to", "a", "was", "of", "my", "in", "it", "day", "today",
          "felt", "that", "for", "with", "but", "slept", "walk", "tired", "better",
          "anxious", "calm", "work", "session", "friend", "morning", "evening", "after",
          "before", "sleep", "mood", "therapy", "talked", "hard", "good", "rain", "sun"]
SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vel", "dor", "an", "is", "mur",
             "pe", "ti", "gra", "nol", "ve", "zu", "hem", "cor", "li"]


def zipf_vocabulary(size=6000):
    words = list(COMMON)
    seen = set(words)
    n = 0
    while len(words) < size:
        a, b, c = n % 20, (n // 20) % 20, (n // 400) % 20
        n += 1
        word = SYLLABLES[a] + SYLLABLES[b] + (SYLLABLES[c] if n > 400 else "")
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1.0 / (rank ** 1.1) for rank in range(1, len(words) + 1)]
    total = sum(weights)
    cumulative, acc = [], 0.0
    for w in weights:
        acc += w / total
        cumulative.append(acc)
    return words, cumulative


def zipf_note(rng, words, cumulative):
    return " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(20, 80)))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int)
    parser.add_argument("--count", type=int)
    parser.add_argument("--per-day", type=int, default=1)
    parser.add_argument("--end", default="2026-11-22")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-ids", action="store_true", help="leave the id column empty")
    parser.add_argument("--notes", choices=["short", "zipf"], default="short")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    vocabulary = zipf_vocabulary() if args.notes == "zipf" else None
    end = datetime.date.fromisoformat(args.end)
    if args.count is not None:
        per_day = max(1, args.per_day)
        days = (args.count + per_day - 1) // per_day
        total = args.count
    elif args.days is not None:
        per_day = args.per_day
        days = args.days
        total = days * per_day
    else:
        parser.error("give --days or --count")

    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow(["id", "date", "time", "mood", "anxiety", "focus", "hope", "energy",
                  "sleep_hours", "sleep_quality", "tags", "note"])
    noise = 0.0
    written = 0
    for d in range(days):
        day = end - datetime.timedelta(days=days - 1 - d)
        # A course of treatment going fairly well: a rise that levels off,
        # a seasonal swing, and day-to-day noise that lingers a little.
        progress = d / max(1, days - 1)
        noise = 0.7 * noise + rng.gauss(0, 0.7)
        mood = (3.0 + 3.5 * (1 - math.exp(-4 * progress))
                + 0.5 * math.sin(2 * math.pi * d / 365) + noise)
        mood = min(9.5, max(0.5, mood))
        # Missed days happen (but --count asks for an exact number).
        if args.count is None and rng.random() < 0.08:
            continue
        sleep = min(12.0, max(3.0, rng.gauss(7.0, 1.1)))
        for k in range(per_day):
            if written >= total:
                break
            hour = 8 + (k * 12) // per_day + rng.randint(0, 2)
            m = int(round(min(10, max(0, mood + rng.gauss(0, 0.8)))))
            tags = sorted(set(rng.sample(TAGS, rng.randint(0, 3))), key=TAGS.index)
            out.writerow([
                "" if args.no_ids else str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                day.isoformat(),
                f"{hour:02d}:{rng.randint(0, 59):02d}",
                m,
                int(round(min(10, max(0, 8 - mood + rng.gauss(0, 1))))),
                int(round(min(10, max(0, mood + rng.gauss(0, 1.5))))),
                int(round(min(10, max(0, mood + rng.gauss(0.5, 1))))),
                int(round(min(10, max(0, mood + rng.gauss(-0.5, 1.2))))),
                f"{round(sleep * 4) / 4:g}" if k == 0 else "",
                int(round(min(10, max(0, sleep + rng.gauss(-1, 1))))) if k == 0 else "",
                ";".join(tags),
                zipf_note(rng, *vocabulary) if vocabulary else rng.choice(NOTES),
            ])
            written += 1


if __name__ == "__main__":
    main()

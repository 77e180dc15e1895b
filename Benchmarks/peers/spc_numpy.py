#!/usr/bin/env python3
"""spc.vs_numpy: the SPC work of spc-bench done with numpy, vectorised and written fairly, as
the baseline of LineGuard's SPC core. Runs on exactly the data spc-bench uses (the same
splitmix64 stream, seed 2026, Irwin-Hall(4) scaled to unit variance, a 1.5 sigma shift for
1000 points in every 100 000), so the rates compare like for like:

- Nelson rules 1-8 on individuals (Phase II, limits from the first 1000 values: mean and
  MR-bar / 1.128), over the whole array in cache-sized chunks;
- X-bar/R Phase I statistics (subgroups of 5: grand mean, R-bar, limits) over the whole array.

numpy works on the whole array in batch, while LineGuard's monitor takes one value at a time
(what a live line needs); the batch form is numpy's best case.

Reads LineGuard's own rates from spc.json of the same run (spc.stream_nelson,
spc.batch_phase1) and writes numpy.json with rows spc.vs_numpy and spc.vs_numpy.batch_phase1:
value = LineGuard samples/s, baseline = numpy samples/s, ratio = LineGuard / numpy.
"""
import argparse
import json
import os
import statistics
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(os.path.dirname(HERE), "results")
D2 = 1.128
A2, D3_5, D4_5 = 0.577, 0.0, 2.114


def synthetic(count, seed, chunk=1 << 20):
    """spc-bench's SyntheticProcess.values, vectorised (uint64 arithmetic wraps like &+ / &*)."""
    out = np.empty(count)
    for start in range(0, count, chunk):
        n = min(chunk, count - start)
        with np.errstate(over="ignore"):
            k = np.arange(4 * start + 1, 4 * (start + n) + 1, dtype=np.uint64)
            z = np.uint64(seed) + k * np.uint64(0x9E3779B97F4A7C15)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            z ^= z >> np.uint64(31)
        u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
        s = u.reshape(n, 4).sum(axis=1)
        i = np.arange(start, start + n) % 100_000
        shift = np.where((i >= 50_000) & (i < 51_000), 1.5, 0.0)
        out[start:start + n] = 10 + (s - 2) * np.sqrt(3.0) + shift
    return out


def window_count(flags, width):
    """How many of the last `width` flags (ending at each index) are set; 0 before index width-1."""
    c = np.cumsum(flags, dtype=np.int32)
    out = np.zeros(len(flags), dtype=np.int32)
    out[width - 1:] = c[width - 1:]
    out[width:] -= c[:-width]
    return out


def nelson(x, center, sigma):
    """Points violating any of Nelson's rules 1-8 (a boolean per point)."""
    z = (x - center) / sigma
    hit = np.abs(z) > 3                                                    # 1
    above, below = z > 0, z < 0
    hit |= (window_count(above, 9) == 9) | (window_count(below, 9) == 9)   # 2
    up = np.zeros(len(x), dtype=bool)
    down = np.zeros(len(x), dtype=bool)
    up[1:] = x[1:] > x[:-1]
    down[1:] = x[1:] < x[:-1]
    hit |= (window_count(up, 5) == 5) | (window_count(down, 5) == 5)       # 3: 6 points, 5 steps
    alternate = np.zeros(len(x), dtype=bool)
    alternate[2:] = (up[2:] & down[1:-1]) | (down[2:] & up[1:-1])
    hit |= window_count(alternate, 12) == 12                               # 4: 14 points, 12 turns
    hit |= (window_count(z > 2, 3) >= 2) | (window_count(z < -2, 3) >= 2)  # 5
    hit |= (window_count(z > 1, 5) >= 4) | (window_count(z < -1, 5) >= 4)  # 6
    hit |= window_count(np.abs(z) < 1, 15) == 15                           # 7
    hit |= window_count(np.abs(z) > 1, 8) == 8                             # 8
    return hit


def nelson_chunked(x, center, sigma, chunk=1 << 18):
    """`nelson` over cache-sized chunks, each with the 14 points before it (the longest rule
    looks back 14 points), so no temporary array outgrows the cache; the same result."""
    out = np.empty(len(x), dtype=bool)
    for start in range(0, len(x), chunk):
        lead = min(start, 14)
        out[start:start + chunk] = nelson(x[start - lead:start + chunk], center, sigma)[lead:]
    return out


def xbar_r(x, n=5):
    """X-bar/R Phase I: grand mean, R-bar and the limits of both charts. Works column by column
    (strided views of the subgroups), which numpy does far faster than reducing a short axis."""
    groups = x[: len(x) // n * n].reshape(-1, n)
    columns = [groups[:, k] for k in range(n)]
    total = columns[0] + columns[1]
    high = np.maximum(columns[0], columns[1])
    low = np.minimum(columns[0], columns[1])
    for column in columns[2:]:
        total += column
        np.maximum(high, column, out=high)
        np.minimum(low, column, out=low)
    center, rbar = total.mean() / n, (high - low).mean()
    return center, rbar, center - A2 * rbar, center + A2 * rbar, D3_5 * rbar, D4_5 * rbar


def rate(count, body):
    start = time.perf_counter()
    result = body()
    return result, count / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=1 << 24)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--spc", default=os.path.join(RESULTS, "spc.json"))
    parser.add_argument("--output", default=os.path.join(RESULTS, "numpy.json"))
    args = parser.parse_args()
    count = max(args.samples // 5 * 5, 5000)

    x = synthetic(count, 2026)
    first = x[:1000]
    center, sigma = first.mean(), np.abs(np.diff(first)).mean() / D2
    nelson_rates, batch_rates = [], []
    flagged = 0
    for _ in range(max(args.repetitions, 1)):
        hits, r = rate(count, lambda: nelson_chunked(x, center, sigma))
        flagged = int(hits.sum())
        nelson_rates.append(r)
        del hits
        _, r = rate(count, lambda: xbar_r(x))
        batch_rates.append(r)
    numpy_nelson = statistics.median(nelson_rates)
    numpy_batch = statistics.median(batch_rates)
    print(f"spc numpy {np.__version__}: {count} doubles, {args.repetitions} repetitions, median; "
          f"Nelson 1-8 {numpy_nelson / 1e6:.1f} M samples/s ({flagged} points flagged), "
          f"X-bar/R Phase I {numpy_batch / 1e6:.1f} M samples/s")

    with open(args.spc) as f:
        swift = {row["name"]: row["value"] for row in json.load(f)["results"]}
    note = f"numpy {np.__version__}, {count} doubles, vectorised batch; LineGuard streams one value at a time"
    rows = []
    for name, mine, base, theirs in (("spc.vs_numpy", "spc.stream_nelson", "numpy.nelson_1_8", numpy_nelson),
                                     ("spc.vs_numpy.batch_phase1", "spc.batch_phase1", "numpy.xbar_r_phase1", numpy_batch)):
        value = swift.get(mine)
        if value is None:
            raise SystemExit(f"{args.spc} has no {mine} row: run spc-bench first")
        rows.append({"name": name, "unit": "samples/s", "value": value, "baseline_name": base,
                     "baseline_value": round(theirs), "ratio": round(value / theirs, 3), "note": note})
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as f:
        json.dump({"results": rows}, f, indent=2)
        f.write("\n")
    for row in rows:
        print(f"{row['name']:28} {row['value'] / 1e6:10.1f} M/s   {row['baseline_name']:20} "
              f"{row['baseline_value'] / 1e6:10.1f} M/s   ratio {row['ratio']:.3f}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""peer.python_stack: the end-to-end work of pipeline.end_to_end, scripted the way a plant
engineer would do it without LineGuard: pymodbus clients, numpy for the control-chart rules,
sqlite3 for the record. Written plainly and fairly (vectorised rules, batched sample inserts,
one transaction per cycle's signals), single-threaded like such scripts are.

Per poll cycle, for every device: read the 50 float32 values (holding 0..99) and the 50 uint32
unit counters (holding 100..199), two requests as LineGuard's planner makes. A characteristic
whose counter moved gives one sample (a jump of more than one counts missed units). Each good
sample is checked against the specification (a defect) and the individuals chart: Phase I of
25 points sets center and sigma = MR-bar / 1.128 (then frozen); Phase II applies Western
Electric rules 1-4 to z = (x - center) / sigma and rule 1 to the moving range. Samples are
committed in a batch every --commit-ms; signals and defects are committed at once.

On SIGTERM it commits what is pending and prints one JSON line:
{"accepted": N, "committed": N, "dropped": 0, "missed": N, "read_errors": N}
"""
import argparse
import json
import signal
import sqlite3
import sys
import time

import numpy as np
from pymodbus.client import ModbusTcpClient

CHARACTERISTICS = 50
PHASE1 = 25
D2 = 1.128
D3 = 0.8525
LSL, USL = 76.8, 79.2

SCHEMA = """
CREATE TABLE IF NOT EXISTS characteristic (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS sample (id INTEGER PRIMARY KEY, characteristic_id INTEGER NOT NULL,
    time REAL NOT NULL, value REAL, quality TEXT NOT NULL, sequence INTEGER);
CREATE INDEX IF NOT EXISTS sample_characteristic_time ON sample(characteristic_id, time);
CREATE TABLE IF NOT EXISTS control_limit (id INTEGER PRIMARY KEY, characteristic_id INTEGER NOT NULL,
    statistic TEXT NOT NULL, center REAL NOT NULL, sigma REAL NOT NULL, lcl REAL, ucl REAL, computed_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS signal (id INTEGER PRIMARY KEY, characteristic_id INTEGER NOT NULL,
    statistic TEXT NOT NULL, rule INTEGER NOT NULL, value REAL, lcl REAL, ucl REAL, time REAL NOT NULL, sequence INTEGER);
CREATE TABLE IF NOT EXISTS defect (id INTEGER PRIMARY KEY, characteristic_id INTEGER NOT NULL,
    code TEXT NOT NULL, value REAL, lsl REAL, usl REAL, time REAL NOT NULL, sequence INTEGER, signal_id INTEGER);
"""


def we_rules(history, filled):
    """The first Western Electric rule (1-4) each row's newest z violates (0: none).
    history: (k, 8) z values, newest last; filled: how many of them are real."""
    z = history
    last = z[:, -1]
    rule = np.zeros(len(z), dtype=np.int64)
    r4 = (filled >= 8) & ((z > 0).all(axis=1) | (z < 0).all(axis=1))
    w5 = z[:, -5:]
    r3 = (filled >= 5) & ((((w5 > 1).sum(axis=1) >= 4) & (last > 1)) | (((w5 < -1).sum(axis=1) >= 4) & (last < -1)))
    w3 = z[:, -3:]
    r2 = (filled >= 3) & ((((w3 > 2).sum(axis=1) >= 2) & (last > 2)) | (((w3 < -2).sum(axis=1) >= 2) & (last < -2)))
    r1 = np.abs(last) > 3
    for number, hit in ((4, r4), (3, r3), (2, r2), (1, r1)):
        rule[hit] = number
    return rule


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ports", required=True, help="comma-separated Modbus TCP ports on 127.0.0.1")
    parser.add_argument("--poll-ms", type=float, required=True)
    parser.add_argument("--commit-ms", type=float, default=250)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    signal.signal(signal.SIGINT, lambda *_: stop.append(True))

    ports = [int(p) for p in args.ports.split(",")]
    clients = [ModbusTcpClient("127.0.0.1", port=port, timeout=1, retries=0) for port in ports]
    for client in clients:
        client.connect()
    n = len(ports) * CHARACTERISTICS
    names = [f"dev{d + 1:02d}.weight.c{c + 1:02d}" for d in range(len(ports)) for c in range(CHARACTERISTICS)]

    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO characteristic (id, name) VALUES (?, ?)", [(i + 1, name) for i, name in enumerate(names)])
    db.commit()
    ids = np.arange(1, n + 1)

    last_counter = np.full(n, -1, dtype=np.int64)
    phase1 = np.zeros((n, PHASE1))
    phase1_count = np.zeros(n, dtype=np.int64)
    center = np.full(n, np.nan)
    sigma = np.full(n, np.nan)
    mr_ucl = np.full(n, np.nan)
    history = np.zeros((n, 8))
    filled = np.zeros(n, dtype=np.int64)
    previous = np.full(n, np.nan)

    pending = []
    accepted = committed = missed = read_errors = 0
    values = np.zeros(n)
    counters = np.zeros(n, dtype=np.int64)
    times = np.zeros(n)
    good = np.zeros(n, dtype=bool)
    interval = args.poll_ms / 1000
    next_poll = time.monotonic()
    next_commit = next_poll + args.commit_ms / 1000

    while not stop:
        # Acquire: two reads per device.
        good[:] = False
        for d, client in enumerate(clients):
            try:
                v = client.read_holding_registers(0, count=2 * CHARACTERISTICS, device_id=1)
                s = client.read_holding_registers(2 * CHARACTERISTICS, count=2 * CHARACTERISTICS, device_id=1)
            except Exception:
                read_errors += 1
                continue
            if v.isError() or s.isError():
                read_errors += 1
                continue
            lo, hi = d * CHARACTERISTICS, (d + 1) * CHARACTERISTICS
            values[lo:hi] = np.frombuffer(np.array(v.registers, dtype=">u2").tobytes(), dtype=">f4")
            counters[lo:hi] = np.frombuffer(np.array(s.registers, dtype=">u2").tobytes(), dtype=">u4")
            times[lo:hi] = time.time()
            good[lo:hi] = True

        # New units (the first sight of a counter is not a sample).
        seen = good & (last_counter >= 0)
        new = seen & (counters != last_counter)
        jumps = seen & (counters > last_counter + 1)
        missed += int((counters[jumps] - last_counter[jumps] - 1).sum())
        last_counter[good] = counters[good]
        idx = np.nonzero(new)[0]
        if len(idx):
            x = values[idx]
            accepted += len(idx)
            pending.extend(zip(ids[idx].tolist(), times[idx].tolist(), x.tolist(), ["good"] * len(idx), counters[idx].tolist()))

            # Phase II points: run rules against the frozen limits.
            frozen = ~np.isnan(center[idx])
            p2 = idx[frozen]
            rule = np.zeros(len(idx), dtype=np.int64)
            mr_hit = np.zeros(len(idx), dtype=bool)
            mr_value = np.zeros(len(idx))
            if len(p2):
                history[p2, :-1] = history[p2, 1:]
                history[p2, -1] = (values[p2] - center[p2]) / sigma[p2]
                filled[p2] += 1
                rule[frozen] = we_rules(history[p2], filled[p2])
                mr = np.abs(values[p2] - previous[p2])
                mr_value[frozen] = mr
                mr_hit[frozen] = ~np.isnan(mr) & (mr > mr_ucl[p2])

            # Phase I points: collect, and freeze the limits of those that are complete.
            p1 = idx[~frozen]
            if len(p1):
                phase1[p1, phase1_count[p1]] = values[p1]
                phase1_count[p1] += 1
                done = p1[phase1_count[p1] == PHASE1]
                if len(done):
                    window = phase1[done]
                    c = window.mean(axis=1)
                    s = np.abs(np.diff(window, axis=1)).mean(axis=1) / D2
                    center[done], sigma[done], mr_ucl[done] = c, s, s * D2 + 3 * D3 * s
                    now = time.time()
                    rows = [(int(i + 1), "x", float(cc), float(ss), float(cc - 3 * ss), float(cc + 3 * ss), now)
                            for i, cc, ss in zip(done, c, s)]
                    rows += [(int(i + 1), "mr", float(ss * D2), float(ss), 0.0, float(ss * D2 + 3 * D3 * ss), now)
                             for i, ss in zip(done, s)]
                    db.executemany("INSERT INTO control_limit (characteristic_id, statistic, center, sigma, lcl, ucl, "
                                   "computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
                    db.commit()
            previous[idx] = x

            # Signals and defects: recorded and committed at once.
            defect = (x < LSL) | (x > USL)
            urgent = np.nonzero(defect | (rule > 0) | mr_hit)[0]
            if len(urgent):
                for k in urgent.tolist():
                    i = int(idx[k])
                    signal_id = None
                    if rule[k]:
                        cur = db.execute(
                            "INSERT INTO signal (characteristic_id, statistic, rule, value, lcl, ucl, time, sequence) "
                            "VALUES (?, 'x', ?, ?, ?, ?, ?, ?)",
                            (i + 1, int(rule[k]), float(x[k]), float(center[i] - 3 * sigma[i]),
                             float(center[i] + 3 * sigma[i]), float(times[i]), int(counters[i])))
                        signal_id = cur.lastrowid
                    if mr_hit[k]:
                        cur = db.execute(
                            "INSERT INTO signal (characteristic_id, statistic, rule, value, lcl, ucl, time, sequence) "
                            "VALUES (?, 'mr', 1, ?, 0, ?, ?, ?)",
                            (i + 1, float(mr_value[k]), float(mr_ucl[i]), float(times[i]), int(counters[i])))
                        signal_id = signal_id or cur.lastrowid
                    if defect[k]:
                        db.execute(
                            "INSERT INTO defect (characteristic_id, code, value, lsl, usl, time, sequence, signal_id) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (i + 1, "FILL.UNDER" if x[k] < LSL else "FILL.OVER", float(x[k]), LSL, USL,
                             float(times[i]), int(counters[i]), signal_id))
                db.commit()

        now = time.monotonic()
        if now >= next_commit and pending:
            db.executemany("INSERT INTO sample (characteristic_id, time, value, quality, sequence) VALUES (?, ?, ?, ?, ?)",
                           pending)
            db.commit()
            committed += len(pending)
            pending = []
            next_commit = now + args.commit_ms / 1000
        next_poll += interval
        if next_poll < now:
            next_poll += np.ceil((now - next_poll) / interval) * interval
        if not stop:
            time.sleep(max(0.0, next_poll - time.monotonic()))

    if pending:
        db.executemany("INSERT INTO sample (characteristic_id, time, value, quality, sequence) VALUES (?, ?, ?, ?, ?)",
                       pending)
        db.commit()
        committed += len(pending)
    db.close()
    for client in clients:
        client.close()
    print(json.dumps({"accepted": accepted, "committed": committed, "dropped": 0, "missed": missed,
                      "read_errors": read_errors}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()

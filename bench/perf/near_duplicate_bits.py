#!/usr/bin/python3
"""Which near-duplicate decisions of a run rest on the index keeping 16 bits of each MinHash value.

    /usr/bin/python3 bench/perf/near_duplicate_bits.py OUTPUT_DIR [--threshold 0.32]

Reads the run's store (OUTPUT_DIR/newsetl.db: full 32-bit signatures, in source order) and articles.csv (duplicate_of).
For every record marked a near-duplicate, finds the best agreement, counted on full 32-bit values and on their low
16 bits, with the first of its group or an earlier member; a record whose best 32-bit count is under the threshold was
matched only because bins agreed by chance in their low 16 bits. Prints how many, by (32-bit, 16-bit) count.
"""

import argparse
import collections
import csv
import math
import sqlite3
import struct


def agreements(a, b, mask):
    return sum(1 for x, y in zip(a, b) if (x & mask) == (y & mask))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--threshold", type=float, default=0.32)
    args = parser.parse_args()

    store = sqlite3.connect(f"file:{args.output}/newsetl.db?mode=ro", uri=True)
    signatures, order = {}, []
    for record_id, blob in store.execute(
            "SELECT record_id, signature FROM inputs WHERE record IS NOT NULL ORDER BY source"):
        signatures[record_id] = struct.unpack(f"<{len(blob) // 4}I", blob) if blob else ()
        order.append(record_id)

    csv.field_size_limit(1 << 30)
    duplicate_of = {}
    with open(f"{args.output}/articles.csv", newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        head = next(rows)
        at_id, at_duplicate = head.index("id"), head.index("duplicate_of")
        for row in rows:
            if row[at_duplicate]:
                duplicate_of[row[at_id]] = row[at_duplicate]

    place = {record_id: i for i, record_id in enumerate(order)}
    members = collections.defaultdict(list)
    for record_id in order:
        if record_id in duplicate_of:
            members[duplicate_of[record_id]].append(record_id)

    length = max((len(s) for s in signatures.values()), default=0)
    needed = math.ceil(args.threshold * length)
    by_counts = collections.Counter()
    for record_id, first in duplicate_of.items():
        mine = signatures[record_id]
        if not mine:
            continue
        earlier = [first] + [m for m in members[first] if place[m] < place[record_id]]
        best32 = max((agreements(mine, signatures[e], 0xFFFFFFFF) for e in earlier if signatures[e]), default=-1)
        best16 = max((agreements(mine, signatures[e], 0xFFFF) for e in earlier if signatures[e]), default=-1)
        if best32 < needed:
            by_counts[(best32, best16)] += 1

    print(f"{len(order)} records, {len(duplicate_of)} near-duplicates; a match needs {needed} of {length} agreeing values")
    print(f"matched only on low-16-bit agreement: {sum(by_counts.values())}")
    for (full, low), n in sorted(by_counts.items()):
        print(f"  {n} with {full} agreeing 32-bit values, {low} agreeing in the low 16 bits")


if __name__ == "__main__":
    main()

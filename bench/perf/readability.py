#!/usr/bin/python3
"""The peer reference: readability-lxml's Document(html).summary() over the benchmark corpus, on one core.

Uses Debian's python3-readability (apt-get install python3-readability) with the system Python.
Each page's bytes go to readability as they are, so it decides the charset itself (as NewsEtl does).

    /usr/bin/python3 bench/perf/readability.py /tmp/newsetl-perf/corpus-10000 [--limit N] [--json FILE]

--limit N takes every k-th page (k = pages / N) so the sample keeps the corpus mix.
"""

import argparse
import json
import logging
import os
import resource
import sys
import time

# This file is itself named readability.py: take its folder off the path so the import finds the library.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]
from readability import Document  # noqa: E402


def corpus_files(folder):
    files = []
    for root, _, names in os.walk(folder):
        files.extend(os.path.join(root, n) for n in names if n.endswith((".html", ".txt")))
    return sorted(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=0, help="pages to sample, evenly spread (0: all)")
    parser.add_argument("--html-only", action="store_true", help="leave the .txt text dumps out")
    parser.add_argument("--json", help="write the result here")
    args = parser.parse_args()

    # readability logs a line per unparsable candidate; keep the timing about the work.
    logging.disable(logging.CRITICAL)
    files = corpus_files(args.corpus)
    if args.html_only:
        files = [f for f in files if f.endswith(".html")]
    if args.limit and args.limit < len(files):
        step = len(files) / args.limit
        files = [files[int(i * step)] for i in range(args.limit)]

    for f in files[:20]:  # warm-up: imports, lxml's parser setup
        with open(f, "rb") as fh:
            Document(fh.read()).summary()

    total_bytes = 0
    errors = 0
    chars = 0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        total_bytes += len(data)
        try:
            chars += len(Document(data).summary())
        except Exception:  # noqa: BLE001 - a page readability cannot handle still counts as processed
            errors += 1
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0

    result = {
        "tool": "readability-lxml Document(html).summary()",
        "python": sys.version.split()[0],
        "pages": len(files),
        "bytes": total_bytes,
        "errors": errors,
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "pages_per_second": round(len(files) / wall, 2),
        "pages_per_cpu_second": round(len(files) / cpu, 2),
        "mb_per_second": round(total_bytes / 1e6 / wall, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average": os.getloadavg()[0],
        "summary_chars": chars,
    }
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)
            fh.write("\n")


if __name__ == "__main__":
    main()

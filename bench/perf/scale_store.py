#!/usr/bin/python3
"""Makes an N-times larger run store from a real one, for measuring the write phase's memory at scale.

    /usr/bin/python3 bench/perf/scale_store.py OUT/newsetl.db BIG.db --copies 10

Every input row is copied under "copyK/<source>"; copies get their own content hash and a random MinHash
signature, so the cross-page index sees distinct articles (as a real corpus of that size would give it), not
exact duplicates that would leave the index small. `newsetl merge --output DIR BIG.db` then writes the outputs of
the whole store: the phase whose memory grows with the corpus (index of all fingerprints, tallies).
"""

import argparse
import shutil
import sqlite3


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()

    shutil.copyfile(args.source, args.target)
    db = sqlite3.connect(args.target)
    db.execute("PRAGMA journal_mode=DELETE")
    columns = "raw_sha256, run, seen_run, record, repairs, repair_kinds, content_hash, signature, shingles, stage, reason, is_failure"
    for k in range(1, args.copies):
        db.execute(
            f"""INSERT INTO inputs (source, {columns})
                SELECT 'copy{k}/' || source, raw_sha256, run, seen_run, record, repairs, repair_kinds,
                       CASE WHEN content_hash IS NULL THEN NULL ELSE content_hash || '-{k}' END,
                       CASE WHEN signature IS NULL THEN NULL ELSE randomblob(length(signature)) END,
                       shingles, stage, reason, is_failure
                FROM inputs WHERE source NOT LIKE 'copy%'""")
    db.commit()
    rows = db.execute("SELECT COUNT(*), COUNT(record) FROM inputs").fetchone()
    db.close()
    print(f"{args.target}: {rows[0]} inputs, {rows[1]} records")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A county N times as large as a registry directory, for memory and time figures
(docs/limits.md "Memory"): every file repeated N times, copy k's ids (townships, villages,
groups, households, staff, and the references to them) prefixed with "Kk-", so the copies
are N disjoint counties in one registry that `kaoping validate` accepts.
    usage: bench/scale_county.py SRC_DIR N OUT_DIR
e.g. kaoping generate -q --out def && bench/scale_county.py def 10 def10"""
import csv
import os
import sys

# Columns that hold an id (or a ';'-list of ids) of the registry, per file.
ID_COLUMNS = {
    "townships.csv": {"township_id"},
    "villages.csv": {"village_id", "township_id"},
    "groups.csv": {"group_id", "village_id"},
    "households.csv": {"household_id", "village_id", "group_id"},
    "members.csv": {"household_id"},
    "staff.csv": {"staff_id", "village_id", "groups"},
}


def prefixed(value, prefix):
    return ";".join(prefix + item if item else item for item in value.split(";")) if value else value


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    for name, id_columns in ID_COLUMNS.items():
        path = os.path.join(src, name)
        if not os.path.exists(path):
            continue
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        ids = [j for j, h in enumerate(header) if h in id_columns]
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for k in range(n):
                prefix = "K%d-" % k
                for row in body:
                    row = list(row)
                    for j in ids:
                        row[j] = prefixed(row[j], prefix)
                    w.writerow(row)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The reference for scripts/bench: one day's bare aggregation in DuckDB.

Reads the day's CSV (`,` and `;`) and JSON files, joins the unit registry, sums by
province, lists missing units. Prints the wall time in seconds (connect included).
"""
import glob, sys, time

import duckdb

day_dir, units = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
con = duckdb.connect()
csvs = sorted(glob.glob(f"{day_dir}/**/*.csv", recursive=True))
comma, semi, skipped = [], [], 0
for f in csvs:
    with open(f, "rb") as fh:
        head = fh.read()
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        skipped += 1  # DuckDB reads UTF-8 only: legacy-encoded files are left out of the reference
        continue
    (semi if b";" in head.split(b"\n", 1)[0] else comma).append(f)
cols = "report_date, lpad(CAST(unit_code AS VARCHAR), 5, '0') AS unit_code, procedure_code, received_online, received_offline, resolved_on_time, resolved_late, returned, pending_on_time, pending_overdue"
# The generator writes one header for all files: give DuckDB the schema so it need not sniff 3,000 files.
schema = {"report_date": "VARCHAR", "unit_code": "VARCHAR", "unit_name": "VARCHAR", "procedure_code": "VARCHAR",
          "received_online": "BIGINT", "received_offline": "BIGINT", "resolved_on_time": "BIGINT", "resolved_late": "BIGINT",
          "returned": "BIGINT", "pending_on_time": "BIGINT", "pending_overdue": "BIGINT", "submitted_at": "VARCHAR",
          "reporter_email": "VARCHAR", "reporter_phone": "VARCHAR", "note": "VARCHAR"}
parts = []
for files, sep in ((comma, ","), (semi, ";")):
    if files:
        parts.append(f"SELECT {cols} FROM read_csv({files!r}, delim='{sep}', header=true, columns={schema!r}, auto_detect=false)")
jsons = sorted(glob.glob(f"{day_dir}/**/*.json", recursive=True))
if jsons:
    parts.append(f"""SELECT report_date, lpad(CAST(unit_code AS VARCHAR), 5, '0') AS unit_code, i.procedure_code,
        i.received_online, i.received_offline, i.resolved_on_time, i.resolved_late, i.returned, i.pending_on_time, i.pending_overdue
        FROM (SELECT report_date, unit_code, unnest(items) AS i FROM read_json({jsons!r}, union_by_name=true))""")
con.execute("CREATE TABLE rows AS " + " UNION ALL BY NAME ".join(parts))
con.execute(f"CREATE TABLE units AS SELECT * FROM read_csv('{units}', header=true, all_varchar=true)")
by_province = con.execute("""
    SELECT coalesce(u.parent_code, u.code) AS province, sum(received_online), sum(received_offline), sum(resolved_on_time),
           sum(resolved_late), sum(returned), sum(pending_on_time), sum(pending_overdue), count(DISTINCT r.unit_code)
    FROM rows r JOIN units u ON u.code = r.unit_code OR u.code = right(r.unit_code, 2) AND length(ltrim(r.unit_code, '0')) <= 2
    GROUP BY 1 ORDER BY 1""").fetchall()
missing = con.execute("SELECT code FROM units WHERE code NOT IN (SELECT DISTINCT unit_code FROM rows) ORDER BY code").fetchall()
elapsed = time.perf_counter() - t0
print(f"{elapsed:.3f} {len(by_province)} {len(missing)} {skipped}")

"""A PySpark job that syncs a landing folder twice through SQL (datom_sync) and prints each report as JSON lines:

    python sync_job.py <work folder> <runtime jar> <landing folder>

The project is a single-project catalog `study` on a fresh bare git remote; `project` in the catalog's options
creates it on the first sync.
"""
import json
import subprocess
import sys
from pathlib import Path

from pyspark.sql import SparkSession

work, jar, landing = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
remote = work / "remote.git"
subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True)
spark = (SparkSession.builder
         .config("spark.jars", jar)
         .config("spark.sql.extensions", "io.datom.spark.DatomSparkSessionExtensions")
         .config("spark.sql.catalog.study", "io.datom.spark.DatomCatalog")
         .config("spark.sql.catalog.study.store", str(work / "store"))
         .config("spark.sql.catalog.study.repo", remote.as_uri())
         .config("spark.sql.catalog.study.project", "STUDY_PY")
         .getOrCreate())
try:
    for run in ("first", "second"):
        for row in spark.sql(f"SELECT * FROM datom_sync('study', '{landing}')").collect():
            print(json.dumps({"run": run, **row.asDict()}), flush=True)
    print(json.dumps({"run": "read", "rows": spark.table("study.adtte").count()}), flush=True)
finally:
    spark.stop()

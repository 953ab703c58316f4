"""Writes a monthly CSV extract as the next version of a datom table, through a DatomCatalog.

    spark-submit --jars datom-spark-runtime-3.5_2.12-<version>.jar \\
      --conf spark.sql.catalog.study=io.datom.spark.DatomCatalog \\
      --conf spark.sql.catalog.study.store=<store> --conf spark.sql.catalog.study.repo=<git remote> \\
      monthly_extract.py study.lb <extract.csv> <project name>

Prints what the write did, from the table's history (newest first): `study.lb: full version=… data_sha=… rows=…`.
"""
import sys

from pyspark.sql import SparkSession

LAB_SCHEMA = "USUBJID string, LBTESTCD string, LBSTRESN double, LBNRIND string"


def current_version(spark, table):
    """The table's current version, or None before its first write."""
    if not spark.catalog.tableExists(table):
        return None
    return spark.table(f"{table}.history").first().version


def main(table, extract_path, project):
    spark = SparkSession.builder.appName(f"monthly extract {table}").getOrCreate()
    before = current_version(spark, table)
    extract = spark.read.option("header", True).schema(LAB_SCHEMA).csv(extract_path)
    (extract.writeTo(table)
        .option("project", project)
        .option("message", f"EDC extract {extract_path.rsplit('/', 2)[-2]}")
        .createOrReplace())
    newest, *older = spark.table(f"{table}.history").head(2)
    if newest.version == before:
        action = "none"
    elif older and older[0].data_sha == newest.data_sha:
        action = "metadata_only"
    else:
        action = "full"
    print(f"{table}: {action} version={newest.version} data_sha={newest.data_sha} rows={newest.nrow}")
    spark.stop()


if __name__ == "__main__":
    main(*sys.argv[1:4])

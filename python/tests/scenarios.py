"""Runs one documented scenario in a fresh Python process (each needs its own Spark session or Connect client):

    python scenarios.py {notebook|connect|databricks} <work folder> <runtime jar> [<connect port>]

It runs the docs' cells (see doc_cells.py) as a notebook would, in one namespace, then compares what the cells
read with what they wrote. Exit status 0: every check passed.
"""
import subprocess
import sys
from pathlib import Path

from doc_cells import cells, substitute, substitute_present

LAB_ROWS = [("S1", "ALT", 31.0, "NORMAL"), ("S2", "ALT", 62.0, "HIGH"), ("S4", "AST", 75.5, "HIGH")]


def rows(df):
    return sorted(tuple(row) for row in df.collect())


def run_bash(code, work):
    subprocess.run(["bash", "-euo", "pipefail", "-c", substitute_present(code, {"/tmp/": f"{work}/"})], check=True)


def run_python(code, namespace):
    exec(compile(code, "<docs cell>", "exec"), namespace)


def write_lab_extract(work):
    """The CSV extract the Databricks and spark-submit cells read (the docs' /tmp/landing/...)."""
    path = Path(work) / "landing" / "edc" / "2026-06" / "lb.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("USUBJID,LBTESTCD,LBSTRESN,LBNRIND\n" + "".join(",".join(map(str, r)) + "\n" for r in LAB_ROWS))
    return path


def notebook_cells(work, namespace):
    for cell in cells("notebook"):
        if cell.language == "bash":
            run_bash(cell.code, work)
        else:
            run_python(substitute_present(cell.code, {"/tmp/": f"{work}/"}), namespace)


def check_notebook(ns):
    spark, cut = ns["spark"], ns["cut_offs"]
    january, february, march = (sorted(cut[m]) for m in ("2026-01", "2026-02", "2026-03"))
    outcomes = list(ns["outcomes"].values())
    assert [o[0] for o in outcomes] == ["full"] * 3, outcomes
    versions = [o[1] for o in outcomes]
    assert versions == [ns["january"], ns["february"], ns["march"]], (versions, ns["history"].collect())
    assert len(set(versions)) == 3 and len({o[2] for o in outcomes}) == 3

    assert rows(ns["lb_january"]) == january
    assert rows(ns["lb_february"]) == february
    assert rows(ns["lb_march"]) == march
    assert rows(ns["lb_as_of"]) == february
    assert rows(ns["added"]) == sorted(set(march) - set(february))
    assert rows(ns["retracted"]) == sorted(set(february) - set(march))

    assert ns["rerun"] == ("none", ns["march"], outcomes[2][2]), ns["rerun"]
    history = ns["history"].select("version", "message", "nrow").collect()
    assert [tuple(r) for r in history] == [
        (ns["march"], "EDC extract 2026-03", 4), (ns["february"], "EDC extract 2026-02", 3),
        (ns["january"], "EDC extract 2026-01", 2)], history

    assert rows(ns["lineage"].select("table", "version", "data_sha")) == [("lb", ns["march"], outcomes[2][2])]
    assert rows(spark.read.format("datom").option("table", "lb_high").load(ns["store"])) == [
        r for r in march if r[3] == "HIGH"]

    assert sorted(r.tableName for r in spark.sql("SHOW TABLES IN study").collect()) == ["lb", "lb_high"]
    assert rows(ns["high_in_january"]) == [r for r in january if r[3] == "HIGH"]
    assert rows(ns["lb_at_february"]) == february
    assert [r.status for r in ns["validation"].collect()] == ["ok"], ns["validation"].collect()
    corrections = ns["corrections"].collect()
    assert sorted((r.USUBJID, r.LBTESTCD, float(r.v), r.added) for r in corrections) == [
        ("S1", "ALT", 31.0, False), ("S1", "ALT", 33.0, True), ("S2", "ALT", 58.0, True), ("S2", "ALT", 62.0, False),
        ("S3", "AST", 80.0, True)], corrections
    assert {r.message for r in corrections} == {"EDC extract 2026-03"}, corrections


def notebook(work, jar):
    namespace = {}
    session = cells("notebook-session")[0].code
    # Paths first: the jar's own path may contain /tmp/.
    run_python(substitute(substitute_present(session, {"/tmp/": f"{work}/"}), {Path(jar).name: jar}), namespace)
    try:
        notebook_cells(work, namespace)
        check_notebook(namespace)
    finally:
        namespace["spark"].stop()


def connect(work, jar, port):
    namespace = {}
    session = cells("connect-session")[0].code
    run_python(substitute(session, {"sc://localhost:15002": f"sc://127.0.0.1:{port}"}), namespace)
    try:
        assert namespace["spark"].__class__.__module__.startswith("pyspark.sql.connect"), type(namespace["spark"])
        notebook_cells(work, namespace)
        check_notebook(namespace)
    finally:
        namespace["spark"].stop()


def databricks(work, jar):
    from pyspark.sql import SparkSession

    config = substitute(cells("databricks-config")[0].code, {
        "s3a://trial-bucket/study-001": f"{work}/study-001-store",
        "https://github.com/acme/study-001-data.git": f"file://{work}/study-001-data.git"})
    builder = SparkSession.builder.config("spark.jars", jar)
    for line in config.splitlines():
        key, value = line.split(None, 1)
        if not value.startswith("{{secrets/"):  # the cluster's secret scope; nothing to stand in for locally
            builder = builder.config(key, value)
    subprocess.run(["git", "init", "-q", "--bare", f"{work}/study-001-data.git"], check=True)
    write_lab_extract(work)

    spark = builder.getOrCreate()
    shown = []
    namespace = {"spark": spark, "display": lambda df: shown.append(df.collect())}
    try:
        python_cells = [c for c in cells("databricks") if c.language == "python"]
        sql_cells = [c for c in cells("databricks") if c.language == "sql"]
        assert python_cells and sql_cells
        for cell in python_cells:
            run_python(substitute(cell.code, {"s3a://landing/": f"{work}/landing/"}), namespace)
        results = [spark.sql(statement).collect()
                   for cell in sql_cells for statement in cell.code.split(";\n") if statement.strip()]

        assert rows(spark.table("study.lb")) == sorted(LAB_ROWS)
        history, means = shown
        assert len(history) == 1 and history[0].message == "EDC extract 2026-06" and history[0].nrow == 3
        expected_means = {"ALT": (31.0 + 62.0) / 2, "AST": 75.5}
        assert {r.LBTESTCD: r.mean for r in means} == expected_means, means
        created, high_history, validation = results
        assert rows(spark.table("study.lb_high")) == sorted(r for r in LAB_ROWS if r[3] == "HIGH")
        assert len(high_history) == 1, high_history
        assert [r.status for r in validation] == ["ok"], validation
    finally:
        spark.stop()


if __name__ == "__main__":
    scenario, work, jar, *rest = sys.argv[1:]
    {"notebook": notebook, "connect": connect, "databricks": databricks}[scenario](work, jar, *rest)
    print(f"scenario {scenario}: every check passed")

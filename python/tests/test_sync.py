"""datom_sync from PySpark: a landing folder with a CSV, an .xpt and a .sas7bdat synced twice through spark.sql."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

from doc_cells import REPO

SAMPLES = REPO / "connector" / "src" / "test" / "resources" / "sas-samples"


def test_sync_a_landing_folder_from_pyspark(tmp_path, runtime_jar):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "dm.csv").write_text("USUBJID,AGE\nS1,34\nS2,51\n")
    shutil.copy(SAMPLES / "adtte.xpt", landing / "adtte.xpt")
    shutil.copy(SAMPLES / "mixed_data_one.sas7bdat", landing / "mixed.sas7bdat")
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "sync_job.py"), str(tmp_path), runtime_jar,
                             str(landing)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr[-20000:]}"
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    first = {r["name"]: r for r in lines if r["run"] == "first"}
    second = {r["name"]: r for r in lines if r["run"] == "second"}
    assert sorted(first) == ["adtte", "dm", "mixed"]
    assert all(r["status"] == "new" and r["action"] == "full" for r in first.values()), first
    assert (first["dm"]["rows"], first["adtte"]["rows"], first["mixed"]["rows"]) == (2, 254, 24)
    assert all(r["status"] == "unchanged" and r["action"] == "skipped" for r in second.values()), second
    assert all(second[n]["version"] == first[n]["version"] for n in first)
    assert [r["rows"] for r in lines if r["run"] == "read"] == [254]

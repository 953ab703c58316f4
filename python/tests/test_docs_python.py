"""The quickstart's Python sections, run as they stand against the runtime jar (see doc_cells.py)."""
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyspark
import pytest

from doc_cells import QUICKSTART, REPO, cells, substitute, substitute_present
from scenarios import LAB_ROWS, write_lab_extract

SCENARIOS = Path(__file__).with_name("scenarios.py")
REQUIREMENTS = REPO / "python" / "requirements-test.txt"


def run_scenario(name, work, jar, *extra, timeout=600):
    result = subprocess.run([sys.executable, str(SCENARIOS), name, str(work), jar, *map(str, extra)],
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"scenario {name} failed:\n{result.stdout}\n{result.stderr[-20000:]}"
    assert f"scenario {name}: every check passed" in result.stdout


def test_the_docs_install_the_pyspark_the_suite_runs():
    pinned = re.search(r"^pyspark==(\S+)$", REQUIREMENTS.read_text(), re.M).group(1)
    assert pyspark.__version__ == pinned
    docs = QUICKSTART.read_text()
    assert f"pip install pyspark=={pinned}" in docs
    assert f'pip install "pyspark[connect]=={pinned}"' in docs
    assert f"spark-connect_2.12:{pinned}" in docs


def test_jupyter_notebook(tmp_path, runtime_jar):
    run_scenario("notebook", tmp_path, runtime_jar)


def test_databricks_notebook(tmp_path, runtime_jar):
    run_scenario("databricks", tmp_path, runtime_jar)


def test_spark_submit_of_a_python_job(tmp_path, runtime_jar):
    write_lab_extract(tmp_path)
    command = substitute_present(cells("spark-submit")[0].code, {"/tmp/": f"{tmp_path}/"})  # paths first
    command = substitute(command, {Path(runtime_jar).name: runtime_jar})
    outputs = []
    for _ in range(2):  # the second run of the same extract is a no-op
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=REPO, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr[-20000:]
        outputs.append(result.stdout.strip().splitlines()[-1])
    first = re.fullmatch(r"study\.lb: full version=([0-9a-f]{64}) data_sha=([0-9a-f]{64}) rows=(\d+)", outputs[0])
    assert first, outputs
    assert int(first.group(3)) == len(LAB_ROWS)
    assert outputs[1] == outputs[0].replace(": full ", ": none "), outputs


def free_loopback_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def connect_server(tmp_path, runtime_jar):
    """The docs' Connect server command, on a free port. This project's Maven registry may not serve the
    spark-connect jar of the pip pyspark's exact version: then Maven resolves one (DATOM_SPARK_CONNECT_JAR) and it
    goes on --jars instead of --packages."""
    port = free_loopback_port()
    command = substitute_present(cells("connect-server")[0].code, {"/tmp/": f"{tmp_path}/"})  # paths first
    command = substitute(command, {
        "spark.connect.grpc.binding.port=15002": f"spark.connect.grpc.binding.port={port}"})
    jars = runtime_jar
    if os.environ.get("DATOM_SPARK_CONNECT_JAR"):
        command = substitute(command, {"  --packages org.apache.spark:spark-connect_2.12:3.5.9 \\\n": ""})
        jars += "," + os.environ["DATOM_SPARK_CONNECT_JAR"]
    command = substitute(command, {Path(runtime_jar).name: jars})
    log = open(tmp_path / "connect-server.log", "w")
    server = subprocess.Popen(["bash", "-c", "exec " + command], stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while True:
            assert server.poll() is None, (tmp_path / "connect-server.log").read_text()[-20000:]
            assert time.monotonic() < deadline, "the Connect server did not start in 240 s"
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(1)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_spark_connect(tmp_path, runtime_jar, connect_server):
    run_scenario("connect", tmp_path, runtime_jar, connect_server)

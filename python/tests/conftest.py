"""Shared fixtures: the runtime jar under test and a Spark configuration for small local sessions."""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from doc_cells import REPO  # noqa: E402


@pytest.fixture(scope="session")
def runtime_jar():
    """The shaded jar: DATOM_RUNTIME_JAR (set by Maven), else the one runtime/target holds."""
    if os.environ.get("DATOM_RUNTIME_JAR"):
        jar = Path(os.environ["DATOM_RUNTIME_JAR"])
    else:
        found = sorted((REPO / "runtime" / "target").glob("datom-spark-runtime-*.jar"))
        assert found, "no runtime jar: build it with mvn -DskipTests package"
        jar = found[0]
    assert jar.is_file(), jar
    return str(jar)


@pytest.fixture(scope="session", autouse=True)
def small_spark(tmp_path_factory):
    """Every Spark JVM the suite starts (sessions, spark-submit, the Connect server): two cores, no UI, loopback."""
    conf = tmp_path_factory.mktemp("spark-conf")
    (conf / "spark-defaults.conf").write_text(
        "spark.master local[2]\n"
        "spark.ui.enabled false\n"
        "spark.sql.shuffle.partitions 4\n"
        "spark.driver.host 127.0.0.1\n"
        "spark.driver.bindAddress 127.0.0.1\n")
    (conf / "log4j2.properties").write_text(
        "rootLogger.level = warn\nrootLogger.appenderRef.stderr.ref = console\n"
        "appender.console.type = Console\nappender.console.name = console\nappender.console.target = SYSTEM_ERR\n"
        "appender.console.layout.type = PatternLayout\nappender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n\n")
    os.environ["SPARK_CONF_DIR"] = str(conf)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ.pop("SPARK_HOME", None)
    return conf

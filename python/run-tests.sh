#!/usr/bin/env bash
# Runs the Python suite (python/tests) against the runtime jar: `mvn verify` calls this from runtime at
# integration-test, with DATOM_RUNTIME_JAR and DATOM_SPARK_CONNECT_JAR set. Arguments go to pytest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$(bash "$here/setup-venv.sh")"
export SPARK_LOCAL_IP=127.0.0.1
# pyspark's own Spark, not one SPARK_HOME may point at: the suite tests the pip distribution.
unset SPARK_HOME
export PATH="$venv/bin:$PATH"
cd "$here/.."
exec "$venv/bin/python" -m pytest -p no:cacheprovider "$here/tests" "$@"

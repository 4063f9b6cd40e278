#!/usr/bin/env bash
# Runs Overdosevarsel on this machine: builds the standalone jar if needed, then starts it
# (a real Kafka broker and PostgreSQL in-process, and the three apps). Arguments go to the jar (--help lists them).
set -euo pipefail
cd "$(dirname "$0")"
. bin/select-jdk.sh
select_jdk

jar=infra/standalone/target/overdosevarsel-standalone.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.properties' -o -name '*.sql' \
      -o -name '*.html' -o -name '*.txt' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "Building $jar …"
  ./mvnw -B -q install -DskipTests -Dspotless.check.skip=true
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"

#!/bin/sh
# Start-up time of the openmws command: the median wall and CPU time of N runs (default 20) of 'openmws --help'
# and 'openmws sellers --help', first as plain 'java -cp', then adding the launcher's tricks one at a time, and
# last through bin/openmws itself. Run after the build:
#   ./mvnw -B -q -DskipTests package && bench/cli/startup.sh [N]
# The numbers in BENCHMARKS.md ("CLI start-up") come from this script. Needs GNU date, /usr/bin/time and
# script(1) (util-linux).
set -eu
n=${1:-20}
dist=$(cd "$(dirname -- "$0")/../../openmws-cli/target/openmws" && pwd -P)
lib=$dist/lib
[ -x "$dist/bin/openmws" ] || { echo "no distribution in $dist: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
classpath=$(LC_ALL=C; for jar in "$lib"/*.jar; do printf '%s:' "$jar"; done)
classpath=${classpath%:}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export OPENMWS_HOME="$home"

# median CMD...: runs CMD n times (output discarded, exit code checked) and prints the median wall time in ms and,
# in brackets, the median CPU time (user + system) the run took, which a busy machine inflates less.
median() {
    i=0
    : > "$home/wall"
    : > "$home/cpu"
    while [ "$i" -lt "$n" ]; do
        start=$(date +%s%N)
        /usr/bin/time -f '%U %S' -o "$home/time" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 )) >> "$home/wall"
        awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$home/time" >> "$home/cpu"
        i=$((i + 1))
    done
    printf '%s (%s)' "$(mid "$home/wall")" "$(mid "$home/cpu")"
}

mid() {
    sort -n "$1" | awk '{ t[NR] = $1 } END { printf "%d", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

row() {
    label=$1
    shift
    printf '%-52s %15s %15s\n' "$label" "$(median "$@" --help)" "$(median "$@" sellers --help)"
}

echo "$("$java" -version 2>&1 | head -1), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "median of $n runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %15s %15s\n' "ms, wall (cpu)" "--help" "sellers --help"
row "java -cp (defaults: C2, G1, JDK's CDS archive)" "$java" -cp "$classpath" io.openmws.cli.OpenMws
row "+ -XX:TieredStopAtLevel=1" "$java" -XX:TieredStopAtLevel=1 -cp "$classpath" io.openmws.cli.OpenMws
row "+ -XX:+UseSerialGC" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classpath" io.openmws.cli.OpenMws
row "+ -XX:-UsePerfData" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
    -cp "$classpath" io.openmws.cli.OpenMws
if [ -r "$lib/openmws.jsa" ]; then
    row "+ -XX:SharedArchiveFile=lib/openmws.jsa (AppCDS)" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -XX:-UsePerfData "-XX:SharedArchiveFile=$lib/openmws.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -cp "$classpath" io.openmws.cli.OpenMws
fi
row "bin/openmws (the launcher: all of the above)" "$dist/bin/openmws"

# At a terminal (a pseudo-terminal of script(1), which adds its own few ms), picocli starts 'stty' from the JVM
# to size help, unless the launcher hands it the width; OPENMWS_JAVA_OPTS comes last, so AUTO undoes that.
tty_row() {
    label=$1
    opts=$2
    printf '%-52s %15s %15s\n' "$label" \
        "$(median script -qec "OPENMWS_JAVA_OPTS='$opts' '$dist/bin/openmws' --help" /dev/null)" \
        "$(median script -qec "OPENMWS_JAVA_OPTS='$opts' '$dist/bin/openmws' sellers --help" /dev/null)"
}
tty_row "at a terminal: picocli asks stty for the width" "-Dpicocli.usage.width=AUTO"
tty_row "at a terminal: bin/openmws passes the width" ""

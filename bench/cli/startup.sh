#!/bin/sh
# Start-up time of the openmws command: the median wall and CPU time of N runs (default 20) of 'openmws --help'
# and 'openmws sellers --help', first as plain 'java -cp', then adding the launcher's tricks one at a time, then
# through bin/openmws itself, and at a (pseudo-)terminal. Run after the build:
#   ./mvnw -B -q -DskipTests package && bench/cli/startup.sh [N]
# The variants take turns (run 1 of each, then run 2 of each, ...), so that a machine that gets busier or
# quieter meanwhile does not favour one of them. The numbers in BENCHMARKS.md ("CLI start-up") come from this
# script. Needs GNU date, /usr/bin/time and script(1) (util-linux).
set -eu
dist=$(cd "$(dirname -- "$0")/../../openmws-cli/target/openmws" && pwd -P)
lib=$dist/lib
[ -x "$dist/bin/openmws" ] || { echo "no distribution in $dist: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
classpath=$(LC_ALL=C; for jar in "$lib"/*.jar; do printf '%s:' "$jar"; done)
classpath=${classpath%:}

# The variants: 'variant K ARGS...' runs variant K with the command's arguments.
count=8
label() {
    case $1 in
        1) echo "java -cp (defaults: C2, G1, JDK's CDS archive)" ;;
        2) echo "+ -XX:TieredStopAtLevel=1" ;;
        3) echo "+ -XX:+UseSerialGC" ;;
        4) echo "+ -XX:-UsePerfData" ;;
        5) echo "+ -XX:SharedArchiveFile=lib/openmws.jsa (AppCDS)" ;;
        6) echo "bin/openmws (the launcher: all of the above)" ;;
        7) echo "at a terminal: picocli asks stty for the width" ;;
        8) echo "at a terminal: bin/openmws passes the width" ;;
    esac
}
variant() {
    k=$1
    shift
    case $k in
        1) "$java" -cp "$classpath" io.openmws.cli.OpenMws "$@" ;;
        2) "$java" -XX:TieredStopAtLevel=1 -cp "$classpath" io.openmws.cli.OpenMws "$@" ;;
        3) "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classpath" io.openmws.cli.OpenMws "$@" ;;
        4) "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$classpath" io.openmws.cli.OpenMws "$@" ;;
        5) "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "-XX:SharedArchiveFile=$lib/openmws.jsa" \
               -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$classpath" io.openmws.cli.OpenMws "$@" ;;
        6) "$dist/bin/openmws" "$@" ;;
        # script(1) gives the launcher a pseudo-terminal (and adds its own few ms); OPENMWS_JAVA_OPTS comes last,
        # so AUTO undoes the width the launcher passes and picocli starts 'stty' from the JVM.
        7) script -qec "OPENMWS_JAVA_OPTS=-Dpicocli.usage.width=AUTO '$dist/bin/openmws' $*" /dev/null ;;
        8) script -qec "'$dist/bin/openmws' $*" /dev/null ;;
    esac
}

median() {
    sort -n "$1" | awk '{ t[NR] = $1 } END { printf "%d", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

if [ "${1:-}" = --variant ]; then
    shift
    variant "$@"
    exit
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OPENMWS_HOME="$work/home"
n=${1:-20}

# measure K NAME ARGS...: one run of variant K, its wall and CPU (user + system, children included) ms appended
# to files. The script runs itself for the variant, so that /usr/bin/time can time it.
measure() {
    k=$1
    name=$2
    shift 2
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/time" "$0" --variant "$k" "$@" > /dev/null 2>&1 \
        || { echo "failed: $(label "$k") $*" >&2; exit 1; }
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >> "$work/$k-$name.wall"
    awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$work/time" >> "$work/$k-$name.cpu"
}

echo "$("$java" -version 2>&1 | head -1), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "median of $n runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ "$i" -lt "$n" ]; do
    k=1
    while [ "$k" -le "$count" ]; do
        measure "$k" help --help
        measure "$k" sellers sellers --help
        k=$((k + 1))
    done
    i=$((i + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %15s %15s\n' "ms, wall (cpu)" "--help" "sellers --help"
k=1
while [ "$k" -le "$count" ]; do
    printf '%-52s %15s %15s\n' "$(label "$k")" \
        "$(median "$work/$k-help.wall") ($(median "$work/$k-help.cpu"))" \
        "$(median "$work/$k-sellers.wall") ($(median "$work/$k-sellers.cpu"))"
    k=$((k + 1))
done

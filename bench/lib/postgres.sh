# A throw-away PostgreSQL from Debian's binaries, for the bench scripts (source it). Needs pg_ctl on the
# PATH (apt-get install -y postgresql); initdb runs as the postgres user when the script runs as root.

PGBIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_postgres DIR PORT: a new cluster in DIR (trust authentication, listening on localhost:PORT) with an
# empty database openmws; prints its version. Stop it with stop_postgres DIR.
start_postgres() {
  mkdir -p "$1"
  [ "$(id -u)" = 0 ] && chown postgres "$1"
  as_pg "$PGBIN/initdb" -D "$1" -U postgres -A trust >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$1" -o "-p $2 -k /tmp -c listen_addresses=localhost" -l "$1/log" -w start >/dev/null
  psql -h localhost -p "$2" -U postgres -qc 'CREATE DATABASE openmws' >/dev/null
  echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $2"
}

stop_postgres() {
  as_pg "$PGBIN/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true
}

#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it. It sets up what the tests need itself.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser test (crates/sitrep-cli/tests/browser.rs) drives headless Chromium through
# chromedriver: Debian's chromium and chromium-driver packages, installed here when missing.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "test.sh: installing chromium and chromium-driver for the browser test" >&2
    as_root=()
    [ "$(id -u)" = 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
export SITREP_BROWSER_TEST=1

# The PostgreSQL backend's tests run against a throwaway cluster: Debian's postgresql package
# (installed here when missing), initialised in a temporary folder, listening on loopback on
# a free port, stopped and removed on exit. The tests read its URL from SITREP_TEST_POSTGRES.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "test.sh: installing postgresql for the PostgreSQL backend's tests" >&2
    as_root=()
    [ "$(id -u)" = 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d -t sitrep-pg.XXXXXX)
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
fi
# A free port: one nothing answers on.
pg_port=
for _ in $(seq 100); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        pg_port=$candidate
        break
    fi
done
[ -n "$pg_port" ] || { echo "test.sh: no free port for PostgreSQL" >&2; exit 1; }
stop_postgres() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U sitrep --auth=trust --locale=C.UTF-8 -E UTF8 >"$pg_dir/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off" start >/dev/null
"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U sitrep sitrep_test
export SITREP_TEST_POSTGRES="postgres://sitrep@127.0.0.1:$pg_port/sitrep_test"
echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') at $SITREP_TEST_POSTGRES" >&2

cargo test --workspace --all-targets --locked
cargo test --workspace --doc --locked

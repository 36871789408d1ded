#!/usr/bin/env bash
# Runs one integration test against a fresh emulator of its own.
#   with_emulator.sh <driver.so> <command> [args...]
# The command gets BBODBC_DRIVER (the built driver), BBEMU_URL (the API
# base URL) and BBODBC_CONN (a connection string for the demo user).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

export BBODBC_DRIVER=$1
shift
bb_emu_start --seed 42
trap bb_emu_stop EXIT
export BBEMU_URL="http://127.0.0.1:$BB_EMU_PORT/2.0"
export BBODBC_CONN="DRIVER=$BBODBC_DRIVER;BaseURL=$BBEMU_URL;User=demo;ApiToken=demo-token;Workspace=acme"
# The driver manager must not read the machine's ini files during tests.
export ODBCSYSINI=$(mktemp -d) ODBCINI=/dev/null
trap 'bb_emu_stop; rm -rf "$ODBCSYSINI"' EXIT
"$@"

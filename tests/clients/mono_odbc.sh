#!/usr/bin/env bash
# Compiles MonoOdbc.cs with mcs and runs it on mono's System.Data.Odbc,
# DSN-less, against the answers expected_lines.py reads from the emulator.
# Run by with_emulator.sh (BBODBC_CONN, BBEMU_URL).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/expected_lines.py" platform-api web-frontend \
	>"$work/expected.tsv"
mcs -nologo -warnaserror+ -r:System.Data.dll -out:"$work/MonoOdbc.exe" \
	"$here/MonoOdbc.cs"
# mono reaches unixODBC as libodbc.so.2 (the dllmap in /etc/mono/config).
mono "$work/MonoOdbc.exe" "$BBODBC_CONN" "$work/expected.tsv"

#!/usr/bin/env bash
# iODBC's iodbctest (its driver manager is linked into the program) runs
# the demo query, a query on non-ASCII titles and its `tables` command on
# a DSN registered in iODBC's own ini files, private to this test
# (ODBCINI / ODBCINSTINI; HOME too, so no ~/.odbc.ini is read). The output
# is checked against the emulator by check_iodbctest.py.
# Run by with_emulator.sh (BBODBC_DRIVER, BBEMU_URL). Set BB_IODBC_TRACE to
# a file name to get iODBC's trace of every call.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

trace=""
if [ -n "${BB_IODBC_TRACE:-}" ]; then
	trace="Trace = 1
TraceFile = $BB_IODBC_TRACE"
fi
cat >"$work/odbcinst.ini" <<INI
[ODBC Drivers]
bbodbc = Installed

[bbodbc]
Description = Bitbucket Cloud ODBC driver
Driver = $BBODBC_DRIVER
INI
cat >"$work/odbc.ini" <<INI
[ODBC]
$trace

[ODBC Data Sources]
bbodbc-iodbc = bbodbc

[bbodbc-iodbc]
Driver = bbodbc
BaseURL = $BBEMU_URL
User = demo
ApiToken = demo-token
Workspace = acme
INI
export ODBCINI=$work/odbc.ini ODBCINSTINI=$work/odbcinst.ini HOME=$work

{
	echo "SELECT r.Name, COUNT(*) AS OpenPRs FROM Repositories r JOIN PullRequests p ON p.RepositorySlug = r.Slug WHERE p.State = 'OPEN' GROUP BY r.Name ORDER BY OpenPRs DESC"
	echo "SELECT Id, Title FROM PullRequests WHERE RepositorySlug = 'platform-api' AND Id BETWEEN 73 AND 75 ORDER BY Id"
	echo "tables"
	echo "quit"
} | timeout 60 iodbctest "DSN=bbodbc-iodbc" >"$work/out" 2>&1 || true
# iodbctest exits 0 even when it cannot connect: the checker decides.
if ! /usr/bin/python3 "$here/check_iodbctest.py" "$work/out"; then
	echo "--- iodbctest output (first 40 lines):"
	head -c 3000 "$work/out"; echo
	exit 1
fi

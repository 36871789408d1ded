#!/usr/bin/env bash
# The demo query through isql and through pyodbc, on a DSN, each checked
# against the figures computed from the emulator's own data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

cat >"$ODBCSYSINI/odbcinst.ini" <<INI
[bbodbc]
Driver = $BBODBC_DRIVER
INI
export ODBCINI=$ODBCSYSINI/odbc.ini
cat >"$ODBCINI" <<INI
[bbodbc-test]
Driver = bbodbc
BaseURL = $BBEMU_URL
User = demo
ApiToken = demo-token
Workspace = acme
INI

query="SELECT r.Name, COUNT(*) AS OpenPRs FROM Repositories r JOIN PullRequests p ON p.RepositorySlug = r.Slug WHERE p.State = 'OPEN' GROUP BY r.Name ORDER BY OpenPRs DESC;"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# isql: -b batch, -d delimiter, -c column names on the first line.
echo "$query" | isql -b -d'|' -c bbodbc-test >"$out"
/usr/bin/python3 "$here/check_demo.py" isql "$out"
# iusql: the same through the wide entry points.
echo "$query" | iusql -b -d'|' -c bbodbc-test >"$out"
/usr/bin/python3 "$here/check_demo.py" isql "$out"
/usr/bin/python3 "$here/check_demo.py" pyodbc "DSN=bbodbc-test" "$query"

#!/usr/bin/env bash
# The "done when" query of the issue: one query joining Repositories,
# PullRequests, PullRequestReviewers and Commits across the workspace
# acme, through isql and through pyodbc on a DSN, each checked against
# the figures check_join.py computes from the emulator's API itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

cat >"$ODBCSYSINI/odbcinst.ini" <<INI
[bbodbc]
Driver = $BBODBC_DRIVER
INI
export ODBCINI=$ODBCSYSINI/odbc.ini
cat >"$ODBCINI" <<INI
[bbodbc-join]
Driver = bbodbc
BaseURL = $BBEMU_URL
User = demo
ApiToken = demo-token
Workspace = acme
INI

# Per repository: its open pull requests, the distinct reviewers on them,
# and its commits (every branch; more than one page for some).
query="SELECT r.Slug, r.Name,
 COALESCE(o.OpenPRs, 0) AS OpenPRs,
 COALESCE(o.Reviewers, 0) AS Reviewers,
 COALESCE(c.Commits, 0) AS Commits
FROM Repositories r
LEFT JOIN (SELECT p.Workspace, p.RepositorySlug,
                  COUNT(DISTINCT p.Id) AS OpenPRs,
                  COUNT(DISTINCT v.Uuid) AS Reviewers
           FROM PullRequests p
           LEFT JOIN PullRequestReviewers v
             ON v.Workspace = p.Workspace
            AND v.RepositorySlug = p.RepositorySlug
            AND v.PullRequestId = p.Id AND v.State = 'OPEN'
           WHERE p.Workspace = 'acme' AND p.State = 'OPEN'
           GROUP BY p.Workspace, p.RepositorySlug) o
  ON o.Workspace = r.Workspace AND o.RepositorySlug = r.Slug
LEFT JOIN (SELECT Workspace, RepositorySlug, COUNT(*) AS Commits
           FROM Commits WHERE Workspace = 'acme'
           GROUP BY Workspace, RepositorySlug) c
  ON c.Workspace = r.Workspace AND c.RepositorySlug = r.Slug
WHERE r.Workspace = 'acme'
ORDER BY r.Slug"
# isql reads one statement a line.
oneline=$(echo "$query" | tr '\n' ' ')
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# isql: -b batch, -d delimiter, -c column names on the first line.
echo "$oneline" | isql -b -d'|' -c bbodbc-join >"$out"
/usr/bin/python3 "$here/check_join.py" isql "$out"
/usr/bin/python3 "$here/check_join.py" pyodbc "DSN=bbodbc-join" "$query"

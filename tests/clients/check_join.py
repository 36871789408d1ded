"""Checks the join query of join_query.sh against the emulator.

  check_join.py isql <output file>      (isql -b -d'|' -c output)
  check_join.py pyodbc <conn> <query>   (runs the query itself)

The expected figures come from the API directly: every repository of
acme; its open pull requests, listed with their reviewers (the list shows
them only when asked for with fields=+values.reviewers); the distinct
reviewers of those; and its commits, every page, following `next` (the
emulator pages commits with opaque tokens).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "integration"))
import emu  # noqa: E402

COLUMNS = ["Slug", "Name", "OpenPRs", "Reviewers", "Commits"]


def expected():
    """{slug: (name, open PRs, distinct reviewers, commits)}."""
    want = {}
    for repo in emu.all_values("/repositories/acme?pagelen=100"):
        base = f"/repositories/acme/{emu.quote(repo['slug'])}"
        prs = emu.all_values(f"{base}/pullrequests?state=OPEN&pagelen=50"
                             "&fields=%2Bvalues.reviewers")
        assert all("reviewers" in p for p in prs), "reviewers not listed"
        reviewers = {r["uuid"] for p in prs for r in p["reviewers"]}
        commits = emu.all_values(f"{base}/commits?pagelen=100")
        want[repo["slug"]] = (repo["name"], len(prs), len(reviewers),
                              len(commits))
    return want


def from_isql(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip()]
    header = lines[0].split("|")
    assert header == COLUMNS, header
    rows = [ln.split("|") for ln in lines[1:]]
    assert all(len(r) == len(COLUMNS) for r in rows), rows[:3]
    return [(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows]


def from_pyodbc(conn, query):
    import pyodbc
    cn = pyodbc.connect(conn, autocommit=True)
    cur = cn.cursor().execute(query)
    names = [d[0] for d in cur.description]
    assert names == COLUMNS, names
    rows = [tuple(r) for r in cur.fetchall()]
    cn.close()
    return rows


def main():
    kind = sys.argv[1]
    rows = from_isql(sys.argv[2]) if kind == "isql" else \
        from_pyodbc(sys.argv[2], sys.argv[3])
    want = expected()
    got = {r[0]: tuple(r[1:]) for r in rows}
    slugs = [r[0] for r in rows]
    problems = []
    if len(got) != len(rows):
        problems.append("a repository appears twice")
    if slugs != sorted(slugs):
        problems.append("not ordered by slug")
    for slug in sorted(set(want) | set(got)):
        if got.get(slug) != want.get(slug):
            problems.append(f"{slug}: got {got.get(slug)}, "
                            f"want {want.get(slug)}")
    # The data must exercise every join: reviewers on open pull requests,
    # and a commit list longer than one page.
    if not any(w[2] for w in want.values()) or \
            not any(w[3] > 100 for w in want.values()):
        problems.append("the emulator's data no longer exercises the join")
    totals = [sum(w[i] for w in want.values()) for i in (1, 2, 3)]
    print(f"{kind}: {len(rows)} repositories, open PRs/reviewers/commits "
          f"summed {totals}: {'WRONG' if problems else 'OK'}")
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

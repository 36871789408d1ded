"""Runs test_bi_replay with the answers it checks against, read from the
emulator directly (never through the driver), in its environment:

  BBR_REPO_SLUGS  the slugs of workspace acme's repositories, API order
  BBR_REPO_COUNT  how many there are
  BBR_PR_IDS      the ids of every pull request of acme/platform-api,
                  in any state, ascending
  BBR_PR_COUNT    how many there are
  BBR_PR62_DESC   the description of pull request 62 of platform-api

Usage (under with_emulator.sh): bi_replay.py <test_bi_replay> [args...]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402

REPO = "/repositories/acme/platform-api"


def main():
    repos = emu.all_values("/repositories/acme?pagelen=100")
    prs = emu.all_values(REPO + "/pullrequests?pagelen=50&" + emu.ALL_STATES)
    ids = sorted(p["id"] for p in prs)
    pr62 = emu.get(REPO + "/pullrequests/62")
    env = dict(os.environ)
    env["BBR_REPO_SLUGS"] = ",".join(r["slug"] for r in repos)
    env["BBR_REPO_COUNT"] = str(len(repos))
    env["BBR_PR_IDS"] = ",".join(str(i) for i in ids)
    env["BBR_PR_COUNT"] = str(len(ids))
    env["BBR_PR62_DESC"] = pr62.get("description") or ""
    os.execve(sys.argv[1], sys.argv[1:], env)


if __name__ == "__main__":
    main()

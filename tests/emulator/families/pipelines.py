"""Bitbucket Pipelines and Deployments of a repository: pipelines and
their steps, repository variables, schedules and their executions, caches;
deployment environments, deployments and deployment variables.

Shapes: pipelines as in atlassian-api_atlassian-python-api/pipelines_page1
.json (all keys) and apache_incubator-devlake/pipelines_fields_q_sort.json
(states in progress, timestamps with `Z` and 0 to 9 fraction digits);
steps and deployments as in the DevLake captures (which hold only the
fields they asked for), completed from the spec.

Paging of the pipelines service (pipelines, steps, variables, schedules,
executions, caches): `page`, `pagelen` (default 10, at most 100) and
`size`, but never `next` (the real service leaves it out, as reported in
atlassian-python-api#652/#740 and go-bitbucket#107); a client pages by
`page=` until it has `size` items. `q` is ignored there: the pipelines list
filters with its own parameters (`status`, `target.ref_name`,
`target.branch`, `trigger_type`, ...) and sorts with `sort`.
Deployments, environments and deployment variables page with `next`.
"""
import datetime as _dt

import bbql
import fields as fieldsmod
from data import API, WEB, EPOCH_END, user_ref, _repo_mini
from families import List, Obj, Raw


PIPES = "https://bitbucket-pipelines.prod.public.atl-paas.net/"

# Repositories with pipelines, besides a few chosen from the seed.
FIXED = {("acme", "platform-api"): 30, ("acme", "web-frontend"): 14,
         ("acme", "mobile-app"): 9, ("acme", "data-pipeline"): 12,
         ("acme", "auth-service"): 6, ("globex", "website"): 7}
DEPLOYING = {("acme", "platform-api"), ("acme", "web-frontend"),
             ("acme", "data-pipeline"), ("globex", "website")}

_RESULTS = ["SUCCESSFUL"] * 12 + ["FAILED"] * 5 + ["ERROR", "STOPPED",
                                                   "EXPIRED"]
_VARS = [("AWS_REGION", False), ("DOCKER_USER", False),
         ("DOCKER_PASSWORD", True), ("SLACK_WEBHOOK", True),
         ("NODE_ENV", False), ("SONAR_TOKEN", True)]
_CACHES = [("pip", "~/.cache/pip"), ("node", "node_modules"),
           ("docker", "/var/lib/docker"), ("maven", "~/.m2/repository")]
_ENVS = [("Test", "test"), ("Staging", "staging"),
         ("Production", "production")]


def _hex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _uuid(rng):
    h = _hex(rng, 32)
    return "{%s-%s-4%s-%s%s-%s}" % (h[:8], h[8:12], h[13:16],
                                    rng.choice("89ab"), h[17:20], h[20:32])


def _ts(dt, style, extra=0):
    """The pipelines service's timestamps: UTC with `Z`, and 3, 0 to 6
    (trailing zeros dropped), or 9 fraction digits."""
    base = dt.strftime("%Y-%m-%dT%H:%M:%S")
    us = "%06d" % dt.microsecond
    if style == 0:
        return base + "." + us[:3] + "Z"
    if style == 1:
        frac = us.rstrip("0")
        return base + ("." + frac if frac else "") + "Z"
    return base + "." + us + "%03d" % extra + "Z"


def _commit(full, h):
    return {"type": "commit", "hash": h,
            "links": {"self": {"href": "%s/repositories/%s/commit/%s"
                               % (API, full, h)},
                      "html": {"href": "%s/%s/commits/%s" % (WEB, full, h)}}}


def _later(rng, dt, lo, hi):
    return (dt + _dt.timedelta(seconds=rng.uniform(lo, hi))).replace(
        microsecond=rng.randrange(1000000))


def _state(name, result=None, stage=None, extra=None):
    s = {"name": name, "type": "pipeline_state_" + name.lower()}
    if result:
        s["result"] = dict({"name": result, "type": "pipeline_state_%s_%s"
                            % (name.lower(), result.lower())}, **(extra or {}))
    if stage:
        s["stage"] = {"name": stage, "type": "pipeline_state_%s_%s"
                      % (name.lower(), stage.lower())}
    return s


def _step_state(name, result=None):
    s = {"name": name, "type": "pipeline_step_state_" + name.lower()}
    if result:
        s["result"] = {"name": result, "type": "pipeline_step_state_%s_%s"
                       % (name.lower(), result.lower())}
    return s


def _make_repo(store, rng, r, count, deploying):
    ws = r["ws"]
    full = r["full_name"]
    main = (r["object"]["mainbranch"] or {"name": "main"})["name"]
    acct = ws["uuid"]
    out = {"pipelines": [], "steps": {}, "variables": [], "schedules": [],
           "executions": {}, "caches": [], "environments": [],
           "deployments": [], "env_variables": {}}
    people = [p for p in store.people if p["nickname"] != "build-bot"]
    # Deployment environments: the three Bitbucket creates.
    for rank, (name, slug) in enumerate(_ENVS):
        out["environments"].append({
            "type": "deployment_environment", "uuid": _uuid(rng),
            "name": name, "slug": slug, "rank": rank, "hidden": False,
            "environment_type": {"type": "deployment_environment_type",
                                 "name": name, "rank": rank}})
    scheds = []
    if count >= 12:
        for pattern, cron in (("nightly", "0 0 2 * * ? *"),
                              ("weekly-audit", "0 30 6 ? * MON *"))[:1 + (count >= 20)]:
            created = _later(rng, r["created"], 86400, 86400 * 200)
            scheds.append({
                "type": "pipeline_schedule", "uuid": _uuid(rng),
                "enabled": pattern == "nightly",
                "target": {"type": "pipeline_ref_target", "ref_type": "branch",
                           "ref_name": main,
                           "selector": {"type": "custom", "pattern": pattern}},
                "cron_pattern": cron,
                "created_on": _ts(created, 1),
                "updated_on": _ts(_later(rng, created, 60, 86400 * 30), 1)})
    out["schedules"] = scheds
    when = _later(rng, EPOCH_END, -86400 * 120, -86400 * 100)
    for n in range(1, count + 1):
        when = _later(rng, when, 3600, 86400 * 100 / count)
        style = rng.randrange(3)
        roll = rng.random()
        if scheds and roll < 0.15:
            sch = rng.choice(scheds)
            ref_type, ref_name = "branch", main
            selector = dict(sch["target"]["selector"])
            trigger = {"name": "SCHEDULE", "type": "pipeline_trigger_schedule"}
        elif roll < 0.25:
            ref_type, ref_name = "tag", "v1.%d.%d" % (n // 5, n % 5)
            selector = {"type": "tags", "pattern": "v*"}
            trigger = {"name": "PUSH", "type": "pipeline_trigger_push"}
            sch = None
        elif roll < 0.35:
            ref_type, ref_name = "branch", main
            selector = {"type": "custom", "pattern": "deploy-production"}
            trigger = {"name": "MANUAL", "type": "pipeline_trigger_manual"}
            sch = None
        elif roll < 0.65:
            ref_type = "branch"
            ref_name = rng.choice(["feature/login", "feature/export",
                                   "bugfix/retry", "release/2.0"])
            selector = {"type": "default"}
            trigger = {"name": "PUSH", "type": "pipeline_trigger_push"}
            sch = None
        else:
            ref_type, ref_name = "branch", main
            selector = {"type": "branches", "pattern": main}
            trigger = {"name": "PUSH", "type": "pipeline_trigger_push"}
            sch = None
        # The newest pipelines may still run or wait.
        if n == count and count >= 9:
            state = _state("PENDING")
        elif n == count - 1 and count >= 9:
            state = _state("IN_PROGRESS", stage="RUNNING")
        elif n == count - 2 and count >= 20:
            state = _state("IN_PROGRESS", stage="PAUSED")
        else:
            res = rng.choice(_RESULTS)
            extra = None
            if res == "STOPPED":
                extra = {"terminator": user_ref(rng.choice(people))}
            elif res == "ERROR":
                extra = {"error": {"type": "pipeline_error",
                                   "key": "agent.build.time-limit-exceeded",
                                   "message": "The build exceeded the "
                                              "maximum time limit."}}
            state = _state("COMPLETED", result=res, extra=extra)
        uuid = _uuid(rng)
        h = _hex(rng, 40)
        done = state["name"] == "COMPLETED"
        duration = rng.randrange(5, 900) if done else 0
        if state["name"] == "PENDING":
            duration = 0
        p = {
            "type": "pipeline",
            "uuid": uuid,
            "repository": _repo_mini(r),
            "state": state,
            "build_number": n,
            "creator": user_ref(rng.choice(people)),
            "created_on": _ts(when, style, rng.randrange(1000)),
            "target": {"type": "pipeline_ref_target", "ref_type": ref_type,
                       "ref_name": ref_name, "selector": selector,
                       "commit": _commit(full, h)},
            "trigger": trigger,
            "run_number": 1 if rng.random() < 0.9 else 2,
            "duration_in_seconds": duration,
            "build_seconds_used": duration + (rng.randrange(0, 30)
                                              if done else 0),
            "first_successful": False,
            "expired": state.get("result", {}).get("name") == "EXPIRED",
            "links": {
                "self": {"href": "%s/rest/1.0/accounts/%s/repositories/%s/"
                                 "pipelines/%s" % (PIPES, acct, r["uuid"],
                                                   uuid)},
                "steps": {"href": "%s/rest/1.0/accounts/%s/repositories/%s/"
                                  "pipelines/%s/steps" % (PIPES, acct,
                                                          r["uuid"], uuid)},
            },
            "has_variables": rng.random() < 0.1,
        }
        if done:
            p["completed_on"] = _ts(_later(rng, when, duration, duration + 40),
                                    style, rng.randrange(1000))
        out["pipelines"].append(p)
        if sch is not None:
            out["executions"].setdefault(sch["uuid"], []).append(
                {"type": "pipeline_schedule_execution_executed",
                 "pipeline": p})
        out["steps"][uuid] = _make_steps(rng, p, when, selector, deploying)
        if deploying:
            _deploy(rng, out, p, full, people)
    first = True
    for p in out["pipelines"]:
        if p["state"].get("result", {}).get("name") == "SUCCESSFUL" and first:
            p["first_successful"] = True
            first = False
    for s in scheds:
        if not s["enabled"]:
            out["executions"].setdefault(s["uuid"], []).append(
                {"type": "pipeline_schedule_execution_errored",
                 "error": {"type": "pipeline_error",
                           "key": "scheduler.schedule.disabled",
                           "message": "The schedule is disabled."}})
        out["executions"].setdefault(s["uuid"], [])
    for key, secured in rng.sample(_VARS, rng.randint(0, 4)):
        v = {"type": "pipeline_variable", "uuid": _uuid(rng), "key": key,
             "secured": secured}
        if not secured:
            v["value"] = {"AWS_REGION": "eu-west-1", "DOCKER_USER": "acmebot",
                          "NODE_ENV": "production"}[key]
        out["variables"].append(v)
    done = [p for p in out["pipelines"] if p["state"]["name"] == "COMPLETED"]
    for name, path in rng.sample(_CACHES, min(len(done), rng.randint(0, 3))):
        p = rng.choice(done)
        step = out["steps"][p["uuid"]][0]
        out["caches"].append({
            "type": "pipeline_cache", "uuid": _uuid(rng),
            "pipeline_uuid": p["uuid"], "step_uuid": step["uuid"],
            "name": name, "key_hash": _hex(rng, 64), "path": path,
            "file_size_bytes": rng.randrange(10_000, 900_000_000),
            "created_on": p["completed_on"]})
    for env in out["environments"]:
        lst = []
        for key, secured in rng.sample(_VARS, rng.randint(0, 3)):
            v = {"type": "deployment_variable", "uuid": _uuid(rng),
                 "key": key, "secured": secured}
            if not secured:
                v["value"] = "%s-%s" % (key.lower(), env["slug"])
            lst.append(v)
        out["env_variables"][env["uuid"]] = lst
    return out


def _make_steps(rng, p, when, selector, deploying):
    st = p["state"]
    if st["name"] == "PENDING":
        return []
    names = ["Build", "Test"]
    if rng.random() < 0.4:
        names.insert(1, "Lint")
    if deploying and st["name"] == "COMPLETED" and \
            selector["type"] in ("branches", "custom"):
        names.append("Deploy to staging")
    result = st.get("result", {}).get("name")
    fail_at = len(names) - 1 - rng.randrange(min(2, len(names)))
    steps = []
    t = _later(rng, when, 2, 20)
    for i, name in enumerate(names):
        s = {"type": "pipeline_step",
             "pipeline": {"type": "pipeline", "uuid": p["uuid"]},
             "uuid": _uuid(rng), "name": name,
             "trigger": {"type": "pipeline_step_trigger_automatic"},
             "maxTime": 120, "run_number": p["run_number"],
             "image": {"name": rng.choice(["atlassian/default-image:4",
                                           "python:3.11", "node:20"])},
             "setup_commands": [
                 {"name": "Clone", "command": "git clone --branch=\"%s\" "
                  "--depth 50 $BITBUCKET_GIT_HTTP_ORIGIN"
                  % p["target"]["ref_name"]}],
             "script_commands": [
                 {"name": "make " + name.split()[0].lower(),
                  "command": "make " + name.split()[0].lower()}]}
        if st["name"] == "IN_PROGRESS":
            cur = len(names) // 2
            if i < cur:
                state = _step_state("COMPLETED", "SUCCESSFUL")
            elif i == cur:
                state = _step_state("IN_PROGRESS")
            else:
                state = _step_state("PENDING")
        elif result in ("SUCCESSFUL", "EXPIRED"):
            state = _step_state("COMPLETED", result)
        elif i < fail_at:
            state = _step_state("COMPLETED", "SUCCESSFUL")
        elif i == fail_at:
            state = _step_state("COMPLETED", result)
        else:
            state = _step_state("COMPLETED", "NOT_RUN")
        s["state"] = state
        ran = state["name"] != "PENDING" and \
            state.get("result", {}).get("name") != "NOT_RUN"
        dur = rng.randrange(3, 300) if ran else 0
        if ran:
            s["started_on"] = _ts(t, 1)
        if state["name"] == "COMPLETED" and ran:
            s["completed_on"] = _ts(_later(rng, t, dur, dur + 1), 1)
            t = _later(rng, t, dur + 1, dur + 10)
        s["duration_in_seconds"] = dur if state["name"] == "COMPLETED" else 0
        s["build_seconds_used"] = s["duration_in_seconds"]
        steps.append(s)
    return steps


def _deploy(rng, out, p, full, people):
    steps = [s for s in out["steps"][p["uuid"]]
             if s["name"].startswith("Deploy")]
    if not steps:
        return
    step = steps[0]
    env = out["environments"][1]
    res = step["state"].get("result", {}).get("name")
    if res not in ("SUCCESSFUL", "FAILED", "STOPPED"):
        return
    url = "%s/%s/addon/pipelines/home#!/results/%d" % (WEB, full,
                                                       p["build_number"])
    state = {"type": "deployment_state_completed", "name": "COMPLETED",
             "url": "%s/steps/%s" % (url, step["uuid"].replace(
                 "{", "%7B").replace("}", "%7D")),
             "status": {"type": "deployment_state_completed_status_"
                        + res.lower(), "name": res},
             "deployer": user_ref(rng.choice(people)),
             "started_on": step["started_on"],
             "completed_on": step["completed_on"]}
    out["deployments"].append({
        "type": "deployment",
        "uuid": _uuid(rng),
        "step": {"uuid": step["uuid"]},
        "environment": {"type": env["type"], "uuid": env["uuid"],
                        "name": env["name"],
                        "environment_type": env["environment_type"]},
        "release": {
            "type": "deployment_release",
            "uuid": _uuid(rng),
            "pipeline": {"uuid": p["uuid"], "type": "pipeline"},
            "key": "pipelines-" + p["uuid"],
            "name": "#%d" % p["build_number"],
            "url": url,
            "commit": p["target"]["commit"],
            "created_on": p["created_on"]},
        "state": state,
        "last_update_time": step["completed_on"]})


def _build(store, rng):
    chosen = dict(FIXED)
    others = [r for r in store.repos["acme"]
              if ("acme", r["slug"]) not in chosen
              and r["object"]["mainbranch"] is not None]
    for r in rng.sample(others, 3):
        chosen[("acme", r["slug"])] = rng.randint(5, 25)
    out = {}
    for key in sorted(chosen):
        r = store.repo_index[key]
        out[key] = _make_repo(store, rng, r, chosen[key], key in DEPLOYING)
    return out


def _types(store, rng):
    data = store._families["pipelines"]
    kinds = {}
    for d in data.values():
        for k in ("pipelines", "variables", "schedules", "caches",
                  "environments", "deployments"):
            kinds.setdefault(k, []).extend(d[k])
        for k in ("steps", "executions", "env_variables"):
            for lst in d[k].values():
                kinds.setdefault(k, []).extend(lst)
    return {k: bbql.field_types(v) for k, v in kinds.items()}


_EMPTY = {k: ([] if k in ("pipelines", "variables", "schedules", "caches",
                          "environments", "deployments") else {})
          for k in ("pipelines", "steps", "variables", "schedules",
                    "executions", "caches", "environments", "deployments",
                    "env_variables")}


def _repo_data(ctx, args):
    r = ctx.repo(args["workspace"], args["repo_slug"])
    data = ctx.data("pipelines", _build)
    ctx.data("pipelines_types", _types)
    return data.get((r["ws"]["slug"], r["slug"]), _EMPTY)


def _same_uuid(a, b):
    return a.strip("{}").lower() == b.strip("{}").lower()


def _find(ctx, items, key, what):
    for i in items:
        if _same_uuid(i if isinstance(i, str) else i["uuid"], key):
            return i
    raise ctx.error(404, "%s %s not found" % (what, key))


def _page(ctx, items, kind):
    """One page of the pipelines service: no `next`, `size` always."""
    page_raw, len_raw = ctx.param("page"), ctx.param("pagelen")
    try:
        page = int(page_raw) if page_raw is not None else 1
    except ValueError:
        raise ctx.error(400, "Invalid page")
    try:
        pagelen = int(len_raw) if len_raw is not None else 10
    except ValueError:
        raise ctx.error(400, "Invalid pagelen")
    if page < 1:
        raise ctx.error(400, "Invalid page")
    if pagelen < 1:
        raise ctx.error(400, "Invalid pagelen")
    pagelen = min(pagelen, 100)
    sort = ctx.param("sort")
    if sort:
        key = sort.strip()
        desc = key.startswith("-")
        key = key.lstrip("-")
        types = ctx.data("pipelines_types", _types).get(kind, {})
        ft = types.get(key)
        if not ft or ft <= {"object", "array", "null"}:
            raise ctx.error(400, "Invalid sort field: %s" % key)
        items = sorted(items, key=bbql.sort_key(key), reverse=desc)
    start = (page - 1) * pagelen
    env = {"page": page, "pagelen": pagelen, "size": len(items),
           "values": items[start:start + pagelen]}
    return Raw(fieldsmod.apply(env, ctx.params_all("fields")))


def _list(ctx, items, kind):
    """A deployments-service list, paged with `next` by server.py."""
    types = ctx.data("pipelines_types", _types)
    ctx.handler.st.types.setdefault("cicd_" + kind, types.get(kind, {}))
    return List(items, "cicd_" + kind, 10, 100)


def _get(obj, path):
    for part in path.split("."):
        obj = obj.get(part) if isinstance(obj, dict) else None
    return obj


# Query parameters of GET .../pipelines: each keeps the pipelines whose
# field equals one of its values (a parameter may be repeated).
_EXACT = {"creator.uuid": "creator.uuid",
          "target.ref_type": "target.ref_type",
          "target.ref_name": "target.ref_name",
          "target.commit.hash": "target.commit.hash",
          "target.selector.pattern": "target.selector.pattern",
          "target.selector.type": "target.selector.type"}
_STATUS_ALIAS = {"PASSED": "SUCCESSFUL", "BUILDING": "RUNNING"}


def pipelines(ctx, args):
    items = list(_repo_data(ctx, args)["pipelines"])
    for name, path in _EXACT.items():
        vals = ctx.params_all(name)
        if vals:
            items = [p for p in items if _get(p, path) in vals]
    branches = ctx.params_all("target.branch")
    if branches:
        items = [p for p in items if p["target"].get("ref_type") in
                 ("branch", "named_branch") and
                 p["target"].get("ref_name") in branches]
    triggers = [v.upper() for v in ctx.params_all("trigger_type")]
    if triggers:
        items = [p for p in items if p["trigger"]["name"] in triggers]
    statuses = [_STATUS_ALIAS.get(v.upper(), v.upper())
                for v in ctx.params_all("status")]
    if statuses:
        def status_of(p):
            s = p["state"]
            return {s["name"], _get(s, "result.name"), _get(s, "stage.name")}
        items = [p for p in items if status_of(p) & set(statuses)]
    created = ctx.params_all("created_on")
    if created:
        items = [p for p in items
                 if any(p["created_on"].startswith(c) for c in created)]
    return _page(ctx, items, "pipelines")


def pipeline(ctx, args):
    d = _repo_data(ctx, args)
    return Obj(_find(ctx, d["pipelines"], args["pipeline_uuid"], "Pipeline"))


def steps(ctx, args):
    d = _repo_data(ctx, args)
    p = _find(ctx, d["pipelines"], args["pipeline_uuid"], "Pipeline")
    return _page(ctx, d["steps"][p["uuid"]], "steps")


def variables(ctx, args):
    return _page(ctx, _repo_data(ctx, args)["variables"], "variables")


def schedules(ctx, args):
    return _page(ctx, _repo_data(ctx, args)["schedules"], "schedules")


def executions(ctx, args):
    d = _repo_data(ctx, args)
    s = _find(ctx, d["schedules"], args["schedule_uuid"], "Schedule")
    return _page(ctx, d["executions"][s["uuid"]], "executions")


def caches(ctx, args):
    return _page(ctx, _repo_data(ctx, args)["caches"], "caches")


def environments(ctx, args):
    return _list(ctx, _repo_data(ctx, args)["environments"], "environments")


def deployments(ctx, args):
    return _list(ctx, _repo_data(ctx, args)["deployments"], "deployments")


def env_variables(ctx, args):
    d = _repo_data(ctx, args)
    env = _find(ctx, d["environments"], args["environment_uuid"],
                "Environment")
    return _list(ctx, d["env_variables"][env["uuid"]], "env_variables")


P = "repositories/{workspace}/{repo_slug}/"
ROUTES = [
    (P + "pipelines", pipelines),
    (P + "pipelines/{pipeline_uuid}", pipeline),
    (P + "pipelines/{pipeline_uuid}/steps", steps),
    (P + "pipelines_config/variables", variables),
    (P + "pipelines_config/schedules", schedules),
    (P + "pipelines_config/schedules/{schedule_uuid}/executions", executions),
    (P + "pipelines-config/caches", caches),
    (P + "environments", environments),
    (P + "deployments", deployments),
    (P + "deployments_config/environments/{environment_uuid}/variables",
     env_variables),
]

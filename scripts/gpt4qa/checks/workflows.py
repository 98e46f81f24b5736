"""The GitHub workflows run only what the project pinned, with the least each job needs.

Every `uses:` of every workflow in `.github/workflows/` names an action by its full commit SHA,
`owner/repo@<40 hex digits>`, with the tag it is in a comment (`# v4.3.1`), so a moved or
replaced tag changes nothing that runs; a local action (`./…`) is the repository's own, and an
image (`docker://…`) is pinned by its digest. The workflow grants no write at the top
(`permissions: {}` or reads only) and every job says what it needs in `permissions:`.
`.github/dependabot.yml` keeps pip, npm and the actions up to date (it rewrites the SHA and the
comment together).

    python scripts/docs.py check workflows    # exit 0 all pinned, 1 each fault (file:line: what to change),
                                              # 2 a file that is not YAML; docs.py check runs it too
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ROOT, shown

WORKFLOWS = ROOT / ".github" / "workflows"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
# What Dependabot must keep up to date: (ecosystem, directory).
UPDATES = (("pip", "/"), ("npm", "/"), ("github-actions", "/"))

PINNED = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}")
IMAGE = re.compile(r"docker://\S+@sha256:[0-9a-f]{64}")
VERSION_COMMENT = re.compile(r"#\s*v\d+(?:\.\d+)*\b")
GRANTS = frozenset({"read", "write", "none"})


def compose(text: str, file: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{file}{line}: not valid YAML ({getattr(error, 'problem', None) or error})") from None


def entries(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node's keys, each with its key node and value node (for their lines)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): (key, value) for key, value in node.value}


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def writes(permissions: yaml.Node) -> list[str]:
    """The scopes a permissions value grants write to ('write-all' for the blanket grant)."""
    if isinstance(permissions, yaml.ScalarNode):
        return ["write-all"] if permissions.value == "write-all" else []
    return [scope for scope, (_, grant) in entries(permissions).items()
            if isinstance(grant, yaml.ScalarNode) and grant.value == "write"]


def uses_problems(value: yaml.Node, lines: list[str], file: str) -> list[str]:
    """One `uses:` value: pinned by commit (or digest) and, for an action, its tag in a comment."""
    uses, number = str(value.value), line(value)
    if uses.startswith("./"):
        return []
    if uses.startswith("docker://"):
        return [] if IMAGE.fullmatch(uses) else [
            f"{file}:{number}: {uses} is not pinned by digest; write docker://IMAGE@sha256:<digest>"]
    if not PINNED.fullmatch(uses):
        return [f"{file}:{number}: {uses} is not pinned by a full commit SHA; "
                "write owner/repo@<40-hex commit> # vX.Y.Z"]
    rest = lines[value.end_mark.line][value.end_mark.column:] if value.end_mark.line < len(lines) else ""
    if not VERSION_COMMENT.search(rest):
        return [f"{file}:{number}: {uses} has no version comment; add # vX.Y.Z, the tag that commit is"]
    return []


def workflow_problems(text: str, file: str) -> list[str]:
    """Every fault of one workflow file, one line each naming the file and the line."""
    root = compose(text, file)
    top = entries(root)
    lines = text.splitlines()
    problems = []
    if "permissions" not in top:
        problems.append(f"{file}:1: no top-level permissions:; write permissions: {{}} and give each job its own")
    else:
        key, value = top["permissions"]
        problems += [f"{file}:{line(key)}: the top-level permissions grant {scope}: write; grant it only in the job "
                     "that needs it" if scope != "write-all" else
                     f"{file}:{line(key)}: the top-level permissions grant write-all; write permissions: {{}}"
                     for scope in writes(value)]
    jobs = entries(top["jobs"][1]) if "jobs" in top else {}
    if not jobs:
        problems.append(f"{file}:1: no jobs")
    for name, (key, job) in jobs.items():
        fields = entries(job)
        if "permissions" not in fields:
            problems.append(f"{file}:{line(key)}: job {name} has no permissions:; give it only what it needs "
                            "(contents: read)")
        elif "write-all" in writes(fields["permissions"][1]):
            problems.append(f"{file}:{line(fields['permissions'][0])}: job {name} grants write-all; "
                            "name each scope it needs")
        else:
            for scope, (_, grant) in entries(fields["permissions"][1]).items():
                if isinstance(grant, yaml.ScalarNode) and grant.value not in GRANTS:
                    problems.append(f"{file}:{line(grant)}: job {name} grants {scope}: {grant.value}; "
                                    "write read, write or none")
        if "uses" in fields:  # a reusable workflow
            problems += uses_problems(fields["uses"][1], lines, file)
        steps = fields.get("steps", (None, None))[1]
        for step in steps.value if isinstance(steps, yaml.SequenceNode) else []:
            if "uses" in entries(step):
                problems += uses_problems(entries(step)["uses"][1], lines, file)
    return problems


def dependabot_problems(text: str, file: str) -> list[str]:
    """Dependabot keeps each ecosystem of `UPDATES` up to date, on a schedule."""
    root = compose(text, file)
    updates = entries(root).get("updates", (None, None))[1]
    found = {}
    for update in updates.value if isinstance(updates, yaml.SequenceNode) else []:
        fields = {name: value.value for name, (_, value) in entries(update).items() if isinstance(value, yaml.ScalarNode)}
        found[(fields.get("package-ecosystem"), fields.get("directory"))] = "schedule" in entries(update)
    problems = []
    for ecosystem, directory in UPDATES:
        if (ecosystem, directory) not in found:
            problems.append(f"{file}: no update for {ecosystem} in {directory}; add one under updates:")
        elif not found[(ecosystem, directory)]:
            problems.append(f"{file}: the update for {ecosystem} in {directory} has no schedule:")
    return problems


def check_workflows(folder: Path = WORKFLOWS, dependabot: Path = DEPENDABOT) -> tuple[list[str], str]:
    """Every workflow and the Dependabot configuration: (faults, summary)."""
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])
    problems = []
    actions = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        problems += workflow_problems(text, shown(path))
        actions += len(re.findall(r"^\s*(?:-\s+)?uses:", text, flags=re.M))
    if not dependabot.is_file():
        problems.append(f"{shown(dependabot)}: missing; Dependabot keeps pip, npm and the actions up to date")
    else:
        problems += dependabot_problems(dependabot.read_text(encoding="utf-8"), shown(dependabot))
    summary = (f"workflows: {len(files)} files, {actions} actions, "
               + (f"{len(problems)} faults" if problems else "every one pinned by commit, every job its permissions"))
    return problems, summary

"""Known vulnerabilities: the locked Python packages (pip-audit) and the npm packages (npm audit).

pip-audit, pinned with its hashes in requirements-audit.txt, is installed into .venv when it is
missing, then reads requirements.txt as it is: every package at its pinned version, no resolution
(`--require-hashes --disable-pip`), against PyPI's advisories. `npm audit --omit=dev` reads
package-lock.json (the packages the site and the tests use; Lighthouse, the benchmark's, is a dev
dependency) against the npm registry's. Where an advisory service cannot be asked (no network, a
registry that does not serve it, a package index that knows none of the packages) the audit says so
in one line and skips it instead of failing: only a known vulnerability fails.

    python scripts/docs.py audit    # make audit
    # exit 0 nothing known (or a service not reachable, said in one line), 1 each vulnerability
    # listed (file:line: package version: advisory), 2 a tool missing or a report it cannot read
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from gpt4qa.core.errors import InputError, MissingTool
from gpt4qa.core.locks import AUDIT, PROJECT
from gpt4qa.core.project import ROOT, shown
from gpt4qa.run.locks import install, last_line

Runner = Callable[..., subprocess.CompletedProcess]
NPM_LOCK = ROOT / "package-lock.json"
# How processes are started and programs found: the tests put fakes here (no network in tests).
RUNNER: Runner = subprocess.run
WHICH: Callable[[str], str | None] = shutil.which

# What a process prints when it got no answer at all (pip, requests, urllib3, npm).
NO_NETWORK = ("NewConnectionError", "Failed to establish a new connection", "Temporary failure in name resolution",
              "Name or service not known", "NameResolutionError", "Max retries exceeded", "ProxyError",
              "ConnectTimeout", "ReadTimeout", "ConnectionError", "ServiceError", "(from versions: none)",
              "Could not connect", "network may be blocking")


@dataclass
class Outcome:
    tool: str  # what asked, about what: "pip-audit 2.10.1, requirements.txt"
    packages: int = 0
    findings: list[str] = field(default_factory=list)  # one line per vulnerable package: file:line: …
    unreachable: str = ""  # why the advisory service could not be asked; "" when it answered
    notes: list[str] = field(default_factory=list)  # packages it could not audit, when others were

    def lines(self) -> list[str]:
        if self.unreachable:
            return []
        if self.findings:
            return [*self.findings, f"audit: {self.tool}: {len(self.findings)} packages with a known vulnerability"]
        return [*self.notes, f"audit: {self.tool}: {self.packages} packages, no known vulnerability"]


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def line_of(text: str, pattern: Callable[[str], bool]) -> int | None:
    """The first line (1-based) of `text` that `pattern` accepts."""
    return next((number for number, line in enumerate(text.splitlines(), 1) if pattern(line)), None)


def where(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line else file


def no_answer(output: str) -> bool:
    return any(marker in output for marker in NO_NETWORK)


def reason(output: str) -> str:
    """A short, address-free why from a process's last words: the exception or error code it names."""
    last = [line.strip() for line in output.splitlines() if line.strip()]
    text = last[-1] if last else ""
    for pattern in (r"\b([A-Z]\w*(?:Error|Timeout))\b", r"\b(E(?:CONN[A-Z]+|NOTFOUND|AI_AGAIN|TIMEDOUT|[A-Z]*UNREACH))\b"):
        if found := re.findall(pattern, text):
            return found[0]
    return re.sub(r"\w+://\S+", "<address>", text)[:100] or "no answer"


# --- pip-audit -----------------------------------------------------------------------------------

def pip_audit_command(lock: Path) -> list[str]:
    return [sys.executable, "-m", "pip_audit", "-r", str(lock), "--require-hashes", "--disable-pip",
            "--format", "json", "--progress-spinner", "off"]


def read_pip_audit(result: subprocess.CompletedProcess, lock_text: str, lock_file: str, tool: str) -> Outcome:
    """pip-audit's JSON report as an outcome: each vulnerable package with its line in the lock.
    A report in which PyPI knew none of the packages means its advisories were not reachable."""
    try:
        report = json.loads(result.stdout or "")
        dependencies = report["dependencies"]
    except (ValueError, KeyError, TypeError):
        output = f"{result.stdout or ''}\n{result.stderr or ''}"
        if no_answer(output):
            return Outcome(tool, unreachable=f"pip-audit: {reason(output)}")
        raise InputError(f"{lock_file}: pip-audit gave no report (exit {result.returncode}: {last_line(result)})") from None
    outcome = Outcome(tool, packages=len(dependencies))
    skipped = [dependency for dependency in dependencies if dependency.get("skip_reason")]
    for dependency in dependencies:
        name = dependency["name"]
        line = line_of(lock_text, lambda text, name=name: key(text.split("==")[0].strip()) == key(name)
                       and "==" in text and not text.startswith((" ", "#")))
        if dependency.get("skip_reason") and len(skipped) < len(dependencies):
            outcome.notes.append(f"audit: {where(lock_file, line)}: {name} not audited ({dependency['skip_reason']})")
        vulns = dependency.get("vulns") or []
        if vulns:
            advisories = "; ".join(
                vuln["id"] + (f" ({', '.join(vuln['aliases'])})" if vuln.get("aliases") else "")
                + (f", fixed in {', '.join(vuln['fix_versions'])}" if vuln.get("fix_versions") else ", no fix yet")
                for vuln in vulns)
            outcome.findings.append(f"{where(lock_file, line)}: {name} {dependency.get('version', '')}: {advisories}")
    if dependencies and len(skipped) == len(dependencies) and not outcome.findings:
        return Outcome(tool, unreachable=f"pip-audit: PyPI answered 'not found' for all {len(dependencies)} packages")
    return outcome


def python_audit(run: Runner | None = None) -> Outcome:
    """Install pip-audit from its lock when needed, then audit the project's lock."""
    run = run or RUNNER
    lock_file = shown(PROJECT.lock)
    installed = install(AUDIT.lock, run)
    if installed.returncode:
        output = f"{installed.stdout or ''}\n{installed.stderr or ''}"
        if no_answer(output):
            why = "the package index offered no pip-audit" if "(from versions: none)" in output else reason(output)
            return Outcome(f"pip-audit, {lock_file}", unreachable=f"pip-audit: not installable, {why}")
        raise MissingTool(f"{shown(AUDIT.lock)}: pip could not install pip-audit ({last_line(installed)})")
    try:
        tool = f"pip-audit {metadata.version('pip-audit')}, {lock_file}"
    except metadata.PackageNotFoundError:
        tool = f"pip-audit, {lock_file}"
    result = run(pip_audit_command(PROJECT.lock), cwd=ROOT, capture_output=True, text=True)
    return read_pip_audit(result, PROJECT.lock.read_text(encoding="utf-8"), lock_file, tool)


# --- npm audit -----------------------------------------------------------------------------------

def read_npm_audit(result: subprocess.CompletedProcess, lock_text: str, lock_file: str, tool: str) -> Outcome:
    """npm audit's JSON report as an outcome: each vulnerable package with its line in the lock,
    its severity and advisories. An error report instead of one means the registry did not answer."""
    try:
        report = json.loads(result.stdout or "")
    except ValueError:
        raise InputError(f"{lock_file}: npm audit gave no report (exit {result.returncode}: "
                         f"{last_line(result)})") from None
    if "vulnerabilities" not in report:
        if "error" in report or "statusCode" in report:
            why = (f"HTTP {report['statusCode']} from the advisory endpoint" if "statusCode" in report
                   else reason(str(report.get("message", "")) or json.dumps(report["error"])))
            return Outcome(tool, unreachable=f"npm audit: {why}")
        raise InputError(f"{lock_file}: npm audit's report has no vulnerabilities field")
    dependencies = report.get("metadata", {}).get("dependencies", {})
    outcome = Outcome(tool, packages=int(dependencies.get("prod", dependencies.get("total", 0))))
    for name, entry in sorted(report["vulnerabilities"].items()):
        node = (entry.get("nodes") or [f"node_modules/{name}"])[0]
        line = line_of(lock_text, lambda text, node=node: text.strip().startswith(f'"{node}": {{'))
        advisories = []
        for via in entry.get("via", []):
            if isinstance(via, dict):
                advisory = str(via.get("url", "")).rstrip("/").rsplit("/", 1)[-1] or str(via.get("source", ""))
                advisories.append(f"{advisory} {via.get('title', '')}".strip())
            else:
                advisories.append(f"through {via}")
        outcome.findings.append(f"{where(lock_file, line)}: {name} {entry.get('range', '')} ({entry.get('severity')}): "
                                + "; ".join(advisories))
    return outcome


def npm_audit(run: Runner | None = None, which: Callable[[str], str | None] | None = None) -> Outcome:
    run, which = run or RUNNER, which or WHICH
    npm = which("npm")
    if npm is None:
        raise MissingTool("npm is not installed; install Node.js 20 with npm (Debian: apt-get install npm)")
    lock_file = shown(NPM_LOCK)
    if not NPM_LOCK.is_file():
        raise InputError(f"{lock_file}: missing; run npm install --package-lock-only")
    result = run([npm, "audit", "--omit=dev", "--json"], cwd=ROOT, capture_output=True, text=True)
    return read_npm_audit(result, NPM_LOCK.read_text(encoding="utf-8"), lock_file, f"npm audit --omit=dev, {lock_file}")


def audit(run: Runner | None = None, which: Callable[[str], str | None] | None = None) -> tuple[list[str], bool]:
    """Both audits: the lines to print and whether a known vulnerability was found. The services
    that could not be asked share one line at the end."""
    outcomes = [python_audit(run), npm_audit(run, which)]
    lines = [line for outcome in outcomes for line in outcome.lines()]
    skipped = [outcome.unreachable for outcome in outcomes if outcome.unreachable]
    if skipped:
        lines.append(f"audit: advisory service not reachable ({'; '.join(skipped)}); skipped")
    return lines, any(outcome.findings for outcome in outcomes)

"""The pre-commit hook, end to end with the real ``pre-commit`` tool.

A copy of this repository becomes a hook repository; ``pre-commit try-repo``
installs editlint from it into pre-commit's own environment (``pip install
.``, not editable, so this also proves the wheel carries the ``rules/``
folder) and runs the hook on a temporary repository holding one good and one
bad draft.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _find_pre_commit() -> str | None:
    beside = Path(sys.executable).parent / "pre-commit"  # the venv running the tests
    return str(beside) if beside.exists() else shutil.which("pre-commit")


PRE_COMMIT = _find_pre_commit()

GOOD = """# Ceasefire talks resume in Cairo

Negotiators returned to Cairo on Monday, Reuters reported, after a pause of two weeks.

## Sources

- [Reuters: Ceasefire talks resume](https://www.reuters.com/world/middle-east/talks-resume-2026-05-04/)
"""

BAD = """# Ceasefire talks resume in Cairo

Negotiators discussed the SaudiIsraeli track on Monday, Reuters reported.
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed"),
]


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _copy_project(dest: Path) -> None:
    ignore = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".editlint_cache", "build", "dist", ".work")
    shutil.copytree(ROOT, dest, ignore=ignore)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")


def test_hook_passes_good_draft_and_fails_bad_one(tmp_path):
    hook_repo = tmp_path / "editlint-repo"
    _copy_project(hook_repo)
    work = tmp_path / "newsroom"
    work.mkdir()
    _git(work, "init", "-q")
    (work / "good.md").write_text(GOOD, encoding="utf-8")
    (work / "bad.md").write_text(BAD, encoding="utf-8")
    _git(work, "add", "good.md", "bad.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1", "EDITLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("PYTHONPATH", None)

    def hook(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [PRE_COMMIT, "try-repo", str(hook_repo), "editlint", "--files", *files],
            cwd=work, env=env, capture_output=True, text=True, timeout=900,
        )

    good = hook("good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = hook("bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.md:3:" in bad.stdout and "NAM001" in bad.stdout
    assert "PRV001" in bad.stdout

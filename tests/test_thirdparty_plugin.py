"""A third-party plugin installed for real: a dist-info with an `editlint` entry point on sys.path.

The CLI runs in a subprocess with that folder on PYTHONPATH, so
``importlib.metadata`` discovers the plugin exactly as after ``pip install``.
The plugin provides a Python rule, a pack folder and a new pack kind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent / "plugins" / "editlint_desk_sample"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(SAMPLE, root / "editlint_desk_sample")
    info = root / "editlint_desk_sample-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: editlint-desk-sample\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[editlint]\ndesk = editlint_desk_sample\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")
    return root


def _cli(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "EDITLINT_DISABLE_PLUGIN_AUTOLOAD"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "editlint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_plugin_rules_are_listed(site, tmp_path):
    result = _cli(site, "rules", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {r["code"]: r for r in json.loads(result.stdout)}
    assert rows["DSK001"]["source"] == "editlint-desk-sample[desk]"
    assert rows["DSK002"]["source"] == "editlint-desk-sample[desk]:pack"
    assert "DSK003" in rows and "STY001" in rows


def test_plugin_rules_fire_and_are_suppressible(site, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "Prices rose again! The PRESIDENT and NATO spoke.\n\n"
        "<!-- editlint-disable-next-line DSK001 -->\n"
        "Prices fell!\n\n"
        "At the end of the day, they met.\n",
        encoding="utf-8",
    )
    result = _cli(site, "--select", "DSK,EL002", "--format", "json", str(draft), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    found = json.loads(result.stdout)
    items = found["diagnostics"] if isinstance(found, dict) else found
    got = sorted((d["code"], d["message"]) for d in items)
    assert got == [
        ("DSK001", "exclamation mark in news copy"),
        ("DSK002", "'PRESIDENT' is written in capitals"),
        ("DSK003", "filler 'At the end of the day'"),
    ]


def test_autoload_can_be_disabled(site, tmp_path):
    env_backup = os.environ.get("EDITLINT_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["EDITLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        env = dict(os.environ, PYTHONPATH=str(site))
        result = subprocess.run([sys.executable, "-m", "editlint", "rules"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    finally:
        if env_backup is None:
            os.environ.pop("EDITLINT_DISABLE_PLUGIN_AUTOLOAD")
        else:
            os.environ["EDITLINT_DISABLE_PLUGIN_AUTOLOAD"] = env_backup
    assert result.returncode == 0 and "DSK001" not in result.stdout

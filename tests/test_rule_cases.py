"""Data-driven cases: tests/rules/CODE.md holds drafts and their expected diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from editlint.testing import case_params, check_case

CASES = Path(__file__).parent / "rules"


@pytest.mark.parametrize("case", case_params(CASES))
def test_rule_case(case):
    check_case(case)

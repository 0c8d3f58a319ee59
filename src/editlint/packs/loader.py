"""Load pack folders into rules (to be completed: see issue 7)."""

from __future__ import annotations


def load_pack_rules(host, config):
    return []

"""Rules of this family (in progress)."""

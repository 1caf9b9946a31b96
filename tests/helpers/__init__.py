"""Shared test helpers (no tests here)."""

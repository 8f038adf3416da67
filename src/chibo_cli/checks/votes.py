"""Checks: votes."""

from __future__ import annotations

"""Checks: members."""

from __future__ import annotations

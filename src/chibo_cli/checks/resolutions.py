"""Checks: resolutions."""

from __future__ import annotations

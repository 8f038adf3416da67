"""Commands that create records: init, member, new-meeting, new-resolution."""

from __future__ import annotations

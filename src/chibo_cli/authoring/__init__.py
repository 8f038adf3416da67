"""Writing records for the secretary: a new cell, a member, a meeting, a resolution."""

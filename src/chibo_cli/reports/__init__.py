"""Reports: the figures superiors ask for, per cell and for a committee, and their formats."""

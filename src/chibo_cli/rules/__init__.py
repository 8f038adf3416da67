"""Stage 2, rules: who was what on a date, and the named checks over a cell's records."""

"""Stage 1, records: YAML text → data with locations → typed records; the rulebook in force."""

"""The ground floor: errors, messages, problems, dates, safe writes. Imports nothing of chibo."""

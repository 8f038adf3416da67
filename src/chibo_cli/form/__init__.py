"""chibo record: the minutes as a full-screen form (Textual), saved into the meeting file."""

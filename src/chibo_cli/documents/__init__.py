"""Word documents from records: contexts, templates, layout, PDF."""

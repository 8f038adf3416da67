"""The seal's hash chain over agreed records, and masking of personal numbers."""

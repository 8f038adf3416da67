"""A made-up committee for trying chibo and for benchmarks; not part of the core."""

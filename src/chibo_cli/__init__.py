"""chibo — records, checks and Word documents for the secretary of a Vietnamese party cell."""

__version__ = "0.1.0"

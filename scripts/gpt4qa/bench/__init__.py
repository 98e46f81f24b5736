"""Benchmarks: this site beside plain Material (and, where an issue names one, a peer), in one run; figures to read side by side, never timed assertions."""

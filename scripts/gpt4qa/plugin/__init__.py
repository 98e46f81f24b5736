"""The one layer that imports MkDocs: the build's hook, a thin adapter from MkDocs' events to the
pure layers (sources, render, checks, search). A move to another generator replaces this folder
and nothing else."""

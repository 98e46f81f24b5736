"""Running things: MkDocs as a command, a sequence of build steps, the local server, Chromium, the
link crawler, the search driver the tests and benchmarks type with, and the mutation smoke test.
The only layer besides the exports that starts processes or browsers; it never imports MkDocs."""

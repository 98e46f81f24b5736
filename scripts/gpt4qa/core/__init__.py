"""The foundation every layer may import: errors and exit codes, the project's paths and file
names, editions and formats with their page map, and the editor's-markup contract."""

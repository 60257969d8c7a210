"""The package's version and the version of its JSON output schema, in one place
(pyproject.toml reads the package version from here)."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"

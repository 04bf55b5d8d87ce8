"""newslint's built-in rule plugins.

This folder installs as the package ``newslint_plugins``.  Each module is a
plugin registered under the ``newslint`` entry-point group in
pyproject.toml, exactly as a third-party plugin would be.
"""

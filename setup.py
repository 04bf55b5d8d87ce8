"""Build hook: ship the top-level rules.yaml inside the newslint package.

Everything else about the package is declared in pyproject.toml.  The default
configuration lives at the repository root so desks can read it; the wheel
needs it inside the package so an installed newslint finds it.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithDefaultRules(build_py):
    """Copy rules.yaml into the built newslint package."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "rules.yaml"
        target = Path(self.build_lib) / "newslint" / "rules.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(source), str(target))


setup(cmdclass={"build_py": BuildWithDefaultRules})

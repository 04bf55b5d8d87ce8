"""The ``newslint`` program: the console script and ``python -m newslint``.

While newslint starts (imports, plugins, configuration, word data, the
patterns the first article compiles) it makes tens of thousands of objects
that live for the whole run, and almost no garbage: the garbage collector's
passes over them then are wasted work, about 10 ms or 5% of a one-article
run.  So the program starts with the collector off; ``newslint check``
switches it back on before it lints more than one file (see
:func:`newslint.cli.check`).  Imported as a library, newslint leaves the
collector alone.
"""

from __future__ import annotations

import gc


def run() -> None:
    """Run the command line with the garbage collector off until a long run needs it."""
    gc.disable()
    from newslint.cli import main

    main()


if __name__ == "__main__":
    run()

"""Entry points of the installed program (`baocao`, `baocao-gui`) and of the frozen build.

`baocao` with arguments runs the command line (`desktop.cli.main`); with none it opens the window
(`ui.app.run_gui`) when the window is part of this build, else prints the command-line help.
Nothing here imports Qt at module level: `baocao list` must start without loading PySide6.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence


def _gui_available() -> bool:
    try:
        return importlib.util.find_spec("ui.app") is not None
    except ImportError:
        return False


def _run_gui(argv: Sequence[str]) -> int:
    from ui import app  # type: ignore[attr-defined,unused-ignore]

    return int(app.run_gui(list(argv)) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point: CLI with arguments, the window without."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args and _gui_available():
        return _run_gui(args)
    from desktop.cli.main import main as cli_main

    return cli_main(args)


def main_gui(argv: Sequence[str] | None = None) -> int:
    """GUI entry point (no console on Windows): always the window when it exists."""
    args = list(sys.argv[1:] if argv is None else argv)
    if _gui_available():
        return _run_gui(args)
    from desktop.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())

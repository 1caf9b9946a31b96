"""`python -m ui` — the same as the `baocao` command (window without arguments, CLI with them).

It exists so the app starts right after `pip install .` even where pip's scripts folder is not on
PATH (pyenv without a rehash, a python.org install on Windows without "Add to PATH")."""

import sys

from ui.launcher import main

sys.exit(main())

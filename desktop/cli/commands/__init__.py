"""One module per command group, found by `desktop.cli.main` with pkgutil: adding a command is
adding a module here, with no central list to edit.

Each module defines `register(subparsers) -> None`, which adds its subcommands with
`subparsers.add_parser(name, help=…, description=…)` (Vietnamese texts) and
`parser.set_defaults(func=handler)`. A handler takes the parsed args and a
`desktop.cli.context.CliContext` and returns the exit code; it raises `desktop.errors.UserError`
with a one-line Vietnamese message to fail. A module may set `ORDER` (an int, default 100) to
place its commands in `baocao --help`. Module names starting with `_` are skipped.

Keep module imports light (argparse and the standard library): every command module is imported
on every run, so services are imported inside handlers.
"""

"""One module per command group. Each module defines `register(subparsers) -> None`, which adds
its subcommands with `set_defaults(func=handler)`; a handler takes the parsed args and a `CliContext`
and returns the exit code."""

COMMAND_MODULES: tuple[str, ...] = ()

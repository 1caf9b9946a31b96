"""Edit commands: pure functions from a Document (or its body) to a new one.

The window's undo stack and any script apply the same functions; none of them touches storage or
Qt. Each refusal is a `desktop.errors.UserError` whose Vietnamese message says why and what to do.
"""

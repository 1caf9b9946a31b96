"""Errors a user sees. Every message is one Vietnamese sentence that says what and how to fix."""

from __future__ import annotations


class UserError(Exception):
    """A failure caused by input or environment, explained to the user; nothing was lost.

    `exit_code` is what the CLI returns (1 = failed/invalid, 2 = usage, 3 = data in use/locked).
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(UserError):
    pass


class DataInUseError(UserError):
    exit_code = 3


class CorruptDatabaseError(UserError):
    pass


class ConflictError(UserError):
    """Someone else (another window or instance) saved the same document in the meantime."""


class Cancelled(Exception):
    """A long job stopped because the user pressed Cancel; it left nothing half-written."""

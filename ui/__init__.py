"""The Qt shell of baocao: windows, item models, the undo stack and the job runner.

Nothing here decides a format rule or touches the database directly: every action calls the same
`desktop/` functions the CLI uses. User-facing strings are Vietnamese source strings.
"""

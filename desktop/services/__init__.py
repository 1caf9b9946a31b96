"""The application without a screen: what the window and the CLI both call.

- `store`: open the office database (`open_store`), one transaction per user command.
- `documents`: create from the office profile, get, save, list, recycle bin, duplicate, finalize.
- `history`: snapshots (finalize, export, periodic while editing) and restoring one.
- `search`: diacritic-insensitive full-text search.
- `profile`: the office profile, defaults of every new document.
- `interchange`: the JSON form as a file (`dump`/`load`).
- `backups`: rotating backups and restoring the database from one.
- `sample`: the first-start sample document.

Every function takes the `Store` first and raises `desktop.errors.UserError` (Vietnamese, one
line) for anything the user can fix. A `Store` belongs to the thread that opened it.
"""

"""Evidence (tài liệu minh chứng): files attached to a document, kept in a content-addressed store.

- `filetype`: what a file is, from its bytes (never from its extension);
- `store`: the content-addressed store next to the database (copy while hashing, dedup);
- `service`: attach / list / detach / reduce, the rules a user sees;
- `reduce`: smaller copies of photos and scans (Pillow), the original kept;
- `listing`: the "Tài liệu kèm theo" lines a document prints.
"""

"""Import existing documents (.txt, .md, .docx, pasted text) as structured Nghị định 30 drafts.

Entry points are in `desktop.importing.service`: `import_file` and `import_text` return the new
`Document` and an `ImportReport` without storing anything; `store_import` stores the result in
one transaction. Readers turn a file into source lines (`text_reader`, `docx_reader`); the
structure step (`structure`) turns source lines into the document, zone by zone.
"""

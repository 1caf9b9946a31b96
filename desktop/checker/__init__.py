"""The format checker: rules of Nghị định 30 applied to the app's documents and to any DOCX/PDF."""

"""Renderers of the layout-neutral content: DOCX (python-docx) and PDF (reportlab)."""

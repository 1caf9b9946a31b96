"""DOCX renderer of the layout content (python-docx + lxml). Entry point: `render_docx`."""

from desktop.export.docx.render import render_docx

__all__ = ["render_docx"]

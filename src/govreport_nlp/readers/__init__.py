"""Reading report files as governments publish them: text in any common encoding, HTML
pages and PDF documents, into the text the pipeline analyses."""

from .files import SUFFIXES, decode, html_to_text, pdf_to_text, read_report

__all__ = ["SUFFIXES", "decode", "html_to_text", "pdf_to_text", "read_report"]

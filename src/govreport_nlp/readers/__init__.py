"""Reading report files as governments publish them: text in any common encoding, HTML
pages, PDF documents (OCR for scans), Word files, into the text the pipeline analyses."""

from .encoding import decode
from .files import SUFFIXES, ReadResult, folder_files, read_document, read_report
from .html import html_to_text
from .pdf import pdf_to_text
from .word import doc_to_text, docx_to_text

__all__ = ["SUFFIXES", "ReadResult", "decode", "doc_to_text", "docx_to_text", "folder_files", "html_to_text",
           "pdf_to_text", "read_document", "read_report"]

"""The exceptions govreport_nlp raises. Each message says what to do next."""

from __future__ import annotations

__all__ = ["GovReportError", "InputError", "LexiconError", "ModelCacheError", "ModelDownloadError", "ModelNotFoundError"]


class GovReportError(Exception):
    """Base class of every error this library raises on purpose."""


class ModelNotFoundError(GovReportError):
    """The pkuseg segmentation model is not on this machine and may not be downloaded."""


class ModelCacheError(ModelNotFoundError):
    """A cached model file does not match its recorded SHA-256 (damaged, truncated or
    replaced) and could not be rebuilt from verified files; the message names the
    directory to delete."""


class ModelDownloadError(GovReportError):
    """Fetching or verifying the pkuseg model failed."""


class InputError(GovReportError, ValueError):
    """The input cannot be read as a report (wrong type, undecodable bytes, missing file)."""


class LexiconError(GovReportError, ValueError):
    """A lexicon given to a component (``initialize``) or read from a saved pipeline is
    malformed; the message names the entry and the form it needs."""

"""The exceptions govreport_nlp raises. Each message says what to do next."""

from __future__ import annotations

__all__ = ["GovReportError", "InputError", "ModelDownloadError", "ModelNotFoundError"]


class GovReportError(Exception):
    """Base class of every error this library raises on purpose."""


class ModelNotFoundError(GovReportError):
    """The pkuseg segmentation model is not on this machine and may not be downloaded."""


class ModelDownloadError(GovReportError):
    """Fetching or verifying the pkuseg model failed."""


class InputError(GovReportError, ValueError):
    """The input cannot be read as a report (wrong type, undecodable bytes, missing file)."""

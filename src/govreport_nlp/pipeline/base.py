"""Shared plumbing of our pipeline components."""

from __future__ import annotations

from typing import Any, Iterable

from spacy.pipeline import Pipe

__all__ = ["StatelessComponent"]


class StatelessComponent(Pipe):
    """A component whose behaviour is fully given by its config.

    It has nothing to save beyond the config spaCy already writes, so serialization
    round-trips to empty bytes and an empty directory entry. As a spaCy ``Pipe`` it
    takes spaCy's error handler: ``nlp.set_error_handler(handler)`` (or
    ``component.set_error_handler``) decides what a Doc that raises does in ``nlp(...)``
    and ``nlp.pipe(...)`` instead of ending the batch, as it does for spaCy's own
    components.
    """

    name: str

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the component (there is no state beyond the config)."""
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Any:
        """Load the component from bytes (nothing to load)."""
        return self

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        """Save the component to disk (nothing to save)."""
        return None

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> Any:
        """Load the component from disk (nothing to load)."""
        return self

"""Shared plumbing of our pipeline components."""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["StatelessComponent"]


class StatelessComponent:
    """A component whose behaviour is fully given by its config.

    It has nothing to save beyond the config spaCy already writes, so serialization
    round-trips to empty bytes and an empty directory entry.
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

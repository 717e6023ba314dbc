"""Word lists the rules read, as data: each list is general Chinese usage of government
reports (never a phrase of one report), documented with what it is for, and loaded once
at import. ``subjects`` holds what the subject linker reads; the rule modules build their
regular expressions from these lists."""

from . import subjects

__all__ = ["subjects"]

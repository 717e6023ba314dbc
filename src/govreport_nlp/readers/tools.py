"""Running an outside converter (LibreOffice, antiword, Tesseract) on a file of unknown origin.

Three rules, each against a way a file name or a converter went wrong before:

- a file is passed as an absolute path, so a name such as ``--accept=socket,...;.doc``
  is never read as an option (LibreOffice would open a command socket);
- the converter runs in a process group of its own, and on a timeout the whole group is
  killed (``soffice`` starts ``soffice.bin``, which outlived a kill of its parent);
- its output goes to files, not pipes, so a child left holding a pipe cannot block us.

``GOVREPORT_NLP_CONVERT_TIMEOUT`` (seconds, default 300) bounds each conversion.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Sequence

from ..errors import InputError

__all__ = ["CONVERT_TIMEOUT_ENV", "convert_timeout", "run_tool"]

CONVERT_TIMEOUT_ENV = "GOVREPORT_NLP_CONVERT_TIMEOUT"
_DEFAULT_TIMEOUT = 300.0


def convert_timeout() -> float:
    """The seconds one conversion may take (``GOVREPORT_NLP_CONVERT_TIMEOUT``, default 300)."""
    raw = os.environ.get(CONVERT_TIMEOUT_ENV, "").strip()
    try:
        value = float(raw) if raw else _DEFAULT_TIMEOUT
    except ValueError:
        value = _DEFAULT_TIMEOUT
    return value if value > 0 else _DEFAULT_TIMEOUT


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # the group has already ended
        pass


def run_tool(argv: Sequence[str], *, what: str, timeout: float | None = None) -> bytes:
    """Run ``argv`` in its own process group and return its standard output.

    Every process of the group is killed when the tool ends or times out, so none
    outlives the call. Raises :class:`InputError` naming ``what`` on a timeout, a failure
    to start or a non-zero exit.
    """
    if timeout is None:
        timeout = convert_timeout()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
        except OSError as e:
            raise InputError(f"{what}: cannot run {argv[0]}: {e}") from e
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as e:
            _kill_group(proc.pid)
            proc.wait()
            raise InputError(f"{what}: {Path(argv[0]).name} did not finish in {timeout:g} s and was "
                             f"stopped; raise {CONVERT_TIMEOUT_ENV} for a very large file") from e
        except BaseException:
            _kill_group(proc.pid)  # interrupted (Ctrl-C, SIGTERM): no converter is left behind
            proc.wait()
            raise
        # A child the tool left running (a daemon, a worker) goes with it.
        _kill_group(proc.pid)
        out.seek(0)
        data = out.read()
        if code != 0:
            err.seek(0)
            detail = err.read()[-500:].decode("utf-8", errors="replace").strip()
            raise InputError(f"{what}: {Path(argv[0]).name} exited with status {code}"
                             + (f": {detail}" if detail else ""))
        return data

"""Build hook: compile the two hot paths when possible: the normalizer's fast path
(``numbers/_speedups.pyx``) and pkuseg's node features (``segment/_pkuseg_fast.pyx``).

Everything is declared in pyproject.toml; this file only adds the optional C extension.
The package works without them (``numbers.normalizer.normalize`` falls back to its pure-Python
reference path, the segmenter to spacy_pkuseg's own code), so a machine without a C
compiler still installs: the failure is reported, not raised. Set
``GOVREPORT_NLP_NO_SPEEDUPS=1`` to skip the build on purpose (at run time, it turns the
compiled paths off).
"""

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


# CI (and anyone who wants to know) sets this: a build that fails must fail the install.
REQUIRED = os.environ.get("GOVREPORT_NLP_REQUIRE_SPEEDUPS") == "1"


class OptionalBuildExt(build_ext):
    """Build the extension, but let the install go on without it if compiling fails."""

    def run(self):
        try:
            super().run()
        except Exception as e:  # no compiler, no headers: pure Python still works
            if REQUIRED:
                raise
            print(f"govreport-nlp: fast path not compiled ({e}); using pure Python", file=sys.stderr)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as e:
            if REQUIRED:
                raise
            print(f"govreport-nlp: {ext.name} not compiled ({e}); using pure Python", file=sys.stderr)


def extensions():
    if os.environ.get("GOVREPORT_NLP_NO_SPEEDUPS") == "1":
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        if REQUIRED:
            raise
        print("govreport-nlp: Cython missing; the normalizer's fast path is not compiled", file=sys.stderr)
        return []
    try:
        return cythonize(
            [Extension("govreport_nlp.numbers._speedups", ["src/govreport_nlp/numbers/_speedups.pyx"]),
             Extension("govreport_nlp.segment._pkuseg_fast", ["src/govreport_nlp/segment/_pkuseg_fast.pyx"])],
            compiler_directives={"language_level": 3},
            quiet=True,
        )
    except Exception as e:  # a Cython this code does not suit: pure Python still works
        if REQUIRED:
            raise
        print(f"govreport-nlp: Cython could not translate the fast paths ({e}); using pure Python",
              file=sys.stderr)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})

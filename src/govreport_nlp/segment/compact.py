"""A compact form of the pkuseg model: pruned features, fast to load, lean in memory.

pkuseg's ``default`` model keeps 2.64 million features in a pickled dict; loading it costs
about 4 s and 750 MB. Most features barely move a decision: 52% have no weight of
magnitude 0.02 or more for any tag. Dropping them (a lookup that misses counts as weight
0, so a pruned feature simply stops voting) and storing the rest as plain text and numpy
arrays loads in about a second. Measured on the 43 dev and bulk reports at 0.02: 99.992%
of word boundaries unchanged and the dev-corpus scores identical (benchmarks/corpus.py,
tests/test_segmenter.py).

The compact form is built once from the hash-verified model files (resources.py), the
only pickle ever loaded, and only after its SHA-256 is checked, and cached beside them
with the digests of its own files (``SHA256SUMS.json``); every load reads each file once,
checks its digest and parses those very bytes. A damaged compact form is rebuilt from the
verified model; where it cannot be (a read-only cache, a damaged model), the error names
the directory to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy

from ..errors import ModelCacheError
from .fast_tables import load_tables, save_tables
from .imports import import_spacy_pkuseg
from .trust import unsafe_reason, verify_model_files
from .stamps import read_whole, remember, stamped

import_spacy_pkuseg()  # without its downloader (and requests): see imports.py
from spacy_pkuseg.feature_extractor import FeatureExtractor  # noqa: E402

__all__ = ["CompactFeatureExtractor", "DEFAULT_THRESHOLD", "DIGESTS", "build_compact", "compact_dir", "load_compact", "load_segmenter"]

DEFAULT_THRESHOLD = 0.02
# 4: the features of two parts (character pairs c-1c./cc1./c-2c-1., word pairs ww.l./ww.r.)
# stored apart, one file per template, one "a<TAB>b1<TAB>b2..." line per first part, their
# ids after the rest in file order (so a table row loads as one dict(zip(...))).
FORMAT = 4
_COMPLETE = "COMPLETE"
# {file name: SHA-256} of every other file of a compact directory, written before COMPLETE.
DIGESTS = "SHA256SUMS.json"
_NOWORD = "**noWord"
# Template name and the separator between its two parts, in id order.
TABLES = (("c-1c", "."), ("cc1", "."), ("c-2c-1", "."), ("ww.l", "*"), ("ww.r", "*"))


def _split(name: str) -> Any:
    """(template, a, b) of a two-part feature ('cc1.' + a + '.' + b, 'ww.l.' + pre + '*' +
    post), or None for any other feature. Parts never hold '.' or '*' (pkuseg renames both
    to '&'), except the non-word marker '**noWord'; a name that does not split back to
    itself stays with the other features."""
    for template, sep in TABLES:
        prefix = template + "."
        if not name.startswith(prefix):
            continue
        body = name[len(prefix):]
        if sep == "*" and body.startswith(_NOWORD + "*"):
            a, b = _NOWORD, body[len(_NOWORD) + 1:]
        else:
            a, _, b = body.partition(sep)
        if prefix + a + sep + b != name or any(ch in a + b for ch in "\t\n"):
            return None
        return template, a, b
    return None


def _format(path: Path) -> Any:
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError):
        return None


def compact_dir(model_dir: Path, threshold: float = DEFAULT_THRESHOLD) -> Path:
    """Where the compact form of ``model_dir`` is cached."""
    return model_dir.parent / f"{model_dir.name}-compact-{threshold:g}"


def _damaged(path: Path, why: str) -> ModelCacheError:
    return ModelCacheError(
        f"{path} {why}: the compact model cache is damaged. It is rebuilt from the verified "
        f"model when the cache is writable; otherwise delete {path.parent} and load again "
        "(or run `govreport-nlp download`)."
    )


def _read_verified(path: Path, digests: dict[str, str]) -> bytearray:
    """The bytes of a compact-model file, after checking them against their digest (or
    finding the file unchanged since it last matched it: stamps.py).

    A bytearray read in place, so that the weights can be an array over these very bytes
    (``_weights``: no second 51 MB copy, and writable as numpy.load's array was)."""
    try:
        data, st = read_whole(path)
    except OSError as e:
        raise _damaged(path, f"cannot be read ({e.strerror or e})") from e
    expected = digests.get(path.name)
    if expected is None or stamped(path, st) != expected:
        if hashlib.sha256(data).hexdigest() != expected:
            raise _damaged(path, "does not match its recorded SHA-256")
        remember(path, st, expected)
    return data


def _read_digests(path: Path) -> dict[str, str]:
    try:
        digests = json.loads((path / DIGESTS).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise _damaged(path / DIGESTS, "is missing or unreadable") from e
    if not isinstance(digests, dict):
        raise _damaged(path / DIGESTS, "is not a table of digests")
    return digests


def _text(path: Path, digests: dict[str, str]) -> str:
    data = _read_verified(path, digests)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:  # a digest that matches cannot get here; kept for clarity
        raise _damaged(path, "is not UTF-8 text") from e


def _lines(path: Path, digests: dict[str, str]) -> list[str]:
    return _text(path, digests).split("\n")


def _write_lines(path: Path, items: list[str]) -> None:
    if any("\n" in item for item in items):  # never in pkuseg's features; keep the format honest
        raise ValueError(f"a feature contains a newline; cannot write {path.name}")
    path.write_bytes("\n".join(items).encode("utf-8"))


def _is_built(dest: Path) -> bool:
    return (dest / _COMPLETE).is_file() and (dest / DIGESTS).is_file() and _format(dest) == FORMAT


def build_compact(model_dir: Path, threshold: float = DEFAULT_THRESHOLD, *, rebuild: bool = False) -> Path:
    """Prune ``model_dir`` (the pkuseg ``default`` model: features.pkl + weights.npz) into
    its compact form and return its directory. Safe to run from several processes at once.

    A compact form already built is returned as it is, without taking the lock (so a
    read-only cache loads); ``rebuild=True`` builds it again. Both model files are checked
    against their SHA-256 (``trust.verify_model_files``) before the pickle is read.
    """
    dest = compact_dir(model_dir, threshold)
    if _is_built(dest) and not rebuild:
        return dest
    from filelock import FileLock  # imported here: a built cache never needs it

    with FileLock(str(model_dir.parent / ".compact.lock"), timeout=3600):
        if _is_built(dest) and not rebuild:
            return dest  # built by another process meanwhile; an older format is rebuilt in place
        verify_model_files(model_dir)  # a pickle runs code when loaded: only the wheel's own file
        with open(model_dir / "features.pkl", "rb") as fh:
            features = pickle.load(fh)
        npz = numpy.load(model_dir / "weights.npz")
        n_tag, n_feature = int(npz["sizes"][0]), int(npz["sizes"][1])
        weights = npz["w"]
        node = weights[: n_tag * n_feature].reshape(n_feature, n_tag)
        strength = numpy.abs(node).max(axis=1)
        # Feature 0 is pkuseg's fallback for a character with no known feature: keep it.
        kept = sorted((idx, name) for name, idx in features["feature_to_idx"].items()
                      if idx == 0 or strength[idx] >= threshold)
        # Two-part features last, template by template, so that their ids follow the others
        # and the loader reads them straight into tables a -> b -> id (see _pkuseg_fast).
        base = []
        # template -> first part -> [(old id, second part)], rows in order of first part
        tables: dict[str, dict[str, list[tuple[int, str]]]] = {template: {} for template, _ in TABLES}
        for idx, name in kept:
            parts = _split(name)
            if parts is None:
                base.append((idx, name))
            else:
                tables[parts[0]].setdefault(parts[1], []).append((idx, parts[2]))
        if not base or base[0][0] != 0:
            raise ValueError("pkuseg's feature 0 must stay first: this model cannot be made compact")
        for template, _ in TABLES:
            tables[template] = dict(sorted(tables[template].items()))
        kept = base + [(idx, f"{template}.{a}{sep}{b}") for template, sep in TABLES
                       for a, row in tables[template].items() for idx, b in row]
        old_ids = numpy.fromiter((idx for idx, _ in kept), dtype=numpy.int64, count=len(kept))
        new_weights = numpy.concatenate([node[old_ids].ravel(), weights[n_tag * n_feature:]])
        with tempfile.TemporaryDirectory(dir=model_dir.parent, prefix=".compact-") as tmp:
            staging = Path(tmp) / "model"
            staging.mkdir()
            _write_lines(staging / "features.txt", [name for _, name in base])
            for template, _ in TABLES:
                _write_lines(staging / f"t_{template}.txt",
                             ["\t".join([a] + [b for _, b in row]) for a, row in tables[template].items()])
            _write_lines(staging / "unigram.txt", sorted(features["unigram"]))
            _write_lines(staging / "bigram.txt", sorted(features["bigram"]))
            numpy.save(staging / "weights.npy", new_weights)
            meta = {"format": FORMAT, "threshold": threshold, "n_tag": n_tag, "n_feature": len(kept),
                    "n_base": len(base),
                    "tables": [[t, sep, sum(map(len, tables[t].values())), len(tables[t])] for t, sep in TABLES],
                    "source_features": n_feature, "tag_to_idx": features["tag_to_idx"]}
            (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            digests = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(staging.iterdir())}
            (staging / DIGESTS).write_text(json.dumps(digests, indent=1), encoding="utf-8")
            (staging / _COMPLETE).write_text("", encoding="utf-8")
            # Modes of our own whatever the umask: writable by no one else (see load_segmenter).
            for f in staging.iterdir():
                f.chmod(0o644)
            staging.chmod(0o755)
            if dest.exists():
                shutil.rmtree(dest)
            os.replace(staging, dest)
    return dest


# The feature extractor of the compact model: what segmenting does not need is read only
# when something asks for it.
#
# * ``bigram``: the 1.1 million word pairs of pkuseg's training. Segmenting never reads
#   them; saving the model does (spaCy's ``to_bytes``/``to_disk`` of the tokenizer).
# * The features of two parts (character pairs ``c-1c.``/``cc1.``/``c-2c-1.``, word pairs
#   ``ww.l.``/``ww.r.``: 85% of the features) are stored apart, one file per template with
#   one ``a<TAB>b1<TAB>b2...`` row per first part, ids in file order (above). The
#   compiled node features read them into tables a -> b -> id (``table``);
#   ``feature_to_idx``, the flat dict spacy_pkuseg's own code looks features up in, is
#   assembled the first time it is used (pure-Python segmenting, saving).


class CompactFeatureExtractor(FeatureExtractor):  # type: ignore[misc]  # spacy_pkuseg is untyped
    """A FeatureExtractor over a compact model directory (format 4).

    ``base_text`` is features.txt, the one-part features, one a line, ids in line order;
    the tables of ``tables`` (template, separator, features, rows) follow in that order,
    each in file order. The compiled segmenter reads the files' text as it is
    (``raw_base``, ``raw_unigram``, ``raw_table``); the Python dicts and sets spacy_pkuseg's
    own code looks features up in are built the first time something asks for them.
    """

    def __init__(self, path: Path, base_text: str, tables: Sequence[tuple[str, str, int, int]],
                 digests: dict[str, str]) -> None:
        # FeatureExtractor.__init__ would set empty tables; the loader fills them instead.
        self._path = path
        self._digests = digests
        self._base_text = base_text
        self._tables = list(tables)
        self._base: Optional[dict[str, int]] = None
        self._unigram: Optional[set[str]] = None
        self._bigram: Optional[set[str]] = None
        self._features: Optional[dict[str, int]] = None

    def _text(self, name: str) -> str:
        return _text(self._path / name, self._digests)

    def raw_base(self) -> str:
        """features.txt: the one-part features, one a line, the k-th with id k."""
        return self._base_text

    def raw_unigram(self) -> str:
        """unigram.txt: the dictionary of words, one a line ("" an empty line)."""
        return self._text("unigram.txt")

    def raw_table(self, template: str) -> tuple[int, int, str]:
        """The first id, the number of features and the ``a<TAB>b1<TAB>b2...`` rows of a
        two-part template (``"cc1"``, ``"ww.l"`` ...) as text; ids run on in row order."""
        first = len(self.base_features) if self._base is not None else self._base_text.count("\n") + 1
        for name, _, count, rows in self._tables:
            if name == template:
                if not count:
                    return first, 0, ""
                text = self._text(f"t_{name}.txt")
                if text.count("\n") + 1 != rows:
                    raise ValueError(f"{self._path}: t_{name}.txt does not match meta.json; "
                                     "delete the directory to rebuild it")
                return first, count, text
            first += count
        raise KeyError(f"no table {template!r} in {self._path}")

    def table(self, template: str) -> tuple[int, str, list[str]]:
        """The first id, the separator and the ``a<TAB>b1<TAB>b2...`` rows of a two-part
        template; ids run on in row order."""
        first, count, text = self.raw_table(template)
        sep = next(sep for name, sep, _, _ in self._tables if name == template)
        return first, sep, text.split("\n") if count else []

    @property
    def base_features(self) -> dict[str, int]:
        if self._base is None:
            names = self._base_text.split("\n")
            self._base = dict(zip(names, range(len(names)), strict=True))
        return self._base

    @property
    def unigram(self) -> set[str]:
        if self._unigram is None:
            self._unigram = set(_lines(self._path / "unigram.txt", self._digests))
        return self._unigram

    @unigram.setter
    def unigram(self, value: set[str]) -> None:
        self._unigram = value

    @property
    def feature_to_idx(self) -> dict[str, int]:
        if self._features is None:
            features = dict(self.base_features)
            for name, _, _, _ in self._tables:
                idx, sep, lines = self.table(name)
                for line in lines:
                    a, *rest = line.split("\t")
                    for b in rest:
                        features[f"{name}.{a}{sep}{b}"] = idx
                        idx += 1
            self._features = features
        return self._features

    @feature_to_idx.setter
    def feature_to_idx(self, value: dict[str, int]) -> None:
        self._features = value

    @property
    def bigram(self) -> set[str]:
        if self._bigram is None:
            self._bigram = set(_lines(self._path / "bigram.txt", self._digests))
        return self._bigram

    @bigram.setter
    def bigram(self, value: set[str]) -> None:
        self._bigram = value


def load_compact(path: Path) -> Any:
    """A spacy_pkuseg segmenter from a compact model directory."""
    import spacy_pkuseg
    from spacy_pkuseg.model import Model

    digests = _read_digests(path)
    meta = json.loads(_read_verified(path / "meta.json", digests).decode("utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path} holds compact model format {meta.get('format')}, expected {FORMAT}")
    names = _text(path / "features.txt", digests)
    if names.count("\n") + 1 != meta["n_base"]:
        raise _damaged(path / "features.txt", "does not match meta.json")
    # The features and the words stay text until something asks for them (CompactFeatureExtractor).
    extractor = CompactFeatureExtractor(path, names, [tuple(t) for t in meta["tables"]], digests)
    extractor.tag_to_idx = meta["tag_to_idx"]
    model = Model.__new__(Model)  # as Model.load does
    model.n_tag = meta["n_tag"]
    model.n_feature = meta["n_feature"]
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = _weights(path / "weights.npy", digests)
    if model.w.shape[0] != model.n_transition_feature:
        raise _damaged(path / "weights.npy", "does not match the features")
    seg = spacy_pkuseg.pkuseg.__new__(spacy_pkuseg.pkuseg)  # the state pkuseg.__init__ sets up
    seg.postag = False
    seg.preprocesser = spacy_pkuseg.Preprocesser(None)
    seg.postprocesser = spacy_pkuseg.Postprocesser(None, None)
    seg.feature_extractor = extractor
    seg.model = model
    seg.idx_to_tag = {idx: tag for tag, idx in extractor.tag_to_idx.items()}
    seg.n_feature = model.n_feature
    seg.n_tag = model.n_tag
    return seg


def _weights(path: Path, digests: dict[str, str]) -> numpy.ndarray:
    """weights.npy (a 1-D float64 array, as build_compact saves it) over the verified bytes
    themselves: numpy.load would copy them into a second array (0.1-0.2 s, 51 MB at peak)."""
    data = _read_verified(path, digests)
    head = io.BytesIO(bytes(data[:65536]))  # the .npy header is at most 64 KiB
    try:
        version = numpy.lib.format.read_magic(head)
        read_header = {(1, 0): numpy.lib.format.read_array_header_1_0,
                       (2, 0): numpy.lib.format.read_array_header_2_0}.get(version)
        if read_header is None:
            raise ValueError(f"format version {version}")
        shape, fortran, dtype = read_header(head)
    except ValueError as e:
        raise _damaged(path, f"is not a .npy array ({e})") from e
    if (len(shape) != 1 or dtype != numpy.dtype("<f8") or fortran
            or head.tell() + shape[0] * 8 != len(data)):
        raise _damaged(path, "is not the 1-D float64 array build_compact writes")
    return numpy.frombuffer(data, dtype=dtype, count=shape[0], offset=head.tell())


def _saveable(seg: Any) -> Any:
    """spacy_pkuseg's Postprocesser(None, None) skips its word sets, which spaCy's
    tokenizer writes when a pipeline is saved (nlp.to_disk / to_bytes): give it empty ones."""
    post = seg.postprocesser
    for name in ("common_words", "other_words"):
        if not hasattr(post, name):
            setattr(post, name, set())
    return seg


def _with_fast_features(seg: Any) -> Any:
    """Give a loaded segmenter the compiled segmentation (``_pkuseg_fast``) when it was
    built: the same words as spacy_pkuseg's ``_cut`` and ``cut``, many times faster."""
    if os.environ.get("GOVREPORT_NLP_NO_SPEEDUPS") == "1":
        return seg  # compiled paths turned off: spacy_pkuseg's own code, same words
    try:
        from ._pkuseg_fast import FragmentSegmenter
    except ImportError:  # not compiled here: spacy_pkuseg's own code, same words
        return seg
    from spacy_pkuseg import inference
    from spacy_pkuseg.config import config

    extractor = seg.feature_extractor
    compact = isinstance(extractor, CompactFeatureExtractor)
    # The compact model's tables are built once and saved beside it (fast_tables.py).
    tables = (load_tables(extractor._path, extractor._digests, seg.model.n_feature, config.wordMax)
              if compact else None)
    try:
        fast = FragmentSegmenter(extractor, seg.model, seg.idx_to_tag, inference.decodeViterbi_fast,
                                 config, tables)
    except ValueError:  # a model or config the compiled code cannot mirror exactly
        return seg
    if compact and tables is None:
        save_tables(extractor._path, extractor._digests, seg.model.n_feature, fast.tables)
    # pkuseg.cut() calls self._cut() on each whitespace-free fragment; the instance's own
    # attributes take the place of the methods on this object only.
    seg._cut = fast.cut
    seg.known = fast.known  # the dictionary's words, for the tokenizer's vocabulary (tokenizer.py)
    reference = type(seg).cut

    def cut(txt: str) -> list[str]:
        # pkuseg.cut walks each fragment through the user dictionary (a Python loop per
        # character) and the post-processor; with neither, and no tagging, it is the
        # fragments' words, which cut_text gives in one call. spaCy can add user words later.
        if seg.postag or seg.preprocesser.trie.children or seg.postprocesser.do_process:
            words: list[str] = reference(seg, txt)
            return words
        return fast.cut_text(txt)

    seg.cut = cut
    return seg


def load_segmenter(model_dir: Path, *, compact: bool = True, threshold: float = DEFAULT_THRESHOLD) -> Any:
    """The segmenter for ``model_dir``: its compact form when the directory holds the
    pickled features (building it on first use), else the model as it is."""
    import spacy_pkuseg

    if compact and (model_dir / "features.pkl").is_file() and (model_dir / "weights.npz").is_file():
        dest = build_compact(model_dir, threshold)
        if unsafe_reason(dest) is not None:
            # Another user could have swapped a file and its digest together: the compact
            # form is built again from the verified model, with modes of our own.
            try:
                dest = build_compact(model_dir, threshold, rebuild=True)
            except OSError as e:
                raise ModelCacheError(f"the compact model in {dest} is not private ({unsafe_reason(dest)}) "
                                      f"and cannot be rebuilt ({e}); delete {dest} as its owner, or set "
                                      "GOVREPORT_NLP_HOME to a folder of your own") from e
            why = unsafe_reason(dest)
            if why is not None:
                raise ModelCacheError(f"the compact model cache is not private: {why}; run chmod -R go-w "
                                      f"{dest.parent} as its owner, or set GOVREPORT_NLP_HOME to a folder of your own")
        try:
            return _saveable(_with_fast_features(load_compact(dest)))
        except ModelCacheError:
            try:  # rebuilt from the verified model (which raises if that is damaged too)
                dest = build_compact(model_dir, threshold, rebuild=True)
            except OSError as e:  # a read-only cache: say which directory to delete
                raise ModelCacheError(
                    f"the compact model in {dest} is damaged and cannot be rebuilt there ({e}); "
                    f"delete {dest} as its owner, or set GOVREPORT_NLP_HOME to a writable directory"
                ) from e
            return _saveable(_with_fast_features(load_compact(dest)))
    # spacy-pkuseg prints a warning when it falls back from msgpack to pickled features.
    with contextlib.redirect_stderr(io.StringIO()):
        # user_dict=None: do not unpickle spacy-pkuseg's bundled dictionary.
        seg = spacy_pkuseg.pkuseg(str(model_dir), user_dict=None)
    return _saveable(_with_fast_features(seg))

"""A folder written whole or not at all, for Parquet's several tables.

The tables are written into a new folder beside the target and swapped in only when every one
is complete: a failed export leaves the old folder as it was. An existing folder is replaced
only when it holds nothing but an earlier export's tables (or nothing): a folder with anything
else, or the one that holds the store, is never touched, with or without --force.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from accords.errors import OutputError


def _holds(folder: Path, files: Iterable[Path]) -> bool:
    try:
        root = folder.resolve()
        return any(root == f.resolve() or root in f.resolve().parents for f in files)
    except OSError:
        return True


def check_folder(target: str, names: Iterable[str], protected: Iterable[Path]) -> Path:
    """The folder to write, or an OutputError saying why it must not be written."""
    path = Path(target)
    if _holds(path, protected):
        raise OutputError(f"{target}: holds the store (or one of its files); an export never replaces it."
                          " Choose another folder name.")
    if path.exists() and not path.is_dir():
        raise OutputError(f"{target}: is a file; Parquet tables are written to a folder (give a new folder name)")
    if not path.parent.is_dir():
        raise OutputError(f"{target}: the folder {path.parent} does not exist")
    if path.is_dir():
        allowed = {f"{n}.parquet" for n in names}
        foreign = sorted(p.name for p in path.iterdir() if p.name not in allowed or not p.is_file())
        if foreign:
            raise OutputError(f"{target}: holds files that are not an earlier accords Parquet export"
                              f" ({', '.join(foreign[:5])}); it was left untouched. Choose another folder name.")
    return path


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A folder that appears at `path` (replacing the old one) only when the block ends without an error."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    old = None
    try:
        yield tmp
        for f in tmp.iterdir():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o777 & ~_umask())
        if path.exists():
            old = path.with_name(f".{path.name}.{os.getpid()}.old")
            os.replace(path, old)
        os.replace(tmp, path)
    except BaseException:
        if old is not None and not path.exists():
            os.replace(old, path)  # put the earlier export back
            old = None
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask

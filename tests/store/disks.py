"""Disks that really refuse: a read-only view of a folder, a tiny disk that fills up, and a
command run as an account that may not write. We run as root (in CI too), and root writes
through `chmod`, so the tests use what the kernel itself refuses:

- `read_only_view(folder)`: a read-only bind mount of the folder (writes fail with EROFS, for
  root too): the way a store on a read-only disk or snapshot behaves;
- `small_disk(size)`: a tmpfs of `size` bytes (writes past it fail with ENOSPC, a real full
  disk; `ulimit -f` would give EFBIG instead);
- `as_nobody(cmd)`: a command run with `setpriv` as the unprivileged user `nobody` (EACCES on
  a file owned by root with mode 0444): a store file owned by another account.

Each skips the test, saying why, where the machine does not allow it (not root, no mount
permission in a container, no `setpriv`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting is not permitted here: {done.stderr.strip()}")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


@contextlib.contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """The folder seen through a read-only bind mount, for as long as the block runs."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a read-only bind mount needs root and mount(8)")
    view = Path(tempfile.mkdtemp(prefix="ro-view-"))
    _mount("--bind", str(folder), str(view))
    try:
        _mount("-o", "remount,bind,ro", str(view))
        yield view
    finally:
        _umount(view)
        view.rmdir()


@contextlib.contextmanager
def small_disk(size: int) -> Iterator[Path]:
    """A folder on a tmpfs of `size` bytes, for as long as the block runs."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small tmpfs needs root and mount(8)")
    folder = Path(tempfile.mkdtemp(prefix="small-disk-"))
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)
        folder.rmdir()


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder owned by root that everybody may read and nobody else may write (pytest's
    own temporary folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="shared-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_nobody(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """`cmd` run as the user nobody (no write to root's files), or the test skipped."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running as another user needs root and setpriv(1)")
    drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run(
        [*drop, cmd[0], "-c", "import indicators"], capture_output=True, text=True, **kwargs
    )
    if probe.returncode != 0:
        pytest.skip(f"user nobody cannot run this checkout's Python: {probe.stderr[-300:]}")
    return subprocess.run([*drop, *cmd], capture_output=True, text=True, timeout=120, **kwargs)

"""Backups of the store file, and putting one back.

A backup is a copy of the whole DuckDB file, so it carries every table: the data and its
revisions, the configuration, and whatever else the store holds (accounts, the audit trail).
It is made while the dashboard goes on reading: `Store.held()` keeps every write, of this
process or another, out while the file (and a write-ahead log a crash may have left beside it)
is copied into a hidden file in the target's folder. That copy is then opened on its own, which
folds the log in, and kept only if it matches the store: the current revision, the hash of its
data (`Store.content_hash`), and each table's rows and checksum. It takes the target's name in
one rename, so the folder never shows half a backup, and a failure (a full disk, a mismatch)
leaves no file behind.

A restore checks the backup the same way before it touches the store: it must open, be a store
of ours and hold revisions. The current store is kept as `<name>.before-restore-<time>` and the
checked copy renamed over it while every other connection waits; a damaged store, the usual
reason to restore, is kept the same way without waiting for a lock it cannot give.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from indicators.core.i18n import WordedError
from indicators.store import connection
from indicators.store.revisions import Store

WAL = ".wal"  # DuckDB's write-ahead log: the store's path with this added


class BackupError(WordedError):
    """A backup or restore refused: the store, and any file already at the target, unchanged."""


@dataclass(frozen=True)
class Fingerprint:
    """What a copy must share with its store: the current revision, the hash of the data as of
    it, and each table's (row count, checksum of every row)."""

    revision: int
    content_hash: str
    tables: dict[str, tuple[int, str]]

    @property
    def rows(self) -> int:
        return sum(n for n, _ in self.tables.values())


def fingerprint(store: Store) -> Fingerprint:
    """The store's fingerprint, reading every row of every table (so a damaged block shows)."""
    rev = store.current_revision()
    with store.connect(read_only=True) as con:
        names = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables()"
            " WHERE NOT temporary AND database_name = current_database() ORDER BY ALL"
        ).fetchall()
        tables = {}
        for schema, table in names:
            n, checksum = con.execute(
                "SELECT count(*), coalesce(sum(hash(to_json(t)))::VARCHAR, '0')"
                f' FROM "{schema}"."{table}" AS t'
            ).fetchall()[0]
            tables[table if schema == "main" else f"{schema}.{table}"] = (int(n), checksum)
    return Fingerprint(rev, store.content_hash(rev), tables)


def backup(
    store: Store, target: str | Path, *, force: bool = False, timeout: float = 300.0
) -> Fingerprint:
    """Copy the store to `target`, checked; refuse an existing file unless `force`."""
    _refuse_shared(store)
    target = Path(target)
    if not store.path.is_file():
        raise BackupError("backup.no_store", path=store.path)
    _refuse_same(store.path, target)
    if target.exists() and not force:
        raise BackupError("backup.exists", path=target)
    if not target.parent.is_dir():
        raise BackupError("backup.no_folder", folder=target.parent)
    tmp = _beside(target, "backup")
    try:
        with store.held(timeout=timeout):
            source = fingerprint(store)
            _copy_with_wal(store.path, tmp)
        copy = _settle(tmp)
        if copy != source:
            raise BackupError("backup.mismatch", what=_difference(source, copy))
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        raise _write_error(exc, target) from exc
    except connection.StoreFullError as exc:
        raise BackupError("backup.disk_full", folder=target.parent) from exc
    finally:
        _remove(tmp)
    return source


def _refuse_shared(store: Store) -> None:
    """A shared store is backed up and restored with PostgreSQL's tools (docs/deploy.md): its
    file here is only this server's copy, which a restore must not replace."""
    if store.shared:
        raise connection.StoreError("store.backup_by_pg_dump")


def restore(
    store: Store, source: str | Path, *, timeout: float = 300.0
) -> tuple[Fingerprint, Path | None]:
    """Replace the store with the backup `source` once it is checked; return its fingerprint
    and where the store it replaced is kept (None when there was none)."""
    _refuse_shared(store)
    source = Path(source)
    if not source.is_file():
        raise BackupError("backup.missing", path=source)
    _refuse_same(store.path, source)
    tmp = _beside(store.path, "restore")
    try:
        store.path.parent.mkdir(parents=True, exist_ok=True)
        _copy_with_wal(source, tmp)
        found = _checked(tmp, source)
        kept = _swap(store, tmp, timeout)
    except OSError as exc:
        raise _write_error(exc, store.path) from exc
    finally:
        _remove(tmp)
    return found, kept


def _checked(tmp: Path, source: Path) -> Fingerprint:
    """The copy of a backup opened on its own: a store of ours with revisions, or refused."""
    try:
        found = _settle(tmp)
    except connection.StoreFullError as exc:
        raise BackupError("backup.disk_full", folder=tmp.parent) from exc
    except (connection.StoreError, duckdb.Error) as exc:
        reason = getattr(exc, "params", {}).get("reason") or str(exc).splitlines()[0]
        raise BackupError("backup.damaged", path=source, reason=reason) from exc
    if found.revision == 0:
        raise BackupError("backup.no_revisions", path=source)
    return found


def _settle(path: Path) -> Fingerprint:
    """Open a copied file on its own, fold its log in, and read its fingerprint."""
    copy = Store(path)
    with copy.connect() as con:
        connection.refuse_foreign(con, path)
        con.execute("CHECKPOINT")
    try:
        return fingerprint(copy)
    finally:
        connection.let_go(path)  # the file is renamed next: no connection kept to it


def _swap(store: Store, tmp: Path, timeout: float) -> Path | None:
    """Keep the current store under a dated name and put the checked copy in its place."""
    if not store.path.exists():
        os.replace(tmp, store.path)
        _sync_folder(store.path.parent)
        return None
    kept = _kept_name(store.path)
    try:
        with store.held(swap=True, timeout=timeout) as con:
            con.execute("CHECKPOINT")  # the kept file is whole, with no log beside it
            _keep_and_replace(store.path, tmp, kept)
    except connection.StoreDamagedError:  # nobody can use it: nothing to wait for
        _keep_and_replace(store.path, tmp, kept)
    return kept


def _keep_and_replace(path: Path, tmp: Path, kept: Path) -> None:
    try:
        os.link(path, kept)  # the same bytes under a second name, no copy
    except OSError:
        try:
            _copy_file(path, kept)  # a disk without hard links
        except OSError:
            kept.unlink(missing_ok=True)
            raise
    wal = Path(f"{path}{WAL}")
    if wal.exists():  # a damaged store's log: never replay it onto the restored file
        os.replace(wal, f"{kept}{WAL}")
    os.replace(tmp, path)
    _sync_folder(path.parent)


def _kept_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept, n = path.with_name(f"{path.name}.before-restore-{stamp}"), 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.before-restore-{stamp}-{n}")
    return kept


def _difference(a: Fingerprint, b: Fingerprint) -> str:
    """What differs between two fingerprints, in the file's own words (table names)."""
    if a.revision != b.revision or a.content_hash != b.content_hash:
        return f"revision {a.revision} != {b.revision}"
    differ = sorted(
        t for t in a.tables.keys() | b.tables.keys() if a.tables.get(t) != b.tables.get(t)
    )
    return ", ".join(differ)


def _refuse_same(store_path: Path, other: Path) -> None:
    if os.path.realpath(store_path) == os.path.realpath(other):
        raise BackupError("backup.same_file", path=other)


def _beside(path: Path, what: str) -> Path:
    """A hidden file in `path`'s folder (so the final rename stays on one disk)."""
    return path.with_name(f".{path.name}.{what}-{os.getpid()}.tmp")


def _copy_with_wal(src: Path, dst: Path) -> None:
    _copy_file(src, dst)
    if Path(f"{src}{WAL}").exists():
        _copy_file(Path(f"{src}{WAL}"), Path(f"{dst}{WAL}"))


def _copy_file(src: Path, dst: Path) -> None:
    """Copy bytes and make sure they are on the disk before anyone relies on them."""
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(tmp: Path) -> None:
    for path in (tmp, Path(f"{tmp}{WAL}")):
        path.unlink(missing_ok=True)


def _write_error(exc: OSError, path: Path) -> BackupError:
    if exc.errno == errno.ENOSPC:
        return BackupError("backup.disk_full", folder=path.parent)
    return BackupError("backup.cannot_write", path=path, reason=exc.strerror or str(exc))

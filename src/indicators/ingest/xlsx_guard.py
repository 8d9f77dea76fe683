"""An XLSX file checked before a reader opens it: the zip, then every XML part, streamed.

An XLSX is a zip of XML parts, and each can lie. The zip's directory declares each part's
size: their sum, their count and each part's compression ratio are checked before anything is
inflated (Python's zipfile never inflates a part beyond its declared size, so the declared
sizes bound the work). Then every XML part is parsed as a stream by defusedxml, which refuses a
DTD and entities (billion laughs, external entities) before they expand. Sheets and shared
strings are read to their end without building a tree: rows, columns, cells and text lengths
are counted (`limit_checks.TableCount`) and the scan stops at the first limit. A sheet's
declared `<dimension>` is never read: a far-away cell counts by its own address. Any other part
is read whole by openpyxl, so it is bounded by `max_part_mb`.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import DefusedXMLParser

from indicators.core.limits import MB, UploadLimits
from indicators.core.problems import rule_problem
from indicators.ingest.limit_checks import Refused, TableCount

CHUNK = 1 << 16
RATIO_FLOOR = MB  # a part below 1 MB unzipped costs little, however well it compresses
_REF = re.compile(r"([A-Za-z]{1,8})(\d{1,12})")
_TEXT = frozenset({"v", "t", "f"})  # a cell's value, inline or shared text, formula
_DIGITS = "0123456789"
MAX_MERGES = 10_000  # merged ranges kept per sheet; more are ignored (cells stay as written)


def check_xlsx(data: bytes, limits: UploadLimits) -> dict[str, list[str]]:
    """`Refused` if the workbook passes a limit or holds a DTD; otherwise each sheet part's
    merged ranges ('A1:F1'), which openpyxl's streaming reader does not give (empty when the
    file is no zip at all: the reader then says so in its own words)."""
    merges: dict[str, list[str]] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return merges
    with archive:
        parts = [i for i in archive.infolist() if not i.is_dir()]
        _check_directory(parts, limits)
        for info in parts:
            found = _check_part(archive, info, limits)
            if found:
                merges[info.filename] = found
    return merges


def _check_directory(parts: list[zipfile.ZipInfo], limits: UploadLimits) -> None:
    """Count, total size and each part's ratio, as the zip's directory declares them."""
    if len(parts) > limits.max_zip_parts:
        raise Refused(rule_problem("zip_parts", count=len(parts), limit=limits.max_zip_parts))
    total = sum(i.file_size for i in parts)
    if total > limits.max_unzipped_bytes:
        size = {"size": _mb(total), "limit": _mb(limits.max_unzipped_bytes)}
        raise Refused(rule_problem("zip_too_big", **size))
    for i in parts:
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > RATIO_FLOOR and ratio > limits.max_zip_ratio:
            shown = {"ratio": f"{ratio:.0f}", "limit": f"{limits.max_zip_ratio:g}"}
            raise Refused(rule_problem("zip_ratio", part=i.filename, **shown))


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: UploadLimits) -> list[str]:
    """One XML part: its prolog through defusedxml, then a sheet or the shared strings counted
    to their end (binary parts, such as images, are skipped). A sheet's merged ranges."""
    part = info.filename
    try:
        root = _root_name(archive, info)
        if root in ("worksheet", "sst"):
            with archive.open(info) as stream:
                scan = _PartScan(part, root, limits)
                scan.run(stream)
                return scan.merges
        elif root and info.file_size > limits.max_part_bytes:
            shown = {"size": _mb(info.file_size), "limit": _mb(limits.max_part_bytes)}
            raise Refused(rule_problem("zip_part_too_big", part=part, **shown))
    except DefusedXmlException:
        raise Refused(rule_problem("xml_dtd", part=part)) from None
    except (ParseError, expat.ExpatError) as exc:
        raise Refused(rule_problem("file_unreadable", error=f"{part}: {exc}"[:200])) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        error = f"{part}: {type(exc).__name__}: {exc}"[:200]
        raise Refused(rule_problem("file_unreadable", error=error)) from None
    return []


class _Root(Exception):
    """The root element was reached: the prolog, where a DTD would be, is behind us."""


class _RootTarget:
    """defusedxml's parser target: stops at the root element and names it."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        raise _Root(tag.rpartition("}")[2])

    def close(self) -> None:
        return None


def _root_name(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    """The local name of the part's root element ('' for a part that is not XML). defusedxml
    raises on a DTD or an entity declaration, which can only come before the root."""
    with archive.open(info) as stream:
        chunk = stream.read(CHUNK)
        if not _looks_like_xml(chunk):
            return ""
        parser = DefusedXMLParser(
            target=_RootTarget(), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        try:
            while chunk:
                parser.feed(chunk)
                chunk = stream.read(CHUNK)
            parser.close()
        except _Root as root:
            return str(root.args[0])
    return ""


def _looks_like_xml(head: bytes) -> bool:
    """An XML part starts with '<' (after a byte-order mark or blanks); UTF-16 with its BOM."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def _no_dtd(*args: object) -> None:
    raise DTDForbidden(None, None, None)


class _PartScan:
    """Counts a sheet's rows, columns, cells and texts, or the shared strings' lengths, with
    expat's own callbacks (defusedxml's parser costs three times as much per cell: a 200,000-row
    sheet took 6 s). `_root_name` has already found no DTD; a DOCTYPE here is refused anyway."""

    def __init__(self, part: str, kind: str, limits: UploadLimits):
        self.part, self.kind, self.limits = part, kind, limits
        self.count = TableCount(limits)
        self.row = self.col = 0
        self.chars = -1  # characters of the text being read; -1 outside a text
        self.strings = 0  # shared strings so far
        self.columns: dict[str, int] = {}  # column letters already read: 'XFD' -> 16384
        self.merges: list[str] = []  # merged ranges, up to MAX_MERGES (a table has tens)

    def run(self, stream) -> None:
        parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = _no_dtd
        parser.EntityDeclHandler = _no_dtd
        # no end handler: each element's start ends the text before it (a third fewer calls)
        parser.StartElementHandler = self._sheet_start if self.kind == "worksheet" else self._sst
        parser.CharacterDataHandler = self.data
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)

    def _sheet_start(self, tag: str, attrib: dict[str, str]) -> None:
        name = tag.rpartition(":")[2]
        if name == "c":  # the hot path: once per cell
            self.chars = -1
            ref = attrib.get("r")
            col = self.columns.get(ref.rstrip(_DIGITS)) if ref else None
            self.col = col if col is not None else self._column(ref)
            if self.col > self.count.width:  # the table grows wider
                self.count.cell(self.row, self.col, _letters)
        elif name in _TEXT:
            self.chars = 0
        elif name == "mergeCell":
            self.chars = -1
            if len(self.merges) < MAX_MERGES:
                self.merges.append(str(attrib.get("ref", ""))[:24])
        elif name == "row":
            self.chars = -1
            r = attrib.get("r", "")
            far = self.limits.max_rows + 1  # more digits than any sheet has rows
            self.row = (int(r) if len(r) < 12 else far) if r.isdigit() else self.row + 1
            self.col = 0
            self.count.cell(self.row, 0)
        else:
            self.chars = -1

    def _sst(self, tag: str, attrib: dict[str, str]) -> None:
        name = tag.rpartition(":")[2]
        if name == "si":
            self.strings += 1
            self.chars = 0  # a string's runs (and phonetic hints) add up to its length
            if self.strings > self.limits.max_cells:
                raise Refused(rule_problem("too_many_strings", limit=self.limits.max_cells))

    def _column(self, ref: str | None) -> int:
        """The column of a cell seen for the first time in these letters: by its address
        ('XFD7': 16384), else the one after the previous cell. Rows are counted by the row
        elements alone: readers place a cell in its row element, whatever its address says."""
        m = _REF.fullmatch(ref or "")
        if m:
            letters = m.group(1)
            col = self.columns[letters] = _column_number(letters)
            return col
        if ref:  # an address no reader can place: too far away by any measure
            return self.limits.max_columns + 1
        return self.col + 1

    def data(self, text: str) -> None:
        if self.chars < 0:
            return
        self.chars += len(text)
        if self.chars <= self.limits.max_field_chars:
            return
        if self.kind == "sst":
            self.count.text(self.chars, None, where=f"{self.part} #{self.strings}")
        self.count.text(self.chars, self.row, _letters(self.col))


def _column_number(letters: str) -> int:
    """'A' 1, 'Z' 26, 'AA' 27, 'XFD' 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _letters(col: int) -> str:
    """The column as Excel heads it ('XFD'); beyond Excel's last column, its number."""
    if not 0 < col <= 16384:
        return str(col)
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _mb(n: int) -> str:
    return f"{n / MB:.2f}".rstrip("0").rstrip(".")

"""Unit boundaries from a GeoJSON file, and where on a map each unit can be placed.

No registry package ships commune polygons for the units after 1 July 2025, so a deployment
that has official boundaries supplies them as a GeoJSON file (see docs/boundaries.md); without
one, maps place bubbles at the unit centroids from `vietnamadminunits`. A file is checked
before use and rejected with every problem listed, feature by feature.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indicators.core.problems import DataError, Problem

Ring = tuple[tuple[float, ...], tuple[float, ...]]  # (longitudes, latitudes) of one closed ring


@dataclass(frozen=True)
class Boundaries:
    """Outer rings of each unit's polygons, by unit code, for one unit list."""

    unit_list: str
    source: str
    shapes: dict[str, list[Ring]]
    warnings: list[Problem] = field(default_factory=list)

    def rings(self, code: str) -> list[Ring]:
        return self.shapes.get(code, [])


def _problem(feature: int | None, column: str | None, value: object, vi: str, en: str) -> Problem:
    shown = None if value is None else str(value)[:80]
    return Problem(feature, column, shown, vi, en)


def _outer_rings(geometry: dict) -> list[list]:
    """Exterior rings of a Polygon or MultiPolygon (holes are not drawn)."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return [coords[0]] if coords else []
    if kind == "MultiPolygon":
        return [poly[0] for poly in coords or [] if poly]
    raise ValueError(kind)


def _ring(points: list, digits: int = 5) -> Ring:
    """Longitudes and latitudes, rounded to about a metre, repeated points dropped."""
    lons: list[float] = []
    lats: list[float] = []
    for pt in points:
        lon, lat = round(float(pt[0]), digits), round(float(pt[1]), digits)
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError(pt)
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise OverflowError(pt)
        if lons and lons[-1] == lon and lats[-1] == lat:
            continue
        lons.append(lon)
        lats.append(lat)
    if len(lons) > 1 and lons[0] == lons[-1] and lats[0] == lats[-1]:
        lons.pop(), lats.pop()  # GeoJSON repeats the first point; the map closes rings itself
    return tuple(lons), tuple(lats)


def parse_boundaries(
    data: object,
    *,
    unit_list: str,
    known_codes: Iterable[str],
    code_property: str = "code",
    source: str = "",
) -> Boundaries:
    """Check a GeoJSON FeatureCollection and keep the outer rings of the known units.

    Each feature names its unit by `code_property` (the code as in the unit list); an optional
    `unit_list` property must match. Coordinates are WGS 84 longitude/latitude (RFC 7946).
    Codes not in the unit list are kept as warnings and not drawn; anything else wrong
    rejects the file.
    """
    known = {str(c) for c in known_codes}
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise DataError(
            [
                _problem(
                    None, "type", kind,
                    "tệp phải là một GeoJSON FeatureCollection",
                    "the file must be a GeoJSON FeatureCollection",
                )
            ],
            source,
        )  # fmt: skip
    shapes: dict[str, list[Ring]] = {}
    for n, feature in enumerate(data.get("features") or [], start=1):
        props = (feature or {}).get("properties") or {}
        code = props.get(code_property)
        if code is None or str(code).strip() == "":
            problems.append(
                _problem(n, code_property, None,
                         f"đối tượng thiếu thuộc tính mã đơn vị '{code_property}'",
                         f"the feature has no unit code property '{code_property}'")
            )  # fmt: skip
            continue
        code = str(code).strip()
        listed = props.get("unit_list")
        if listed is not None and str(listed) != unit_list:
            problems.append(
                _problem(n, "unit_list", listed,
                         f"tệp này dành cho danh sách đơn vị '{unit_list}'",
                         f"this file is for the unit list '{unit_list}'")
            )  # fmt: skip
            continue
        geometry = (feature or {}).get("geometry") or {}
        try:
            rings = [_ring(r) for r in _outer_rings(geometry)]
        except OverflowError as err:
            problems.append(
                _problem(n, "geometry", err.args[0],
                         "tọa độ phải là kinh độ, vĩ độ WGS 84 (EPSG:4326), không phải VN-2000",
                         "coordinates must be WGS 84 longitude, latitude (EPSG:4326), "
                         "not a projected system such as VN-2000")
            )  # fmt: skip
            continue
        except (ValueError, TypeError, IndexError):
            problems.append(
                _problem(n, "geometry", geometry.get("type"),
                         "hình phải là Polygon hoặc MultiPolygon có tọa độ hợp lệ",
                         "the geometry must be a Polygon or MultiPolygon with valid coordinates")
            )  # fmt: skip
            continue
        if code not in known:
            warnings.append(
                Problem(n, code_property, code,
                        f"mã không có trong danh sách đơn vị '{unit_list}', không vẽ",
                        f"code not in the unit list '{unit_list}'; not drawn", "warning")
            )  # fmt: skip
            continue
        shapes.setdefault(code, []).extend(r for r in rings if len(r[0]) >= 3)
    if problems:
        raise DataError(problems, source)
    return Boundaries(unit_list=unit_list, source=source, shapes=shapes, warnings=warnings)


def load_boundaries(
    path: Path, *, unit_list: str, known_codes: Iterable[str], code_property: str = "code"
) -> Boundaries:
    """Read and check a boundary file (see `parse_boundaries`)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataError(
            [_problem(None, None, str(path), "không tìm thấy tệp ranh giới",
                      "the boundary file does not exist")],
            path.name,
        ) from None  # fmt: skip
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        row = getattr(err, "lineno", None)
        raise DataError(
            [_problem(row, None, None, f"không đọc được JSON ({err})",
                      f"not readable as JSON ({err})")],
            path.name,
        ) from None  # fmt: skip
    return parse_boundaries(
        data,
        unit_list=unit_list,
        known_codes=known_codes,
        code_property=code_property,
        source=path.name,
    )


def located(units: pd.DataFrame, province_points: Iterable[tuple[float, float]]) -> pd.Series:
    """Whether each unit has a centroid of its own.

    The old unit list gives some units (the Trường Sa islands) the province's centroid; drawn
    there they would sit on the mainland, so they are left off the map and named instead.
    """
    points = {(round(float(a), 5), round(float(o), 5)) for a, o in province_points}
    has = units["lat"].notna() & units["lon"].notna()
    same = [
        (round(float(a), 5), round(float(o), 5)) in points if h else False
        for a, o, h in zip(units["lat"], units["lon"], has, strict=True)
    ]
    return has & ~pd.Series(same, index=units.index)

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

from indicators.core.problems import DataError, Problem, rule_problem

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


def _boundary_problem(
    rule: str,
    feature: int | None,
    column: str | None,
    value: object,
    severity: str = "error",
    **kw: object,
) -> Problem:
    """A problem of a boundary file, worded from `boundaries.rule.<rule>`; `feature` is the
    feature's number in the file (or the line of a JSON error)."""
    shown = None if value is None else str(value)[:80]
    return rule_problem(rule, feature, column, shown, severity=severity, area="boundaries", **kw)


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
        raise DataError([_boundary_problem("not_a_collection", None, "type", kind)], source)
    shapes: dict[str, list[Ring]] = {}
    for n, feature in enumerate(data.get("features") or [], start=1):
        props = (feature or {}).get("properties") or {}
        code = props.get(code_property)
        if code is None or str(code).strip() == "":
            problems.append(
                _boundary_problem("no_code", n, code_property, None, property=code_property)
            )
            continue
        code = str(code).strip()
        listed = props.get("unit_list")
        if listed is not None and str(listed) != unit_list:
            problems.append(
                _boundary_problem("other_unit_list", n, "unit_list", listed, unit_list=unit_list)
            )
            continue
        geometry = (feature or {}).get("geometry") or {}
        try:
            rings = [_ring(r) for r in _outer_rings(geometry)]
        except OverflowError as err:
            problems.append(_boundary_problem("not_wgs84", n, "geometry", err.args[0]))
            continue
        except (ValueError, TypeError, IndexError):
            problems.append(_boundary_problem("bad_geometry", n, "geometry", geometry.get("type")))
            continue
        if code not in known:
            warnings.append(
                _boundary_problem(
                    "unknown_code", n, code_property, code, "warning", unit_list=unit_list
                )
            )
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
            [_boundary_problem("file_missing", None, None, str(path))], path.name
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        row = getattr(err, "lineno", None)
        raise DataError(
            [_boundary_problem("not_json", row, None, None, error=err)], path.name
        ) from None
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

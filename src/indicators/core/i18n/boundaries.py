"""Boundary files (`geography.boundaries`): why a GeoJSON file or one of its features is refused.

`boundaries.rule.<rule>` is the reason; `<rule>` is the code in `Problem.rule`.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "boundaries.rule.file_missing": (
        "không tìm thấy tệp ranh giới",
        "the boundary file does not exist",
    ),
    "boundaries.rule.not_json": ("không đọc được JSON ({error})", "not readable as JSON ({error})"),
    "boundaries.rule.not_a_collection": (
        "tệp phải là một GeoJSON FeatureCollection",
        "the file must be a GeoJSON FeatureCollection",
    ),
    "boundaries.rule.no_code": (
        "đối tượng thiếu thuộc tính mã đơn vị '{property}'",
        "the feature has no unit code property '{property}'",
    ),
    "boundaries.rule.other_unit_list": (
        "tệp này dành cho danh sách đơn vị '{unit_list}'",
        "this file is for the unit list '{unit_list}'",
    ),
    "boundaries.rule.not_wgs84": (
        "tọa độ phải là kinh độ, vĩ độ WGS 84 (EPSG:4326), không phải VN-2000",
        "coordinates must be WGS 84 longitude, latitude (EPSG:4326), "
        "not a projected system such as VN-2000",
    ),
    "boundaries.rule.bad_geometry": (
        "hình phải là Polygon hoặc MultiPolygon có tọa độ hợp lệ",
        "the geometry must be a Polygon or MultiPolygon with valid coordinates",
    ),
    "boundaries.rule.unknown_code": (
        "mã không có trong danh sách đơn vị '{unit_list}', không vẽ",
        "code not in the unit list '{unit_list}'; not drawn",
    ),
}

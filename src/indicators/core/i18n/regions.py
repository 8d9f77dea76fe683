"""The Regions page: rankings, drilling down, the heatmap and boundary files."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "regions.change_choice": ("Đổi chỉ tiêu, kỳ, đơn vị", "Change indicator, period, unit"),
    "regions.intro": (
        "Xếp hạng, bản đồ và bảng nhiệt của một chỉ tiêu theo đơn vị hành chính. Bấm vào một "
        "thanh hoặc một điểm trên bản đồ để xem các đơn vị bên trong.",
        "Ranking, map and heatmap of one indicator by administrative unit. Click a bar or a map "
        "point to see the units inside it.",
    ),
    "regions.indicator": ("Chỉ tiêu", "Indicator"),
    "regions.period": ("Kỳ", "Period"),
    "regions.unit": ("Đơn vị", "Unit"),
    "regions.level": ("Xem theo", "Show"),
    "regions.up": ("↑ Về {name}", "↑ Back to {name}"),
    "regions.breadcrumb": ("{path} · {n} đơn vị {level}", "{path} · {n} {level} units"),
    "regions.ranking": ("Xếp hạng", "Ranking"),
    "regions.map": ("Bản đồ", "Map"),
    "regions.heatmap": ("Bảng nhiệt theo kỳ", "Heatmap by period"),
    "regions.drill_hint": (
        "Bấm vào một huyện trên biểu đồ xếp hạng hoặc bản đồ để xem các xã của huyện đó.",
        "Click a district in the ranking or on the map to see its communes.",
    ),
    "regions.no_indicator": (
        "Chưa có chỉ tiêu nào có số liệu dưới cấp tỉnh theo bộ đơn vị này.",
        "No indicator has figures below the province on this set of units yet.",
    ),
    "regions.no_data": (
        "Chưa có số liệu của «{indicator}» cho các đơn vị thuộc {place} theo bộ đơn vị này.",
        "No figures for '{indicator}' for the units of {place} on this set of units.",
    ),
    "regions.unit_list_spans": (
        "Chỉ tiêu này có số liệu cả trước và sau 1/7/2025: {legacy} theo đơn vị cũ (có cấp "
        "huyện), {new} theo đơn vị mới. Đang xem **{current}**. Hai bộ đơn vị không so sánh "
        "trực tiếp được vì nhiều xã đã sáp nhập và một số mã được dùng lại.",
        "This indicator has figures before and after 1 July 2025: {legacy} on the old units "
        "(with districts), {new} on the new units. Showing **{current}**. The two sets cannot be "
        "compared directly: many communes merged and some codes were reused.",
    ),
    "regions.boundary_error": (
        "Không dùng được tệp ranh giới {file}; bản đồ hiển thị điểm tại tâm đơn vị.",
        "The boundary file {file} cannot be used; the map shows points at unit centroids.",
    ),
    "regions.boundary_warnings": (
        "Tệp ranh giới {file}: {n} đối tượng có mã không thuộc danh sách đơn vị, không vẽ.",
        "Boundary file {file}: {n} features have codes outside the unit list and are not drawn.",
    ),
}

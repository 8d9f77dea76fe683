"""Messages of the Regions page: rankings, heatmap, map (issue 3)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The page
    "regions.heading": ("Địa bàn: {place}", "Regions: {place}"),
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
    "regions.era_spans": (
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
    # Figures
    "ranking.sub_parent": (
        "{unit} · {n} đơn vị {level} · màu cam: thấp hơn {parent} ({value})",
        "{unit} · {n} {level} units · orange: below {parent} ({value})",
    ),
    "map.values": ("Có số liệu", "With data"),
    "map.sub": ("{unit} · {place}: {n} đơn vị {level}", "{unit} · {place}: {n} {level} units"),
    "map.dark_lagging": ("màu đậm: chậm hơn", "darker: lagging"),
    "map.centroids": (
        "điểm đặt tại tâm đơn vị (chưa có ranh giới)",
        "points at unit centroids (no boundaries configured)",
    ),
    "map.boundaries": ("ranh giới: {file}", "boundaries: {file}"),
    "map.named_lagging": ("ghi tên {n} đơn vị chậm nhất", "named: the {n} furthest behind"),
    "map.unplaced": (
        "Không có vị trí riêng trên bản đồ: {names}",
        "No position of its own on the map: {names}",
    ),
    "map.inset": ("Ngoài khung bản đồ", "Outside the map frame"),
    "heatmap.sub": (
        "{unit} · {place}: {n} đơn vị {level}, xếp theo {latest}",
        "{unit} · {place}: {n} {level} units, sorted by {latest}",
    ),
    "heatmap.gaps": ("✕: không có số liệu ({n} ô)", "✕: no data ({n} cells)"),
}

"""The map of the Regions page: values, subtitles and units that cannot be placed."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}

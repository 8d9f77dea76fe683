"""An install for the whole country (`national.*`): the country as the home, above the
provinces."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "national.heading": ("Chỉ số CNTT-TT cả nước", "{name} ICT indicators"),
    "national.drill_hint": (
        "Bấm vào một tỉnh trên biểu đồ xếp hạng hoặc bản đồ để xem các xã của tỉnh đó.",
        "Click a province in the ranking or on the map to see its communes.",
    ),
    "national.all_alone": (
        "settings.toml: mục [[region_sources]] của danh sách đơn vị {unit_list} ghi “*” (mọi "
        "tỉnh) cùng với mã tỉnh khác; hãy ghi “*” một mình, hoặc liệt kê từng mã tỉnh",
        "settings.toml: the [[region_sources]] section of the {unit_list} unit list writes “*” "
        "(every province) beside other province codes; write “*” alone, or list each code",
    ),
}

"""Provinces compared (`prov.*`): the Provinces page, its charts and table, the Overview's rank
card, and the socio-economic regions file."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the page --------------------------------------------------------------------------------
    "prov.intro": (
        "{province} giữa các tỉnh, thành phố: thứ hạng qua các năm, vị trí trong cả nước và "
        "trong vùng kinh tế - xã hội, các tỉnh xếp ngay trên và dưới.",
        "{province} among all provinces: its rank over the years, where it stands in the "
        "country and in its socio-economic region, the provinces just above and below it.",
    ),
    "prov.no_indicator": (
        "Chưa có chỉ tiêu nào có số liệu của nhiều tỉnh, thành phố để so sánh.",
        "No indicator has figures for several provinces to compare yet.",
    ),
    "prov.indicator": ("Chỉ tiêu", "Indicator"),
    "prov.year": ("Năm", "Year"),
    "prov.no_period": (
        "Chỉ tiêu này chưa có số liệu của nhiều tỉnh {unit_list}.",
        "This indicator has no figures for several provinces {unit_list}.",
    ),
    "prov.rank_heading": ("Thứ hạng qua các năm", "Rank over the years"),
    "prov.spread_heading": ("Vị trí trong cả nước", "Among all provinces"),
    "prov.map_heading": ("Bản đồ", "Map"),
    "prov.table_heading": (
        "Các tỉnh xếp ngay trên và dưới {province}",
        "Provinces just above and below {province}",
    ),
    "prov.table_all_heading": ("Xếp hạng các tỉnh, thành phố", "Provinces in order"),
    "prov.no_home_value": (
        "{province} chưa có số liệu {period} của chỉ tiêu này.",
        "{province} has no figure for {period} on this indicator.",
    ),
    "prov.col_position": ("Hạng", "Rank"),
    "prov.col_province": ("Tỉnh, thành phố", "Province"),
    "prov.col_value": ("Giá trị", "Value"),
    "prov.col_region": ("Vùng", "Region"),
    "prov.table_note": (
        "{n}/{total} tỉnh, thành phố có số liệu; tỉnh không có số liệu không được xếp.",
        "{n} of {total} provinces have a figure; provinces without one are not placed.",
    ),
    "prov.csv": ("Tải bảng (CSV)", "Download the table (CSV)"),
    # -- the Overview's card ---------------------------------------------------------------------
    "prov.card_note": (
        "Hạng của {province} trên {n} tỉnh, thành phố",
        "{province}'s rank among {n} provinces",
    ),
    "prov.card_link": ("So sánh với các tỉnh", "Compare with other provinces"),
    # -- the regions file ------------------------------------------------------------------------
    "prov.regions_missing_file": (
        "Không tìm thấy tệp vùng kinh tế - xã hội {file}",
        "The socio-economic regions file {file} is missing",
    ),
    "prov.regions_columns": (
        "Tệp vùng {file} thiếu cột: {columns}",
        "The regions file {file} lacks the columns: {columns}",
    ),
    "prov.regions_blank": (
        "Tệp vùng {file}: tỉnh không có vùng: {codes}",
        "The regions file {file}: provinces without a region: {codes}",
    ),
    "prov.regions_twice": (
        "Tệp vùng {file}: tỉnh có hơn một dòng: {codes}",
        "The regions file {file}: provinces on more than one row: {codes}",
    ),
    "prov.regions_without": (
        "Tệp vùng {file} thiếu tỉnh của danh sách {unit_list}: {codes}",
        "The regions file {file} lacks provinces of the list {unit_list}: {codes}",
    ),
    "prov.regions_unknown": (
        "Tệp vùng {file} có mã tỉnh không thuộc danh sách {unit_list}: {codes}",
        "The regions file {file} has province codes not in the list {unit_list}: {codes}",
    ),
    "prov.regions_unit_list": (
        "Tệp vùng {file} có danh sách đơn vị không biết: {unit_list} (dùng legacy hoặc 2025)",
        "The regions file {file} names an unknown unit list: {unit_list} (use legacy or 2025)",
    ),
    # -- the rank over the years -----------------------------------------------------------------
    "prov.rank_title": ("{indicator}: {province} qua các năm", "{indicator}: {province} over time"),
    "prov.rank_sub_top": ("hạng 1 ở trên cùng", "rank 1 at the top"),
    "prov.rank_sub_two": (
        "hạng trên 63 tỉnh và hạng trên 34 tỉnh là hai dãy riêng, không quy đổi",
        "ranks among 63 and among 34 provinces are two series, never converted",
    ),
    "prov.rank_sub_missing": (
        "chưa có hạng của tỉnh: {periods}",
        "no rank of the province: {periods}",
    ),
    "prov.rank_marker_note": (
        "Bên trái: hạng trên 63 tỉnh, thành phố trước sắp xếp; bên phải: hạng trên 34 tỉnh, "
        "thành phố sau sắp xếp",
        "Left: ranks among the 63 provinces before the reform; right: ranks among the 34 after",
    ),
    "prov.period_new": ("{period} ({n} tỉnh)", "{period} ({n} provinces)"),
    "prov.series_legacy": (
        "{name}: hạng trên {n} tỉnh (trước 1/7/2025)",
        "{name}: rank of {n} provinces (before 1 Jul 2025)",
    ),
    "prov.series_new": (
        "{name}: hạng trên {n} tỉnh (sau sắp xếp)",
        "{name}: rank of {n} provinces (after the reform)",
    ),
    # -- the spread of all provinces -------------------------------------------------------------
    "prov.spread_others": ("Các tỉnh khác", "Other provinces"),
    "prov.spread_region": ("Vùng {region}", "{region} region"),
    "prov.spread_median": ("Trung vị cả nước: {value}", "National median: {value}"),
    "prov.spread_sub": (
        "{unit} · {n}/{total} tỉnh, thành phố có số liệu",
        "{unit} · {n} of {total} provinces with data",
    ),
    "prov.better_right": ("bên phải là tốt hơn", "better to the right"),
    "prov.no_median": (
        "không vẽ trung vị: chưa đến một nửa số tỉnh có số liệu",
        "no median drawn: fewer than half of the provinces have a figure",
    ),
    # -- the map ---------------------------------------------------------------------------------
    "prov.map_sub": ("{unit} · {n} tỉnh, thành phố", "{unit} · {n} provinces"),
    "prov.map_region": ("viền cam: vùng {region}", "orange ring: {region} region"),
}

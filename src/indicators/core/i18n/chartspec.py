"""A chart named on the command line or in a link that does not exist (`ChartSpecError`), and
the areas line of a ranking chart."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "chartspec.bad_kind": (
        "Loại biểu đồ '{kind}' không có; chọn một trong: {kinds}",
        "There is no chart kind '{kind}'; choose one of: {kinds}",
    ),
    "chartspec.bad_indicator": (
        "Không có chỉ tiêu mã '{code}' trong danh mục",
        "No indicator with code '{code}' in the catalog",
    ),
    "chartspec.bad_region": (
        "Không có đơn vị mã {codes} trong danh sách đơn vị '{unit_list}'",
        "No unit with code {codes} in unit list '{unit_list}'",
    ),
    "chartspec.bad_range": (
        "Kỳ đầu {first} sau kỳ cuối {last}",
        "The first period {first} is after the last {last}",
    ),
    "chartspec.bad_gran": (
        "Độ chi tiết '{gran}' không có; chọn một trong: {grans}",
        "There is no granularity '{gran}'; choose one of: {grans}",
    ),
    "chartspec.bad_level": (
        "Cấp '{level}' không xếp hạng được; chọn district (huyện) hoặc commune (xã)",
        "Cannot rank level '{level}'; choose district or commune",
    ),
    "chartspec.units_of": ("Các {units} thuộc {place}", "All {units} of {place}"),
}

"""Tables as published (yearbooks, rankings, report annexes): what was read and how, what was
set aside, and the checks such a table allows. Rules are worded by `rule_problem(area=
"published")` as `published.rule.<rule>` with an optional `published.hint.<rule>`."""

from __future__ import annotations

_HOW = {
    "vi": (
        "dấu chấm phân cách hàng nghìn, dấu phẩy thập phân",
        "dot thousands, decimal comma",
    ),
    "en": (
        "dấu phẩy phân cách hàng nghìn, dấu chấm thập phân",
        "comma thousands, decimal point",
    ),
}
_BY = {
    "evidence": ("theo ô '{example}' của cột", "from the column's cell '{example}'"),
    "table": (
        "như các cột khác của bảng (ô '{example}')",
        "as the table's other columns ('{example}')",
    ),
    "whole": (
        "chỉ tiêu là số nguyên: '{example}' là số hàng nghìn",
        "a whole-number indicator: '{example}' is thousands",
    ),
    "analyst": ("theo lựa chọn trong công thức", "as chosen in the recipe"),
}


def _numbers() -> dict[str, tuple[str, str]]:
    """`published.rule.numbers_<how>_<by>`: how a column's numbers were read, and why."""
    return {
        f"published.rule.numbers_{how}_{by}": (
            f"Số đọc theo kiểu {h_vi} ({b_vi}).",
            f"Numbers read with {h_en} ({b_en}).",
        )
        for how, (h_vi, h_en) in _HOW.items()
        for by, (b_vi, b_en) in _BY.items()
    }


_HINTS: dict[str, tuple[str, str]] = {
    "recipe_used": (
        "Muốn đọc khác đi: mở «Xem và sửa cách đọc» và bấm Áp dụng.",
        "To read it otherwise: open «Review and change how it is read» and press Apply.",
    ),
    "not_imported": (
        "Nếu dãy số này là một chỉ tiêu của danh mục, chọn chỉ tiêu đó trong bảng ánh xạ.",
        "If this series is an indicator of the catalog, choose it in the mapping.",
    ),
    "growth_kept": (
        "Không cần làm gì: chênh lệch với số liệu gốc (nếu có) được báo thành cảnh báo.",
        "Nothing to do: a mismatch with the values it derives from is a warning.",
    ),
    "unknown_code": (
        "Chọn một chỉ tiêu có trong danh mục, hoặc thêm chỉ tiêu vào catalog.csv.",
        "Choose an indicator of the catalog, or add it to catalog.csv.",
    ),
    "column_ignored": (
        "Không cần làm gì nếu cột không chứa số liệu cần lưu.",
        "Nothing to do if the column holds no figures to store.",
    ),
    "read_as_year": (
        "Kiểm tra năm trong bản xem trước; trong Excel, định dạng ô tiêu đề là Văn bản (Text).",
        "Check the years in the preview; in Excel, format the header cells as Text.",
    ),
    "outside_install": (
        "Không cần làm gì: bản cài đặt này chỉ lưu số liệu của các đơn vị trong danh mục "
        "đơn vị của nó (settings.toml [[region_sources]]).",
        "Nothing to do: this install stores only the units of its own unit lists "
        "(settings.toml [[region_sources]]).",
    ),
    "no_period": (
        "Nhập năm của bảng (ví dụ 2024) ở mục «Kỳ số liệu của bảng» rồi bấm Áp dụng.",
        "Enter the table's year (e.g. 2024) under «The table's period» and press Apply.",
    ),
    "total_differs": (
        "Đối chiếu với bản in; nếu bản in đúng như vậy, có thể lưu và ghi chú lại.",
        "Compare with the printed table; if it is printed so, it may be stored with a note.",
    ),
    "growth_differs": (
        "Đối chiếu với bản in: một trong hai số có thể in sai.",
        "Compare with the printed table: one of the two numbers may be misprinted.",
    ),
}
_READ_HINT = (
    "Nếu đọc sai, chọn lại «Cách viết số» của cột này trong bảng ánh xạ.",
    "If this is wrong, choose the column's «How numbers are written» in the mapping.",
)


MESSAGES: dict[str, tuple[str, str]] = {
    "published.shape": (
        "như khi công bố (niên giám, xếp hạng, phụ lục)",
        "as published (yearbook, ranking, annex)",
    ),
    "published.rule.needs_mapping": (
        "Đây là bảng như khi công bố (niên giám, xếp hạng, phụ lục báo cáo): cần xác nhận mỗi "
        "cột là chỉ tiêu nào trước khi lưu.",
        "This is a table as published (yearbook, ranking, report annex): confirm which "
        "indicator each column is before saving.",
    ),
    "published.hint.needs_mapping": (
        "Chọn chỉ tiêu cho từng dãy số ở mục «Cách đọc bảng như khi công bố» rồi bấm Áp dụng "
        "(trang Tải lên), hoặc dùng --recipe TÊN ở dòng lệnh; lần sau bảng cùng loại được đọc "
        "tự động.",
        "Choose the indicator of each series under «How the published table is read» and press "
        "Apply (Upload page), or pass --recipe NAME at the command line; the next edition is "
        "read by itself.",
    ),
    "published.rule.recipe_used": (
        "Đọc theo công thức '{name}'.",
        "Read with the recipe '{name}'.",
    ),
    "published.rule.not_imported": (
        "Không nhập: chưa gán chỉ tiêu cho dãy số này.",
        "Not imported: no indicator chosen for this series.",
    ),
    "published.rule.growth_kept": (
        "Chỉ số phát triển: dùng để đối chiếu với số liệu gốc, không lưu thành chỉ tiêu.",
        "Growth index: used to cross-check the values it derives from, not stored.",
    ),
    "published.rule.unknown_code": (
        "Mã chỉ tiêu '{code}' không có trong danh mục.",
        "Indicator code '{code}' is not in the catalog.",
    ),
    "published.rule.column_ignored": (
        "Cột không đọc (số thứ tự hoặc cột chữ không phải số liệu).",
        "Column not read (a running number, or a text column that holds no figures).",
    ),
    "published.rule.read_as_year": (
        "'{example}' đọc là năm {year} (Excel đã đổi năm thành ngày tháng).",
        "'{example}' read as the year {year} (Excel turned the year into a date).",
    ),
    "published.rule.outside_install": (
        "{count} tỉnh, thành phố ngoài phạm vi cài đặt này không được nhập: {names}.",
        "{count} provinces outside this install were not imported: {names}.",
    ),
    "published.rule.numbers_undecided": (
        "Không xác định được cách viết số của cột này: '{example}' có thể là số nghìn hoặc số "
        "thập phân.",
        "Cannot tell how this column writes numbers: '{example}' may be thousands or decimals.",
    ),
    "published.hint.numbers_undecided": (
        "Chọn cách viết số của cột trong bảng ánh xạ.",
        "Choose how the column writes numbers in the mapping table.",
    ),
    "published.rule.no_period": (
        "Bảng không ghi kỳ số liệu: nhập năm của bảng trong bảng ánh xạ.",
        "The table prints no period: enter its year in the mapping.",
    ),
    "published.rule.total_differs": (
        "Dòng tổng in {printed} nhưng tổng của {units} đơn vị là {summed} (kỳ {period}).",
        "The total row prints {printed} but its {units} units add up to {summed} ({period}).",
    ),
    "published.rule.growth_differs": (
        "Chỉ số phát triển in {printed} nhưng tính từ số liệu được {computed} (kỳ {period}).",
        "The growth index prints {printed} but the values give {computed} ({period}).",
    ),
    **_numbers(),
    **{f"published.hint.{rule}": text for rule, text in _HINTS.items()},
    **{f"published.hint.numbers_{how}_{by}": _READ_HINT for how in _HOW for by in _BY},
}

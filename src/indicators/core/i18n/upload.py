"""Checking an upload, for the page and the command line.

`upload.rule.<rule>` is the reason a cell or file was refused, `upload.hint.<rule>` how to fix
it; `<rule>` is the code in `Problem.rule` (see `core.problems.rule_problem`).
"""

from __future__ import annotations

_HEADER_NAMES = (
    "Mã chỉ tiêu, Mã xã hoặc Tên đơn vị, Năm hoặc Kỳ, Giá trị (hoặc Tử số và Mẫu số)",
    "Indicator code, Unit code or Unit name, Year or Period, Value (or Numerator and Denominator)",
)

# Refusals by a limit of `core.limits.UploadLimits`; each hint ends with the key to change in
# settings.toml. rule: (key, reason vi, reason en, what to do vi, what to do en)
_LIMITS = {
    "too_many_rows": ("max_rows",
        "bảng có hơn {limit} dòng (tính cả dòng trống)",
        "the table has more than {limit} rows (blank rows included)",
        "Chia thành các tệp dưới {limit} dòng; xóa dòng trống, định dạng thừa ở cuối trang.",
        "Split it into files under {limit} rows; delete blank or formatted rows at the end."),
    "too_many_columns": ("max_columns",
        "có ô ở cột thứ {columns}, vượt giới hạn {limit} cột",
        "a cell in column {columns}, beyond the limit of {limit} columns",
        "Xóa các ô thừa bên phải bảng; với tệp CSV, kiểm tra dấu phân cách.",
        "Delete the stray cells right of the table; in a CSV file, check the delimiter."),
    "too_many_cells": ("max_cells",
        "bảng {rows} dòng × {columns} cột vượt giới hạn {limit} ô",
        "a table of {rows} rows × {columns} columns is above the limit of {limit} cells",
        "Chia thành nhiều tệp nhỏ hơn; xóa các dòng và cột thừa.",
        "Split it into smaller files; delete unused rows and columns."),
    "too_many_strings": ("max_cells",
        "tệp xlsx có hơn {limit} chuỗi văn bản dùng chung (shared strings)",
        "the xlsx file holds more than {limit} shared strings",
        "Chép phần số liệu sang sổ làm việc mới rồi lưu.",
        "Copy the figures into a new workbook and save that."),
    "field_too_long": ("max_field_chars",
        "ô dài hơn {limit} ký tự",
        "a cell longer than {limit} characters",
        'Ô Excel chứa tối đa 32.767 ký tự; ở tệp CSV, tìm dấu " mở mà chưa được đóng.',
        'An Excel cell holds at most 32,767 characters; in a CSV file, look for a " never closed.'),
    "text_too_long": ("max_text_chars",
        "dài {length} ký tự, vượt giới hạn {limit} ký tự",
        "{length} characters long, above the limit of {limit}",
        "Nguồn và ghi chú chỉ cần một dòng ngắn; để chi tiết trong tài liệu riêng.",
        "A source or a note needs one short line; keep details in a document of their own."),
    "zip_too_big": ("max_unzipped_mb",
        "tệp xlsx giải nén ra {size} MB, vượt giới hạn {limit} MB",
        "the xlsx file unzips to {size} MB, above the {limit} MB limit",
        "Chia thành nhiều tệp nhỏ hơn, hoặc lưu dạng CSV.",
        "Split it into smaller files, or save it as CSV."),
    "zip_ratio": ("max_zip_ratio",
        "phần '{part}' của tệp xlsx nén {ratio} lần, quá {limit} lần (dấu hiệu bom nén)",
        "part '{part}' of the xlsx file is compressed {ratio} times, above {limit} (a zip bomb)",
        "Mở bằng Excel, chép phần số liệu sang sổ làm việc mới rồi lưu.",
        "Open it in Excel, copy the figures into a new workbook and save that."),
    "zip_parts": ("max_zip_parts",
        "tệp xlsx gồm {count} phần, vượt giới hạn {limit}",
        "the xlsx file holds {count} parts, above the limit of {limit}",
        "Chép phần số liệu sang sổ làm việc mới rồi lưu.",
        "Copy the figures into a new workbook and save that."),
    "zip_part_too_big": ("max_part_mb",
        "phần '{part}' của tệp xlsx có {size} MB, vượt giới hạn {limit} MB",
        "part '{part}' of the xlsx file is {size} MB, above the {limit} MB limit",
        "Thường do định dạng bị nhân bản: dán giá trị (Paste Values) sang sổ mới rồi lưu.",
        "Usually styles copied over and over: paste values into a new workbook, save that."),
}  # fmt: skip
LIMIT_MESSAGES = {k: v for rule, (key, *w) in _LIMITS.items() for k, v in (
    (f"upload.rule.{rule}", (w[0], w[1])),
    (f"upload.hint.{rule}", (f"{w[2]} Quản trị có thể đổi [uploads] {key} trong settings.toml.",
                             f"{w[3]} The admin can change [uploads] {key} in settings.toml.")),
)}  # fmt: skip

MESSAGES: dict[str, tuple[str, str]] = {
    **LIMIT_MESSAGES,
    "upload.rule.file_empty": ("tệp rỗng", "the file is empty"),
    "upload.hint.file_empty": (
        "Chọn lại tệp đã lưu có số liệu.",
        "Choose the saved file that holds the data.",
    ),
    "upload.rule.file_too_big": (
        "tệp {size} MB vượt giới hạn {limit} MB",
        "the file is {size} MB, above the {limit} MB limit",
    ),
    "upload.hint.file_too_big": (
        "Chia thành nhiều tệp nhỏ hơn, hoặc nhờ quản trị tăng [uploads] max_mb.",
        "Split it into smaller files, or ask the administrator to raise [uploads] max_mb.",
    ),
    "upload.rule.xml_dtd": (
        "phần '{part}' của tệp xlsx khai báo DTD hoặc thực thể XML (Excel không bao giờ làm thế)",
        "part '{part}' of the xlsx file declares a DTD or XML entities (Excel never does)",
    ),
    "upload.hint.xml_dtd": (
        "Mở tệp bằng Excel và lưu lại dạng .xlsx, hoặc nhập số liệu vào tệp mẫu.",
        "Open it in Excel and save it again as .xlsx, or enter the figures in the template.",
    ),
    "upload.csv_quotes": (
        "dấu ngoặc kép mở ở dòng {row} không được đóng",
        "a quote opened on row {row} is never closed",
    ),
    "upload.limit_unknown": (
        "[uploads] trong settings.toml có khóa lạ: {keys} (các khóa: {known})",
        "[uploads] in settings.toml has unknown keys: {keys} (the keys are: {known})",
    ),
    "upload.limit_bad": (
        "[uploads] {name} trong settings.toml phải là số lớn hơn 0, không phải {value}",
        "[uploads] {name} in settings.toml must be a number above 0, not {value}",
    ),
    "upload.rule.file_type": (
        "không đọc được loại tệp '{ext}'",
        "files of type '{ext}' cannot be read",
    ),
    "upload.hint.file_type": (
        "Trong Excel chọn Lưu thành (Save As) dạng CSV UTF-8 hoặc Sổ làm việc Excel (.xlsx).",
        "In Excel use Save As → CSV UTF-8 or Excel Workbook (.xlsx).",
    ),
    "upload.rule.file_xls": (
        "tệp Excel 97–2003 (.xls) không được hỗ trợ",
        "Excel 97–2003 files (.xls) are not supported",
    ),
    "upload.hint.file_xls": (
        "Mở tệp bằng Excel và lưu lại dạng .xlsx.",
        "Open it in Excel and save it again as .xlsx.",
    ),
    "upload.rule.file_binary": (
        "tệp không phải bảng văn bản (CSV) hay Excel",
        "the file is neither a text table (CSV) nor an Excel workbook",
    ),
    "upload.hint.file_binary": (
        "Kiểm tra đã chọn đúng tệp; lưu bảng từ Excel dạng CSV hoặc .xlsx.",
        "Check that this is the right file; save the table from Excel as CSV or .xlsx.",
    ),
    "upload.rule.file_encoding": (
        "không nhận ra bảng mã ký tự của tệp",
        "the file's character encoding cannot be recognised",
    ),
    "upload.hint.file_encoding": (
        "Trong Excel chọn Lưu thành → CSV UTF-8 (phân cách bằng dấu phẩy). Tệp TCVN3 (ABC) "
        "cần chuyển sang Unicode trước (ví dụ bằng Unikey).",
        "In Excel use Save As → CSV UTF-8 (comma delimited). TCVN3 (ABC) files must be "
        "converted to Unicode first (e.g. with Unikey).",
    ),
    "upload.rule.file_unreadable": (
        "không đọc được tệp: {error}",
        "the file cannot be read: {error}",
    ),
    "upload.hint.file_unreadable": (
        "Mở tệp bằng Excel để kiểm tra, rồi lưu lại dạng CSV UTF-8 hoặc .xlsx.",
        "Open it in Excel to check it, then save it again as CSV UTF-8 or .xlsx.",
    ),
    "upload.rule.no_header": (
        "không tìm thấy dòng tiêu đề cột",
        "no header row found",
    ),
    "upload.hint.no_header": (
        f"Dòng tiêu đề cần có các cột: {_HEADER_NAMES[0]}. Dùng tệp mẫu nếu cần.",
        f"The header row needs the columns {_HEADER_NAMES[1]}. Use the template if needed.",
    ),
    "upload.rule.no_rows": ("không có dòng số liệu nào", "there are no data rows"),
    "upload.hint.no_rows": (
        "Nhập số liệu vào các dòng dưới dòng tiêu đề.",
        "Enter the figures in the rows below the header.",
    ),
    "upload.rule.missing_column": ("thiếu cột bắt buộc", "required column missing"),
    "upload.hint.missing_column": (
        "Thêm cột '{name}' (tên chấp nhận: {accepted}).",
        "Add the column '{name}' (accepted names: {accepted}).",
    ),
    "upload.rule.duplicate_column": (
        "hai cột cùng nghĩa '{name}'",
        "two columns mean the same thing ('{name}')",
    ),
    "upload.hint.duplicate_column": (
        "Xóa hoặc đổi tên một trong hai cột.",
        "Delete or rename one of them.",
    ),
    "upload.rule.column_ignored": ("cột không dùng, đã bỏ qua", "unknown column, ignored"),
    "upload.hint.column_ignored": (
        "Không cần sửa nếu cột này chỉ để ghi chú.",
        "Nothing to do if this column is only for your notes.",
    ),
    "upload.rule.sheet_ignored": (
        "trang tính '{sheet}' có dữ liệu nhưng không được đọc (chỉ đọc trang '{read}')",
        "sheet '{sheet}' has data but was not read (only sheet '{read}' was)",
    ),
    "upload.hint.sheet_ignored": (
        "Mỗi lần tải lên đọc một trang tính: tách trang '{sheet}' ra tệp riêng nếu cần nạp.",
        "One sheet is read per upload: save sheet '{sheet}' as a file of its own to load it.",
    ),
    "upload.rule.growth_column": (
        "cột chỉ số phát triển (năm trước = 100) được tính lại, không nạp",
        "growth index column (previous year = 100) is derived and not loaded",
    ),
    "upload.hint.growth_column": ("Không cần sửa.", "Nothing to do."),
    "upload.rule.extra_cells": (
        "có ô ngoài các cột có tiêu đề",
        "cells beyond the last headed column",
    ),
    "upload.hint.extra_cells": (
        "Xóa các ô đó hoặc thêm tiêu đề cho cột; kiểm tra dấu phân cách trong ô có dấu phẩy.",
        "Delete those cells or give the column a header; check for separators inside cells.",
    ),
    "upload.rule.unknown_indicator": (
        "mã chỉ tiêu không có trong danh mục",
        "unknown indicator code",
    ),
    "upload.hint.unknown_indicator": (
        "Dùng mã hoặc tên chỉ tiêu trong danh mục{suggest_vi}.",
        "Use a code or name from the catalog{suggest_en}.",
    ),
    "upload.rule.bad_period": ("kỳ báo cáo không hợp lệ", "invalid period"),
    "upload.hint.bad_period": (
        "Viết kỳ như 2020, 6 tháng đầu năm 2020, Quý 2/2020, 06/2020 hoặc 2016-2020.",
        "Write the period as 2020, H1 2020, Q2/2020, 06/2020 or 2016-2020.",
    ),
    "upload.rule.bad_unit_list": (
        "danh mục đơn vị phải là {lists}",
        "the unit list must be {lists}",
    ),
    "upload.hint.bad_unit_list": (
        "Để trống để tự chọn theo kỳ: trước 1/7/2025 là 'legacy', từ đó là '2025'.",
        "Leave it empty to choose by period: 'legacy' before 1 July 2025, '2025' from then.",
    ),
    "upload.rule.missing_unit": ("thiếu mã hoặc tên đơn vị", "the unit code or name is missing"),
    "upload.hint.missing_unit": (
        "Ghi mã xã (ví dụ 22333) hoặc tên đơn vị (ví dụ Phường Vĩnh Phước).",
        "Fill in the unit code (e.g. 22333) or its name (e.g. Phường Vĩnh Phước).",
    ),
    "upload.rule.unknown_unit": (
        "mã đơn vị không có trong danh mục đơn vị '{unit_list}'",
        "unknown unit code in unit list '{unit_list}'",
    ),
    "upload.hint.unknown_unit": (
        "Kiểm tra mã theo danh mục '{unit_list}' (mã mới dùng từ 1/7/2025){suggest_vi}.",
        "Check the code in unit list '{unit_list}' (new codes from 1 July 2025){suggest_en}.",
    ),
    "upload.rule.unknown_unit_name": (
        "không có đơn vị tên này trong danh mục '{unit_list}'",
        "no unit of this name in unit list '{unit_list}'",
    ),
    "upload.hint.unknown_unit_name": (
        "Kiểm tra chính tả hoặc ghi mã đơn vị{suggest_vi}.",
        "Check the spelling or give the unit code{suggest_en}.",
    ),
    "upload.rule.ambiguous_unit_name": (
        "có nhiều đơn vị cùng tên trong danh mục '{unit_list}'",
        "several units have this name in unit list '{unit_list}'",
    ),
    "upload.hint.ambiguous_unit_name": (
        "Ghi mã đơn vị hoặc tên đầy đủ{suggest_vi}.",
        "Give the unit code or the full name{suggest_en}.",
    ),
    "upload.rule.unit_name_mismatch": (
        "tên không khớp mã {code} trong danh mục '{unit_list}' ({name}); mã có thể thuộc "
        "danh mục đơn vị khác",
        "the name does not match code {code} in unit list '{unit_list}' ({name}); the code "
        "may belong to another unit list",
    ),
    "upload.hint.unit_name_mismatch": (
        "Ghi rõ cột unit_list ('legacy' hoặc '2025') hoặc sửa mã/tên cho khớp.",
        "Fill in the unit_list column ('legacy' or '2025') or make code and name agree.",
    ),
    "upload.rule.unit_not_in_period": (
        "đơn vị thuộc danh mục '{unit_list}' không tồn tại trong kỳ này ({valid})",
        "units of list '{unit_list}' did not exist in this period ({valid})",
    ),
    "upload.hint.unit_not_in_period": (
        "Số liệu từ 1/7/2025 ghi theo đơn vị mới ('2025'), trước đó theo đơn vị cũ "
        "('legacy').{new_vi}",
        "Figures from 1 July 2025 go on the new units ('2025'), earlier ones on the old "
        "units ('legacy').{new_en}",
    ),
    "upload.rule.not_a_number": ("không phải là số", "not a number"),
    "upload.hint.not_a_number": (
        "Chỉ ghi số, ví dụ 1.234,5 hoặc 99,2%; dán giá trị (Paste Values) thay cho công thức.",
        "Enter a number only, e.g. 1,234.5 or 99.2%; paste values instead of formulas.",
    ),
    "upload.rule.ambiguous_number": (
        "không rõ dấu chấm/phẩy là phân cách hàng nghìn hay thập phân",
        "ambiguous: thousands or decimal separator",
    ),
    "upload.hint.ambiguous_number": (
        "Viết 30000 không có dấu phân cách hàng nghìn, hoặc dùng dấu phẩy thập phân cho mọi "
        "số của tệp (1,5), hoặc lưu thành XLSX với ô kiểu số.",
        "Write 30000 without a thousands mark, or use the decimal comma for every number in "
        "the file (1,5), or save as XLSX with number cells.",
    ),
    "upload.rule.missing_value": ("thiếu giá trị", "the value is missing"),
    "upload.hint.missing_value": (
        "Ghi giá trị, hoặc tử số và mẫu số; xóa dòng nếu chưa có số liệu.",
        "Enter the value, or the numerator and denominator; delete the row if there is no "
        "figure yet.",
    ),
    "upload.rule.zero_denominator": ("mẫu số bằng 0", "the denominator is zero"),
    "upload.hint.zero_denominator": (
        "Mẫu số phải lớn hơn 0 (ví dụ tổng số xã).",
        "The denominator must be above 0 (e.g. the number of communes).",
    ),
    "upload.rule.percent_range": (
        "tỷ lệ phần trăm phải từ 0 đến 100",
        "a percentage must be 0–100",
    ),
    "upload.hint.percent_range": (
        "Ghi 99,2 (không phải 0,992 hay 992); kiểm tra dấu thập phân.",
        "Write 99.2 (not 0.992 or 992); check the decimal mark.",
    ),
    "upload.rule.negative_count": ("số đếm không được âm", "a count cannot be negative"),
    "upload.hint.negative_count": (
        "Bỏ dấu trừ; nếu là mức giảm, ghi số của kỳ này chứ không ghi mức thay đổi.",
        "Drop the minus sign; give this period's count, not the change.",
    ),
    "upload.rule.negative_parts": (
        "tử số hoặc mẫu số bị âm",
        "the numerator or denominator is negative",
    ),
    "upload.hint.negative_parts": ("Tử số và mẫu số là số đếm, không âm.", "Both are counts."),
    "upload.rule.numerator_above_denominator": (
        "tử số vượt mẫu số",
        "the numerator is above the denominator",
    ),
    "upload.hint.numerator_above_denominator": (
        "Kiểm tra hai cột có bị đổi chỗ không: tử số là phần, mẫu số là tổng.",
        "Check whether the columns are swapped: the numerator is the part, the denominator "
        "the whole.",
    ),
    "upload.rule.value_parts_mismatch": (
        "giá trị khác tử số/mẫu số ({expected})",
        "the value differs from numerator/denominator ({expected})",
    ),
    "upload.hint.value_parts_mismatch": (
        "Sửa giá trị, tử số hoặc mẫu số; hoặc để trống giá trị để tính từ tử số và mẫu số.",
        "Fix the value or the parts, or leave the value empty to compute it from them.",
    ),
    "upload.rule.ratio_needs_parts": (
        "tỷ lệ cấp huyện, cấp xã không có tử số và mẫu số: lưu như báo cáo, không cộng lên tỉnh",
        "a district or commune ratio without numerator and denominator: stored, never added up",
    ),
    "upload.hint.ratio_needs_parts": (
        "Thêm Tử số và Mẫu số (ví dụ số hộ có Internet và tổng số hộ) để tính vào số của tỉnh.",
        "Add the Numerator and Denominator (e.g. households with internet and all households) "
        "so that it counts in the province's figure.",
    ),
    "upload.rule.duplicate_key": (
        "dòng trùng khóa (chỉ tiêu, đơn vị, kỳ) trong tệp",
        "duplicate key (indicator, unit, period) in the file",
    ),
    "upload.hint.duplicate_key": (
        "Giữ một dòng cho mỗi chỉ tiêu, đơn vị và kỳ; trùng với dòng {rows}.",
        "Keep one row per indicator, unit and period; same as row(s) {rows}.",
    ),
    "upload.rule.bad_status": (
        "trạng thái phải là {statuses}",
        "status must be one of {statuses}",
    ),
    "upload.hint.bad_status": (
        "Ghi Chính thức, Sơ bộ, Ước tính hoặc Minh họa; để trống là chính thức.",
        "Write published, preliminary, estimate or illustrative; empty means published.",
    ),
    "upload.rule.formula": ("ô chứa công thức, không phải giá trị", "the cell holds a formula"),
    "upload.hint.formula": (
        "Sao chép rồi dán giá trị (Paste Values), hoặc xóa dấu '=' ở đầu.",
        "Copy and Paste Values, or remove the leading '='.",
    ),
    "upload.rule.jump": (
        "thay đổi bất thường so với kỳ trước ({previous} kỳ {period})",
        "unusual change from the previous period ({previous} in {period})",
    ),
    "upload.hint.jump": (
        "Kiểm tra lại số liệu; nếu đúng thì có thể nạp (đây chỉ là cảnh báo).",
        "Check the figure; if it is right it can be loaded (this is only a warning).",
    ),
    "upload.suggest": (" — có phải: {names}?", " — did you mean: {names}?"),
    "upload.now_named": (" Đơn vị này nay thuộc: {names}.", " This unit is now: {names}."),
    "upload.summary": (
        "{rows} dòng đọc được, {valid} hợp lệ, {errors} lỗi, {warnings} cảnh báo",
        "{rows} rows read, {valid} valid, {errors} errors, {warnings} warnings",
    ),
    "upload.file_missing": (
        "Không mở được tệp '{path}': {error}",
        "Cannot open file '{path}': {error}",
    ),
    "upload.detected_xlsx": (
        "Tệp xlsx: trang tính '{sheet}', dòng tiêu đề {header}, dạng bảng {shape}",
        "xlsx file: sheet '{sheet}', header row {header}, {shape} table",
    ),
    "upload.detected": (
        "Tệp {kind}: bảng mã {encoding}, dấu phân cách {delimiter}, dòng tiêu đề {header}, "
        "dạng bảng {shape}",
        "{kind} file: encoding {encoding}, delimiter {delimiter}, header row {header}, "
        "{shape} table",
    ),
    "upload.rejected": ("Tệp bị từ chối", "the file was rejected"),
    "upload.nothing_stored": ("Không có gì được lưu", "nothing was stored"),
    "upload.stored_valid_only": (
        "Đã lưu {valid} dòng hợp lệ; {rejected} dòng lỗi không được lưu",
        "stored the {valid} valid rows; {rejected} rows with errors were not stored",
    ),
    "upload.shape.long": ("dọc (mỗi dòng một giá trị)", "long (one value per row)"),
    "upload.shape.wide": ("ngang (kỳ theo cột)", "wide (periods as columns)"),
}

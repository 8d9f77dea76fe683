"""Messages of the Trends, Data and Methodology pages (issue 3), their charts and tables."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- Trends ---------------------------------------------------------------------------
    "trends.heading": ("Xu hướng chỉ tiêu", "Indicator trends"),
    "trends.indicators": ("Chỉ tiêu", "Indicators"),
    "trends.regions": ("Địa bàn", "Areas"),
    "trends.period": ("Khoảng thời gian", "Period range"),
    "trends.granularity": ("Chi tiết theo", "By"),
    "trends.pick_indicator": ("Chọn ít nhất một chỉ tiêu.", "Choose at least one indicator."),
    "trends.pick_region": ("Chọn ít nhất một địa bàn.", "Choose at least one area."),
    "trends.era_spans": (
        "Khoảng thời gian đã chọn có số liệu cả trước và sau 1/7/2025, trên hai bộ đơn vị "
        "hành chính khác nhau.",
        "The chosen range has data both before and after 1 July 2025, on two different sets "
        "of units.",
    ),
    "trends.era_joined_new": (
        "Đang xem theo đơn vị mới: số liệu trước 1/7/2025 được quy đổi từ đơn vị cũ (cộng các "
        "đơn vị cũ hợp thành; tỷ lệ tính lại từ tử số và mẫu số) thành một chuỗi liên tục; điểm "
        "quy đổi có vòng xám, điểm ước tính (đơn vị cũ bị chia) có ô vuông xám. Chỉ số và thứ "
        "hạng không quy đổi. Chọn «Theo đơn vị hành chính cũ» để xem số liệu như đã báo cáo.",
        "Showing the new units: figures before 1 July 2025 are converted from the old units "
        "(the old units forming each new one added up; ratios recomputed from numerators and "
        "denominators) into one continuous series; converted points have a grey ring, "
        "estimates (a divided old unit) a grey square. Indexes and ranks are not converted. "
        "Choose 'By the old units' to see the figures as reported.",
    ),
    "trends.era_joined_legacy": (
        "Đang xem theo đơn vị cũ: số liệu từ 1/7/2025 chỉ có cho đơn vị cũ trùng đúng với một "
        "đơn vị mới (có vòng xám); các đơn vị cũ khác dừng ở trước 1/7/2025. Chọn «Theo đơn vị "
        "hành chính mới» để xem một chuỗi liên tục.",
        "Showing the old units: figures from 1 July 2025 exist only for old units that are "
        "exactly one new unit (grey ring); other old units stop before 1 July 2025. Choose 'By "
        "the new units' for one continuous series.",
    ),
    "trends.growth_reform_note": (
        "Chỉ số phát triển giữa số quy đổi nguyên vẹn và số báo cáo được tính (cùng một địa "
        "bàn); không tính giữa một số ước tính (thay đổi địa giới) và một số không ước tính.",
        "Growth between a value converted exactly and a reported one is computed (the same "
        "area); not between an estimate (boundary change) and a value that is not one.",
    ),
    "trends.era_only": (
        "Khoảng thời gian này chỉ có số liệu theo {era}.",
        "This range has data only on the {era}.",
    ),
    "trends.no_data": (
        "Không có số liệu {gran} của chỉ tiêu này cho các địa bàn và khoảng thời gian đã chọn.",
        "No {gran} figures of this indicator for the chosen areas and range.",
    ),
    "trends.other_kinds": ("Có số liệu theo: {kinds}.", "Figures exist by: {kinds}."),
    "trends.incomplete": (
        "Không tính các kỳ chưa đủ kỳ thành phần: {items}.",
        "Left out, parts missing: {items}.",
    ),
    "trends.incomplete_item": (
        "{region} {period} ({have}/{need} {part})",
        "{region} {period} ({have} of {need} {part})",
    ),
    "trends.partial_areas": (
        "Không vẽ {n} giá trị chỉ tổng hợp được từ một phần đơn vị cấp xã.",
        "{n} values summed from only some commune-level units are not drawn.",
    ),
    "trends.on_track": (
        "{region}, {period}: {value}; theo lộ trình đến mục tiêu {target} cần {expected} — "
        "{verdict}.",
        "{region}, {period}: {value}; the trajectory to the {target} target needs {expected} — "
        "{verdict}.",
    ),
    "trends.ahead": ("đạt hoặc vượt lộ trình", "on or ahead of the trajectory"),
    "trends.behind": ("chậm hơn lộ trình", "behind the trajectory"),
    "trends.table": ("Bảng số liệu", "Table"),
    "trends.download_csv": ("Tải CSV", "Download CSV"),
    "trends.growth_note": (
        "Chỉ số phát triển không tính khi một trong hai kỳ là số liệu minh họa còn kỳ kia không.",
        "No growth index where one of the two periods is illustrative and the other is not.",
    ),
    "gran.year": ("Năm", "Year"),
    "gran.quarter": ("Quý", "Quarter"),
    "gran.month": ("Tháng", "Month"),
    "gran.phase": ("Giai đoạn kế hoạch", "Plan phase"),
    "gran.of.year": ("theo năm", "yearly"),
    "gran.of.quarter": ("theo quý", "quarterly"),
    "gran.of.month": ("theo tháng", "monthly"),
    "gran.of.phase": ("theo giai đoạn", "per plan phase"),
    "gran.part.year": ("năm", "years"),
    "gran.part.quarter": ("quý", "quarters"),
    "gran.part.month": ("tháng", "months"),
    "growth.base.year": ("Năm trước = 100", "Previous year = 100"),
    "growth.base.quarter": ("Quý trước = 100", "Previous quarter = 100"),
    "growth.base.month": ("Tháng trước = 100", "Previous month = 100"),
    "growth.base.phase": ("Giai đoạn trước = 100", "Previous phase = 100"),
    "era.short.legacy": ("đơn vị hành chính trước 1/7/2025", "units before 1 July 2025"),
    "era.short.2025": ("đơn vị hành chính từ 1/7/2025", "units from 1 July 2025"),
    # -- Charts of these pages -------------------------------------------------------------
    "chart.trends_sub": ("{unit} · {gran} · {span} · {era}", "{unit} · {gran} · {span} · {era}"),
    "chart.growth_title": (
        "{indicator}: chỉ số phát triển",
        "{indicator}: growth index",
    ),
    "chart.growth_sub": ("%, {base} · {span} · {era}", "%, {base} · {span} · {era}"),
    "chart.trajectory": ("Lộ trình đến mục tiêu {period}", "Trajectory to the {period} target"),
    "chart.target_of": ("Mục tiêu {period}", "Target {period}"),
    "chart.legend_title": ("Cách vẽ theo trạng thái số liệu", "How each data status is drawn"),
    "chart.legend_sub": (
        "Mỗi trạng thái một kiểu điểm; màu và nét chỉ phân biệt địa bàn",
        "One marker style per status; colour and dash only tell areas apart",
    ),
    "chart.legend_source": ("chỉ số CNTT-TT", "ICT indicators"),
    # -- Table columns (tables on screen and the files people download) -------------------
    "col.indicator": ("Mã chỉ tiêu", "Indicator code"),
    "col.indicator_name": ("Chỉ tiêu", "Indicator"),
    "col.unit": ("Đơn vị tính", "Unit"),
    "col.unit_list": ("Bộ đơn vị hành chính", "Unit list"),
    "col.region": ("Mã địa bàn", "Area code"),
    "col.region_name": ("Địa bàn", "Area"),
    "col.level": ("Cấp", "Level"),
    "col.period": ("Mã kỳ", "Period code"),
    "col.period_label": ("Kỳ", "Period"),
    "col.value": ("Giá trị", "Value"),
    "col.numerator": ("Tử số", "Numerator"),
    "col.denominator": ("Mẫu số", "Denominator"),
    "col.status": ("Trạng thái", "Status"),
    "col.origin": ("Cách có số liệu", "How obtained"),
    "col.estimate": ("Ước tính (thay đổi địa giới)", "Estimate (boundary change)"),
    "col.basis": ("Cách quy đổi", "Conversion basis"),
    "col.from_unit_list": ("Số liệu gốc theo", "Reported on"),
    "col.source": ("Nguồn", "Source"),
    "col.note": ("Ghi chú", "Note"),
    "origin.reported": ("Báo cáo", "Reported"),
    "origin.aggregated": ("Tổng hợp từ cấp dưới", "Aggregated from lower levels"),
    "origin.rolled_up": ("Cộng dồn từ kỳ ngắn hơn", "Rolled up from shorter periods"),
    "origin.converted": ("Quy đổi qua thay đổi địa giới", "Converted across the boundary change"),
    "unitlist.legacy": ("Trước 1/7/2025", "Before 1 July 2025"),
    "unitlist.2025": ("Từ 1/7/2025", "From 1 July 2025"),
    # -- Data ------------------------------------------------------------------------------
    "data.heading": ("Dữ liệu", "Data"),
    "data.intro": (
        "Mọi giá trị trong kho: số được báo cáo và số tổng hợp từ cấp dưới, kèm trạng thái và "
        "nguồn. Tải xuống để dùng trong Excel.",
        "Every value in the store: reported figures and those aggregated from lower levels, "
        "with status and source. Download them for Excel.",
    ),
    "data.indicators": ("Chỉ tiêu", "Indicators"),
    "data.all_indicators": ("Tất cả chỉ tiêu", "All indicators"),
    "data.level": ("Cấp", "Level"),
    "data.regions": ("Địa bàn", "Areas"),
    "data.all_regions": ("Tất cả địa bàn của cấp này", "All areas of this level"),
    "data.period": ("Khoảng thời gian", "Period range"),
    "data.status": ("Trạng thái", "Status"),
    "data.all_statuses": ("Mọi trạng thái", "Any status"),
    "data.rows": ("{n} dòng", "{n} rows"),
    "data.rows_shown": (
        "{n} dòng; bảng hiện {shown} dòng đầu, tệp tải xuống có đủ {n} dòng.",
        "{n} rows; the table shows the first {shown}, the downloads hold all {n}.",
    ),
    "data.download_csv": ("Tải CSV (UTF-8, mở bằng Excel)", "Download CSV (UTF-8, opens in Excel)"),
    "data.download_xlsx": ("Tải Excel (XLSX)", "Download Excel (XLSX)"),
    "data.empty": ("Không có giá trị nào khớp với bộ lọc.", "No values match the filters."),
    "data.sheet": ("Dữ liệu", "Data"),
    "data.converted.2025": (
        "Gồm số liệu quy đổi từ đơn vị cũ",
        "Include figures converted from the old units",
    ),
    "data.converted.legacy": (
        "Gồm số liệu quy đổi từ đơn vị mới",
        "Include figures converted from the new units",
    ),
    "data.converted_help": (
        "Số liệu trước 1/7/2025 quy đổi sang đơn vị mới (hoặc số liệu mới trên đơn vị cũ trùng "
        "đúng một đơn vị mới). Cột «Cách có số liệu», «Ước tính (thay đổi địa giới)», «Cách quy "
        "đổi» và «Số liệu gốc theo» cho biết giá trị nào được quy đổi.",
        "Figures before 1 July 2025 converted to the new units (or new figures on old units "
        "that are exactly one new unit). The columns 'How obtained', 'Estimate (boundary "
        "change)', 'Conversion basis' and 'Reported on' say which values were converted.",
    ),
    "data.converted_count": (
        "{n} giá trị quy đổi qua thay đổi địa giới, trong đó {est} là ước tính.",
        "{n} values converted across the boundary change, {est} of them estimates.",
    ),
    # -- Methodology -----------------------------------------------------------------------
    "method.heading": ("Phương pháp", "Methodology"),
    "method.intro": (
        "Định nghĩa từng chỉ tiêu, cách tổng hợp theo địa bàn và theo thời gian, ý nghĩa các "
        "trạng thái số liệu và phiên bản dữ liệu đang dùng.",
        "What each indicator means, how it is aggregated over areas and over time, what the "
        "data statuses mean and which data revision is in use.",
    ),
    "method.indicators": ("Các chỉ tiêu", "Indicators"),
    "topic.postal": ("Bưu chính", "Postal services"),
    "topic.telecom": ("Viễn thông và Internet", "Telecommunications and internet"),
    "topic.press": ("Báo chí", "Press"),
    "topic.digital_gov": ("Chính quyền số", "Digital government"),
    "method.code": ("Mã", "Code"),
    "method.definition": ("Định nghĩa", "Definition"),
    "method.unit": ("Đơn vị tính", "Unit"),
    "method.source": ("Nguồn", "Source"),
    "method.agg_region": ("Tổng hợp theo địa bàn", "Aggregation over areas"),
    "method.agg_time": ("Tổng hợp theo thời gian", "Roll-up over time"),
    "method.ratio_parts": ("Tử số / mẫu số", "Numerator / denominator"),
    "method.direction": ("Chiều tốt", "Better when"),
    "method.decimals": ("Số chữ số thập phân", "Decimals shown"),
    "method.components": (
        "Các chỉ tiêu thành phần (tử số, mẫu số)",
        "Component indicators (numerators, denominators)",
    ),
    "agg_region.sum": (
        "Cộng giá trị của các đơn vị cấp dưới",
        "Sum of the lower-level units' values",
    ),
    "agg_region.ratio": (
        "Σ tử số ÷ Σ mẫu số × {scale} của các đơn vị cấp dưới (không lấy trung bình các tỷ lệ)",
        "Σ numerators ÷ Σ denominators × {scale} of the lower-level units (never an average of "
        "percentages)",
    ),
    "agg_region.none": (
        "Không tổng hợp: chỉ dùng số được báo cáo cho chính địa bàn đó",
        "Not aggregated: only the figure reported for the area itself",
    ),
    "agg_time.sum": (
        "Cộng các kỳ ngắn hơn, chỉ khi có đủ mọi kỳ",
        "Sum of the shorter periods, only when all of them are there",
    ),
    "agg_time.last": ("Giá trị của kỳ cuối cùng", "The value of the last period"),
    "agg_time.ratio": (
        "Σ tử số ÷ Σ mẫu số của các kỳ ngắn hơn, chỉ khi có đủ mọi kỳ",
        "Σ numerators ÷ Σ denominators of the shorter periods, only when all are there",
    ),
    "agg_time.none": ("Không cộng dồn theo thời gian", "Not rolled up over time"),
    "direction.up": ("càng cao càng tốt", "higher"),
    "direction.down": ("càng thấp càng tốt", "lower"),
    "method.statuses": ("Trạng thái số liệu", "Data status"),
    "method.status_col": ("Trạng thái", "Status"),
    "method.meaning_col": ("Ý nghĩa", "Meaning"),
    "method.drawn_col": ("Trên biểu đồ", "On charts"),
    "status.published.desc": (
        "Số liệu chính thức đã công bố, có văn bản nguồn.",
        "Official figure, published with its source.",
    ),
    "status.preliminary.desc": (
        "Số sơ bộ (niên giám ghi «Sơ bộ / Prel.»), có thể còn được điều chỉnh.",
        "Preliminary ('Sơ bộ / Prel.' in yearbooks); may still be revised.",
    ),
    "status.estimate.desc": (
        "Số ước tính của cơ quan báo cáo.",
        "An estimate by the reporting body.",
    ),
    "status.illustrative.desc": (
        "Số minh họa để thử phần mềm, không phải số liệu thống kê; không dùng trong văn bản.",
        "Illustrative, for trying the software; not statistics, do not quote.",
    ),
    "status.published.drawn": ("điểm đặc ●", "filled marker ●"),
    "status.preliminary.drawn": ("điểm đặc có viền trắng ◉", "filled marker, white ring ◉"),
    "status.estimate.drawn": ("điểm rỗng có chấm giữa ⊙", "hollow marker with a dot ⊙"),
    "status.illustrative.drawn": (
        "điểm rỗng ◇ ○, ghi chú «Minh họa» dưới biểu đồ",
        "hollow marker ◇ ○, 'Illustrative' note under the chart",
    ),
    "method.status_rule": (
        "Một giá trị tổng hợp (từ cấp dưới hoặc từ các kỳ ngắn hơn) mang trạng thái kém chắc chắn "
        "nhất của các phần: minh họa, rồi ước tính, rồi sơ bộ, rồi đã công bố.",
        "An aggregated value (from lower levels or shorter periods) carries the least certain "
        "status among its parts: illustrative, then estimate, then preliminary, then published.",
    ),
    "method.revision": ("Phiên bản dữ liệu đang dùng", "Data revision in use"),
    "method.revision_text": (
        "Phiên bản **{rev}**, nạp lúc {date} bởi **{author}**{file}. {message}",
        "Revision **{rev}**, loaded {date} by **{author}**{file}. {message}",
    ),
    "method.revision_file": (" từ tệp `{name}`", " from `{name}`"),
    "method.revision_counts": (
        "Trong tệp: {rows} dòng; mới {new}, thay đổi {changed}, không đổi {same}, bỏ {removed}.",
        "In the file: {rows} rows; new {new}, changed {changed}, unchanged {same}, removed "
        "{removed}.",
    ),
    "method.no_revision": ("Kho dữ liệu chưa có phiên bản nào.", "The store has no revision yet."),
    "method.reform": ("Sắp xếp đơn vị hành chính từ 1/7/2025", "The 1 July 2025 reform"),
    "method.reform_text": (
        "Từ 1/7/2025 cả nước còn 34 tỉnh, bỏ cấp huyện; Khánh Hòa mới (mã 56) gồm Khánh Hòa và "
        "Ninh Thuận cũ, có 65 đơn vị cấp xã. Một mã địa bàn chỉ có nghĩa trong bộ đơn vị của nó "
        "(đơn vị mới dùng lại mã cũ), nên mỗi giá trị được lưu kèm bộ đơn vị: số liệu đến giữa "
        "năm 2025 theo đơn vị cũ, từ 1/7/2025 theo đơn vị mới. Khi khoảng thời gian đang xem có "
        "cả hai, trang hỏi bộ đơn vị cần xem (tham số `era` trên địa chỉ) và nối hai chuỗi bằng "
        "số liệu quy đổi (xem mục dưới). Danh sách đơn vị lấy từ gói `vietnamadminunits`.",
        "Since 1 July 2025 Vietnam has 34 provinces and no district level; the new Khánh Hòa "
        "(code 56) joins the old Khánh Hòa and Ninh Thuận and has 65 commune-level units. A unit "
        "code means something only within its unit list (new units reuse old codes), so every "
        "value is stored with its unit list: figures up to mid-2025 on the old units, from 1 July "
        "2025 on the new ones. When a view spans both, the page asks which set to show (the "
        "`era` URL parameter) and joins the two series with converted figures (see below). "
        "Unit lists come from the `vietnamadminunits` package.",
    ),
    "method.conversion": (
        "Quy đổi số liệu qua thay đổi địa giới",
        "Converting figures across the boundary change",
    ),
    "method.conversion_text": (
        "Để xem một chuỗi liên tục, số liệu theo đơn vị cũ (các kỳ kết thúc trước 1/7/2025) "
        "được quy đổi sang đơn vị mới theo bảng chuyển đổi của gói `vietnamadminunits`:\n\n"
        "- **Số lượng** (cộng được): cộng các đơn vị cũ được nhập nguyên vẹn vào đơn vị mới; "
        "tỉnh mới là tổng các tỉnh cũ hợp thành.\n"
        "- **Tỷ lệ**: quy đổi tử số và mẫu số như số lượng rồi chia lại (không lấy trung bình "
        "các tỷ lệ).\n"
        "- **Đơn vị cũ bị chia** cho nhiều đơn vị mới: gói chỉ cho biết đơn vị mới nào nhận một "
        "phần, không cho biết phần diện tích hay dân số, nên giá trị được **chia đều** và đánh "
        "dấu *Ước tính (thay đổi địa giới)*.\n"
        "- **Chỉ số, thứ hạng** và các đại lượng không cộng được (bán kính phục vụ bình quân) "
        "không quy đổi; chỉ hiển thị theo đơn vị của thời kỳ được công bố.\n"
        "- Chiều ngược lại: số liệu từ 1/7/2025 chỉ hiển thị trên đơn vị cũ khi đơn vị mới trùng "
        "đúng với đơn vị cũ đó.\n"
        "- Một đơn vị mới chỉ được quy đổi khi có số liệu của mọi đơn vị cũ hợp thành; số liệu "
        "báo cáo trực tiếp cho đơn vị mới luôn được ưu tiên.\n\n"
        "Trên biểu đồ, điểm quy đổi có vòng xám, điểm ước tính có ô vuông xám, và vạch đứt "
        "đánh dấu 1/7/2025. Trang Dữ liệu và các tệp tải xuống có cột cho biết giá trị nào được "
        "quy đổi.",
        "To read one continuous series, figures on the old units (periods ending before 1 July "
        "2025) are converted to the new units with the crosswalk of the `vietnamadminunits` "
        "package:\n\n"
        "- **Counts** (additive): the sum of the old units merged whole into the new unit; a new "
        "province is the sum of the old provinces that form it.\n"
        "- **Ratios**: numerators and denominators are converted as counts, then divided again "
        "(never an average of percentages).\n"
        "- **Old units divided** between new units: the package says which new units took a "
        "part but not how much area or population, so the value is **split equally** and "
        "marked *Estimate (boundary change)*.\n"
        "- **Indexes, ranks** and non-additive amounts (average service radius) are never "
        "converted; they are shown on the units they were published for.\n"
        "- The other way: figures from 1 July 2025 appear on an old unit only where a new unit "
        "is exactly that old unit.\n"
        "- A new unit is converted only when every old unit forming it has a figure; a figure "
        "reported for the new unit itself always wins.\n\n"
        "On charts, converted points have a grey ring, estimates a grey square, and a dashed "
        "line marks 1 July 2025. The Data page and the downloads have columns saying which "
        "values were converted.",
    ),
    "method.apportioned": (
        "Đơn vị mới nhận một phần của đơn vị cũ bị chia (giá trị quy đổi là ước tính)",
        "New units that take part of a divided old unit (their converted values are estimates)",
    ),
    "method.apportioned_new": ("Đơn vị mới", "New unit"),
    "method.apportioned_old": ("Đơn vị cũ bị chia (phần nhận)", "Divided old units (share taken)"),
    "method.periods": ("Kỳ báo cáo và tổng hợp theo thời gian", "Periods and roll-up over time"),
    "method.periods_text": (
        "Kỳ báo cáo là năm (2020), quý (Quý 2/2020), tháng (Tháng 6/2020) hoặc giai đoạn kế hoạch "
        "5 năm (Giai đoạn 2016–2020). Số liệu kỳ ngắn được cộng dồn lên kỳ dài theo cột «Tổng hợp "
        "theo thời gian»; một kỳ thiếu kỳ thành phần thì không tính và trang ghi rõ. Chỉ số phát "
        "triển (Năm trước = 100) là giá trị kỳ này ÷ giá trị kỳ trước × 100. Lộ trình đến mục "
        "tiêu là đường thẳng nét đứt từ giá trị cuối cùng trước khi giai đoạn của mục tiêu bắt "
        "đầu đến mục tiêu.",
        "A period is a year (2020), a quarter (Q2 2020), a month (Jun 2020) or a five-year plan "
        "phase (2016–2020 phase). Shorter periods roll up into longer ones as the 'roll-up over "
        "time' column says; a period with parts missing is left out, and the page says so. The "
        "growth index (previous year = 100) is this period's value ÷ the previous period's × "
        "100. The trajectory to a target is a dashed straight line from the last value before "
        "the target's plan phase starts to the target.",
    ),
    "method.numbers": ("Định dạng số và tệp tải xuống", "Number formats and downloads"),
    "method.numbers_text": (
        "Tiếng Việt: {big_vi} và {small_vi}; tiếng Anh: {big_en} và {small_en} (theo chuẩn CLDR, "
        "qua thư viện Babel). Tệp CSV tải xuống là UTF-8 có BOM để Excel hiện đúng dấu tiếng "
        "Việt, phân cách cột bằng dấu phẩy, số viết với dấu chấm thập phân để mọi phần mềm đọc "
        "được; tệp XLSX giữ số ở dạng số.",
        "Vietnamese: {big_vi} and {small_vi}; English: {big_en} and {small_en} (CLDR rules, "
        "through the Babel library). Downloaded CSV files are UTF-8 with a BOM so that Excel "
        "shows Vietnamese diacritics, comma-separated, with a decimal point so any software "
        "reads them; XLSX files keep numbers as numbers.",
    ),
}

"""The Methodology page (`method.*`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "method.heading": ("Phương pháp", "Methodology"),
    "method.intro": (
        "Định nghĩa từng chỉ tiêu, cách tổng hợp theo địa bàn và theo thời gian, ý nghĩa các "
        "trạng thái số liệu và phiên bản dữ liệu đang dùng.",
        "What each indicator means, how it is aggregated over areas and over time, what the "
        "data statuses mean and which data revision is in use.",
    ),
    "method.indicators": ("Các chỉ tiêu", "Indicators"),
    # the page's sections, one open at a time (tabs: short labels)
    "method.tab.indicators": ("Chỉ tiêu", "Indicators"),
    "method.tab.statuses": ("Trạng thái số liệu", "Data status"),
    "method.tab.revision": ("Phiên bản dữ liệu", "Data revision"),
    "method.tab.reform": ("Sắp xếp 2025", "2025 reform"),
    "method.tab.periods": ("Kỳ báo cáo, định dạng số", "Periods, numbers"),
    "method.tab.rankings": ("Xếp hạng, vùng", "Rankings, regions"),
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
    "method.statuses": ("Trạng thái số liệu", "Data status"),
    "method.status_col": ("Trạng thái", "Status"),
    "method.meaning_col": ("Ý nghĩa", "Meaning"),
    "method.drawn_col": ("Trên biểu đồ", "On charts"),
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
        "Từ 1/7/2025 cả nước còn 34 tỉnh, bỏ cấp huyện. {province} Một mã địa bàn chỉ có nghĩa "
        "trong bộ đơn vị của nó (đơn vị mới dùng lại mã cũ), nên mỗi giá trị được lưu kèm bộ đơn "
        "vị: số liệu đến giữa năm 2025 theo đơn vị cũ, từ 1/7/2025 theo đơn vị mới. Khi khoảng "
        "thời gian đang xem có cả hai, trang hỏi bộ đơn vị cần xem (tham số `era` trên địa chỉ) "
        "và nối hai chuỗi bằng số liệu quy đổi (xem mục dưới). Danh sách đơn vị lấy từ gói "
        "`vietnamadminunits`.",
        "Since 1 July 2025 Vietnam has 34 provinces and no district level. {province} A unit "
        "code means something only within its unit list (new units reuse old codes), so every "
        "value is stored with its unit list: figures up to mid-2025 on the old units, from 1 July "
        "2025 on the new ones. When a view spans both, the page asks which set to show (the "
        "`era` URL parameter) and joins the two series with converted figures (see below). "
        "Unit lists come from the `vietnamadminunits` package.",
    ),
    # The configured province in the 2025 list: {province} as settings.toml names it, {code}
    # its code, {olds} the old provinces it joins, {communes} its commune-level units.
    "method.reform_merged": (
        "{province} mới (mã {code}) gồm {olds} cũ, có {communes} đơn vị cấp xã.",
        "The new {province} (code {code}) joins the old {olds} and has {communes} commune-level "
        "units.",
    ),
    "method.reform_kept": (
        "{province} (mã {code}) giữ nguyên địa giới tỉnh cũ, có {communes} đơn vị cấp xã.",
        "{province} (code {code}) keeps its old provincial borders and has {communes} "
        "commune-level units.",
    ),
    "method.reform_and": ("{first} và {last}", "{first} and {last}"),
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
        "Kỳ báo cáo là năm (2020), 6 tháng (6 tháng đầu năm 2020), quý (Quý 2/2020), tháng "
        "(Tháng 6/2020) hoặc giai đoạn kế hoạch 5 năm (Giai đoạn 2016–2020). Số liệu kỳ ngắn "
        "được cộng dồn lên kỳ dài theo cột «Tổng hợp theo thời gian»; một kỳ thiếu kỳ thành "
        "phần thì không tính và trang ghi rõ. Chỉ số phát triển (Năm trước = 100) là giá trị kỳ "
        "này ÷ giá trị kỳ trước × 100. Lộ trình đến mục tiêu là đường thẳng nét đứt từ giá trị "
        "cuối cùng trước khi giai đoạn của mục tiêu bắt đầu đến mục tiêu.",
        "A period is a year (2020), a half-year (H1 2020), a quarter (Q2 2020), a month (Jun "
        "2020) or a five-year plan phase (2016–2020 phase). Shorter periods roll up into longer "
        "ones as the 'roll-up over time' column says; a period with parts missing is left out, "
        "and the page says so. The growth index (previous year = 100) is this period's value ÷ "
        "the previous period's × 100. The trajectory to a target is a dashed straight line from "
        "the last value before the target's plan phase starts to the target.",
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
    # The Provinces page: bundled rankings and the socio-economic regions (computed from data).
    "method.rankings": ("Xếp hạng các tỉnh, thành phố", "Province rankings"),
    "method.rankings_text": (
        "Các bảng xếp hạng đã công bố (DTI, Vietnam ICT Index) được lưu đúng như nguồn in, "
        "từng tỉnh một, kể cả hạng đồng; tỉnh nào nguồn không nêu thì để trống, không điền. "
        "Hạng trên 63 tỉnh (trước 1/7/2025) và hạng trên 34 tỉnh (sau sắp xếp) là hai dãy "
        "riêng, không quy đổi. Bảng dưới đếm theo dữ liệu đang dùng: mỗi bảng xếp hạng, mỗi năm "
        "có bao nhiêu tỉnh có giá trị và lấy từ nguồn nào.",
        "Published rankings (the DTI, the Vietnam ICT Index) are stored as the sources print "
        "them, province by province, ties included; a province no source places is left empty, "
        "never filled in. Ranks among 63 provinces (before 1 July 2025) and among 34 (after the "
        "reform) are two series and are never converted. The table counts the data in use: per "
        "ranking and year, how many provinces have a value and where they come from.",
    ),
    "method.rankings_none": (
        "Dữ liệu đang dùng chưa có bảng xếp hạng tỉnh nào.",
        "The data in use holds no province ranking.",
    ),
    "method.rankings_col_indicator": ("Chỉ tiêu", "Indicator"),
    "method.rankings_col_year": ("Năm · đơn vị hành chính", "Year · unit list"),
    "method.rankings_col_count": ("Số tỉnh có giá trị", "Provinces with a value"),
    "method.rankings_col_sources": ("Nguồn", "Sources"),
    "method.regions": ("Vùng kinh tế - xã hội", "Socio-economic regions"),
    "method.regions_derived": (
        "Trang So sánh tỉnh tô màu các tỉnh cùng vùng theo tệp {file} (đổi tệp khác bằng khóa "
        "`[provinces] regions_file` trong settings.toml). 63 tỉnh trước 1/7/2025 theo sáu vùng "
        "của Quy hoạch tổng thể quốc gia: {old}. Chưa tìm thấy danh sách công bố đầy đủ xếp 34 "
        "tỉnh mới theo vùng, nên vùng của mỗi tỉnh mới được **suy ra** từ các tỉnh cũ hợp "
        "thành (theo bảng chuyển đổi đơn vị năm 2025); khi các tỉnh cũ thuộc hai vùng, "
        "tỉnh mới lấy vùng của tỉnh cũ mà nó giữ tên: {split}.",
        "The Provinces page colours the provinces of a region from {file} (another file with "
        "the `[provinces] regions_file` key of settings.toml). The 63 provinces before 1 July "
        "2025 follow the six regions of the national master plan: {old}. No complete published "
        "grouping of the 34 new provinces was found, so each new province's region is "
        "**derived** from the old provinces it joined (the 2025 unit converter); "
        "where those lay in two regions, it takes the region of the old province whose name it "
        "keeps: {split}.",
    ),
    "method.regions_sourced": (
        "Trang So sánh tỉnh tô màu các tỉnh cùng vùng theo tệp {file} (khóa "
        "`[provinces] regions_file` trong settings.toml). 63 tỉnh trước 1/7/2025: {old}. 34 tỉnh "
        "từ 1/7/2025: {new}.",
        "The Provinces page colours the provinces of a region from {file} (the "
        "`[provinces] regions_file` key of settings.toml). The 63 provinces before 1 July 2025: "
        "{old}. The 34 provinces from 1 July 2025: {new}.",
    ),
}

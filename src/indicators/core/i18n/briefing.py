"""Messages of images, captions and briefing decks (issue 5)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "export.footer": ("Xuất ngày {date} · {org}", "Exported {date} · {org}"),
    # Captions: one sentence per slide, every number from the data.
    "caption.rise": (
        "{indicator} của {region} tăng từ {a} ({pa}) lên {b} ({pb})",
        "{indicator} in {region} rose from {a} ({pa}) to {b} ({pb})",
    ),
    "caption.fall": (
        "{indicator} của {region} giảm từ {a} ({pa}) xuống {b} ({pb})",
        "{indicator} in {region} fell from {a} ({pa}) to {b} ({pb})",
    ),
    "caption.flat": (
        "{indicator} của {region} giữ nguyên ở mức {b} từ {pa} đến {pb}",
        "{indicator} in {region} held at {b} from {pa} to {pb}",
    ),
    "caption.rise.rank": (
        "{indicator} của {region} tăng từ {a} ({pa}) lên {b} ({pb})",
        "{indicator} of {region} improved from {a} ({pa}) to {b} ({pb})",
    ),
    "caption.fall.rank": (
        "{indicator} của {region} tụt từ {a} ({pa}) xuống {b} ({pb})",
        "{indicator} of {region} slipped from {a} ({pa}) to {b} ({pb})",
    ),
    "caption.single": (
        "{indicator} của {region} là {b} ({pb})",
        "{indicator} in {region} was {b} ({pb})",
    ),
    "caption.rank_value": ("hạng {n}", "rank {n}"),
    "caption.no_data": (
        "Chưa có số liệu {indicator} cho lựa chọn này",
        "No figures for {indicator} in this selection",
    ),
    "caption.target_met": (
        "đạt mục tiêu {target} ({period})",
        "meeting the {period} target of {target}",
    ),
    "caption.target_missed": (
        "chưa đạt mục tiêu {target} ({period})",
        "short of the {period} target of {target}",
    ),
    "caption.target_ahead": ("mục tiêu {period}: {target}", "{period} target: {target}"),
    "caption.on_track": (
        "đúng lộ trình để đạt {target} vào {period}",
        "on track for {target} by {period}",
    ),
    "caption.behind": (
        "chậm so với lộ trình để đạt {target} vào {period}",
        "behind the path to {target} by {period}",
    ),
    "caption.leader": ("{when} dẫn đầu là {region} ({value})", "{when} {region} led ({value})"),
    "caption.ranking": (
        "{when}, dẫn đầu về {indicator} là {best} ({best_value}), cuối bảng là {worst} "
        "({worst_value})",
        "{when}, {best} led on {indicator} ({best_value}) and {worst} came last ({worst_value})",
    ),
    "caption.ranking_tie": (
        "{when}, cả {n} {units} đều ở mức {value} về {indicator}",
        "{when}, all {n} {units} were at {value} on {indicator}",
    ),
    "caption.behind_area": (
        "{k}/{n} {units} kém hơn mức của {place} ({value})",
        "{k} of {n} {units} are behind {place} ({value})",
    ),
    "caption.missing_units": ("{n} {units} chưa có số liệu", "{n} {units} have no figures"),
    "caption.units.district": ("huyện", "districts"),
    "caption.units.commune": ("xã, phường", "communes"),
    "caption.when.year": ("năm {label}", "in {label}"),
    "caption.when.other": ("{label}", "in {label}"),
    # A chart named on the command line or in a link that does not exist.
    "chartspec.bad_kind": (
        "Loại biểu đồ '{kind}' không có; chọn một trong: {kinds}",
        "There is no chart kind '{kind}'; choose one of: {kinds}",
    ),
    "chartspec.bad_indicator": (
        "Không có chỉ tiêu mã '{code}' trong danh mục",
        "No indicator with code '{code}' in the catalog",
    ),
    "chartspec.bad_region": (
        "Không có đơn vị mã {codes} trong danh sách đơn vị '{era}'",
        "No unit with code {codes} in unit list '{era}'",
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
    # Decks.
    "deck.title": (
        "Chỉ số CNTT-TT tỉnh {province}",
        "ICT indicators of {province} province",
    ),
    "deck.stamp": (
        "Xuất ngày {date} · Phiên bản dữ liệu {rev}",
        "Exported {date} · Data revision {rev}",
    ),
    "deck.captions_file": ("chu-thich.txt", "captions.txt"),
    "deck.preset.phase_2016_2020": ("Tổng kết giai đoạn 2016–2020", "2016–2020 phase review"),
    "deck.preset.current_year": ("Năm hiện tại", "Current year"),
    # indicators export
    "cli.export_format": (
        "Định dạng '{fmt}' không xuất được; dùng png, svg, pptx hoặc pdf",
        "Cannot export to '{fmt}'; use png, svg, pptx or pdf",
    ),
    "cli.export_one": (
        "Ảnh PNG/SVG chỉ chứa một biểu đồ: chọn một chỉ tiêu, hoặc xuất pptx/pdf",
        "A PNG/SVG image holds one chart: give one indicator, or export pptx/pdf",
    ),
    "cli.export_failed": (
        "Không vẽ được ảnh (cần Chromium: apt-get install chromium): {error}",
        "Could not draw the image (needs Chromium: apt-get install chromium): {error}",
    ),
}

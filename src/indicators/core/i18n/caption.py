"""Captions: the one sentence under a chart or on a slide, every number from the data
(`present.captions`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # A province's name inside a sentence; other units keep their Vietnamese type word.
    "caption.province": ("tỉnh {name}", "{name} province"),
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
    "caption.units.province": ("tỉnh, thành phố", "provinces"),
    "caption.units.district": ("huyện", "districts"),
    "caption.units.commune": ("xã, phường", "communes"),
    "caption.when.year": ("năm {label}", "in {label}"),
    "caption.when.other": ("{label}", "in {label}"),
}

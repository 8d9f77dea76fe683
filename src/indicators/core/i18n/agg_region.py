"""How an indicator adds up over areas (the catalog's `agg_region`), as the Methodology page
explains it."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}

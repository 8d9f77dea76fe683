"""Page names and sections of the navigation."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "nav.overview": ("Tổng quan", "Overview"),
    "nav.trends": ("Xu hướng", "Trends"),
    "nav.regions": ("Địa bàn", "Regions"),
    "nav.provinces": ("So sánh tỉnh", "Provinces"),
    "nav.data": ("Dữ liệu", "Data"),
    "nav.methodology": ("Phương pháp", "Methodology"),
    "nav.upload": ("Tải lên", "Upload"),
    "nav.history": ("Lịch sử", "History"),
    "nav.accounts": ("Tài khoản", "Accounts"),
    "nav.section_view": ("Xem số liệu", "View"),
    "nav.section_update": ("Cập nhật", "Update"),
    "nav.briefing": ("Báo cáo nhanh", "Quick briefing"),
}

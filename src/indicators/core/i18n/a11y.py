"""Words for readers who do not see the charts, or use the keyboard: a chart's text alternative
and its table, the cards' small trend lines, copying a view's link, and the browser tab's title."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "a11y.chart_is": ("Biểu đồ: {title}. {subtitle}", "Chart: {title}. {subtitle}"),
    "a11y.chart_data": ("Số liệu của biểu đồ (bảng)", "The chart's figures (table)"),
    "a11y.rows_shown": (
        "Bảng hiện {shown} trong {n} dòng; tệp CSV có đủ {n} dòng.",
        "The table shows {shown} of {n} rows; the CSV file holds all {n}.",
    ),
    "a11y.download_table": ("Tải bảng (CSV)", "Download the table (CSV)"),
    "a11y.col.series": ("Chuỗi số liệu", "Series"),
    "a11y.col.item": ("Mục", "Item"),
    "a11y.col.value": ("Giá trị", "Value"),
    "a11y.sparkline": (
        "Đường xu hướng {indicator}: {first} ({pa}) đến {last} ({pb}), {n} năm có số liệu",
        "Trend line of {indicator}: {first} ({pa}) to {last} ({pb}), {n} years with figures",
    ),
    "a11y.spark_data": (
        "Số liệu các đường xu hướng trên thẻ (bảng)",
        "The figures of the cards' trend lines (table)",
    ),
    "a11y.col.indicator": ("Chỉ tiêu", "Indicator"),
    "a11y.copy_link": ("Sao chép liên kết", "Copy link"),
    "a11y.copy_link_help": (
        "Sao chép địa chỉ của đúng khung nhìn này (chỉ tiêu, kỳ, địa bàn) để gửi cho người khác",
        "Copy the address of this very view (indicator, period, areas) to send to someone",
    ),
    "a11y.copied": ("Đã sao chép liên kết.", "Link copied."),
    "a11y.copy_failed": (
        "Không sao chép được; hãy chép địa chỉ trên thanh địa chỉ của trình duyệt.",
        "Could not copy; copy the address from the browser's address bar.",
    ),
    "a11y.title": ("{what} — {app}", "{what} — {app}"),
    "a11y.title_sep": (" · ", " · "),
}

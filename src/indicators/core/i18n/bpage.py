"""The Quick briefing page ("Báo cáo nhanh"): adding charts, the deck, downloads and the
presentation view."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "bpage.title": ("Báo cáo nhanh", "Quick briefing"),
    "bpage.intro": (
        "Chọn biểu đồ từ các trang bạn đã xem hoặc từ một bộ có sẵn, sắp xếp thứ tự, rồi tải bộ "
        "trình bày PowerPoint, PDF hoặc ảnh PNG. Mỗi trang có tiêu đề, một câu chú thích tính từ "
        "số liệu, nguồn, phiên bản dữ liệu và ngày xuất. Liên kết của trang này mở lại đúng bộ "
        "biểu đồ đã chọn.",
        "Choose charts from the pages you looked at or from a ready-made set, put them in order, "
        "then download a PowerPoint deck, a PDF or PNG images. Every slide has its title, a "
        "one-sentence caption computed from the data, the source, the data revision and the "
        "export date. This page's link reopens the same charts.",
    ),
    "bpage.views": ("Biểu đồ bạn đã xem", "Charts you looked at"),
    "bpage.views_none": (
        "Chưa có. Mở trang Xu hướng hoặc Địa bàn: mỗi biểu đồ bạn xem ở đó sẽ hiện ở đây "
        "để thêm vào bộ trình bày.",
        "None yet. Open the Trends or Regions page: each chart you look at there appears here, "
        "ready to add to the deck.",
    ),
    "bpage.presets": ("Bộ có sẵn", "Ready-made sets"),
    "bpage.preset_button": ("{name} ({n} biểu đồ)", "{name} ({n} charts)"),
    "bpage.preset_help": (
        "Thêm các biểu đồ của bộ này vào cuối bộ trình bày",
        "Add this set's charts at the end of the deck",
    ),
    "bpage.preset_error": (
        "Không lập được bộ '{name}': {error}",
        "The set '{name}' cannot be made: {error}",
    ),
    "bpage.add": ("Thêm", "Add"),
    "bpage.in_deck": ("Đã có trong bộ", "In the deck"),
    "bpage.kind.trend": ("Xu hướng", "Trend"),
    "bpage.kind.ranking": ("Xếp hạng", "Ranking"),
    "bpage.span": ("{first}–{last}", "{first}–{last}"),
    "bpage.deck": ("Bộ trình bày: {n} biểu đồ", "The deck: {n} charts"),
    "bpage.deck_empty": (
        "Bộ trình bày chưa có biểu đồ nào. Thêm từ các biểu đồ đã xem hoặc một bộ có sẵn.",
        "The deck has no charts yet. Add some you looked at, or a ready-made set.",
    ),
    "bpage.bad_tokens": (
        "Liên kết có {n} biểu đồ không đọc được, đã bỏ qua: {tokens}",
        "The link names {n} charts that cannot be read; they were left out: {tokens}",
    ),
    "bpage.up": ("Lên trước", "Move up"),
    "bpage.down": ("Xuống sau", "Move down"),
    "bpage.remove": ("Bỏ khỏi bộ", "Remove from the deck"),
    "bpage.clear": ("Bỏ hết", "Remove all"),
    "bpage.preview": ("Xem trước biểu đồ", "Preview the charts"),
    "bpage.illustrative": ("có số liệu minh họa", "includes illustrative figures"),
    "bpage.download": ("Tải về", "Download"),
    "bpage.file_lang": ("Ngôn ngữ của tệp", "Language of the files"),
    "bpage.subtitle": ("Dòng phụ trên trang bìa", "Subtitle on the title slide"),
    "bpage.subtitle_default": ("Báo cáo nhanh ngày {date}", "Quick briefing of {date}"),
    "bpage.pptx": ("PowerPoint (.pptx)", "PowerPoint (.pptx)"),
    "bpage.pdf": ("PDF", "PDF"),
    "bpage.zip": ("Ảnh PNG (.zip)", "PNG images (.zip)"),
    "bpage.file_stem": ("bao-cao-nhanh", "briefing"),
    "bpage.wait": (
        "Tệp được tạo khi bạn bấm nút tải: bộ {n} biểu đồ mất khoảng {s} giây (lần đầu thêm vài "
        "giây để khởi động bộ vẽ ảnh).",
        "Files are made when you click a download button: a deck of {n} charts takes about "
        "{s} seconds (a few more the first time, while the image engine starts).",
    ),
    "bpage.present": ("Trình chiếu", "Present"),
    "bpage.present_help": (
        "Mở chế độ trình chiếu: không có thanh bên và thanh công cụ, biểu đồ trong khung 16:9 "
        "cố định để chụp màn hình; phím ← → chuyển trang, Esc để thoát.",
        "Open the presentation view: no sidebar or toolbar, each chart in a fixed 16:9 area for "
        "screenshots; ← → keys change slides, Esc exits.",
    ),
    "bpage.prev": ("‹ Trước", "‹ Previous"),
    "bpage.next": ("Sau ›", "Next ›"),
    "bpage.exit": ("Thoát", "Exit"),
    "bpage.slide_of": ("Trang {i}/{n}", "Slide {i} of {n}"),
    # The image engine is missing: shown in both languages (whoever reads it must fix the server)
    "bpage.no_engine": (
        "Không tạo được ảnh và tệp trình bày: máy chủ thiếu trình duyệt Chromium ({path}) dùng "
        "để vẽ ảnh. Người quản trị cần cài gói `chromium` (apt-get install chromium).",
        "Images and decks cannot be made: the server lacks the Chromium browser ({path}) that "
        "draws them. An administrator needs to install the `chromium` package "
        "(apt-get install chromium).",
    ),
}

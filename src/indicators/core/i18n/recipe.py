"""Recipes: how a published table was read, kept by name (errors of a recipe file, its words on
the Upload and History pages and at the command line)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "recipe.error.too_long": (
        "Tệp công thức quá dài (tối đa {limit} ký tự).",
        "The recipe file is too long (at most {limit} characters).",
    ),
    "recipe.error.not_json": (
        "Tệp công thức không đọc được (không phải JSON).",
        "The recipe file cannot be read (not JSON).",
    ),
    "recipe.error.format": (
        'Đây không phải tệp công thức của Chỉ số CNTT-TT (cần "format": "{format}").',
        'This is not a Chỉ số CNTT-TT recipe file (it needs "format": "{format}").',
    ),
    "recipe.error.version": (
        "Phiên bản công thức {version} chưa được hỗ trợ.",
        "Recipe version {version} is not supported.",
    ),
    "recipe.error.name": (
        "Tên công thức chỉ gồm chữ, số, dấu cách và các dấu . ( ) -, tối đa 80 ký tự.",
        "A recipe name holds letters, digits, spaces and . ( ) - only, at most 80 characters.",
    ),
    "recipe.error.field": (
        "Trường {field} của công thức không hợp lệ.",
        "The recipe's {field} field is not valid.",
    ),
    # -- kept by name: the command line, the History page and the audit trail (helper-recipes)
    "recipe.unknown": (
        "Không có công thức nào tên “{name}”.",
        "There is no recipe named “{name}”.",
    ),
    "recipe.error.not_text": (
        "Tệp công thức phải là văn bản UTF-8 (một tệp .json xuất từ Chỉ số CNTT-TT).",
        "A recipe file must be UTF-8 text (a .json file exported from Chỉ số CNTT-TT).",
    ),
    "recipe.imported": (
        "Đã lưu công thức “{name}” ({series} dãy số được ánh xạ).",
        "Saved the recipe “{name}” ({series} mapped series).",
    ),
    "recipe.cli.same": (
        "Công thức “{name}” đã được lưu y hệt: không thay đổi gì.",
        "The recipe “{name}” is already saved as it is: nothing changed.",
    ),
    "recipe.cli.deleted": (
        "Đã xóa công thức “{name}”; các phiên bản đã dùng nó vẫn giữ bản sao của nó.",
        "Deleted the recipe “{name}”; revisions that used it keep their copy of it.",
    ),
    "recipe.cli.exported": (
        "Đã ghi công thức “{name}” vào {path}.",
        "Wrote the recipe “{name}” to {path}.",
    ),
    "recipe.cli.recognised": (
        "Đã nhận ra bảng: đọc theo công thức đã lưu “{name}”.",
        "The table was recognised: read with the saved recipe “{name}”.",
    ),
    "recipe.cli.needs_mapping": (
        "Bảng này là bảng như khi công bố và chưa có công thức đọc nó: ánh xạ các cột một lần "
        "trên trang Tải lên (công thức được lưu lại), hoặc dùng --recipe TÊN.",
        "This is a table as published and no recipe reads it yet: map its columns once on the "
        "Upload page (the recipe is saved), or give --recipe NAME.",
    ),
    "recipe.history.used": (
        "Phiên bản {rev} được đọc theo công thức “{name}” (nội dung đúng như lúc dùng).",
        "Revision {rev} was read with the recipe “{name}” (its text exactly as used).",
    ),
    "recipe.history.download": ("Tải tệp công thức", "Download the recipe file"),
    "recipe.history.saved_title": ("Công thức đã lưu", "Saved recipes"),
    "recipe.history.saved_intro": (
        "Cách đọc các bảng như khi công bố mà chuyên viên đã xác nhận. Bảng cùng loại lần sau "
        "được đọc tự động. Tải về để dùng ở máy khác, hoặc nhập một tệp công thức.",
        "How analysts confirmed published tables are read. The next edition of the same table "
        "is read by itself. Download one to use elsewhere, or import a recipe file.",
    ),
    "recipe.history.none": ("Chưa lưu công thức nào.", "No recipe saved yet."),
    "recipe.history.col.name": ("Công thức", "Recipe"),
    "recipe.history.col.series": ("Dãy số được ánh xạ", "Mapped series"),
    "recipe.history.col.updated_by": ("Người lưu", "Saved by"),
    "recipe.history.col.updated_at": ("Lưu lúc (giờ Việt Nam)", "Saved at (Vietnam)"),
    "recipe.history.pick": ("Công thức", "Recipe"),
    "recipe.history.import": ("Nhập tệp công thức (.json)", "Import a recipe file (.json)"),
    "recipe.history.import_button": ("Nhập công thức", "Import the recipe"),
}

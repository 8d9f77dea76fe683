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
        "Tên công thức chỉ gồm chữ, số, dấu cách và các dấu . ( ) - /, tối đa 80 ký tự.",
        "A recipe name holds letters, digits, spaces and . ( ) - / only, at most 80 characters.",
    ),
    "recipe.error.field": (
        "Trường {field} của công thức không hợp lệ.",
        "The recipe's {field} field is not valid.",
    ),
}

"""Tables of changed values (the upload preview, the difference between two revisions)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "changes.change": ("Thay đổi", "Change"),
    "changes.kind.new": ("thêm mới", "new"),
    "changes.kind.changed": ("thay đổi", "changed"),
    "changes.kind.removed": ("bỏ đi", "removed"),
    "changes.old": ("Giá trị cũ", "Old value"),
    "changes.new": ("Giá trị mới", "New value"),
    "changes.status_old": ("Trạng thái cũ", "Old status"),
    "changes.status_new": ("Trạng thái mới", "New status"),
}

"""`apage.*`: the Accounts page (admins)."""

MESSAGES = {
    "apage.title": ("Tài khoản", "Accounts"),
    "apage.intro": (
        "Ai được đăng nhập và với vai trò nào. Người xem: xem mọi trang; chuyên viên: thêm "
        "tải lên và lưu số liệu; quản trị: thêm khôi phục phiên bản, quản lý tài khoản và xem "
        "nhật ký. Mọi thay đổi được ghi vào nhật ký truy cập.",
        "Who may sign in, with which role. Viewer: reads every page; analyst: also uploads and "
        "saves data; admin: also restores revisions, manages accounts and reads the audit "
        "trail. Every change is written to the audit trail.",
    ),
    "apage.col.name": ("Tên tài khoản", "Account"),
    "apage.col.role": ("Vai trò", "Role"),
    "apage.col.sign_in": ("Đăng nhập bằng", "Signs in with"),
    "apage.col.state": ("Trạng thái", "State"),
    "apage.col.locked": ("Tạm khóa đến", "Locked until"),
    "apage.password": ("mật khẩu", "password"),
    "apage.sso_only": ("chỉ SSO", "SSO only"),
    "apage.active": ("đang dùng", "active"),
    "apage.disabled": ("vô hiệu hóa", "disabled"),
    "apage.add": ("Thêm tài khoản", "Add an account"),
    "apage.edit": ("Thay đổi tài khoản", "Change an account"),
    "apage.name_help": (
        "Chữ thường không dấu, số và . _ @ + - (có thể dùng địa chỉ thư điện tử).",
        "Lower-case letters, digits and . _ @ + - (an e-mail address fits).",
    ),
    "apage.sso_only_box": (
        "Chỉ đăng nhập qua SSO (không đặt mật khẩu)",
        "Signs in by single sign-on only (no password)",
    ),
    "apage.new_password": ("Mật khẩu mới", "New password"),
    "apage.again": ("Nhập lại mật khẩu", "Password again"),
    "apage.pick": ("Tài khoản", "Account"),
    "apage.set_role": ("Đổi vai trò", "Change the role"),
    "apage.set_password": ("Đặt mật khẩu mới", "Set a new password"),
    "apage.disable": ("Vô hiệu hóa", "Disable"),
    "apage.enable": ("Cho dùng lại", "Enable"),
    "apage.unlock": ("Mở khóa", "Unlock"),
    "apage.added": ("Đã thêm tài khoản {name}.", "Account {name} added."),
    "apage.changed": ("Đã cập nhật tài khoản {name}.", "Account {name} updated."),
}

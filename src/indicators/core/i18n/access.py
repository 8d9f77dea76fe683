"""`access.*`: signing in and out, roles, accounts and the audit trail."""

MESSAGES = {
    "access.denied": (
        "Bạn không có quyền thực hiện việc này ({action}): cần vai trò {needed}. Hãy đăng nhập "
        "bằng tài khoản có quyền.",
        "You may not do this ({action}): it needs the {needed} role. Sign in with an account "
        "that has it.",
    ),
    "access.password.mismatch": (
        "Hai lần nhập mật khẩu không khớp.",
        "The two passwords do not match.",
    ),
    "access.password.short": (
        "Mật khẩu cần ít nhất {n} ký tự.",
        "The password needs at least {n} characters.",
    ),
    "access.password.long": (
        "Mật khẩu dài quá {n} ký tự.",
        "The password is longer than {n} characters.",
    ),
    "access.password.is_name": (
        "Mật khẩu không được trùng tên tài khoản.",
        "The password must not be the account's name.",
    ),
    "access.account.bad_name": (
        "Tên tài khoản “{name}” không hợp lệ: 2–64 ký tự gồm chữ thường không dấu, số "
        "và . _ @ + -.",
        "The account name “{name}” is not valid: 2–64 characters of lower-case letters, digits "
        "and . _ @ + -.",
    ),
    "access.account.bad_role": (
        "Vai trò “{role}” không có: chọn viewer, analyst hoặc admin.",
        "There is no role “{role}”: choose viewer, analyst or admin.",
    ),
    "access.account.exists": (
        "Đã có tài khoản “{name}”.",
        "There is already an account “{name}”.",
    ),
    "access.account.unknown": (
        "Không có tài khoản “{name}”.",
        "There is no account “{name}”.",
    ),
    "access.form.name": ("Tên tài khoản", "Account name"),
    "access.form.password": ("Mật khẩu", "Password"),
    "access.form.wrong": (
        "Sai tên tài khoản hoặc mật khẩu.",
        "Wrong account name or password.",
    ),
    "access.form.locked": (
        "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, đến {until}. Hãy thử lại sau hoặc "
        "nhờ quản trị viên mở khóa.",
        "The account is locked after too many wrong passwords, until {until}. Try again later "
        "or ask an administrator to unlock it.",
    ),
    "access.form.disabled": (
        "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.",
        "The account is disabled. Contact an administrator.",
    ),
    "access.sign_in": ("Đăng nhập", "Sign in"),
    "access.sign_in_sso": ("Đăng nhập bằng tài khoản một cửa (SSO)", "Sign in with single sign-on"),
    "access.sign_out": ("Đăng xuất", "Sign out"),
    "access.signed_in_as": ("Đã đăng nhập: {name} ({role})", "Signed in: {name} ({role})"),
    "access.need_sign_in": (
        "Trang này dành cho cán bộ được phân quyền. Hãy đăng nhập để tiếp tục.",
        "This page is for staff with an account. Sign in to continue.",
    ),
    "access.need_role": (
        "Tài khoản {name} (vai trò {role}) không dùng được trang này: cần vai trò {needed}.",
        "The account {name} (role {role}) cannot use this page: it needs the {needed} role.",
    ),
    "access.role.viewer": ("người xem", "viewer"),
    "access.role.analyst": ("chuyên viên", "analyst"),
    "access.role.admin": ("quản trị", "admin"),
}

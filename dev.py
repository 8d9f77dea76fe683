#!/usr/bin/env python3
"""Set up and run the project with nothing but Python ≥ 3.11 and pip.

    python3 dev.py start   # .venv + the package (+ Debian's chromium as root, for chart images),
                           # then the dashboard on http://localhost:8501
    python3 dev.py test    # .venv + test tools (+ Debian's chromium as root), lint, all tests

Only the standard library is used here, so this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM = Path("/usr/bin/chromium")
APT_PACKAGES = ["chromium", "fonts-noto-core"]
# The services the tests start themselves, on 127.0.0.1, and stop by PID: the shared store
# (PostgreSQL) and the proxy in front of two app servers (nginx). Package → a file it installs.
TEST_SERVICES = {"postgresql": "/usr/lib/postgresql/*/bin/initdb", "nginx": "/usr/sbin/nginx"}
# Debian's convention for "start no service while installing" (containers, CI): exit code 101.
POLICY_RC = Path("/usr/sbin/policy-rc.d")


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def is_root_with_apt() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(packages: list[str]) -> None:
    """Install Debian packages without starting their services: the tests start their own
    PostgreSQL and nginx on 127.0.0.1 and no system-wide server is left running."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    ours = not POLICY_RC.exists()
    if ours:
        POLICY_RC.write_text("#!/bin/sh\nexit 101\n")
        POLICY_RC.chmod(0o755)
    try:
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)
    finally:
        if ours:
            POLICY_RC.unlink(missing_ok=True)


def venv_works() -> bool:
    if not PY.exists():
        return False
    return subprocess.run([str(PY), "-m", "pip", "--version"], capture_output=True).returncode == 0


def create_venv() -> None:
    """A working .venv, or a clear message. Debian's python3 needs python3-venv for this."""
    for attempt in (1, 2):
        shutil.rmtree(VENV, ignore_errors=True)  # never build on a half-made one
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT)
        if venv_works():
            return
        if attempt == 1 and is_root_with_apt():
            version = f"python{sys.version_info.major}.{sys.version_info.minor}"
            apt_install(["python3-venv", f"{version}-venv"])
            continue
        break
    shutil.rmtree(VENV, ignore_errors=True)
    sys.exit(
        "Không tạo được môi trường ảo: hãy cài gói python3-venv (Debian/Ubuntu).\n"
        "Could not create a virtual environment: install python3-venv (Debian/Ubuntu)."
    )


def ensure_venv(extras: str) -> None:
    """Create .venv and install the package; skipped when pyproject.toml has not changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on any python3
        sys.exit(f"Cần Python ≥ 3.11 / Python ≥ 3.11 is required (this is {sys.version})")
    if not venv_works():
        create_venv()
    spec = f".[{extras}]" if extras else "."
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / ".installed"
    installed = stamp.read_text().split() if stamp.exists() else []
    if digest in installed:
        return
    run([PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([PY, "-m", "pip", "install", "--quiet", "-e", spec])
    stamp.write_text("\n".join([*installed, digest]))


def missing_test_packages() -> list[str]:
    """Debian packages the tests need and this machine lacks."""
    missing = []
    if not (CHROMIUM.exists() and Path("/usr/share/fonts/truetype/noto").exists()):
        missing += APT_PACKAGES
    missing += [pkg for pkg, file in TEST_SERVICES.items() if not list(Path("/").glob(file[1:]))]
    return missing


def ensure_test_packages() -> None:
    """Debian's chromium and Noto fonts for the browser tests (no browser download), and
    PostgreSQL and nginx for the shared-store and several-server tests."""
    missing = missing_test_packages()
    if not missing:
        return
    if not is_root_with_apt():
        sys.exit(
            "Các bài kiểm thử cần các gói Debian: " + " ".join(missing) + ". Hãy chạy lệnh "
            "này bằng root trên Debian, hoặc tự cài các gói đó.\n"
            "The tests need these Debian packages: " + " ".join(missing) + ". Run this as "
            "root on Debian/Ubuntu, or install them yourself."
        )
    apt_install(missing)


def start(args: list[str]) -> int:
    ensure_venv("")
    if not CHROMIUM.exists():  # chart images and briefing decks are drawn by Chromium
        if is_root_with_apt():
            apt_install(APT_PACKAGES)
        else:
            print(
                "Chưa có Chromium: bảng điều khiển chạy, nhưng chưa xuất được ảnh và báo cáo.\n"
                "No Chromium: the dashboard runs, but chart images and decks need "
                "'chromium' (apt-get install chromium fonts-noto-core).",
                file=sys.stderr,
            )
    run([PY, "-m", "indicators.cli", "init"])
    cmd = [
        PY,
        "-m",
        "streamlit",
        "run",
        ROOT / "ui" / "server.py",  # the app and its sign-in routes
        "--server.port",
        "8501",
        "--server.address",
        "localhost",
        "--browser.gatherUsageStats",
        "false",
        *args,
    ]
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT)


def test(args: list[str]) -> int:
    ensure_venv("test")
    ensure_test_packages()
    run([BIN / "ruff", "check", "."])
    run([BIN / "ruff", "format", "--check", "."])
    run([BIN / "lint-imports"])  # the layer contract in pyproject.toml
    code = subprocess.call([str(PY), "-m", "pytest", *args], cwd=ROOT)
    if code == 5:
        print("pytest không chạy bài kiểm thử nào / pytest collected no tests", file=sys.stderr)
        return 1
    return code


def main() -> int:
    commands = {"start": start, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    try:
        return commands[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1


if __name__ == "__main__":
    raise SystemExit(main())

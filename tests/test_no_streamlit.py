"""The package is UI-free: importing every module leaves streamlit out of sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import indicators

SCRIPT = """
import importlib, pkgutil, sys
import indicators
names = [m.name for m in pkgutil.walk_packages(indicators.__path__, "indicators.")]
for name in names:
    importlib.import_module(name)
assert len(names) >= 10, names
print(len(names), "streamlit" in sys.modules)
"""


def test_importing_every_module_does_not_import_streamlit():
    names = [m.name for m in pkgutil.walk_packages(indicators.__path__, "indicators.")]
    assert "indicators.store.revisions" in names and "indicators.present.figures" in names
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    count, loaded = out.stdout.split()
    assert int(count) == len(names)
    assert loaded == "False"

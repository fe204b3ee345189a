"""Where Debian's Chromium is (tests/requirements.py decides what a missing one means)."""

import os
import shutil
from pathlib import Path

CHROMIUM = next(
    (p for p in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium")
     if p and Path(p).exists()),
    None,
)

"""Where Debian's Chromium is, and whether CI insists on it (CI_REQUIRE_BROWSER=1)."""

import os
import shutil
from pathlib import Path

CHROMIUM = next(
    (p for p in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium")
     if p and Path(p).exists()),
    None,
)
REQUIRED = os.environ.get("CI_REQUIRE_BROWSER") == "1"

"""Refresh the README's example outputs: every ```console block whose first line is
`$ vntrade ... data/seeds ...` is replaced by what that command prints now, and the screenshot
of the seeds' report (`docs/report.png`) is taken again with headless Chromium.

Run it with the project's venv after a change that alters output: `python scripts/update_readme.py`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "report.png"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                  "--window-size=1280,1600", "--virtual-time-budget=10000",
                  "--run-all-compositor-stages-before-draw")  # fmt: skip
BLOCK = re.compile(r"```console\n\$ (vntrade [^\n]*data/seeds[^\n]*)\n.*?```", re.DOTALL)


def run(command: str) -> str:
    """What `command` prints on a 120-column terminal without colours."""
    vntrade = Path(sys.executable).parent / "vntrade"
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
    args = [str(vntrade), *shlex.split(command)[1:]]
    if "--format" not in command:
        args += ["--format", "table"]
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return done.stdout.rstrip("\n")


def refresh(text: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ {m[1]}\n{run(m[1])}\n```", text)


def screenshot(target: Path = SCREENSHOT) -> None:
    """A picture of the top of `vntrade report data/seeds` as headless Chromium draws it."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print(
            "update_readme: no chromium, screenshot not refreshed (make browser)", file=sys.stderr
        )
        return
    vntrade = Path(sys.executable).parent / "vntrade"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seeds.html"
        subprocess.run([str(vntrade), "report", "data/seeds", "-o", str(page)], cwd=ROOT,
                       capture_output=True, check=True)  # fmt: skip
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
                        f"--screenshot={target}", page.as_uri()],
                       capture_output=True, check=True, timeout=120)  # fmt: skip


def main() -> None:
    names = sys.argv[1:] or ["README.md"]
    for name in names:
        path = ROOT / name
        path.write_text(refresh(path.read_text(encoding="utf-8")), encoding="utf-8")
    if "README.md" in names:
        screenshot()


if __name__ == "__main__":
    main()

"""Refresh the example outputs of the README and of every page in docs/: each ```console
block whose first line is `$ vntrade ... data/seeds ...` is replaced by what that command
prints now, and the screenshots of the seeds' report are taken again with headless Chromium
(`docs/report.png` at 1280 pixels, `docs/report-phone.png` as a 390-pixel-wide phone).

Run it with the project's venv after a change that alters output:
`python scripts/update_readme.py` (all pages), or name pages: `... README.md docs/views.md`.
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
PHONE_SCREENSHOT = ROOT / "docs" / "report-phone.png"
PHONE = {"width": 390, "height": 2200, "pixelRatio": 1}
BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars")  # fmt: skip
CHROMIUM_FLAGS = (*BROWSER_FLAGS, "--window-size=1280,1600", "--virtual-time-budget=10000",
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
    with tempfile.TemporaryDirectory() as tmp:
        page = _seeds_page(Path(tmp))
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
                        f"--screenshot={target}", page.as_uri()],
                       capture_output=True, check=True, timeout=120)  # fmt: skip


def phone_screenshot(target: Path = PHONE_SCREENSHOT) -> None:
    """The top of the seeds' report on a phone 390 CSS pixels wide (Chromium's device
    emulation through Selenium: its own windows are never narrower than 500 pixels)."""
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not (chromium.exists() and driver_path.exists()):
        print("update_readme: no chromium or chromedriver, phone screenshot not refreshed "
              "(make browser)", file=sys.stderr)  # fmt: skip
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    with tempfile.TemporaryDirectory() as tmp:
        page = _seeds_page(Path(tmp))
        options = webdriver.ChromeOptions()
        options.binary_location = str(chromium)
        for flag in (*BROWSER_FLAGS, f"--user-data-dir={tmp}/profile"):
            options.add_argument(flag)
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": PHONE})
        driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
        try:
            driver.get(page.as_uri())
            WebDriverWait(driver, 20).until(
                lambda d: d.find_element("id", "timeline").get_attribute("data-ready")
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(target))
        finally:
            driver.quit()


def _seeds_page(folder: Path) -> Path:
    vntrade = Path(sys.executable).parent / "vntrade"
    page = folder / "seeds.html"
    subprocess.run([str(vntrade), "report", "data/seeds", "-o", str(page)], cwd=ROOT,
                   capture_output=True, check=True)  # fmt: skip
    return page


def pages() -> list[str]:
    """The README and every page of docs/."""
    return ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]


def main() -> None:
    names = sys.argv[1:] or pages()
    for name in names:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        fresh = refresh(text)
        if fresh != text:  # a page whose outputs are already true is left untouched
            path.write_text(fresh, encoding="utf-8")
    if not sys.argv[1:]:
        screenshot()
        phone_screenshot()


if __name__ == "__main__":
    main()

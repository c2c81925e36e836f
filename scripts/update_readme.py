"""Refresh the README's example outputs: every ```console block whose first line is
`$ vntrade ... data/seeds ...` is replaced by what that command prints now.

Run it with the project's venv after a change that alters output: `python scripts/update_readme.py`.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def main() -> None:
    for name in sys.argv[1:] or ["README.md"]:
        path = ROOT / name
        path.write_text(refresh(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()

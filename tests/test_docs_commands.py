"""Every `vntrade ...` command shown in a fenced block of the README and of docs/*.md runs.

A page's commands run in the page's order, in a folder of their own where `data/` and
`tests/` are the repository's and `dumps/` is the seeds, so that a page that makes a store
and then reads it is tested as a reader follows it. A store a page only reads (`--db
news.db` with no ingest before it) is a copy of the seeds' store. Each command must exit 0,
or the code that a `# exit N` comment on its line names. The commands not run are listed in
SKIPPED, each with its reason.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from vntrade.cli import main

pytestmark = pytest.mark.slow  # the real model, stores, worker processes

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(sh|console)\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXIT = re.compile(r"#\s*exit (\d+)")

# Commands shown but not run here, and why.
SKIPPED = {
    "vntrade ingest dumps/ --engine dask --workers 4": "starts a local Dask cluster (test_dask.py)",
    "vntrade ingest dumps/ --engine dask --scheduler tcp://10.0.0.5:8786 --output news-parquet/": (
        "needs a running Dask scheduler"
    ),
}


@dataclass(frozen=True)
class Command:
    page: str
    line: str  # as shown, without the prompt
    args: tuple[str, ...]
    env: tuple[tuple[str, str], ...]
    exit_code: int


def shown_commands(text: str, page: str) -> list[Command]:
    """The vntrade commands of `text`'s fenced sh and console blocks, in order."""
    commands = []
    for kind, body in FENCE.findall(text):
        for raw in body.splitlines():
            line = raw.removeprefix("$ ") if kind == "console" else raw
            if kind == "console" and not raw.startswith("$ "):
                continue  # output, or another machine's prompt (`laptop$ ...`)
            words = shlex.split(line, comments=True)
            env = []
            while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
                env.append(tuple(words.pop(0).split("=", 1)))
            if not words or not (words[0] == "vntrade" or words[0].endswith("/vntrade")):
                continue
            for stop in ("|", ">"):  # a pipe or a redirection: run the vntrade part
                if stop in words:
                    words = words[: words.index(stop)]
            expected = EXIT.search(line)
            shown = line.split(" #")[0].strip()
            commands.append(
                Command(
                    page, shown, tuple(words[1:]), tuple(env), int(expected[1]) if expected else 0
                )
            )
    return commands


ALL = {page.name if page.parent == ROOT else f"docs/{page.name}": page for page in PAGES}
COMMANDS = {name: shown_commands(page.read_text("utf-8"), name) for name, page in ALL.items()}


def test_the_pages_show_commands_and_every_skip_is_still_shown():
    shown = {c.line for commands in COMMANDS.values() for c in commands}
    assert len(COMMANDS["README.md"]) >= 10
    assert all(len(COMMANDS[f"docs/{p}.md"]) for p in ("views", "store", "report", "inputs"))
    assert set(SKIPPED) <= shown, set(SKIPPED) - shown


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, cache) -> Path:
    """The seeds' store, for pages that read a store they do not make."""
    store = tmp_path_factory.mktemp("store") / "seeds.db"
    result = _invoke(["ingest", str(ROOT / "data" / "seeds"), "--db", str(store),
                      "--workers", "1", "-q"], {}, cache)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return store


def _invoke(args: list[str], env: dict[str, str | None], cache: Path):
    env = {"VNTRADE_CACHE_DIR": str(cache), "TERM": "dumb", "COLUMNS": "120",
           "VNTRADE_DB": None, **env}  # fmt: skip
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


def _reads_a_missing_store(command: Command, folder: Path) -> Path | None:
    """The store `command` reads with --db when nothing on its page made it yet."""
    args = list(command.args)
    if "--db" not in args or args[0] == "ingest" or args[:2] == ["db", "import"]:
        return None
    store = folder / args[args.index("--db") + 1]
    return None if store.exists() else store


@pytest.mark.parametrize("page", sorted(name for name, shown in COMMANDS.items() if shown))
def test_every_command_shown_runs(page, tmp_path, monkeypatch, cache, seeds_store):
    commands = [c for c in COMMANDS[page] if c.line not in SKIPPED]
    for name in ("data", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "dumps").symlink_to(ROOT / "data" / "seeds")
    monkeypatch.chdir(tmp_path)
    failed = []
    for command in commands:
        missing = _reads_a_missing_store(command, tmp_path)
        if missing is not None:
            shutil.copyfile(seeds_store, missing)
        result = _invoke(list(command.args), dict(command.env), cache)
        if result.exit_code != command.exit_code:
            failed.append(f"{command.line}: exit {result.exit_code}, {result.stderr[-500:]}")
    assert failed == []


LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#+ (.+)$", re.MULTILINE)


def _anchors(text: str) -> set[str]:
    """GitHub's anchors of `text`'s headings (outside fenced blocks)."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    slugs = set()
    for heading in HEADING.findall(text):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        slugs.add(slug)
    return slugs


@pytest.mark.parametrize("page", sorted(ALL))
def test_links_between_pages_resolve(page):
    source = ALL[page]
    text = re.sub(r"^```.*?^```", "", source.read_text("utf-8"), flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)  # notes to the authors
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        missing = not file.exists()
        if not missing and anchor and file.suffix == ".md":
            missing = anchor not in _anchors(file.read_text("utf-8"))
        if missing:
            broken.append(target)
    assert broken == []

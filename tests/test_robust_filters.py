"""Filters, the report and messages at the edges (issue 20: cases 7, 8, 13 and 14).

Every test goes through the real CLI and checks the exact message and exit code.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from conftest import SEEDS, jsonl
from vntrade.cli import main
from vntrade.corpus import write_txt

pytestmark = pytest.mark.slow  # a store ingested with spaCy, pages rendered

NO_EVENTS = "vntrade: no events match the filters given.\n"
SHAPES = "use YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment in which the seeds' records are cached: the views given the seeds
    read a temporary store made from the cache, as fast as a store made by ingest."""
    env = {"VNTRADE_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "TERM": "dumb",
           "VNTRADE_DEBUG": "1"}  # fmt: skip
    result = CliRunner().invoke(main, ["articles", str(SEEDS)], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    result = CliRunner().invoke(
        main, ["timeline", str(SEEDS), "--format", "jsonl"], env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return env


def _view(cli, store: dict[str, str], *args: str):
    return cli(*args, str(SEEDS), "--format", "jsonl", env=store)


def _report(cli, store: dict[str, str], output: Path | str):
    return cli("report", str(SEEDS), "-o", str(output), env=store)


# -- 7: dates at the ends of the calendar, limits past SQLite's integers ----------------------


@pytest.mark.parametrize("date", ["9999-12-31", "9999-W52", "9999-12", "9999-Q4", "9999", "999"])
def test_since_the_end_of_the_calendar_keeps_nothing(cli, store, date):
    result = _view(cli, store, "timeline", "--since", date)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", NO_EVENTS)


@pytest.mark.parametrize(
    ("option", "date"),
    [("--until", "9999-12-31"), ("--until", "9999-W52"), ("--until", "9999"),
     ("--since", "0001-01-01"), ("--since", "0001")],
)  # fmt: skip
def test_a_range_to_the_ends_of_the_calendar_keeps_everything(cli, store, option, date):
    everything = _view(cli, store, "timeline")
    result = _view(cli, store, "timeline", option, date)
    assert (result.exit_code, result.stderr) == (0, "")
    assert jsonl(result) == jsonl(everything) != []


def test_until_the_first_day_of_the_calendar_keeps_nothing(cli, store):
    result = _view(cli, store, "timeline", "--until", "0001-01-01")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", NO_EVENTS)


@pytest.mark.parametrize("date", ["9999-12-31", "9999-W52", "9999"])
def test_compare_an_event_at_the_end_of_the_calendar(cli, store, date):
    result = cli("compare", str(SEEDS), "--event", date, "--format", "json", env=store)
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == {"clusters": [], "singletons": []}


def test_directives_as_of_the_ends_of_the_calendar(cli, store):
    late = _view(cli, store, "directives", "--as-of", "9999-12-31")
    early = _view(cli, store, "directives", "--as-of", "0001-01-01")
    assert (late.exit_code, late.stderr, early.exit_code, early.stderr) == (0, "", 0, "")
    assert {(row["deadline"], row["status"]) for row in jsonl(late)} == {
        (row["deadline"], "overdue" if row["deadline"] else None) for row in jsonl(early)
    }
    assert {row["status"] for row in jsonl(early) if row["deadline"]} == {"open"}


@pytest.mark.parametrize(
    ("date", "why"),
    [("0000-01-01", "is not on the calendar: years run from 0001 to 9999."),
     ("0000", "is not on the calendar: years run from 0001 to 9999."),
     ("2025-02-30", "is not on the calendar: there is no such day in 2025."),
     ("2025-13", "is not on the calendar: there is no such month in 2025."),
     ("2025-W53", "is not on the calendar: there is no such week in 2025."),
     ("000", f"is not a date; {SHAPES}"),
     ("XXXX-04-22", f"is not a date; {SHAPES}")],
)  # fmt: skip
def test_a_date_off_the_calendar_is_a_usage_error(cli, store, date, why):
    result = _view(cli, store, "timeline", "--since", date)
    assert result.exit_code == 2
    assert result.stderr == f"vntrade: error: Invalid value for '--since': '{date}' {why}\n"


@pytest.mark.parametrize("command", ["timeline", "compare"])
@pytest.mark.parametrize("limit", ["9223372036854775807", "9223372036854775808", "1" + "0" * 30])
def test_a_limit_past_sqlite_integers_is_all(cli, store, command, limit):
    everything = _view(cli, store, command, "--limit", "0")
    result = _view(cli, store, command, "--limit", limit)
    assert (result.exit_code, result.stderr) == (0, "")
    assert jsonl(result) == jsonl(everything) != []


def test_articles_at_the_ends_of_the_calendar_are_ingested_and_shown(cli, tmp_path):
    """`next year` written on 9999-12-30 and `last year` on 0001-01-02 are past the calendar:
    those expressions get no value, the articles and their other dates are kept."""
    dump = tmp_path / "edges.jsonl"
    rows = [
        ("x1", "9999-06-01", "The ministry met US officials on Monday and will meet next week."),
        ("x2", "9999-12-30", "The ministry met US officials on Monday; talks go on next year."),
        ("x3", "0001-01-02", "The ministry met US officials on Monday, as it did last year."),
    ]
    dump.write_text(
        "".join(
            json.dumps({"id": i, "published": day, "text": f"HANOI (VNA) - {text}"}) + "\n"
            for i, day, text in rows
        )
    )
    db = tmp_path / "edges.db"
    result = cli("ingest", str(dump), "--db", str(db), "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    days = [entry["date"] for entry in jsonl(cli("timeline", "--db", str(db), "--format", "jsonl"))]
    assert "9999-12-27" in days and "0001-01-01" in days


@pytest.mark.parametrize("command", ["timeline", "compare"])
def test_a_negative_limit_is_a_usage_error(cli, store, command):
    result = _view(cli, store, command, "--limit", "-1")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "vntrade: error: Invalid value for '--limit': -1 is not in the range x>=0."
    )


# -- 14b: a bad DATE names the option typed ----------------------------------------------------


@pytest.mark.parametrize(
    ("command", "option"),
    [("timeline", "--since"), ("timeline", "--until"), ("compare", "--event"),
     ("directives", "--as-of")],
)  # fmt: skip
def test_a_bad_date_names_the_option_typed(cli, store, command, option):
    result = _view(cli, store, command, option, "BAD")
    assert result.exit_code == 2
    message = f"Invalid value for '{option}': 'BAD' is not a date; {SHAPES}"
    assert result.stderr == f"vntrade: error: {message}\n"


# -- 8: names are text in the report, never markup ---------------------------------------------

LINK = '<a href="https://example.com/x">Link</a>'
BOLD = "<b>Bold</b> & Co"
DURIAN = "<i>durian</i>"
MARKUP_ARTICLE = """{title}

HANOI, April 10, 2025 ({agency}) - Linkco Trading signed an agreement with Boldco Group on \
April 9, 2025 to export durian fruit to the United States.

Prime Minister Pham Minh Chinh asked Boldco Group to finalise the durian fruit contract by \
April 30.
"""
DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.DOTALL)
# The page's own script with a stand-in DOM and Plotly: prints every figure it draws.
FIGURES_JS = r"""
const fs = require("fs");
const html = fs.readFileSync(process.argv[2], "utf8");
const block = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/;
const data = html.match(block)[1];
const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].at(-1)[1];
const element = () => {
  const own = { value: "", textContent: "" };
  return new Proxy(function () {}, {
    get: (_, key) => key === Symbol.iterator ? function* () {} : key === "then" ? undefined
      : key in own ? own[key] : element(),
    set: (_, key, value) => { own[key] = value; return true; },
    apply: () => element(),
    construct: () => element(),
  });
};
const figures = [];
const draw = (id, traces, layout) => {
  figures.push({ id: typeof id === "string" ? id : "timeline", traces, layout });
  return Promise.resolve();
};
globalThis.Plotly = { react: draw, newPlot: draw };
globalThis.Option = function () {};
globalThis.document = new Proxy({}, {
  get: (_, key) => key === "getElementById"
    ? (id) => (id === "report-data" ? { textContent: data } : element())
    : element(),
});
new Function(script)();
setTimeout(() => process.stdout.write(JSON.stringify(figures)), 0);
"""


def markup_names(folder: Path) -> tuple[Path, Path, Path]:
    """Two reports of one agreement naming an actor, an actor and a good whose names are
    markup; their --actors and --commodities files."""
    articles = folder / "articles"
    articles.mkdir()
    for agency, title in (("VNA", "Linkco and Boldco sign durian deal"), ("VOV", "Durian deal")):
        text = MARKUP_ARTICLE.format(title=title, agency=agency)
        (articles / f"{agency.lower()}.txt").write_text(text, encoding="utf-8")
    actors = folder / "actors.jsonl"
    actors.write_text(
        json.dumps({"name": LINK, "type": "ORG", "aliases": ["Linkco Trading"]}) + "\n"
        + json.dumps({"name": BOLD, "type": "ORG", "aliases": ["Boldco Group"]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    goods = folder / "commodities.jsonl"
    goods.write_text(
        json.dumps({"name": DURIAN, "category": "agriculture", "aliases": ["durian fruit"]}),
        encoding="utf-8",
    )
    return articles, actors, goods


def plotly_text(text: str) -> str:
    """`text` as Plotly must be given it to show it as is."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@pytest.fixture(scope="module")
def markup_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("markup")
    articles, actors, goods = markup_names(folder)
    page = folder / "report.html"
    env = {"VNTRADE_CACHE_DIR": str(folder / "cache"), "TERM": "dumb", "VNTRADE_DEBUG": "1"}
    result = CliRunner().invoke(
        main,
        ["report", str(articles), "--actors", str(actors), "--commodities", str(goods),
         "-o", str(page)],
        env=env, catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"vntrade: wrote {page}: 2 articles, {page.stat().st_size:,} bytes.\n"
    return page


def test_names_in_the_report_tables_are_text(markup_page):
    html = markup_page.read_text(encoding="utf-8")
    data = json.loads(DATA.search(html)[1])
    # The data carries the names as they are; the page holds no tag of them.
    assert {LINK, BOLD} <= set(data["cooccurrence"]["names"])
    assert data["commodity_months"]["names"] == [DURIAN]
    for tag in ('<a href="https://example.com', "<b>Bold", "<i>durian"):
        assert tag not in html
    # The cluster's facts and the directive table show them as text (Jinja's escaping).
    assert ">&lt;a href=&#34;https://example.com/x&#34;&gt;Link&lt;/a&gt;</button>" in html
    assert ">&lt;b&gt;Bold&lt;/b&gt; &amp; Co</button>" in html
    assert "<td>&lt;b&gt;Bold&lt;/b&gt; &amp; Co</td>" in html  # the directive's addressee


def test_names_in_the_report_charts_are_text(markup_page, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the figures cannot be drawn outside a browser")
    script = tmp_path / "figures.js"
    script.write_text(FIGURES_JS, encoding="utf-8")
    drawn = subprocess.run(
        [node, str(script), str(markup_page)], capture_output=True, text=True, timeout=60
    )
    assert drawn.returncode == 0, drawn.stderr
    figures = {figure["id"]: figure for figure in json.loads(drawn.stdout)}
    # The heatmaps are HTML tables (Jinja escapes them; test_report_browser reads them).
    assert set(figures) == {"timeline", "months"}
    for figure in figures.values():
        for text in strings(figure):
            for tag in ("<a", "<b>Bold", "<i>"):
                assert tag not in text, (figure["id"], text)
    hovers = [t for trace in figures["timeline"]["traces"] for t in trace.get("text", [])]
    assert any(
        f"<b>Actors:</b> {plotly_text(LINK)}, {plotly_text(BOLD)}" in text for text in hovers
    ), hovers


# -- 13: a page is written whole or not at all ---------------------------------------------------


@pytest.fixture
def old_page(tmp_path) -> Path:
    page = tmp_path / "out" / "report.html"
    page.parent.mkdir()
    page.write_text("the report of last week", encoding="utf-8")
    page.chmod(0o640)
    return page


def test_a_full_disk_leaves_the_older_page_as_it_was(cli, store, old_page, monkeypatch):
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = _report(cli, store, str(old_page))
    assert result.exit_code == 1
    assert result.stderr == f"vntrade: error: cannot write {old_page}: No space left on device.\n"
    assert old_page.read_text(encoding="utf-8") == "the report of last week"
    assert [p.name for p in old_page.parent.iterdir()] == ["report.html"]


def test_a_full_disk_leaves_no_page(cli, store, tmp_path, monkeypatch):
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    page = tmp_path / "new.html"
    result = _report(cli, store, str(page))
    assert result.exit_code == 1
    assert result.stderr == f"vntrade: error: cannot write {page}: No space left on device.\n"
    assert list(tmp_path.iterdir()) == []


def test_an_error_while_rendering_leaves_the_older_page(cli, store, old_page, monkeypatch):
    from vntrade.report import page as report_page

    def broken(data, title=report_page.TITLE):
        raise RuntimeError("the template broke")

    monkeypatch.setattr(report_page, "render_page", broken)
    without_debug = {**store, "VNTRADE_DEBUG": None}  # the message, not the traceback
    result = cli("report", str(SEEDS), "-o", str(old_page), env=without_debug)
    assert result.exit_code == 1
    assert result.stderr == (
        "vntrade: error: internal error (RuntimeError: the template broke). This is a bug in "
        "vntrade: run the command again with VNTRADE_DEBUG=1 to see where, and report it.\n"
    )
    assert old_page.read_text(encoding="utf-8") == "the report of last week"
    assert [p.name for p in old_page.parent.iterdir()] == ["report.html"]


def test_a_new_page_replaces_the_older_one_with_its_permissions(cli, store, old_page):
    result = _report(cli, store, str(old_page))
    assert result.exit_code == 0, result.stderr
    assert old_page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(old_page.stat().st_mode) == 0o640
    assert [p.name for p in old_page.parent.iterdir()] == ["report.html"]


def test_a_new_page_gets_the_permissions_of_a_new_file(cli, store, tmp_path):
    umask = os.umask(0o022)
    try:
        result = _report(cli, store, str(tmp_path / "new.html"))
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "new.html").stat().st_mode) == 0o644


def test_a_page_is_written_through_a_symbolic_link(cli, store, old_page):
    link = old_page.parent / "latest.html"
    link.symlink_to(old_page.name)
    result = _report(cli, store, str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert old_page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_page_is_written_into_a_pipe_as_it_is(cli, store, tmp_path):
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()))
    reader.start()
    result = _report(cli, store, str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert read[0].startswith(b"<!DOCTYPE html>")


# -- 14a: a killed run leaves no foreign line on stderr -------------------------------------------


def test_sigkill_of_the_driver_leaves_only_vntrade_lines_on_stderr(tmp_path):
    corpus = tmp_path / "corpus"
    write_txt(corpus, 2000, seed=3)
    command = [sys.executable, "-m", "vntrade", "ingest", str(corpus), "--db",
               str(tmp_path / "news.db"), "--workers", "2", "--batch-size", "8"]  # fmt: skip
    env = {**os.environ, "VNTRADE_CACHE_DIR": str(tmp_path / "cache")}
    driver = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 90
    family: list[psutil.Process] = []
    while len([p for p in family if "python" in p.name()]) < 4:  # tracker, forkserver, 2 workers
        assert driver.poll() is None, driver.stderr.read()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.2)
        family = psutil.Process(driver.pid).children(recursive=True)
    time.sleep(2)  # the workers are busy: the pool's semaphores are taken
    family = psutil.Process(driver.pid).children(recursive=True)
    driver.send_signal(signal.SIGKILL)
    driver.wait(timeout=10)
    psutil.wait_procs(family, timeout=20)
    driver.stdout.read()
    stderr = driver.stderr.read().decode()
    assert [line for line in stderr.splitlines() if not line.startswith("vntrade:")] == []

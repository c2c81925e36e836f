"""The seeds' report as a browser renders it: Debian's headless Chromium driven by Selenium.

Outside CI the tests are skipped when Chromium or its driver is missing (install them with
`make browser`); under CI (`CI=true`) that is a failure, so that they never go silently
unrun. Nothing is downloaded: driver and browser are given by path.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from vntrade.cli import main

pytestmark = pytest.mark.slow  # worker processes, a cluster or a browser


CHROMIUM = os.environ.get("VNTRADE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("VNTRADE_CHROMEDRIVER", "/usr/bin/chromedriver")
SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--window-size=1280,1600")  # fmt: skip
PHONE_WIDTH = 390


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


def _vntrade(*args: str, cache: Path) -> str:
    result = CliRunner().invoke(
        main, list(args), env={"VNTRADE_CACHE_DIR": str(cache), "TERM": "dumb"},
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def views(tmp_path_factory) -> dict:
    """The seeds' page and what `timeline` and `directives` print for the seeds."""
    cache = tmp_path_factory.mktemp("cache")
    page = tmp_path_factory.mktemp("report") / "seeds.html"
    _vntrade("report", str(SEEDS), "-o", str(page), cache=cache)
    timeline = _vntrade("timeline", str(SEEDS), "--format", "json", cache=cache)
    directives = _vntrade("directives", str(SEEDS), "--format", "json", cache=cache)
    return {"page": page, "timeline": json.loads(timeline), "directives": json.loads(directives)}


@pytest.fixture(scope="module")
def browser(views, tmp_path_factory):
    with _opened(views["page"], tmp_path_factory) as driver:
        yield driver


@contextlib.contextmanager
def _opened(page: Path, tmp_path_factory, phone: bool = False):
    """Headless Chromium showing `page`, once its timeline is drawn; as a phone 390 CSS
    pixels wide when `phone` (Chromium's own windows are never narrower than 500)."""
    missing = _missing()
    if missing:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"the browser tests cannot run under CI: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    if phone:
        metrics = {"width": PHONE_WIDTH, "height": 844, "pixelRatio": 2}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(page.as_uri())
        _wait(driver, lambda d: d.find_element("id", "timeline").get_attribute("data-ready"))
        yield driver
    finally:
        driver.quit()


def _wait(driver, condition, timeout: float = 10):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _marks(driver) -> list:
    return driver.find_elements("css selector", "#timeline .scatterlayer path.point")


def _hover_text(driver, mark) -> str:
    from selenium.webdriver.common.action_chains import ActionChains

    labels = "#timeline .hoverlayer .hovertext"
    # Away first, so that the label read is this mark's and not the last one's.
    ActionChains(driver).move_to_element(driver.find_element("id", "corpus")).perform()
    _wait(driver, lambda d: not d.find_elements("css selector", labels))
    ActionChains(driver).move_to_element(mark).perform()
    return _wait(driver, lambda d: " ".join(
        h.text for h in d.find_elements("css selector", labels)
    ))  # fmt: skip


def _reader_sentence(driver, button) -> str:
    button.click()
    reader = driver.find_element("id", "reader")
    _wait(driver, lambda d: reader.is_displayed())
    mark = reader.find_element("tag name", "mark")
    assert mark.is_displayed()
    text = mark.text
    driver.find_element("id", "reader-close").click()
    assert not reader.is_displayed()
    return text


def test_one_mark_per_timeline_entry(browser, views):
    assert len(_marks(browser)) == len(views["timeline"]) == 9


def test_hovering_and_tapping_a_mark_tells_the_event_and_its_reports(browser, views):
    from selenium.webdriver.common.action_chains import ActionChains

    [meeting] = [
        e for e in views["timeline"] if (e["date"], e["kind"]) == ("2025-04-29", "meeting")
    ]
    texts = {mark: _hover_text(browser, mark) for mark in _marks(browser)}
    [mark] = [m for m, text in texts.items() if text.startswith("2025-04-29") and "meeting" in text]
    assert "Pham Minh Chinh chaired a meeting" in texts[mark]
    assert "Reported by: 2 articles (VNA, VOV)" in texts[mark]
    # A real click lands on Plotly's drag layer above the mark, as a tap does.
    ActionChains(browser).move_to_element(mark).click().perform()
    details = browser.find_element("id", "event-details")
    _wait(browser, lambda d: details.is_displayed())
    buttons = details.find_elements("css selector", "button.fact")
    assert [b.text.split()[0] for b in buttons] == meeting["articles"]
    # The second report's button shows its own sentence, highlighted in its article.
    assert _reader_sentence(browser, buttons[1]) == meeting["evidence"][1]["sentence"]


def test_the_2025_04_29_cluster_lists_both_reports(browser):
    cluster = browser.find_element("css selector", '.cluster[data-date="2025-04-29"]')
    reports = cluster.find_element("css selector", ".reports").text
    assert reports.startswith("2 reports")
    assert "000_a6d94dcbb98d2318 (VNA)" in reports and "001_3a2340998392e8b3 (VOV)" in reports
    columns = [th.text for th in cluster.find_elements("css selector", "thead .article-id")]
    assert columns == ["000_a6d94dcbb98d2318", "001_3a2340998392e8b3"]


def test_clicking_a_fact_shows_its_evidence_sentence(browser, views):
    [order] = [d for d in views["directives"] if d["deadline"] == "2025-04-30"]
    cluster = browser.find_element("css selector", '.cluster[data-date="2025-04-29"]')
    [fact] = [
        b for b in cluster.find_elements("css selector", "button.fact:not(.ref)")
        if order["action"] in b.text
    ]  # fmt: skip
    assert _reader_sentence(browser, fact) == order["evidence"][0]
    # The reader shows the whole article around it.
    assert len(browser.find_element("id", "reader-text").get_attribute("textContent")) > 1000


def test_filters_redraw_the_timeline(browser, views):
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "filter-kind")).select_by_value("deadline")
    deadlines = [e for e in views["timeline"] if e["kind"] == "deadline"]
    _wait(browser, lambda d: len(_marks(d)) == len(deadlines))
    Select(browser.find_element("id", "filter-actor")).select_by_value("Nguyen Hong Dien")
    _wait(browser, lambda d: len(_marks(d)) == 0)
    browser.find_element("id", "filter-reset").click()
    _wait(browser, lambda d: len(_marks(d)) == len(views["timeline"]))


def test_directives_sort_by_a_column(browser):
    table = browser.find_element("id", "directive-table")
    reports = table.find_element("css selector", "th:last-child")
    reports.click()
    reports.click()  # descending
    first = table.find_element("css selector", "tbody tr td:last-child").text
    assert first == "2"


def test_no_console_errors(browser):
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


# -- names are text, never markup (issue 20, case 8) --------------------------------------


@pytest.fixture(scope="module")
def markup_browser(tmp_path_factory):
    """The page of two reports naming actors and a good whose names are markup."""
    from test_robust_filters import markup_names

    folder = tmp_path_factory.mktemp("markup")
    articles, actors, goods = markup_names(folder)
    page = folder / "report.html"
    options = ("--actors", str(actors), "--commodities", str(goods), "-o", str(page))
    _vntrade("report", str(articles), *options, cache=folder / "cache")
    with _opened(page, tmp_path_factory) as driver:
        yield driver


def test_names_in_the_charts_are_text_and_never_links(markup_browser):
    from test_robust_filters import BOLD, DURIAN, LINK

    charts = "#timeline, #months"
    assert markup_browser.find_elements("css selector", f"{charts} svg")
    assert markup_browser.find_elements("css selector", ":is(" + charts + ") svg a") == []

    # The heatmaps are tables: each name is a header cell's text, never an element.
    def headers(table: str, where: str) -> list[str]:
        cells = markup_browser.find_elements("css selector", f"#{table} {where} th")
        return [cell.get_attribute("textContent") for cell in cells if cell.text]

    assert {LINK, BOLD} <= set(headers("cooccurrence", "tbody")) & set(
        headers("cooccurrence", "thead")
    )
    assert headers("commodity-months", "tbody") == [DURIAN]
    assert markup_browser.find_elements("css selector", ".heat a, .heat b, .heat i") == []
    cells = markup_browser.find_elements("css selector", "#cooccurrence tbody th")
    assert [cell.get_attribute("innerHTML") for cell in cells if "Link" in cell.text] == [
        '&lt;a href="https://example.com/x"&gt;Link&lt;/a&gt;'
    ]
    [mark] = [m for m in _marks(markup_browser) if "agreement" in _hover_text(markup_browser, m)]
    assert f"Actors: {LINK}, {BOLD}" in _hover_text(markup_browser, mark)


# -- the page on a phone, 390 CSS pixels wide (issue 23) -----------------------------------


@pytest.fixture(scope="module")
def phone(views, tmp_path_factory):
    with _opened(views["page"], tmp_path_factory, phone=True) as driver:
        yield driver


def _right_edges(driver, selector: str) -> list[float]:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".map((e) => e.getBoundingClientRect().right)",
        selector,
    )


def test_nothing_is_cut_off_at_phone_width(phone):
    width = phone.execute_script("return window.innerWidth")
    assert width == PHONE_WIDTH
    assert phone.execute_script("return document.body.scrollWidth") <= width
    assert phone.execute_script("return document.documentElement.scrollWidth") <= width
    # Every card, chart and table box ends inside the screen; wide tables scroll inside.
    boxes = ".chart, .cluster, .table-wrap, .card, #filters, header, main > section"
    assert all(right <= width for right in _right_edges(phone, boxes))


def test_wide_tables_scroll_inside_their_card_with_a_hint(phone):
    for selector in (".cluster .table-wrap", "#directives .table-wrap"):
        wrap = phone.find_element("css selector", selector)
        assert phone.execute_script(
            "return arguments[0].scrollWidth > arguments[0].clientWidth", wrap
        )
        hint = phone.execute_script("return arguments[0].previousElementSibling", wrap)
        assert "scroll-hint" in hint.get_attribute("class")
        assert hint.is_displayed() and "Scroll sideways" in hint.text


def test_charts_fit_the_screen_and_have_no_toolbar(phone):
    for chart in ("timeline", "months"):
        fits = phone.execute_script(
            "const g = document.getElementById(arguments[0]);"
            "return [g._fullLayout.width, g.clientWidth + 2]",
            chart,
        )
        assert fits[0] <= fits[1] <= PHONE_WIDTH, chart
    assert len(_marks(phone)) == 9
    # Plotly's modebar would cover the chart's top rows on a phone: there is none.
    bars = phone.find_elements("css selector", ".modebar")
    assert [bar for bar in bars if bar.is_displayed()] == []


def test_no_console_errors_at_phone_width(phone):
    assert [entry for entry in phone.get_log("browser") if entry["level"] == "SEVERE"] == []


def test_no_toolbar_and_no_needless_hint_at_desktop_width(browser):
    assert browser.find_elements("css selector", ".modebar-container .modebar") == []
    hint = browser.execute_script(
        "return document.querySelector('#directives .table-wrap').previousElementSibling"
    )
    assert not hint.is_displayed()  # the directive table fits 1280 pixels


@pytest.fixture(scope="module")
def large_phone(tmp_path_factory):
    """The page of 300 generated articles (many actors, long names) on a phone."""
    from vntrade.batch import PipelineSpec
    from vntrade.corpus.events import make_event_corpus
    from vntrade.ingest import import_records
    from vntrade.store import Store

    folder = tmp_path_factory.mktemp("large")
    fingerprint = PipelineSpec().fingerprint()

    def pairs():
        for article in make_event_corpus(300, 0):
            record = article.record()
            del record["event"]
            yield record, fingerprint

    with Store.open(folder / "large.db", create=True) as store:
        import_records(store, pairs())
    page = folder / "large.html"
    _vntrade("report", "--db", str(folder / "large.db"), "-o", str(page), cache=folder)
    with _opened(page, tmp_path_factory, phone=True) as driver:
        yield driver


def test_a_large_page_fits_a_phone_too(large_phone):
    assert large_phone.execute_script("return document.body.scrollWidth") <= PHONE_WIDTH
    assert all(right <= PHONE_WIDTH for right in _right_edges(large_phone, "#filters *, .card"))
    assert [e for e in large_phone.get_log("browser") if e["level"] == "SEVERE"] == []

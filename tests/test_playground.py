"""The playground page in a real headless Chromium (Debian's chromium + chromedriver, driven by selenium).

Not skipped when the browser is missing: the fixture runs scripts/setup_browser.sh once (apt-get and
pip), and fails with the exact command to run when the browser is still not there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecomintent.serve import ServeSettings, create_app

from .test_serve import FakeClassifier, expected_intent, running

ROOT = Path(__file__).resolve().parents[1]
SETUP = ROOT / "scripts" / "setup_browser.sh"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def _browser_paths() -> tuple[str | None, str | None, bool]:
    chromium = next((p for p in map(shutil.which, CHROMIUM) if p), None)
    driver = shutil.which("chromedriver")
    try:
        import selenium  # noqa: F401

        has_selenium = True
    except ImportError:
        has_selenium = False
    return chromium, driver, has_selenium


@pytest.fixture(scope="session")
def browser_paths():
    chromium, driver, has_selenium = _browser_paths()
    if not (chromium and driver and has_selenium):
        r = subprocess.run(["bash", str(SETUP), sys.executable], capture_output=True, text=True, timeout=900)
        chromium, driver, has_selenium = _browser_paths()
        if not (chromium and driver and has_selenium):
            pytest.fail(
                "the playground test needs Chromium, ChromeDriver and selenium, and installing them failed; "
                f"run `bash scripts/setup_browser.sh` (as root: apt-get install -y chromium chromium-driver; "
                f"pip install selenium):\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
            )
    return chromium, driver


@pytest.fixture
def browser(browser_paths, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = browser_paths
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager must not try to download anything
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1000,900", f"--user-data-dir={tmp_path / 'chrome-profile'}",
    ):  # fmt: skip
        opts.add_argument(arg)
    d = webdriver.Chrome(options=opts, service=Service(executable_path=driver))
    d.set_page_load_timeout(30)
    try:
        yield d
    finally:
        d.quit()


def wait_text(browser, css: str, predicate, timeout: float = 15) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def check(d):
        t = d.find_element(By.CSS_SELECTOR, css).text
        return t if predicate(t) else False

    return WebDriverWait(browser, timeout).until(check)


def test_type_a_query_and_read_the_answer(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    fake = FakeClassifier()
    with running(create_app(fake, ServeSettings(max_chars=100))) as srv:
        browser.get(srv.url + "/")
        assert browser.title == "ecomintent playground"
        wait_text(browser, "#model", lambda t: "fake-q4.gguf" in t and "6 intents" in t)
        assert not browser.find_element(By.ID, "api-key").is_displayed()  # no key on this server

        box = browser.find_element(By.ID, "query")
        box.send_keys("where is my order?", Keys.ENTER)
        assert wait_text(browser, "#intent", lambda t: t == "order_status")
        assert browser.find_element(By.ID, "confidence").text == "75.0%"
        assert browser.find_element(By.ID, "confidence-bar").get_attribute("style") == "width: 75%;"
        assert browser.find_element(By.ID, "description").text == "about order status"
        alts = browser.find_elements(By.CSS_SELECTOR, "#alternatives .alternative .name")
        assert len(alts) == 4 and "order_status" not in [a.text for a in alts]  # top 5 minus the intent
        browser.save_screenshot(str(tmp_path / "playground.png"))

        # every language's example is one click away, and answers
        examples = browser.find_elements(By.CSS_SELECTOR, ".example")
        langs = [e.get_attribute("data-lang") for e in examples]
        assert langs == ["en", "de", "fr", "es", "it", "pt", "pl", "hr"]
        for e in examples:
            text = browser.execute_script("return arguments[0].lastChild.textContent", e)
            e.click()
            wait_text(browser, "#intent", lambda t, text=text: t == expected_intent(text)
                      and browser.find_element(By.ID, "result").get_attribute("data-query") == text)  # fmt: skip
            assert box.get_attribute("value") == text

        # a limit shows the server's message
        box.clear()
        box.send_keys("x" * 150, Keys.ENTER)
        assert "100 characters" in wait_text(browser, "#error", lambda t: bool(t))
    assert sum(len(b) for b in fake.batches) == 1 + len(examples)


def test_the_page_asks_for_the_api_key(browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with running(create_app(FakeClassifier(), ServeSettings(api_key="page-key"))) as srv:
        browser.get(srv.url + "/")
        wait_text(browser, "#model", lambda t: "unavailable" in t)
        key = browser.find_element(By.ID, "api-key")
        assert key.is_displayed()
        browser.find_element(By.ID, "query").send_keys("please cancel it", Keys.ENTER)
        assert "API key" in wait_text(browser, "#error", lambda t: bool(t))
        key.send_keys("page-key", Keys.TAB)  # change event: labels reload with the key
        wait_text(browser, "#model", lambda t: "fake-q4.gguf" in t)
        browser.find_element(By.ID, "classify").click()
        assert wait_text(browser, "#intent", lambda t: t == "cancel_order")
        assert not browser.find_element(By.ID, "error").is_displayed()

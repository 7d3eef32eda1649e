"""Headless Chromium for the checks: Debian's chromium and chromedriver, offline.

Every host but 127.0.0.1 is blocked, so a stray request fails at once and shows
up in the network log instead of stalling the test.
"""

from __future__ import annotations

import json
import shutil
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from sitepipeline.project import find_root

ROOT = find_root()
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-extensions", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
PHONE = (375, 812)
DESKTOP = (1280, 900)


def missing_tools() -> list[str]:
    found = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    if not AXE.is_file():
        found.append(str(AXE))
    return found


@contextmanager
def chromium(size: tuple[int, int] = DESKTOP, javascript: bool = True):
    """A WebDriver session of headless Chromium at the given window size."""
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # An explicit driver path: Selenium never tries to download one.
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    # Headless Chromium will not make a window narrower than 500 px: emulate the size
    # itself, as a phone (touch, the page's viewport meta) below 600 px.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[0] < 600})
    if size[0] < 600:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        yield driver
    finally:
        driver.quit()


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the log was last read."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def axe_violations(driver) -> list[dict]:
    """Run axe-core (every rule, best practices included) on the current page."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
        "  id: v.id, impact: v.impact, help: v.help,"
        "  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))));")


def console_errors(driver) -> list[str]:
    """Errors the page logged to the console since the log was last read (CSP violations too)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]

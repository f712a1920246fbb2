"""Browser tests: Debian's Chromium (/usr/bin/chromium, never a downloaded build),
started once for the whole session, and driven by Playwright.

Chromium runs as one process for the session; each test connects Playwright to it
over the DevTools protocol and works in a fresh browser context (its own cookies
and storage). Playwright is started per test because its objects belong to the
event loop that started them, and every test here runs on its own loop (as the
server harness does)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect

CHROMIUM = Path(os.environ.get("RELAYDESK_CHROMIUM", "/usr/bin/chromium"))
STARTS_WITHIN = 30  # seconds for Chromium to open its DevTools endpoint
# How long an expectation on the page waits for it to come true.
EXPECT_WITHIN_MS = 15_000

expect.set_options(timeout=EXPECT_WITHIN_MS)


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Chromium, headless, for the whole session: its DevTools endpoint (http://…)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium "
            "(apt-get install chromium; .ci/run installs it)"
        )
    home = tmp_path_factory.mktemp("chromium")
    profile = home / "profile"
    log_path = home / "chromium.log"
    flags = [
        "--headless",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--password-store=basic",
        "--mute-audio",
    ]
    if os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(CHROMIUM), *flags, "about:blank"], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        # Chromium writes the port it chose to DevToolsActivePort once it listens.
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + STARTS_WITHIN
        while not (port_file.is_file() and port_file.read_text().count("\n") >= 1):
            if process.poll() is not None:
                pytest.fail(f"Chromium exited with {process.returncode}:\n{log_path.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"Chromium did not start in {STARTS_WITHIN} s:\n{log_path.read_text()}")
            time.sleep(0.05)
        port = port_file.read_text().splitlines()[0].strip()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
async def browser(chromium: str) -> AsyncIterator[Browser]:
    """Playwright, connected to the session's Chromium."""
    async with async_playwright() as playwright:
        connected = await playwright.chromium.connect_over_cdp(chromium)
        try:
            yield connected
        finally:
            await connected.close()  # disconnects; Chromium stays up for the next test


@contextlib.asynccontextmanager
async def fresh_context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh browser context (storage of its own, a window of its own). Uncaught
    errors of its pages fail the test: the browser code has no business throwing them."""
    fresh = await browser.new_context(viewport={"width": 1280, "height": 800})
    fresh.set_default_timeout(EXPECT_WITHIN_MS)
    errors: list[str] = []
    fresh.on("weberror", lambda error: errors.append(str(error.error)))
    try:
        yield fresh
    finally:
        await fresh.close()
    assert not errors, f"uncaught errors in the page: {errors}"


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    async with fresh_context(browser) as fresh:
        yield fresh


@pytest.fixture
async def other_context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A second context, for a second person (its pages are not background tabs of the
    first's, which Chromium would throttle)."""
    async with fresh_context(browser) as fresh:
        yield fresh


@pytest.fixture
async def page(context: BrowserContext) -> Page:
    return await context.new_page()


Screenshot = Callable[[Page, str], Awaitable[None]]


@pytest.fixture
def screenshot() -> Screenshot:
    """Saves a page's screenshot as `name` in the directory RELAYDESK_SCREENSHOTS names
    (the README's pictures: `RELAYDESK_SCREENSHOTS=docs/images pytest tests/browser`);
    does nothing when it is unset."""
    folder = os.environ.get("RELAYDESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)

    async def take(target: Page, name: str) -> None:
        if folder:
            await target.screenshot(path=Path(folder) / name, animations="disabled")

    return take

"""drive: a real headless Chromium for the browser tests (tests/t/90-*.t),
through chromedriver and Selenium (Debian's chromium, chromium-driver and
python3-selenium: nothing is fetched at test time).

Chromium runs as root here, so it needs --no-sandbox; it gets a fresh
profile in a temporary folder, no network chatter of its own, and a
download folder of its own.  shot() saves a screenshot of the page under
$SHINDAN_ARTIFACTS/90-browser/.
"""
import glob
import os
import shutil
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def available():
    """Why the browser cannot run, or None."""
    for p in (CHROMIUM, CHROMEDRIVER):
        if not os.access(p, os.X_OK):
            return "%s is not installed (make deps)" % p
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium is not installed (make deps)"
    return None


class Chrome:
    def __init__(self, artifacts, lang="en-US", ua=None):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.tmp = tempfile.mkdtemp(prefix="shindan-chromium-")
        self.downloads = os.path.join(self.tmp, "downloads")
        os.makedirs(self.downloads)
        self.art = os.path.join(artifacts, "90-browser")
        os.makedirs(self.art, exist_ok=True)
        self.n = 0
        o = webdriver.ChromeOptions()
        o.binary_location = CHROMIUM
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
                  "--disable-quic", "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--disable-extensions",
                  "--no-default-browser-check", "--password-store=basic",
                  "--window-size=1280,1000", "--lang=" + lang,
                  "--user-data-dir=" + os.path.join(self.tmp, "profile")):
            o.add_argument(a)
        if ua:
            o.add_argument("--user-agent=" + ua)
        o.add_experimental_option("prefs", {
            "download.default_directory": self.downloads,
            "download.prompt_for_download": False,
            "intl.accept_languages": lang,
            "safebrowsing.enabled": False,
        })
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        svc = Service(CHROMEDRIVER, log_output=os.path.join(self.tmp, "chromedriver.log")) \
            if "log_output" in Service.__init__.__code__.co_varnames \
            else Service(CHROMEDRIVER, log_path=os.path.join(self.tmp, "chromedriver.log"))
        self.d = webdriver.Chrome(service=svc, options=o)
        self.d.set_page_load_timeout(60)
        self.d.execute_cdp_cmd("Browser.setDownloadBehavior",
                               {"behavior": "allow", "downloadPath": self.downloads})

    # --- pages ---------------------------------------------------------
    def get(self, url):
        self.d.get(url)
        return self

    @property
    def url(self):
        return self.d.current_url

    @property
    def html(self):
        return self.d.page_source

    def text(self):
        return self.d.find_element("tag name", "body").text

    def one(self, css):
        return self.d.find_element("css selector", css)

    def all(self, css):
        return self.d.find_elements("css selector", css)

    def has(self, css):
        return len(self.all(css)) > 0

    def click(self, css):
        self.one(css).click()
        return self

    def type(self, css, value):
        e = self.one(css)
        e.clear()
        e.send_keys(value)
        return self

    def wait(self, cond, timeout=30, what="condition"):
        end = time.time() + timeout
        while time.time() < end:
            try:
                if cond():
                    return True
            except Exception:
                pass
            time.sleep(0.1)
        return False

    def wait_url(self, pattern, timeout=30):
        import re
        return self.wait(lambda: re.search(pattern, self.url), timeout)

    def shot(self, name):
        self.n += 1
        path = os.path.join(self.art, "%02d-%s.png" % (self.n, name))
        # The whole page, not only the window.
        h = self.d.execute_script("return Math.max(document.body.scrollHeight,"
                                  " document.documentElement.scrollHeight)")
        self.d.set_window_size(1280, max(1000, min(int(h or 1000) + 40, 6000)))
        self.d.save_screenshot(path)
        self.d.set_window_size(1280, 1000)
        return path

    def console_errors(self):
        try:
            return [e for e in self.d.get_log("browser") if e.get("level") == "SEVERE"]
        except Exception:
            return []

    def user_agent(self, ua):
        self.d.execute_cdp_cmd("Network.enable", {})
        self.d.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": ua})

    def download(self, css, suffix, timeout=60):
        """Click a download link; the downloaded file's path, or None."""
        before = set(os.listdir(self.downloads))
        self.click(css)
        end = time.time() + timeout
        while time.time() < end:
            new = [f for f in set(os.listdir(self.downloads)) - before
                   if f.endswith(suffix)]
            if new:
                return os.path.join(self.downloads, new[0])
            time.sleep(0.2)
        return None

    def quit(self):
        try:
            self.d.quit()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


def cleanup_leftovers():
    """Profiles of runs that were killed."""
    for d in glob.glob(os.path.join(tempfile.gettempdir(), "shindan-chromium-*")):
        if time.time() - os.path.getmtime(d) > 3600:
            shutil.rmtree(d, ignore_errors=True)

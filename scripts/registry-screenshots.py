#!/usr/bin/env python3
"""Screenshots of the registry pages at 1280 and 390 px, and qualification C printed to PDF.

usage: registry-screenshots.py SITE_DIR OUT_DIR

Writes OUT_DIR/<page>-<width>.png (the first screen of each page) and prints the page count
of kualifikasi/kepmen-3-2021-C.html printed to A4 PDF by Chromium.
"""
import base64
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PAGES = {"beranda": "index.html", "unit": "unit/M.74SPS03.088.html",
         "kualifikasi": "kualifikasi/kepmen-3-2021-C.html", "temuan": "temuan.html"}


def main():
    site, out = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for name, page in PAGES.items():
            for width, height in ((1280, 900), (390, 844)):
                browser.set_window_size(width, height)
                browser.get(site.joinpath(page).as_uri())
                browser.save_screenshot(str(out / f"{name}-{width}.png"))
        browser.get(site.joinpath(PAGES["kualifikasi"]).as_uri())
        pdf = base64.b64decode(browser.print_page.__self__.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"])
        (out / "kualifikasi-C.pdf").write_bytes(pdf)
        print("kualifikasi C: %d halaman PDF" % pdf.count(b"/Type /Page\n") if b"/Type /Page\n" in pdf
              else "kualifikasi C: %d halaman PDF" % pdf.count(b"/Type/Page") )
    finally:
        browser.quit()


if __name__ == "__main__":
    main()

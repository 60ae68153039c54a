#!/usr/bin/env python3
"""Open the generated site in headless Chromium as a reviewer would and print what it shows, as JSON.

usage: browser-registry.py SITE_DIR

Reports: the search results for the forms tables show (grouped by kind); the findings page
with filters given in the URL (count in the heading, rows shown, the empty message); the rows
of each index page and what its filter box keeps; where a source link lands (the target line
and whether it is highlighted); the browser console of one page of each kind; and axe-core's
violations on the same pages (axe from the axe-selenium-python package).
The test suite (Tests/SKKNISiteTests/RegistryBrowserTests.swift) compares this with the catalogue.
"""
import json
import pathlib
import sys
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browserlib import console, driver

SEARCHES = ["N.78SPS02.075.1", "78SPS02.075", "KEPMEN 3/2021", "M.74SPS03.088.2", "3/2021", "ASESMEN,"]
FILTERS = ["aturan=SKK201", "status=baru", "status=diterima", "aturan=SKK201&status=baru", "aturan=SKK999"]
INDEXES = ["kepmen/index.html", "kualifikasi/index.html", "unit/index.html", "skema/index.html"]


def axe_source():
    try:
        import axe_selenium_python
    except ImportError:
        return None
    path = pathlib.Path(axe_selenium_python.__file__).parent / "node_modules/axe-core/axe.min.js"
    return path.read_text() if path.exists() else None


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    pages = sys.argv[2:]
    uri = lambda p: site.joinpath(p).as_uri()
    browser = driver()
    report = {"searches": {}, "filters": {}, "indexes": {}, "source": {}, "console": {}, "axe": {}}
    axe = axe_source()
    # axe-core walks every node: a long source page takes a while on a busy machine.
    browser.set_script_timeout(300)
    try:
        for query in SEARCHES:
            browser.get(uri("cari.html") + "?q=" + urllib.parse.quote(query))
            WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text.strip() != "")
            groups = {}
            for section in browser.find_elements(By.CSS_SELECTOR, "#results section"):
                kind = section.find_element(By.TAG_NAME, "h2").text.split(" (")[0]
                groups[kind] = [{"label": a.text, "href": a.get_attribute("href")}
                                for a in section.find_elements(By.CSS_SELECTOR, "li a")]
            report["searches"][query] = {"status": browser.find_element(By.ID, "search-status").text,
                                         "groups": groups}
        for query in FILTERS:
            browser.get(uri("temuan.html") + "?" + query)
            shown = [li for li in browser.find_elements(By.CSS_SELECTOR, "li.finding") if li.is_displayed()]
            report["filters"][query] = {
                "heading": browser.find_element(By.TAG_NAME, "h1").text,
                "rules": sorted({li.get_attribute("data-rule") for li in shown}),
                "statuses": sorted({li.get_attribute("data-status") for li in shown}),
                "shown": len(shown),
                "empty": browser.find_element(By.ID, "f-empty").is_displayed(),
                "ruleOptions": [o.get_attribute("value") for o in
                                browser.find_elements(By.CSS_SELECTOR, "#f-rule option")],
            }
        # Choosing a filter puts it into the URL.
        browser.get(uri("temuan.html"))
        browser.execute_script(
            "var s=document.getElementById('f-status'); s.value='diterima'; s.dispatchEvent(new Event('change'));")
        report["filters"]["chosen"] = {"url": browser.current_url}
        for index in INDEXES:
            browser.get(uri(index))
            if not browser.find_elements(By.TAG_NAME, "h1"):
                report["indexes"][index] = {"heading": "", "keys": [], "navLinked": False}
                continue
            rows = browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")
            entry = {"heading": browser.find_element(By.TAG_NAME, "h1").text,
                     "keys": [r.get_attribute("data-key") for r in rows],
                     "navLinked": bool(browser.find_elements(By.CSS_SELECTOR, "header nav a[href$='%s']" % index))}
            box = browser.find_elements(By.CSS_SELECTOR, "input.index-filter")
            if box and rows:
                box[0].send_keys(entry["keys"][0])
                entry["filteredTo"] = [r.get_attribute("data-key") for r in rows if r.is_displayed()]
                box[0].clear()
                browser.execute_script("arguments[0].dispatchEvent(new Event('input'))", box[0])
                # Sorting by the first column twice: descending.
                header = browser.find_element(By.CSS_SELECTOR, "table.index thead th button")
                header.click()
                header.click()
                entry["sortedDescending"] = [r.get_attribute("data-key") for r in
                                             browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")]
            report["indexes"][index] = entry
        # A finding's source link, followed.
        browser.get(uri("temuan.html"))
        links = browser.find_elements(By.CSS_SELECTOR, "li.finding a.loc")
        link = links[0] if links else None
        href = link.get_attribute("href") if link else uri("index.html")
        browser.get(href)
        target = browser.execute_script("return document.querySelector(':target') && document.querySelector(':target').id")
        report["source"] = {
            "href": href, "target": target,
            "background": browser.execute_script(
                "var t=document.querySelector(':target'); return t ? getComputedStyle(t).backgroundColor : ''"),
            "text": browser.execute_script(
                "var t=document.querySelector(':target'); return t ? t.textContent : ''"),
        }
        for page in pages:
            browser.get(uri(page))
            report["console"][page] = console(browser)
            if axe:
                browser.execute_script(axe)
                result = browser.execute_async_script(
                    "var done = arguments[0]; axe.run(document, {resultTypes: ['violations']})"
                    ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.nodes.length; })); })"
                    ".catch(function (e) { done(['axe failed: ' + e]); });")
                report["axe"][page] = result
    finally:
        browser.quit()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

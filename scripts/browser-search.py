#!/usr/bin/env python3
"""Drive the generated site in headless Chromium and print what a reader sees, as JSON.

usage: browser-search.py SITE_DIR QUERY...

For each QUERY it opens cari.html?q=QUERY from file:// and reads the result list from the
rendered DOM, each result with the group it is shown under. It also types the first query into the search box of the home page, submits
the form, follows the first result and reports the heading of the page it lands on.
The test suite (Tests/SKKNISiteTests/BrowserTests.swift) compares this with the catalogue.
"""
import json
import pathlib
import sys
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browserlib import console, driver


def results(browser):
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "search-status").text.strip() != "")
    found = []
    for section in browser.find_elements(By.CSS_SELECTOR, "#results section"):
        group = section.find_element(By.TAG_NAME, "h2").text.split(" (")[0]
        found += [{"text": li.text, "label": li.find_element(By.TAG_NAME, "a").text, "group": group,
                   "href": li.find_element(By.TAG_NAME, "a").get_attribute("href")}
                  for li in section.find_elements(By.TAG_NAME, "li")]
    return {"status": browser.find_element(By.ID, "search-status").text, "results": found}


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    queries = sys.argv[2:]
    browser = driver()
    report = {"queries": {}, "console": []}
    try:
        for query in queries:
            browser.get(site.joinpath("cari.html").as_uri() + "?q=" + urllib.parse.quote(query))
            report["queries"][query] = results(browser)
            report["console"] += console(browser)
        browser.get(site.joinpath("index.html").as_uri())
        box = browser.find_element(By.ID, "q-top")
        box.send_keys(queries[0])
        box.submit()
        typed = results(browser)
        browser.find_element(By.CSS_SELECTOR, "#results li a").click()
        WebDriverWait(browser, 10).until(lambda b: "cari.html" not in b.current_url)
        report["typed"] = {
            "query": queries[0], "url": browser.current_url, "count": len(typed["results"]),
            "landedHeading": browser.find_element(By.TAG_NAME, "h1").text,
        }
        report["console"] += console(browser)
    finally:
        browser.quit()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

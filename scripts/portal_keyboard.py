"""A person using the portal with the keyboard alone, in a real (headless) Chromium.

Driven by Selenium and Debian's chromedriver against `enquete serve` on 127.0.0.1 (the base URL is
the first argument; loopback only). Only keys are sent — Tab, Shift+Tab, Enter, typing — never a
click: sign in, go to the upload form, choose the file (typed into the file field, as the file
dialog would), send it, read the acknowledgement, sign out. Every element that takes focus on the
way must show a visible focus ring. Prints each step; exits non-zero on the first failure.
"""

import sys
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service

base, token, upload = sys.argv[1], sys.argv[2], sys.argv[3]
assert urlparse(base).hostname in ("127.0.0.1", "localhost"), "loopback only"

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)


def active():
    return driver.switch_to.active_element


def describe(element):
    text = (element.text or element.get_attribute("value") or "").strip().replace("\n", " ")
    return f"<{element.tag_name} {element.get_attribute('type') or element.get_attribute('href') or ''}> {text[:40]}"


def focus_is_visible(element):
    style = driver.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth, s.boxShadow];", element
    )
    return style[0] not in ("none", "") and style[1] not in ("0px", "") or style[2] not in ("none", "")


def press(*keys):
    """Keys as the keyboard sends them, to whatever has the focus."""
    ActionChains(driver).send_keys(*keys).perform()


def tab_until(predicate, what, limit=40):
    for _ in range(limit):
        press(Keys.TAB)
        element = active()
        if not focus_is_visible(element):
            raise SystemExit(f"focus not visible on {describe(element)}")
        if predicate(element):
            print(f"  Tab → {describe(element)}")
            return element
    raise SystemExit(f"{what}: not reached with Tab")


try:
    driver.get(base + "/connexion")
    print("sign-in page:", driver.title)
    first = tab_until(lambda e: True, "first element")
    assert "Aller au contenu" in first.text, f"the skip link is not first: {describe(first)}"
    field = tab_until(lambda e: e.tag_name == "input" and e.get_attribute("type") == "password", "token field")
    press(token, Keys.ENTER)
    print("signed in:", driver.title)
    assert "Connecté" in driver.page_source, "not signed in"

    link = tab_until(lambda e: e.tag_name == "a" and "/depot" in (e.get_attribute("href") or ""), "upload link")
    press(Keys.ENTER)
    print("upload form:", driver.title)
    chooser = tab_until(lambda e: e.tag_name == "input" and e.get_attribute("type") == "file", "file field")
    chooser.send_keys(upload)  # what choosing the file in the dialog, by keyboard, gives
    send = tab_until(lambda e: e.tag_name == "button" and e.get_attribute("type") == "submit", "send button")
    press(Keys.ENTER)
    print("acknowledgement:", driver.title)
    page = driver.page_source
    assert "Accusé de réception" in page and "Numéro d'enregistrement" in page, "no acknowledgement"
    assert "SHA-256" in page, "no fingerprint in the acknowledgement"

    out = tab_until(lambda e: e.tag_name == "button" and "déconnecter" in e.text, "sign-out button")
    press(Keys.ENTER)
    print("signed out:", driver.title)
    assert "Connecté" not in driver.page_source, "still signed in"
    print("keyboard alone: sign in, upload, acknowledgement, sign out — every focus visible")
finally:
    driver.quit()

"""Checklists in a real browser: ticks survive a reload of the same page in the same language,
stay out of the other language's page, are cleared by the list's button, and print empty."""

from __future__ import annotations

from tools.chromium import arrive, settle

BOX = ".md-content ul.task-list input[type=checkbox]"


def ticks(page) -> list[bool]:
    return page.eval_on_selector_all(BOX, "boxes => boxes.map(box => box.checked)")


def test_ticks_are_kept_per_page_and_language_and_cleared_by_the_button(browser, site):
    context = browser.new_context()
    page = context.new_page()
    arrive(page, site.url + "guide/champs/")
    assert ticks(page)
    assert not any(ticks(page))
    page.locator(".md-content ul.task-list label").nth(0).click()  # as a reader clicks it
    page.locator(BOX).nth(2).focus()
    page.keyboard.press("Space")  # and from the keyboard
    expected = [index in (0, 2) for index in range(len(ticks(page)))]
    assert ticks(page) == expected

    page.reload()

    settle(page)
    assert ticks(page) == expected

    arrive(page, site.url + "en/guide/champs/")
    assert not any(ticks(page))  # the English page keeps its own ticks
    arrive(page, site.url + "guide/communiquer/")
    assert not any(ticks(page))  # and so does every other page

    arrive(page, site.url + "guide/champs/")
    clear = page.get_by_role("button", name="Décocher toute la liste")
    assert clear.count() == 1
    clear.click()
    assert not any(ticks(page))
    page.reload()
    settle(page)
    assert not any(ticks(page))
    context.close()


def test_a_printed_checklist_shows_empty_boxes(browser, site):
    context = browser.new_context()
    page = context.new_page()
    arrive(page, site.url + "en/guide/champs/")
    page.locator(".md-content ul.task-list label").nth(0).click()
    page.emulate_media(media="print")
    look = """box => {
        const style = getComputedStyle(box.nextElementSibling, "::before")
        return [style.backgroundColor, style.maskImage || style.webkitMaskImage]
    }"""
    ticked = page.locator(BOX).nth(0).evaluate(look)
    empty = page.locator(BOX).nth(1).evaluate(look)
    assert ticked == empty
    assert page.get_by_role("button", name="Untick the whole list").is_hidden()
    page.emulate_media(media="screen")
    assert page.locator(BOX).nth(0).evaluate(look) != empty  # on screen, the tick shows
    context.close()

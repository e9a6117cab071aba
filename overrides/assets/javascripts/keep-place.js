// The language switcher keeps the reader's place: the #section and the query string (a listing's
// filters, e.g. /cas/?status=realised) follow the reader to the other language, as do the links
// of the translation notice (data-keep-place). Anchors and filter values are the same in both
// languages. Without JavaScript, the switcher still leads to the same page.
"use strict"
{
  const carrying = "a.md-select__link[hreflang], a[data-keep-place]"

  const keepPlace = event => {
    const link = event.target instanceof Element && event.target.closest(carrying)
    if (!link) return
    const target = new URL(link.href, location.href)
    target.search = location.search
    target.hash = location.hash
    link.href = target.href  // read when the browser follows the link, after this listener
  }

  // Before the browser follows the link (click, middle click) or offers to copy it (menu).
  for (const type of ["click", "auxclick", "contextmenu"])
    document.addEventListener(type, keepPlace, { capture: true })
}

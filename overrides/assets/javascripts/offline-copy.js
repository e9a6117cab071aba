// The offline copy's language switch (macros/kit/offline_copy.py adds this script to its pages
// only). From disk a page cannot ask whether the other language's copy is unpacked beside this
// one, so it opens that copy's copy.html in a hidden frame: if the page is there, it posts its
// folder's name, and the switch then leads to the same page in that copy (data-twin) instead of
// the page that says the language is in the other zip. A missing file reports no error.
;(() => {
  "use strict"

  for (const link of document.querySelectorAll("a[data-twin][data-twin-copy]")) {
    const frame = document.createElement("iframe")
    frame.hidden = true
    frame.setAttribute("aria-hidden", "true")
    frame.tabIndex = -1
    frame.src = link.dataset.twinCopy
    const name = new URL(".", frame.src).pathname.split("/").at(-2) // "mutualiser-en"
    window.addEventListener("message", (event) => {
      if (event.source !== frame.contentWindow || event.data !== name) return
      link.href = link.dataset.twin
      frame.remove()
    })
    document.body.append(frame)
  }
})()

// What every page does in the browser, nothing of it sent anywhere (no request is made):
// - "Cite this page" (hooks/page_citations.py): writes today's date as the day of consultation,
//   in the style's format, and shows a button that copies the reference as plain text.
// Loaded deferred on every page (mkdocs.yml extra_javascript); works from a file:// copy.
;(() => {
  "use strict"

  function fillConsultationDays() {
    const today = new Date()
    for (const time of document.querySelectorAll("time[data-consulted]")) {
      const format = new Intl.DateTimeFormat(time.dataset.consulted, {
        day: "numeric", month: "long", year: "numeric",
      })
      time.textContent = format.format(today)
      time.dateTime = today.toISOString().slice(0, 10)
    }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text)
    }
    // Older browsers and some offline copies: a hidden text area and the copy command.
    const area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.style.position = "fixed"
    area.style.opacity = "0"
    document.body.append(area)
    area.select()
    document.execCommand("copy")
    area.remove()
    return Promise.resolve()
  }

  function setUpCopyButtons() {
    for (const button of document.querySelectorAll("button[data-copy]")) {
      const reference = document.getElementById(button.dataset.copy)
      const label = button.textContent
      button.hidden = false
      button.addEventListener("click", () => {
        const text = reference.textContent.replace(/\s+/g, " ").trim()
        copyText(text).then(() => {
          button.textContent = button.dataset.copied
          setTimeout(() => { button.textContent = label }, 2000)
        })
      })
    }
  }

  fillConsultationDays()
  setUpCopyButtons()
})()

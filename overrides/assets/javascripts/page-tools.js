// What every page does in the browser, nothing of it sent anywhere (no request is made):
// - "Cite this page" (macros/build/page_citations.py): writes today's date as the day of consultation,
//   in the style's format, and shows a button that copies the reference as plain text.
// - Checklists (macros/build/checklists.py): the ticks of each page, in each language, are kept in this
//   browser (localStorage), by item text, and each list gets a button that unticks it.
// Loaded deferred on every page (mkdocs.yml extra_javascript); works from a file:// copy.
;(() => {
  "use strict"

  function fillConsultationDays() {
    const today = new Date()
    // Each is a <span> in the built page (a <time> must hold a date): it becomes today's <time>.
    for (const placeholder of document.querySelectorAll("[data-consulted]")) {
      const format = new Intl.DateTimeFormat(placeholder.dataset.consulted, {
        day: "numeric", month: "long", year: "numeric",
      })
      const time = document.createElement("time")
      time.dataset.consulted = placeholder.dataset.consulted
      time.textContent = format.format(today)
      time.dateTime = today.toISOString().slice(0, 10)
      placeholder.replaceWith(time)
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

  // Storage may be refused (private modes, some file:// copies): the page still works.
  const storage = {
    read(key) {
      try { return JSON.parse(localStorage.getItem(key) || "null") } catch { return null }
    },
    write(key, value) {
      try { localStorage.setItem(key, JSON.stringify(value)) } catch { /* not kept */ }
    },
  }

  function setUpChecklists() {
    const key = `mutualiser:checklist:${document.documentElement.lang}:${location.pathname}`
    const lists = [...document.querySelectorAll("ul.task-list[data-clear-label]")]
      .filter(list => !list.parentElement.closest("ul.task-list"))
    if (!lists.length) return
    const ticked = new Set(storage.read(key) || [])
    const textOf = box => box.closest("label").textContent.replace(/\s+/g, " ").trim()
    const boxes = lists.flatMap(list => [...list.querySelectorAll("input[type=checkbox]")])
    for (const box of boxes) {
      box.checked = ticked.has(textOf(box))
      box.addEventListener("change", () => {
        box.checked ? ticked.add(textOf(box)) : ticked.delete(textOf(box))
        storage.write(key, [...ticked])
      })
    }
    for (const list of lists) {
      const clear = document.createElement("button")
      clear.type = "button"
      clear.className = "md-button checklist-clear"
      clear.textContent = list.dataset.clearLabel
      clear.addEventListener("click", () => {
        for (const box of list.querySelectorAll("input[type=checkbox]")) {
          box.checked = false
          ticked.delete(textOf(box))
        }
        storage.write(key, [...ticked])
      })
      list.after(clear)
    }
  }

  fillConsultationDays()
  setUpCopyButtons()
  setUpChecklists()
})()

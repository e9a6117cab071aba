// The self-assessment of the seven success factors (docs/<language>/auto-evaluation.md).
//
// The form works without this script (it can be filled in and printed). With it, answers are
// saved in this browser as they are typed (localStorage, one entry per language), summarised
// (the weakest factors, linked to their section of the guide), exported as CSV or JSON files
// made in the browser, and carried in the address: the part after "#" never reaches a server,
// so a trainer who opens a participant's link sees the answers without anything being sent.
// Every text comes from the page, in its language. Loaded deferred by macros/self_assessment.py.
;(() => {
  "use strict"

  const form = document.querySelector("form[data-assessment]")
  const tools = document.querySelector("[data-assessment-tools]")
  if (!form || !tools) return
  const key = `mutualiser:self-assessment:${document.documentElement.lang}`
  const factors = [...form.querySelectorAll("fieldset[data-factor]")]
  const summary = tools.querySelector("[role=status]")
  const link = tools.querySelector("[data-answers-link]")
  const HASH = "#answers="

  const storage = {
    read() {
      try { return JSON.parse(localStorage.getItem(key) || "null") } catch { return null }
    },
    write(answers) {
      try { localStorage.setItem(key, JSON.stringify(answers)) } catch { /* not kept */ }
    },
  }

  // --- Answers: { factor id: { rating: "1".."3" or "", note: "" } } ---------------------------

  function read() {
    const answers = {}
    for (const fieldset of factors) {
      const id = fieldset.dataset.factor
      const chosen = fieldset.querySelector("input[type=radio]:checked")
      answers[id] = {
        rating: chosen ? chosen.value : "",
        note: fieldset.querySelector("textarea").value,
      }
    }
    return answers
  }

  function show(answers) {
    for (const fieldset of factors) {
      const answer = (answers && answers[fieldset.dataset.factor]) || {}
      for (const radio of fieldset.querySelectorAll("input[type=radio]")) {
        radio.checked = radio.value === String(answer.rating || "")
      }
      fieldset.querySelector("textarea").value = typeof answer.note === "string" ? answer.note : ""
    }
  }

  // What a row says about a factor, in the page's words.
  function describe(answers) {
    return factors.map(fieldset => {
      const id = fieldset.dataset.factor
      const answer = answers[id]
      const chosen = fieldset.querySelector(`input[type=radio][value="${answer.rating}"]`)
      return {
        factor: id,
        label: fieldset.querySelector("legend").textContent.trim(),
        rating: answer.rating ? Number(answer.rating) : null,
        level: chosen ? form.querySelector(`label[for="${chosen.id}"] strong`).textContent.trim() : "",
        note: answer.note,
        section: fieldset.dataset.section,
      }
    })
  }

  // --- The address that carries the answers (base64url of the JSON, after "#") ---------------

  function encode(answers) {
    const bytes = new TextEncoder().encode(JSON.stringify(answers))
    let binary = ""
    for (const byte of bytes) binary += String.fromCharCode(byte)
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
  }

  function decode(text) {
    try {
      const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"))
      const bytes = Uint8Array.from(binary, character => character.charCodeAt(0))
      const answers = JSON.parse(new TextDecoder().decode(bytes))
      return answers && typeof answers === "object" ? answers : null
    } catch {
      return null
    }
  }

  // --- Summary, exports -------------------------------------------------------------------------

  function summarise(rows) {
    const rated = rows.filter(row => row.rating !== null)
    summary.replaceChildren()
    const heading = document.createElement("p")
    if (!rated.length) {
      heading.textContent = summary.dataset.none
      summary.append(heading)
      return
    }
    const lowest = Math.min(...rated.map(row => row.rating))
    const weakest = rated.filter(row => row.rating === lowest)
    heading.textContent = summary.dataset.weakest.replace("{level}", weakest[0].level)
    const list = document.createElement("ul")
    for (const row of weakest) {
      const item = document.createElement("li")
      const anchor = document.createElement("a")
      anchor.href = row.section
      anchor.textContent = row.label
      item.append(anchor)
      list.append(item)
    }
    summary.append(heading, list)
  }

  // A cell a spreadsheet will not run as a formula (OWASP), quoted as CSV needs.
  function cell(value) {
    let text = value === null || value === undefined ? "" : String(value)
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }

  function download(content, type, extension) {
    const blob = new Blob([content], { type })
    const anchor = document.createElement("a")
    anchor.href = URL.createObjectURL(blob)
    anchor.download = `${tools.dataset.fileName}.${extension}`
    document.body.append(anchor)
    anchor.click()
    anchor.remove()
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000)
  }

  const actions = {
    csv() {
      const rows = describe(read()).map(row =>
        [row.factor, row.label, row.rating, row.level, row.note].map(cell).join(","))
      // With a byte-order mark, spreadsheet software reads the accents right.
      download(`\ufeff${[tools.dataset.csvHeader, ...rows].join("\r\n")}\r\n`, "text/csv", "csv")
    },
    json() {
      const content = {
        language: document.documentElement.lang,
        page: location.href.split("#")[0],
        date: new Date().toISOString().slice(0, 10),
        answers: describe(read()).map(({ section, ...row }) => row),
      }
      download(JSON.stringify(content, null, 2), "application/json", "json")
    },
    print() { window.print() },
    clear() {
      show({})
      update()
    },
  }

  function update() {
    const answers = read()
    storage.write(answers)
    summarise(describe(answers))
    link.href = location.href.split("#")[0] + HASH + encode(answers)
  }

  // --- Start: answers from the address first (a shared link), else those kept here -------------

  const fromAddress = location.hash.startsWith(HASH) ? decode(location.hash.slice(HASH.length)) : null
  show(fromAddress || storage.read())
  summarise(describe(read()))
  link.href = location.href.split("#")[0] + HASH + encode(read())
  form.addEventListener("input", update)
  form.addEventListener("change", update)
  form.addEventListener("submit", event => event.preventDefault())
  for (const button of tools.querySelectorAll("button[data-action]")) {
    button.addEventListener("click", () => actions[button.dataset.action]())
  }
  tools.hidden = false
})()

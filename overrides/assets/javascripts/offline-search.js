// Search for the offline copy (macros/offline_copy.py adds this script to its pages only): a page
// opened from disk can start no web worker and fetch no index, so the documents come from a
// script file (search-index.js, window.MUTUALISER_OFFLINE_SEARCH) and are matched here.
(() => {
  const script = document.currentScript
  const root = script.dataset.root || ""
  const index = window.MUTUALISER_OFFLINE_SEARCH
  const target = document.querySelector(".md-content__inner") || document.querySelector("main") || document.body
  if (!index || !target) return

  const fold = text => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  const documents = index.docs.map(doc => ({ ...doc, folded: fold(doc.title + " " + doc.text) }))

  const form = document.createElement("form")
  form.className = "offline-search"
  form.setAttribute("role", "search")
  const label = document.createElement("label")
  label.htmlFor = "offline-search-query"
  label.textContent = index.words.label
  const input = document.createElement("input")
  input.type = "search"
  input.id = "offline-search-query"
  input.autocomplete = "off"
  const status = document.createElement("p")
  status.className = "offline-search__status"
  status.setAttribute("aria-live", "polite")
  const results = document.createElement("ol")
  results.className = "offline-search__results"
  form.append(label, input, status, results)
  form.addEventListener("submit", event => event.preventDefault())
  target.prepend(form)

  const snippet = (doc, word) => {
    const at = fold(doc.text).indexOf(word)
    if (at < 0) return doc.text.slice(0, 160)
    const start = Math.max(0, at - 60)
    return (start ? "…" : "") + doc.text.slice(start, start + 180) + "…"
  }

  input.addEventListener("input", () => {
    const words = fold(input.value).split(/\s+/).filter(word => word.length > 1)
    results.replaceChildren()
    if (!words.length) { status.textContent = ""; return }
    const found = documents
      .filter(doc => words.every(word => doc.folded.includes(word)))
      .map(doc => ({ doc, score: words.filter(word => fold(doc.title).includes(word)).length }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 20)
    status.textContent = found.length ? index.words.count.replace("{count}", found.length) : index.words.none
    for (const { doc } of found) {
      const item = document.createElement("li")
      const link = document.createElement("a")
      link.href = root + doc.location
      link.textContent = doc.title
      const text = document.createElement("p")
      text.textContent = snippet(doc, words[0])
      item.append(link, text)
      results.append(item)
    }
  })
})()

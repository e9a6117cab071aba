// Search in Material's header box, answered by Pagefind (macros/build/search_index.py, notes/search.md).
//
// Nothing of Pagefind or its index is fetched until the reader focuses the search box; then
// Pagefind fetches its code and only the chunks of the index the typed words need, from the
// index of the page's language (<html lang>), so results are in the reader's language only.
// Pagefind folds accents and case and stems French and English. While the reader types, a newer
// query supersedes an older one: its results are never shown (`ticket`).
//
// When a word of the query is not one of the site's words (its titles, headings and glossary
// terms: pagefind/words.<language>.json, macros/build/search_index.py), the closest of them is
// offered as another query if it finds more pages: "mutualsation" suggests "mutualisation".
// Pagefind matches loosely, so a misspelt query may still find a few pages: what decides is
// whether the suggestion finds more, not a fixed count.
//
// From disk (file://) Pagefind cannot start; the offline copy (macros/kit/offline_copy.py) gives
// this box its documents and words in a script, search-index.js (window.MUTUALISER_OFFLINE_SEARCH),
// matched here by `onDisk`, with the same results, suggestions and keys. A site opened from disk
// without that script says that search needs a server.
//
// Keyboard, as Material's own search: "/", "s" or "f" opens it; arrows move through the
// results; Enter on the query opens the first result; Escape or Tab closes it.
// Markup: overrides/partials/search.html; the result markup and classes are Material's.
;(() => {
  "use strict"

  const dialog = document.querySelector("[data-search]")
  if (!dialog) return
  const toggle = document.getElementById("__search")
  const query = dialog.querySelector("[data-search-query]")
  const meta = dialog.querySelector("[data-search-meta]")
  const list = dialog.querySelector("[data-search-list]")
  const hint = dialog.querySelector("[data-search-suggestion]")
  const texts = JSON.parse(document.getElementById("__config").textContent).translations
  const siteRoot = new URL("../../", document.currentScript.src) // assets/javascripts/ -> root
  const SHOWN = 10 // results rendered; the count says how many there are
  const SECTIONS = 3 // matching sections listed under a page

  // --- Pagefind, loaded once, on the first focus of the search box ---
  const copied = () => window.MUTUALISER_OFFLINE_SEARCH // the offline copy's documents
  const cannotSearch = () => location.protocol === "file:" && !copied()
  let engine = null
  function pagefind() {
    if (copied()) return Promise.resolve(onDisk(copied().docs))
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (module) => {
        await module.options({ baseUrl: siteRoot.pathname, excerptLength: 20 })
        await module.init()
        return module
      })
      engine.catch(() => { engine = null }) // a later search tries again
    }
    return engine
  }

  // --- Suggestions: the site's words closest to a misspelt query ---
  let words = null
  function siteWords() {
    if (copied()) return Promise.resolve(copied().words)
    if (!words) {
      const language = document.documentElement.lang
      words = fetch(new URL(`pagefind/words.${language}.json`, siteRoot))
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => [])
    }
    return words
  }

  // Compared without accents or case, as Pagefind searches
  const folded = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()

  // --- The offline copy's search: the pages that hold every word, those with it in their title
  // first, in Pagefind's shape (results whose data() gives url, meta.title and an excerpt) ---
  function onDisk(documents) {
    const pages = documents.map((doc) => ({ ...doc, plain: folded(doc.text), heading: folded(doc.title) }))
    const search = async (text) => {
      const words = folded(text).split(/\s+/).filter((word) => word.length > 1)
      const found = words.length
        ? pages.filter((doc) => words.every((word) => doc.heading.includes(word) || doc.plain.includes(word)))
        : []
      const score = (doc) => words.filter((word) => doc.heading.includes(word)).length
      found.sort((a, b) => score(b) - score(a))
      return {
        results: found.map((doc) => ({
          data: async () => ({
            url: new URL(doc.location, siteRoot).href,
            meta: { title: doc.title },
            excerpt: marked(doc.text, doc.plain, words),
          }),
        })),
      }
    }
    return { search, debouncedSearch: search }
  }

  // An excerpt around the first matching word, as Pagefind's: escaped text, words in <mark>
  const escaped = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  function marked(text, plain, words) {
    const hits = words.map((word) => plain.indexOf(word)).filter((at) => at >= 0)
    const start = hits.length ? Math.max(0, Math.min(...hits) - 60) : 0
    const end = Math.min(text.length, start + 200)
    let html = start ? "…" : ""
    for (let at = start; at < end;) {
      const word = words.find((each) => plain.startsWith(each, at))
      const length = word ? word.length : 1
      const part = escaped(text.slice(at, at + length))
      html += word ? `<mark>${part}</mark>` : part
      at += length
    }
    return end < text.length ? html + "…" : html
  }

  // Edit distance (insertions, deletions, substitutions, swaps of neighbours), given up beyond `most`
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1
    let before = null
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      const row = [i]
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1)
        }
      }
      if (Math.min(...row) > most) return most + 1
      before = previous
      previous = row
    }
    return previous[b.length]
  }

  // One typo allowed in a word of four to six letters, two in a longer one
  const allowed = (word) => (word.length < 4 ? 0 : word.length <= 6 ? 1 : 2)

  function closest(typed, candidates) {
    const most = allowed(typed)
    let best = null
    let bestDistance = most + 1
    for (const [word, plain] of candidates) {
      if (plain === typed) return null // written right: nothing to suggest for it
      const d = distance(typed, plain, most)
      if (d < bestDistance) [best, bestDistance] = [word, d]
    }
    return best
  }

  // The whole query as a glossary term, or else each word replaced by its closest one
  async function suggestion(text) {
    const candidates = (await siteWords()).map((word) => [word, folded(word)])
    const typed = folded(text).trim().replace(/\s+/g, " ")
    const whole = closest(typed, candidates)
    if (whole) return whole
    let changed = false
    const suggested = typed.split(" ").map((word) => {
      const near = closest(word, candidates)
      if (near && !near.includes(" ")) {
        changed = true
        return near
      }
      return word
    })
    return changed ? suggested.join(" ") : null
  }

  // The suggestion for the query, if it finds more pages than the `found` of the query itself
  async function better(module, text, found) {
    const suggested = await suggestion(text)
    if (!suggested) return null
    const more = await module.search(suggested)
    return more.results.length > found ? suggested : null
  }

  function suggest(text) {
    const button = document.createElement("button")
    button.type = "button"
    button.className = "search-suggestion__query"
    button.tabIndex = -1 // reached with the arrows, as the results
    button.textContent = text
    button.addEventListener("click", () => {
      query.value = text
      query.focus()
      run()
    })
    return [dialog.dataset.searchDidYouMean, " ", button]
  }

  // --- Opening and closing, as Material does (its CSS reacts to the #__search toggle) ---
  function setOpen(open) {
    if (toggle.checked === open) return
    toggle.checked = open
    toggle.dispatchEvent(new Event("change"))
  }
  function close() {
    setOpen(false)
    query.blur()
  }

  // --- Results ---
  const countText = (count) =>
    count === 0 ? texts["search.result.none"]
      : count === 1 ? texts["search.result.one"]
        : texts["search.result.other"].replace("#", count)

  // Pagefind's excerpts are HTML with <mark> around the matched words. Parsed inertly, only
  // their text and the marks are kept: nothing else of the page's text can become markup.
  function excerpt(html) {
    const paragraph = document.createElement("p")
    paragraph.className = "md-search-result__teaser"
    const parsed = new DOMParser().parseFromString(html, "text/html").body
    for (const node of parsed.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark")
        mark.textContent = node.textContent
        paragraph.append(mark)
      } else {
        paragraph.append(node.textContent)
      }
    }
    return paragraph
  }

  function link(url, level, title, html) {
    const anchor = document.createElement("a")
    anchor.href = url
    anchor.className = "md-search-result__link"
    anchor.tabIndex = -1 // reached with the arrows, as in Material
    const article = document.createElement("article")
    article.className = "md-search-result__article md-typeset"
    const heading = document.createElement(level)
    heading.textContent = title
    article.append(heading, excerpt(html))
    anchor.append(article)
    return anchor
  }

  function item(page) {
    const entry = document.createElement("li")
    entry.className = "md-search-result__item"
    // The page's own entry lands on its best section when the page's top did not match.
    // Pagefind cuts a page at its headings with an id; the part under the title is the top.
    const isTop = (section) => !section.anchor || section.anchor.element === "h1"
    const sections = page.sub_results || []
    const top = sections.find(isTop)
    const rest = sections
      .filter((section) => !isTop(section))
      .sort((a, b) => (b.weighted_locations || []).length - (a.weighted_locations || []).length)
    const first = top ? { ...top, url: page.url } : rest.shift() || page
    entry.append(link(first.url, "h1", page.meta.title, first.excerpt || page.excerpt))
    for (const section of rest.slice(0, SECTIONS)) {
      entry.append(link(section.url, "h2", section.title, section.excerpt))
    }
    return entry
  }

  function show(message, entries = [], suggested = null) {
    meta.textContent = message
    hint.replaceChildren(...(suggested ? suggest(suggested) : []))
    list.replaceChildren(...entries)
  }

  // The offline copy's index script is deferred and comes after this one: a reader may type
  // before it has run. Deferred scripts run while readyState is already "interactive", so only
  // the load event tells that it has.
  const loaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve()
    else window.addEventListener("load", resolve, { once: true })
  })

  let ticket = 0
  async function run() {
    const text = query.value.trim()
    const mine = ++ticket
    if (!text) return show(texts["search.result.placeholder"])
    if (cannotSearch()) {
      await loaded
      if (mine !== ticket) return // a newer query has replaced this one
    }
    if (cannotSearch()) return show(dialog.dataset.searchOffline)
    meta.textContent = dialog.dataset.searchSearching
    try {
      const module = await pagefind()
      const found = await module.debouncedSearch(text, {}, 80)
      if (found === null || mine !== ticket) return // a newer query has replaced this one
      const pages = await Promise.all(found.results.slice(0, SHOWN).map((result) => result.data()))
      const suggested = await better(module, text, found.results.length)
      if (mine !== ticket) return
      show(countText(found.results.length), pages.map(item), suggested)
    } catch (error) {
      if (mine === ticket) show(dialog.dataset.searchFailed)
      console.warn("search:", error)
    }
  }

  // --- Events ---
  query.addEventListener("focus", () => {
    setOpen(true)
    if (!cannotSearch()) pagefind().catch(() => {})
  })
  query.addEventListener("input", run)
  query.form.addEventListener("submit", (event) => event.preventDefault())
  query.form.addEventListener("reset", () => setTimeout(() => { run(); query.focus() }))
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close() // a section of this very page: the box gives way
  })

  const typingIn = (element) =>
    element && (element.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName))

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return
    const active = document.activeElement
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !typingIn(active)) {
        event.preventDefault()
        query.focus()
        query.select()
      }
      return
    }
    const results = [...list.querySelectorAll(".md-search-result__link")]
    const stops = [query, ...dialog.querySelectorAll(".search-suggestion__query"), ...results]
    switch (event.key) {
      case "Escape":
        event.preventDefault()
        close()
        break
      case "Tab":
        close()
        break
      case "Enter":
        if (active === query) {
          event.preventDefault()
          ;(results[0] || stops[1])?.click() // the first result, else the suggestion
        }
        break
      case "ArrowUp":
      case "ArrowDown": {
        event.preventDefault()
        const step = event.key === "ArrowUp" ? -1 : 1
        const index = Math.max(0, stops.indexOf(active))
        stops[(index + step + stops.length) % stops.length].focus()
        break
      }
      default:
        if (active !== query && event.key.length === 1) query.focus()
    }
  })
})()

// Filters for the listings (case studies, partners directory).
//
// Without JavaScript the page reads fine: the partners directory holds every partner, the case
// listing its first page of cards and a list of links to the other case studies. This script
// shows the filters, shows only the items that match, keeps the choice in the URL query string
// (a shared or reloaded link shows the same view) and updates the count, which screen readers
// announce (role="status", aria-live="polite"). Every text comes from the page, in its language.
//
// Only the two listing pages load it (macros/facets.py), deferred, after the list.
// Markup (macros/templates/parts.html): [data-listing] holds a form[data-filters] of select
// elements (or text fields), a [role=status] count with data-count-none/-one/-many, and [data-listing-items]
// whose list items carry data-filter-NAME="space-separated values" for each select's NAME.
// A listing longer than one page (the case listing past data-page-size cards) also says where
// every card is (data-listing-source: a JSON list of the cards' HTML, from the same template)
// and how many there are (data-listing-total), and has a "show more" button
// (data-show-more: its text with {shown} and {count}), and what to say if the cards cannot be
// fetched (data-listing-failed). The cards are fetched once, only when
// the reader filters or asks for more; how many are shown is kept in the history entry, so
// the back button returns to the same view.
;(() => {
  "use strict"

  const valuesOf = (item, name) => (item.getAttribute(`data-filter-${name}`) || "").split(" ")
  // As macros/text.py's slug: "Région Aquitaine" -> "region-aquitaine".
  const slug = text => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")

  // A list of choices keeps the items that have the value; a text field (a filter with too
  // many choices to list, macros/facets.py) those with a label that holds the typed words.
  function matches(item, field) {
    const values = valuesOf(item, field.name)
    if (field.tagName === "SELECT") return values.includes(field.value)
    const typed = slug(field.value)
    return values.some(value => value.includes(typed))
  }

  function countText(status, shown, total) {
    const template =
      shown === 0 ? status.dataset.countNone
        : shown === 1 ? status.dataset.countOne
          : status.dataset.countMany
    return template.replaceAll("{count}", shown).replaceAll("{total}", total)
  }

  function setUp(listing) {
    const form = listing.querySelector("[data-filters]")
    const status = listing.querySelector("[role=status]")
    const list = listing.querySelector("[data-listing-items]")
    const more = listing.querySelector("[data-show-more]")
    const fields = [...form.querySelectorAll("select, input")]
    const source = listing.dataset.listingSource
    const pageSize = Number(listing.dataset.pageSize) || Infinity
    let items = [...list.children]
    const total = Number(listing.dataset.listingTotal) || items.length
    let complete = !source // every item is in `items`
    let loading = null
    let shown = Math.max(pageSize, (history.state && history.state.shown) || 0)

    function everything() {
      loading ??= fetch(new URL(source, window.location.href))
        .then(response => {
          if (!response.ok) throw new Error(`${source}: ${response.status}`)
          return response.json()
        })
        .then(cards => {
          const parsed = document.createElement("template")
          parsed.innerHTML = cards.join("") // autoescaped by the site's own template
          items = [...parsed.content.children]
          complete = true
        })
        .finally(() => list.removeAttribute("aria-busy"))
      if (!complete) list.setAttribute("aria-busy", "true")
      return loading
    }

    // When the cards cannot be fetched (offline copy, lost connection), the list of links
    // written for readers without JavaScript still leads to every case study.
    function showLinks() {
      const links = listing.querySelector("noscript")
      if (!links) return
      const parsed = document.createElement("template")
      parsed.innerHTML = links.textContent // autoescaped by the site's own template
      links.replaceWith(parsed.content)
    }

    const choices = () => fields.filter(field => slug(field.value))

    // What a printed listing says of its filters (the form itself is not printed): each
    // chosen filter's label and value, in the page's words; nothing when none is chosen.
    const printed = listing.querySelector("[data-filters-printed]")
    function describe(chosen) {
      if (!printed) return
      const labelOf = field => form.querySelector(`label[for="${field.id}"]`).textContent
      const valueOf = field =>
        field.tagName === "SELECT" ? field.selectedOptions[0].textContent : field.value
      // Replaced by functions: a "$&" in a typed value stays as it is.
      const each = chosen.map(field => printed.dataset.filterPrinted
        .replace("{label}", () => labelOf(field)).replace("{value}", () => valueOf(field)))
      const text = each.length
        ? printed.dataset.filtersPrinted.replace("{filters}", () => each.join(" · "))
        : ""
      if (printed.textContent !== text) printed.textContent = text
    }

    function show() {
      const chosen = choices()
      describe(chosen)
      const matching = items.filter(item => chosen.every(field => matches(item, field)))
      const visible = matching.slice(0, shown)
      const same = visible.length === list.children.length &&
        visible.every((item, index) => list.children[index] === item)
      if (!same) list.replaceChildren(...visible)
      const found = complete ? matching.length : total // not complete: no filter chosen
      const text = countText(status, found, total)
      if (status.textContent !== text) status.textContent = text
      if (more) {
        more.hidden = found <= visible.length
        more.textContent = more.dataset.showMore
          .replaceAll("{shown}", visible.length).replaceAll("{count}", found)
      }
      return visible
    }

    function remember() {
      const url = new URL(window.location.href)
      for (const field of fields) {
        if (slug(field.value)) url.searchParams.set(field.name, field.value)
        else url.searchParams.delete(field.name)
      }
      history.replaceState({ ...history.state, shown }, "", url)
    }

    // Shows the view the form and `shown` ask for, fetching every card first if they need it.
    async function update({ keep = true } = {}) {
      if (!complete && (choices().length || shown > items.length)) {
        try {
          await everything()
        } catch (error) {
          loading = null // the next change tries again
          status.textContent = listing.dataset.listingFailed
          showLinks()
          return []
        }
      }
      const visible = show()
      if (keep) remember()
      return visible
    }

    // The URL decides, not whatever the browser restored in the form on reload.
    const wanted = new URLSearchParams(window.location.search)
    for (const field of fields) {
      const value = wanted.get(field.name) || ""
      const known = field.tagName !== "SELECT" ||
        [...field.options].some(option => option.value === value)
      field.value = known ? value : ""
    }

    // "input": a choice made, or each key typed in a text field.
    form.addEventListener("input", () => { shown = pageSize; update() })
    // "reset" fires before the fields are reset: look at them once it is done.
    form.addEventListener("reset", () => setTimeout(() => { shown = pageSize; update() }))
    form.addEventListener("submit", event => event.preventDefault())
    if (more) {
      more.addEventListener("click", async () => {
        const before = shown
        shown += pageSize
        const visible = await update()
        // The keyboard goes on from the first new card, not back to the top of the page.
        const first = visible[before] && visible[before].querySelector("a")
        if (first) first.focus()
      })
    }
    update({ keep: false })
  }

  document.querySelectorAll("[data-listing]").forEach(setUp)
})()

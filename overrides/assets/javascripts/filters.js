// Filters for the listings (case studies, partners directory).
//
// The whole list is in the HTML, so it reads fine without JavaScript. This script shows the
// filters, hides the items that do not match, keeps the choice in the URL query string (a
// shared or reloaded link shows the same view) and updates the count, which screen readers
// announce (role="status", aria-live="polite"). Every text comes from the page, in its language.
//
// Only the two listing pages load it (macros/filters.py), deferred, after the list.
// Markup (macros/templates/parts.html): [data-listing] holds a form[data-filters] of select
// elements, a [role=status] count with data-count-none/-one/-many, and [data-listing-items]
// whose list items carry data-filter-NAME="space-separated values" for each select's NAME.
;(() => {
  "use strict"

  const valuesOf = (item, name) => (item.getAttribute(`data-filter-${name}`) || "").split(" ")

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
    const items = [...listing.querySelectorAll("[data-listing-items] > li")]
    const selects = [...form.querySelectorAll("select")]

    function show() {
      const choices = selects.filter(select => select.value)
      let shown = 0
      for (const item of items) {
        const matches = choices.every(select => valuesOf(item, select.name).includes(select.value))
        item.hidden = !matches
        shown += matches ? 1 : 0
      }
      const text = countText(status, shown, items.length)
      if (status.textContent !== text) status.textContent = text
    }

    function remember() {
      const url = new URL(window.location.href)
      for (const select of selects) {
        if (select.value) url.searchParams.set(select.name, select.value)
        else url.searchParams.delete(select.name)
      }
      history.replaceState(history.state, "", url)
    }

    // The URL decides, not whatever the browser restored in the form on reload.
    const wanted = new URLSearchParams(window.location.search)
    for (const select of selects) {
      const value = wanted.get(select.name) || ""
      const known = [...select.options].some(option => option.value === value)
      select.value = known ? value : ""
    }

    form.addEventListener("change", () => { show(); remember() })
    // "reset" fires before the fields are reset: look at them once it is done.
    form.addEventListener("reset", () => setTimeout(() => { show(); remember() }))
    form.addEventListener("submit", event => event.preventDefault())
    show()
  }

  document.querySelectorAll("[data-listing]").forEach(setUp)
})()

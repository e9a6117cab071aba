// Glossary terms on touch and keyboard. macros/build/glossary_abbreviations.py makes each term an
// <abbr title="expansion">, whose title only shows on mouse hover. Here each term becomes a
// Tab stop whose expansion shows on focus, on tap and on hover, is dismissed with Escape
// (WCAG 1.4.13), and is the term's accessible description (aria-describedby), so screen
// readers announce it. Without JavaScript the title stays. Only pages with a term load this.
;(() => {
  "use strict"

  const terms = [...document.querySelectorAll(".md-content abbr[title]")]
  if (!terms.length) return
  const tips = new Map() // one tooltip per expansion, shared by every occurrence of the term
  let shown = null

  function tipFor(text) {
    if (!tips.has(text)) {
      const tip = document.createElement("span")
      tip.id = `glossary-tip-${tips.size + 1}`
      tip.className = "glossary-tip"
      tip.setAttribute("role", "tooltip")
      tip.textContent = text
      tip.hidden = true
      document.querySelector("main").append(tip) // inside a landmark (axe region)
      tips.set(text, tip)
    }
    return tips.get(text)
  }

  function show(term) {
    hide()
    const tip = document.getElementById(term.getAttribute("aria-describedby"))
    tip.hidden = false
    const box = term.getBoundingClientRect()
    const width = document.documentElement.clientWidth
    const left = Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8))
    tip.style.left = `${left + scrollX}px`
    tip.style.top = `${box.bottom + scrollY + 4}px`
    shown = tip
  }

  function hide() {
    if (shown) shown.hidden = true
    shown = null
  }

  for (const term of terms) {
    const tip = tipFor(term.title)
    term.dataset.definition = term.title // kept for paper (extra.css, @media print)
    term.removeAttribute("title") // the tooltip replaces the browser's: not both on hover
    term.tabIndex = 0
    term.setAttribute("aria-describedby", tip.id)
    term.addEventListener("focus", () => show(term))
    term.addEventListener("blur", hide)
    term.addEventListener("mouseenter", () => show(term))
    term.addEventListener("mouseleave", () => document.activeElement !== term && hide())
    term.addEventListener("click", () => show(term)) // a tap: some browsers do not focus
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shown) hide()
  })
})()

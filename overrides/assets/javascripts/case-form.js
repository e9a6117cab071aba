// The "propose a case study" form (docs/<language>/proposer-un-cas.md, macros/render/case_form.py).
//
// Reads the controls back into a record, writes it as the YAML of data/case-studies/<id>.yml
// and checks it with the rules of `make validate`: the JSON Schema keywords the case schema
// uses, the project's own (x-reference, x-past-year, x-text), and the case checks the schema
// cannot express (macros/kinds/case_studies.py check_case). Each problem carries the same key
// as the Python validator's (macros/model/validation.py), worded by data/messages.yml in the
// page's language; tests/test_case_form.py feeds the same inputs to both and compares. No code
// is compiled at run time (the policy allows no eval) and nothing is sent: the contributor
// chooses to open GitHub's editor, download the file or e-mail it.
;(() => {
  "use strict"

  const form = document.querySelector("form[data-case-form]")
  const dataBlock = document.getElementById("case-form-checks")
  if (!form || !dataBlock) return
  const checks = JSON.parse(dataBlock.textContent)
  const summary = document.querySelector("[data-error-summary]")
  const result = document.querySelector("[data-result]")
  const language = checks.language
  const LANGUAGES = ["fr", "en"]
  const thisYear = new Date().getFullYear()

  // --- Repeatable rows ---------------------------------------------------------------------

  let rowCount = 0
  function addRow(list) {
    const template = list.querySelector(":scope > template[data-row]")
    const number = String(rowCount++)
    const row = template.content.firstElementChild.cloneNode(true)
    for (const element of [row, ...row.querySelectorAll("*")]) {
      for (const name of ["id", "for", "aria-describedby", "list"]) {
        const value = element.getAttribute(name)
        if (value && value.includes("__N__")) element.setAttribute(name, value.replaceAll("__N__", number))
      }
    }
    list.querySelector(":scope > [data-rows]").append(row)
    return row
  }

  form.addEventListener("click", (event) => {
    const add = event.target.closest("[data-add]")
    if (add) {
      const row = addRow(add.closest("[data-node=list]"))
      const first = row.querySelector("input, select, textarea")
      if (first) first.focus()
      return
    }
    const remove = event.target.closest("[data-remove]")
    if (remove) {
      const list = remove.closest("[data-node=list]")
      remove.closest("[data-row-item]").remove()
      list.querySelector(":scope > [data-add]").focus()
    }
  })
  // Each list starts with one row: a required list asks for at least one item.
  for (const list of form.querySelectorAll("[data-node=list]")) {
    if (!list.parentElement.closest("[data-row-item]")) addRow(list)
  }

  // --- From the controls to a record -------------------------------------------------------

  function fieldName(path) {
    let name = ""
    for (const part of path) {
      name += typeof part === "number" ? `[${part}]` : name ? `.${part}` : part
    }
    return name || "file"
  }

  function childNodes(element) {
    return [...element.querySelectorAll("[data-node]")].filter(
      (child) => (child.parentElement.closest("[data-node]") || form) === element,
    )
  }

  function read(element, path, where) {
    where.set(fieldName(path), element)
    const kind = element.dataset.node
    const required = element.dataset.required === "true"
    if (kind === "object") {
      const value = {}
      for (const child of childNodes(element)) {
        const item = read(child, [...path, child.dataset.key], where)
        if (item !== undefined) value[child.dataset.key] = item
      }
      return Object.keys(value).length ? value : undefined
    }
    if (kind === "list") {
      const items = []
      for (const row of element.querySelector(":scope > [data-rows]").children) {
        const item = read(row.querySelector("[data-node]"), [...path, items.length], where)
        if (item !== undefined) items.push(item)
      }
      return items.length || required ? items : undefined
    }
    if (kind === "choices") {
      const chosen = [...element.querySelectorAll("input:checked")].map((input) => input.value)
      return chosen.length || required ? chosen : undefined
    }
    const control = element.querySelector("input, select, textarea")
    if (kind === "boolean") return control.checked ? true : undefined
    const text = control.value.trim()
    if (!text) return undefined
    if (kind === "number" && /^-?[0-9]+(\.[0-9]+)?$/.test(text)) return Number(text)
    return text
  }

  function today() {
    const now = new Date()
    const pad = (number) => String(number).padStart(2, "0")
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  }

  // The record in the schema's order of fields, as the files in data/case-studies/ are written.
  function record(where) {
    const asked = {}
    for (const element of childNodes(form)) {
      const value = read(element, [element.dataset.key], where)
      if (value !== undefined) asked[element.dataset.key] = value
    }
    Object.assign(asked, { added: today(), partners: [] })
    const ordered = {}
    for (const name of Object.keys(checks.schemas[checks.schema].properties)) {
      if (name in asked) ordered[name] = asked[name]
    }
    return ordered
  }

  // --- YAML: every text in double quotes (JSON's escapes are YAML's), each field's line noted --

  function scalar(value) {
    return typeof value === "string" ? JSON.stringify(value) : String(value)
  }

  function dump(value, indent, path, lines, at) {
    const pad = " ".repeat(indent)
    for (const [key, item] of Object.entries(value)) {
      const here = [...path, key]
      at.set(fieldName(here), lines.length + 1)
      if (Array.isArray(item) && !item.length) lines.push(`${pad}${key}: []`)
      else if (Array.isArray(item)) {
        lines.push(`${pad}${key}:`)
        item.forEach((entry, index) => {
          at.set(fieldName([...here, index]), lines.length + 1)
          if (typeof entry !== "object") return lines.push(`${pad}  - ${scalar(entry)}`)
          const start = lines.length
          dump(entry, indent + 4, [...here, index], lines, at)
          lines[start] = `${pad}  - ${lines[start].trimStart()}`
        })
      } else if (typeof item === "object") {
        lines.push(`${pad}${key}:`)
        dump(item, indent + 2, here, lines, at)
      } else lines.push(`${pad}${key}: ${scalar(item)}`)
    }
  }

  function yaml(value, at) {
    const lines = ["# yaml-language-server: $schema=../schemas/case-study.schema.json"]
    dump(value, 0, [], lines, at)
    return `${lines.join("\n")}\n`
  }

  // --- The checks of macros/model/validation.py --------------------------------------------

  // Unicode's format characters and the other characters a text may not hold (validation.py).
  const FORMAT =
    "\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890-\\u0891\\u08e2\\u180e\\u200b-\\u200f" +
    "\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb\\u{110bd}\\u{110cd}" +
    "\\u{13430}-\\u{13438}\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0001}\\u{e0020}-\\u{e007f}"
  const INVISIBLE = new RegExp(`[${FORMAT}]`, "u")
  const UNUSUAL = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029${FORMAT}]`, "gu")
  const DIRECTION = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
  const LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"

  function textMistake(rule, value) {
    if (typeof value !== "string") return null
    for (const [character] of value.matchAll(UNUSUAL)) {
      if (LINE_BREAKS.includes(character) && (rule === "line" || character !== "\n")) {
        return rule === "line" ? "text.line_break" : "text.unusual_line_break"
      }
      if (INVISIBLE.test(character)) {
        return DIRECTION.includes(character) ? "text.direction_character" : "text.invisible_character"
      }
      if (!LINE_BREAKS.includes(character)) return "text.control_character"
    }
    return null
  }

  function codeOf(value) {
    const found = value.match(UNUSUAL) || value.match(INVISIBLE)
    const code = found ? found[0].codePointAt(0) : 0
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
  }

  function resolve(reference, base) {
    const [file, pointer] = reference.split("#")
    const name = file || base
    let node = checks.schemas[name]
    for (const part of pointer.split("/").filter(Boolean)) node = node[part]
    return [node, name]
  }

  // A schema node's description in the page's language, following $ref where it has none.
  function description(node, base) {
    while (node) {
      const own = node[`x-description-${language}`] || node.description
      if (own) return own
      if (!node.$ref) return ""
      ;[node, base] = resolve(node.$ref, base)
    }
    return ""
  }

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value)
  }

  const TYPES = {
    object: isObject,
    array: Array.isArray,
    string: (value) => typeof value === "string",
    integer: (value) => Number.isInteger(value),
    number: (value) => typeof value === "number",
    boolean: (value) => typeof value === "boolean",
  }

  function quoted(value) {
    const text = String(value).length > 40 ? `${String(value).slice(0, 39)}…` : String(value)
    return language === "en" ? `'${text}'` : text
  }

  function found(value) {
    if (value === null || value === undefined) return { key: "value.nothing" }
    if (typeof value === "boolean") return String(value)
    if (typeof value === "number") return { key: "value.number", values: { value } }
    if (typeof value === "string") return { key: "value.text", values: { value: quoted(value) } }
    return { key: Array.isArray(value) ? "value.list" : "value.mapping" }
  }

  // The ids a contributor may have meant (macros/model/messages.py choices): all when few, else
  // the closest, else how many there are.
  function similarity(a, b) {
    const row = new Array(b.length + 1).fill(0)
    for (let i = 1; i <= a.length; i++) {
      let previous = 0
      for (let j = 1; j <= b.length; j++) {
        const kept = row[j]
        row[j] = a[i - 1] === b[j - 1] ? previous + 1 : Math.max(row[j], row[j - 1])
        previous = kept
      }
    }
    return (2 * row[b.length]) / (a.length + b.length || 1)
  }

  function choices(given, known, list) {
    if (known.length <= 12) return { key: "choices.listed", values: { ids: known.join(", ") } }
    const scored = known.map((id) => [similarity(String(given), id), id]).sort((a, b) => b[0] - a[0])
    const best = scored.length ? scored[0][0] : 0
    const close = scored.slice(0, 3).filter(([ratio]) => ratio >= Math.max(0.6, best - 0.1))
    if (close.length) return { key: "choices.closest", values: { ids: close.map(([, id]) => id).join(", ") } }
    return { key: "choices.counted", values: { count: known.length, list } }
  }

  function check(node, base, value, path, here, problems) {
    const problem = (key, values = {}, at = path) => problems.push({ path: at, key, values })
    const keywords = Object.entries(node)
    if (node.$ref && !("description" in node)) here = description(node, base) || here
    for (const [keyword, rule] of keywords) {
      if (keyword === "$ref") {
        const [target, targetBase] = resolve(rule, base)
        check(target, targetBase, value, path, here, problems)
      } else if (keyword === "type") {
        if (!TYPES[rule](value)) problem("schema.wrong_type", { found: found(value), expected: here })
      } else if (keyword === "properties" && isObject(value)) {
        for (const [name, sub] of Object.entries(rule)) {
          if (name in value) check(sub, base, value[name], [...path, name], description(sub, base), problems)
        }
      } else if (keyword === "required" && isObject(value)) {
        for (const name of rule.filter((name) => !(name in value))) {
          const key = LANGUAGES.includes(name) ? "schema.missing_translation" : "schema.missing_field"
          problem(key, { expected: description(node.properties[name], base) || here }, [...path, name])
        }
      } else if (keyword === "additionalProperties" && rule === false && isObject(value)) {
        for (const name of Object.keys(value).filter((name) => !(name in node.properties))) {
          problem("schema.unknown_key", { allowed: Object.keys(node.properties).join(", ") }, [...path, name])
        }
      } else if (keyword === "items" && Array.isArray(value)) {
        value.forEach((item, index) => check(rule, base, item, [...path, index], description(rule, base), problems))
      } else if (keyword === "minItems" && Array.isArray(value) && value.length < rule) {
        problem("schema.empty_list", { expected: here })
      } else if (keyword === "maxItems" && Array.isArray(value) && value.length > rule) {
        problem("schema.too_many", { count: value.length, limit: rule, expected: here })
      } else if (keyword === "uniqueItems" && rule && Array.isArray(value)) {
        const index = value.findIndex((item, i) => value.indexOf(item) < i)
        if (index >= 0) problem("schema.duplicate_item", { value: quoted(value[index]) }, [...path, index])
      } else if (keyword === "pattern" && typeof value === "string" && !new RegExp(rule).test(value)) {
        const last = path[path.length - 1]
        const explained = description(node, base) || here
        if (!value.trim()) {
          problem(LANGUAGES.includes(last) ? "schema.empty_translation" : "schema.empty_text", { expected: explained })
        } else if (INVISIBLE.test(value)) {
          problem("text.invisible_anywhere", { code: codeOf(value), name: "" })
        } else {
          const title = node[`x-title-${language}`] || node.title || { key: "value.value" }
          problem("schema.invalid", { title, value: quoted(value), expected: explained })
        }
      } else if (keyword === "maxLength" && typeof value === "string" && [...value].length > rule) {
        problem("schema.too_long", { length: [...value].length, limit: rule })
      } else if ((keyword === "minimum" && typeof value === "number" && value < rule) ||
                 (keyword === "maximum" && typeof value === "number" && value > rule)) {
        problem("schema.out_of_range", { found: found(value), expected: here })
      } else if (keyword === "enum" && !rule.includes(value)) {
        problem("schema.other", { detail: `${quoted(value)} ∉ ${rule.join(", ")}`, expected: here })
      } else if (keyword === "x-reference" && typeof value === "string") {
        const known = checks.known[rule]
        if (known && !known.includes(value)) {
          problem(`schema.unknown.${rule}`, { value: quoted(value), choices: choices(value, known, rule) })
        }
      } else if (keyword === "x-past-year" && rule && Number.isInteger(value) && value > thisYear) {
        problem("schema.future_year", { year: value, this_year: thisYear })
      } else if (keyword === "x-text") {
        const key = textMistake(rule, value)
        if (key) problem(key, { code: codeOf(value), name: "", expected: { key: `text.${rule}` } })
      }
    }
  }

  // What check_case adds (macros/kinds/case_studies.py): a key figure dated or marked undated,
  // not both; a step named once; a région only in France.
  function caseProblems(value, at) {
    const problems = []
    ;(value.key_figures || []).forEach((figure, index) => {
      if (!isObject(figure)) return
      const what = { word: "dated.figure" }
      if ("year" in figure && figure.undated === true) {
        problems.push({ path: ["key_figures", index, "undated"], key: "case.dated_and_undated", values: { what } })
      } else if (!("year" in figure) && figure.undated !== true) {
        problems.push({ path: ["key_figures", index], key: "case.without_year", values: { what } })
      }
    })
    const seen = new Map()
    ;(value.steps || []).forEach((link, index) => {
      const step = isObject(link) ? link.step : undefined
      if (typeof step !== "string") return
      if (seen.has(step)) {
        problems.push({
          path: ["steps", index, "step"], key: "case.step_twice",
          values: { value: quoted(step), first: seen.get(step) },
        })
      } else seen.set(step, at.get(fieldName(["steps", index, "step"])) || 1)
    })
    // A région only in France (case_studies.py _check_region, FRANCE).
    const territory = isObject(value.territory) ? value.territory : {}
    if ("region" in territory && typeof territory.country === "string" && territory.country !== "france") {
      problems.push({
        path: ["territory", "region"], key: "case.region_outside_france",
        values: { country: quoted(territory.country) },
      })
    }
    if (checks.cases.includes(value.id)) {
      problems.push({ path: ["id"], key: "case_from_issue.exists", values: { path: `data/case-studies/${value.id}.yml` } })
    }
    return problems
  }

  // One problem per field, a text's own rule first, as SchemaChecker.check keeps them.
  function validate(value, at) {
    const found = []
    const schema = checks.schemas[checks.schema]
    check(schema, checks.schema, value, [], "", found)
    const first = new Map()
    for (const problem of [...found.filter((p) => p.key.startsWith("text.")), ...found]) {
      const field = fieldName(problem.path)
      if (!first.has(field)) first.set(field, { ...problem, field })
    }
    return [...first.values(), ...caseProblems(value, at).map((p) => ({ ...p, field: fieldName(p.path) }))]
  }

  // --- Messages: data/messages.yml in the page's language ----------------------------------

  function inWords(value) {
    if (value && typeof value === "object" && value.word) return checks.messages[`word.${value.word}`].message
    if (value && typeof value === "object" && value.key) return wording(value.key, value.values || {})[0]
    return value
  }

  function fill(template, values) {
    return (template || "").replace(/\{\{|\}\}|\{(\w+)\}/g, (match, name) =>
      match === "{{" ? "{" : match === "}}" ? "}" : String(inWords(values[name]) ?? ""))
  }

  function wording(key, values) {
    const worded = checks.messages[key]
    return [fill(worded.message, values), fill(worded.fix, values)]
  }

  // --- Showing the problems (GOV.UK's error summary and error messages) ---------------------

  function clear() {
    for (const error of form.querySelectorAll(".case-form__error")) {
      error.hidden = true
      error.textContent = ""
    }
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid")
    for (const described of form.querySelectorAll("[aria-describedby]")) {
      const ids = described.getAttribute("aria-describedby").split(" ").filter((id) => !id.endsWith("-error"))
      if (ids.length) described.setAttribute("aria-describedby", ids.join(" "))
      else described.removeAttribute("aria-describedby")
    }
    summary.hidden = true
    summary.querySelector("[data-error-list]").replaceChildren()
  }

  function elementFor(path, where) {
    for (let length = path.length; length > 0; length--) {
      const element = where.get(fieldName(path.slice(0, length)))
      if (element) return element
    }
    return form.querySelector("[data-node]")
  }

  // "Key figures 1 › Year": where a problem is, by the labels the contributor sees.
  function labelFor(path, where) {
    const labels = []
    path.forEach((part, index) => {
      if (typeof part === "number") {
        if (labels.length) labels[labels.length - 1] += ` ${part + 1}`
        return
      }
      const element = where.get(fieldName(path.slice(0, index + 1)))
      if (element) labels.push(element.dataset.label)
    })
    return labels.join(" › ")
  }

  function show(problems, where) {
    const list = summary.querySelector("[data-error-list]")
    for (const problem of problems) {
      const [message, fix] = wording(problem.key, problem.values)
      const text = fix ? `${message} (${fix})` : message
      const element = elementFor(problem.path, where)
      const error = element.querySelector(":scope > .case-form__error, :scope > .case-form__choice ~ .case-form__error")
      const leaf = element.matches("fieldset") ? null : element.querySelector("input, select, textarea")
      const described = leaf || element
      error.textContent = error.textContent ? `${error.textContent} ${text}` : text
      error.hidden = false
      error.dataset.key = problem.key
      const ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(Boolean)
      if (!ids.includes(error.id)) described.setAttribute("aria-describedby", [...ids, error.id].join(" "))
      if (leaf) leaf.setAttribute("aria-invalid", "true")
      const target = leaf || element.querySelector("input, select, textarea") || element
      const item = document.createElement("li")
      const link = document.createElement("a")
      link.href = `#${target.id}`
      const label = labelFor(problem.path, where)
      link.textContent = label ? fill(checks.where, { label, problem: text }) : text
      link.dataset.key = problem.key
      link.dataset.field = problem.field
      link.addEventListener("click", (event) => {
        event.preventDefault()
        target.focus()
        target.scrollIntoView({ block: "center" })
      })
      item.append(link)
      list.append(item)
    }
    summary.hidden = false
    summary.focus()
  }

  // --- Sending: GitHub's new-file editor, a download, or an e-mail --------------------------

  function offer(value, text) {
    const fileName = `${value.id}.yml`
    result.querySelector("[data-yaml]").value = text
    const query = `filename=${encodeURIComponent(fileName)}&value=${encodeURIComponent(text)}`
    result.querySelector("[data-github]").href = `${checks.new_file}?${query}`
    result.querySelector("[data-download]").onclick = () => {
      const anchor = document.createElement("a")
      anchor.href = URL.createObjectURL(new Blob([text], { type: "application/yaml" }))
      anchor.download = fileName
      document.body.append(anchor)
      anchor.click()
      anchor.remove()
      setTimeout(() => URL.revokeObjectURL(anchor.href), 1000)
    }
    const mail = result.querySelector("[data-mail]")
    if (mail && checks.contact) {
      const subject = fill(checks.mail_subject, { id: value.id })
      mail.href = `mailto:${encodeURIComponent(checks.contact).replace("%40", "@")}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`
    }
    result.hidden = false
    result.focus()
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault()
    clear()
    result.hidden = true
    const where = new Map()
    const value = record(where)
    const at = new Map()
    const text = yaml(value, at)
    const problems = validate(value, at)
    form.dataset.keys = problems.map((p) => `${p.field} ${p.key}`).join("\n")
    if (problems.length) show(problems, where)
    else offer(value, text)
  })
})()

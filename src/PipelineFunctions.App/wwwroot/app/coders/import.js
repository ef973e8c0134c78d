// The study lead's import of a REFI-QDA project, in two steps: the chosen file is read as a dry run (nothing written),
// each source shown with where its site and language came from and a choice for each, duplicates shown as already in
// the study; Import sends the file again with the lead's choices, once every source to import has both.
(() => {
  const { api, el, params } = Pipeline;
  const base = `/api/studies/${encodeURIComponent(params.get("study"))}/import/qdpx`;
  const $ = s => document.querySelector(s);
  let file = null;
  let plan = null;          // the dry run's answer
  const choices = new Map(); // source GUID → { site, language, siteFrom, languageFrom }

  const origins = {
    site: { File: "from the file", suggested: "suggested from its name", Chosen: "chosen", None: "to choose" },
    language: { File: "from the file", suggested: "suggested from its text", Chosen: "chosen", None: "to choose" },
  };

  function size(bytes) {
    if (bytes === null || bytes === undefined) return "";
    return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB`
        : `${(bytes / 1048576).toFixed(1)} MB`;
  }

  const importable = s => s.placed && !s.duplicateOfTranscript && !s.duplicateOfSource;

  /** The sentence under the table, counted from the choices as they stand. */
  function summary() {
    const counts = { import: 0, already: 0, twice: 0, site: 0, language: 0, both: 0, unread: 0 };
    for (const s of plan.sources) {
      const c = choices.get(s.guid);
      if (!s.placed) counts.unread++;
      else if (s.duplicateOfTranscript) counts.already++;
      else if (s.duplicateOfSource) counts.twice++;
      else if (!c.site && !c.language) counts.both++;
      else if (!c.site) counts.site++;
      else if (!c.language) counts.language++;
      else counts.import++;
    }
    const needs = (n, what) => `${n} ${n === 1 ? "needs" : "need"} ${what}`;
    const parts = [`${counts.import} to import`,
      counts.already && `${counts.already} already in the study`,
      counts.twice && `${counts.twice} the same as another source of the file`,
      counts.site && needs(counts.site, "a site"), counts.language && needs(counts.language, "a language"),
      counts.both && needs(counts.both, "a site and a language"),
      counts.unread && `${counts.unread} cannot be read`].filter(Boolean);
    return { text: parts.join(", ") + ".", ready: counts.import > 0 && counts.site + counts.language + counts.both === 0 };
  }

  function choice(s, kind, options) {
    const c = choices.get(s.guid);
    const label = kind === "site" ? `Site of ${s.name}` : `Language of ${s.name}`;
    return el("select", { "aria-label": label, onchange: e => {
      c[kind] = e.target.value;
      c[`${kind}From`] = e.target.value ? "Chosen" : "None";
      render();
    } },
      el("option", { value: "", text: kind === "site" ? "Choose a site" : "Choose a language", selected: !c[kind] }),
      ...options.map(([value, text]) => el("option", { value, text, selected: value === c[kind] })));
  }

  function render() {
    const sites = plan.sites.map(s => [s.id, s.name]);
    const languages = plan.languages.map(l => [l, l]);
    $("#import-sources tbody").replaceChildren(...plan.sources.map(s => {
      const row = el("tr", { "data-source": s.guid },
        el("td", { text: String(s.number) }), el("th", { scope: "row", text: s.name }), el("td", { text: size(s.bytes) }));
      if (!importable(s)) {
        const why = !s.placed ? `Cannot be read: ${s.reason}`
          : s.duplicateOfTranscript ? "Already in the study: not imported again"
          : `The same text as source ${s.duplicateOfSource} of the file: imported once`;
        row.append(el("td", { colspan: "3", class: "status-wait", text: why }));
        return row;
      }
      const c = choices.get(s.guid);
      row.append(el("td", {}, choice(s, "site", sites)), el("td", {}, choice(s, "language", languages)),
        el("td", { text: `Site ${origins.site[c.siteFrom]}; language ${origins.language[c.languageFrom]}` }));
      return row;
    }));
    const { text, ready } = summary();
    $("#import-summary").textContent = text;
    $("#import-go").disabled = !ready;
    $("#import-plan").hidden = false;
  }

  async function read() {
    file = $("#import-file").files[0] ?? null;
    plan = null;
    choices.clear();
    $("#import-plan").hidden = true;
    $("#import-report").hidden = true;
    findings([]);
    if (!file) { $("#import-status").textContent = ""; return; }
    $("#import-status").textContent = "Reading the file…";
    const form = new FormData();
    form.append("file", file);
    try { plan = await api(`${base}?dryRun=true`, { method: "POST", body: form }); }
    catch (e) { $("#import-status").textContent = e.message === "forbidden" ? "" : `Not read: ${e.message}`; return; }
    for (const s of plan.sources.filter(importable))
      choices.set(s.guid, {
        site: s.site ?? s.suggestedSite ?? "", language: s.language ?? s.suggestedLanguage ?? "",
        siteFrom: s.site ? s.siteFrom : s.suggestedSite ? "suggested" : "None",
        languageFrom: s.language ? s.languageFrom : s.suggestedLanguage ? "suggested" : "None" });
    $("#import-status").textContent = `Read ${file.name}: nothing is written until you press Import.`;
    findings(plan.problems);
    render();
  }

  /** What reading the file found (positions counted as NVivo counts them, elements not read, memos not kept…). */
  function findings(list) {
    $("#import-findings ul").replaceChildren(...(list ?? []).map(f => el("li", { text: f.message })));
    $("#import-findings").hidden = !(list ?? []).length;
  }

  async function go() {
    const mapping = Object.fromEntries([...choices].map(([guid, c]) => [guid, { site: c.site, language: c.language }]));
    const form = new FormData();
    form.append("file", file);
    form.append("mapping", JSON.stringify(mapping));
    $("#import-go").disabled = true;
    $("#import-status").textContent = "Importing…";
    let report;
    try { report = await api(base, { method: "POST", body: form }); }
    catch (e) { $("#import-status").textContent = `Not imported: ${e.message}`; render(); return; }
    $("#import-plan").hidden = true;
    const words = { Accepted: "Imported", AlreadyInStudy: "Already in the study", AwaitingChoice: "Not imported: no site or language",
      NotPlaced: "Cannot be read", Duplicate: "Already in the study" };
    $("#import-report tbody").replaceChildren(...report.sources.map(s => el("tr", { "data-source-number": String(s.number) },
      el("th", { scope: "row", text: s.name }),
      el("td", { text: `${words[s.outcome] ?? s.outcome}. ${s.message}` }),
      el("td", { text: plan.sites.find(x => x.id === s.site)?.name ?? s.site ?? "" }),
      el("td", { text: s.language ?? "" }),
      el("td", { text: `${s.codings}${s.unplaced ? ` (${s.unplaced} not placed)` : ""}` }))));
    $("#import-report").hidden = false;
    findings(report.problems);
    $("#import-status").textContent = `${report.summary} ${report.codesAdded} code(s) added to the codebook.`;
    $("#import-file").value = "";
    file = null;
  }

  $("#import-file").addEventListener("change", read);
  $("#import-go").addEventListener("click", go);
})();

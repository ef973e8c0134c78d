// The study lead's themes report: per theme a table of its subthemes with coded passages by site and speaker role, then
// the quotes coders marked as illustrative with their citations; the same report as a Word document.
const { api, download, el, signIn, params } = Pipeline;
const study = params.get("study");
const base = `/api/studies/${encodeURIComponent(study)}/reports/themes`;

function table(columns, theme, n) {
  const sites = columns.filter(c => c.kind === "site"), roles = columns.filter(c => c.kind === "role");
  const groups = el("tr", {}, el("th", { scope: "col", rowspan: "2", text: "Subtheme" }),
    sites.length ? el("th", { scope: "colgroup", colspan: String(sites.length), text: "Site" }) : null,
    roles.length ? el("th", { scope: "colgroup", colspan: String(roles.length), text: "Speaker role" }) : null,
    el("th", { scope: "col", rowspan: "2", text: "All" }));
  const names = el("tr", {}, ...columns.map(c => el("th", { scope: "col", text: c.name })));
  const row = (name, r, total) => el("tr", total ? { class: "total" } : {}, el("th", { scope: "row", text: name }),
    ...r.counts.map((count, i) => el("td", { text: String(count),
      "aria-label": `${count} passage(s) of ${name} at ${columns[i].name}` })),
    el("td", { text: String(r.all), "aria-label": `${r.all} passage(s) of ${name} in all` }));
  return el("table", { id: `theme-${theme.code}` },
    el("caption", { text: `Table ${n}. ${theme.name}: coded passages by site and speaker role` }),
    el("thead", {}, groups, names),
    el("tbody", {}, ...theme.rows.map(r => row(r.name, r, false)), row(`All of ${theme.name}`, theme.total, true)));
}

function quotes(theme) {
  if (!theme.quotes.length) return el("p", { class: "evidence",
    text: "No illustrative quotes marked yet: coders mark one with ☆ on a code of the coding page." });
  return el("ul", { class: "quotes", "aria-label": `Illustrative quotes of ${theme.name}` },
    ...theme.quotes.map(q => el("li", {}, el("em", { text: `${q.subtheme}: ` }), `“${q.text}” `,
      el("span", { class: "citation", text: q.citation }))));
}

async function load() {
  const report = await api(base);
  document.querySelector("#title").textContent = `Themes report: ${report.studyName}`;
  document.querySelector("#summary").textContent = `${report.themes.length} theme(s) over ${report.transcripts} `
    + "transcript(s) ready for coding: passages of the final coding (the consensus, or the one submitted coding), "
    + "each counted once per row; quotes are the pseudonymised words coders marked as illustrative.";
  document.querySelector("#themes").replaceChildren(...report.themes.map((t, i) => el("section",
    { "aria-labelledby": `theme-title-${t.code}` }, el("h2", { id: `theme-title-${t.code}`, text: t.name }),
    table(report.columns, t, i + 1), el("h3", { text: `Illustrative quotes: ${t.name}` }), quotes(t))));
  document.querySelector("#report").hidden = false;
}

document.querySelector("#docx").addEventListener("click", () => download(`${base}?format=docx`, `${study}-themes.docx`));
signIn(load);

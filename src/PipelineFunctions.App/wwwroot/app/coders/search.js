// Search across the study's pseudonymised transcripts; a found passage can be coded here, and a search saved as a set.
const { api, el, signIn, params, showError } = Pipeline;
const study = params.get("study");
const q = encodeURIComponent;
const base = `/api/studies/${q(study)}`;
let codes = [];

function filters() {
  const f = new URLSearchParams({ q: document.querySelector("#q").value.trim() });
  for (const name of ["site", "language", "role"]) { const v = document.querySelector(`#${name}`).value.trim(); if (v) f.set(name, v); }
  return f;
}

/** Adds a code to one passage in the caller's own coding of that transcript, as the workspace would. */
async function code(hit, input) {
  const chosen = codes.find(c => c.name.toLowerCase() === input.value.trim().toLowerCase());
  if (!chosen) { showError("Choose a code from the codebook list."); return; }
  const path = `${base}/transcripts/${q(hit.transcriptId)}/review`;
  const view = await api(path);
  const mine = view.mine;
  if (!mine.codings.some(c => c.segment === hit.segment && c.codeId === chosen.id && c.start == null))
    mine.codings.push({ segment: hit.segment, codeId: chosen.id, origin: "added" });
  await api(`${path}/mine`, { method: "PUT", body: JSON.stringify(mine), headers: view.etag ? { "If-Match": view.etag } : {} });
  input.value = "";
  document.querySelector("#found").textContent = `Coded passage ${hit.segment} of ${hit.fileName} with ${chosen.name}.`;
}

async function search() {
  const started = performance.now();
  const r = await api(`${base}/search?${filters()}`);
  document.querySelector("#found").textContent = `${r.total} passage(s) in ${r.transcripts} transcript(s)${r.total > r.hits.length ? `, the best ${r.hits.length} shown` : ""}.`;
  document.querySelector("#hits").replaceChildren(...r.hits.map((h, n) => {
    const id = `code-${n}`;
    const input = el("input", { id, list: "codes", autocomplete: "off", size: "24" });
    return el("li", {}, el("blockquote", { text: h.text }),
      el("span", { text: `${h.speaker} — ${h.fileName}, ${h.siteName}, ${h.language}, ` }),
      el("a", { href: `review.html?study=${q(study)}&transcript=${q(h.transcriptId)}#passage-${h.segment}`, text: `passage ${h.segment}` }),
      el("span", { class: "code-here" }, el("label", { for: id, text: "Code it" }), input,
        el("button", { type: "button", text: "Add", "aria-label": `Add the code to passage ${h.segment} of ${h.fileName}`, onclick: () => code(h, input) })));
  }));
  document.body.dataset.searchMs = String(performance.now() - started);
}

async function sets() {
  const list = await api(`${base}/search/sets`);
  // Each set opens to its passages (saved here or imported with a project), each a link to it on the coding page.
  document.querySelector("#sets").replaceChildren(...(list.length ? list.map(s => el("li", {},
    el("details", {},
      el("summary", { text: `${s.name}: “${s.query}”, ${s.passages.length} passage(s), by ${s.by}` }),
      el("ul", {}, ...s.passages.map(p => el("li", {}, el("a", {
        href: `review.html?study=${q(study)}&transcript=${q(p.transcriptId)}#passage-${p.segment}`,
        text: `${p.fileName ?? p.transcriptId}, passage ${p.segment}` })))))))
    : [el("li", { text: "No saved sets yet." })]));
}

document.querySelector("#query").addEventListener("submit", e => { e.preventDefault(); search(); });
document.querySelector("#save-set").addEventListener("submit", async e => {
  e.preventDefault();
  const f = filters();
  const r = await api(`${base}/search/sets`, { method: "POST", body: JSON.stringify({ name: document.querySelector("#set-name").value.trim(),
    query: f.get("q"), site: f.get("site"), language: f.get("language"), role: f.get("role") }) });
  document.querySelector("#found").textContent = r.message;
  e.target.reset();
  await sets();
});

signIn(async () => {
  const [s, codebook] = await Promise.all([api(base), api(`${base}/codebook`)]);
  codes = codebook.codes;
  document.querySelector("#codes").replaceChildren(...codes.map(c => el("option", { value: c.name })));
  document.querySelector("#site").append(...s.sites.map(x => el("option", { value: x.id, text: x.name })));
  document.querySelector("#language").append(...s.languages.map(l => el("option", { value: l, text: l })));
  document.querySelector("#search").hidden = false;
  if (params.get("q")) { document.querySelector("#q").value = params.get("q"); await search(); }
  await sets();
});

// The code view: the code tree with counts (by site and role), a code's passages with citations, and its memos.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study");
const q = encodeURIComponent;
const base = `/api/studies/${q(study)}`;
let codes = [];

function filters() {
  const f = new URLSearchParams();
  for (const name of ["site", "role"]) { const v = document.querySelector(`#${name}`).value.trim(); if (v) f.set(name, v); }
  return f;
}

async function show() {
  const code = document.querySelector("#code").value;
  const f = filters();
  const [r, tree, memos] = await Promise.all([api(`${base}/codes/${q(code)}/passages?${f}`), api(`${base}/codes/tree?${f}`), api(`${base}/memos?code=${q(code)}`)]);
  document.querySelector("#definition").textContent = `${r.code.name}: ${r.code.definition ?? ""}`;
  CodeTree.render(document.querySelector("#tree"), codes, new Map(tree.codes.map(c => [c.id, c])), picked => {
    document.querySelector("#code").value = picked.id;
    show();
  });
  document.querySelector("#passages").replaceChildren(...(r.passages.length ? r.passages.map(p => {
    const quote = `"${p.text}" ${p.citation}`;
    return el("li", {}, el("blockquote", { text: p.text }),
      el("span", { text: `${p.citation} — ${p.fileName}, ` }),
      el("a", { href: `review.html?study=${q(study)}&transcript=${q(p.transcriptId)}#passage-${p.segment}`, text: `passage ${p.segment}` }),
      el("span", { text: `${p.codeId !== r.code.id ? ` (as ${codes.find(c => c.id === p.codeId)?.name ?? p.codeId})` : ""}${p.source === "mine" ? " (your coding, not final)" : ""} ` }),
      el("button", { type: "button", text: "Copy quote", "aria-label": `Copy quote ${p.citation} passage ${p.segment}`, onclick: async () => {
        await navigator.clipboard.writeText(quote);
        document.querySelector("#copied").textContent = `Copied ${p.citation}`;
      } }));
  }) : [el("li", { text: "No passage has this code yet." })]));
  document.querySelector("#code-memos").replaceChildren(...(memos.length ? memos.map(m => el("li", {},
    `${m.text} — ${m.fileName}${m.segment != null ? `, passage ${m.segment}` : ""}`
    + `${m.words ? ` on “${m.words}”` : ""} (${m.by})`)) : [el("li", { text: "No memo names this code." })]));
}

// The study lead's candidate new codes: each with its key phrases, passages by site and three quotes, and a draft
// proposal (name, definition, the quotes as examples) to edit and send.
async function showCandidates() {
  const r = await api(`${base}/codebook/candidates`);
  const list = document.querySelector("#candidates");
  list.replaceChildren(...(r.candidates.length ? r.candidates.map((c, i) => {
    const id = `candidate-${i}`;
    const form = el("form", { class: "candidate-form", hidden: "" },
      el("label", { for: `${id}-name`, text: "Name" }),
      el("input", { id: `${id}-name`, value: c.draft.name, size: "40" }),
      el("label", { for: `${id}-definition`, text: "Definition" }),
      el("textarea", { id: `${id}-definition`, rows: "3", cols: "60", text: c.draft.definition }),
      el("p", { class: "hint", text: `Its ${c.draft.examples.length} quotes above go with it as examples.` }),
      el("p", {}, el("button", { type: "submit", text: "Send proposal" })));
    const open = el("button", { type: "button", text: "Propose as a code", "aria-describedby": `${id}-title`,
      "aria-expanded": "false", onclick: () => {
        form.hidden = false;
        open.setAttribute("aria-expanded", "true");
        form.querySelector("input").focus();
      } });
    form.addEventListener("submit", async e => {
      e.preventDefault();
      const name = form.querySelector("input").value.trim();
      const res = await api(`${base}/codebook/proposals`, { method: "POST", body: JSON.stringify({
        name, definition: form.querySelector("textarea").value.trim(), examples: c.draft.examples }) });
      form.replaceWith(el("p", { text: `${res.message} ` },
        el("a", { href: `../lead/codebook.html?study=${q(study)}`, text: "See it among the proposals" })));
      open.remove();
      document.querySelector("#proposed").textContent = `'${name}' proposed.`;
    });
    return el("li", {},
      el("h3", { id: `${id}-title`, text: c.label }),
      el("p", { text: `Key phrases: ${c.keywords.join(", ")}` }),
      el("p", { text: `${c.passages} passages: ${c.bySite.map(s => `${s.site} ${s.passages}`).join(", ")}` }),
      el("ol", { class: "quotes" }, ...c.quotes.map(p => el("li", {}, el("blockquote", { text: p.text }),
        el("span", { text: `${p.citation}, ` }),
        el("a", { href: `review.html?study=${q(study)}&transcript=${q(p.transcriptId)}#passage-${p.segment}`,
          text: `passage ${p.segment}` })))),
      open, form);
  }) : [el("li", {
    text: `No candidate: every group of passages no code fits is too small (${r.considered} passages read).` })]));
  document.querySelector("#candidates-section").hidden = false;
}

signIn(async () => {
  const [codebook, tree] = await Promise.all([api(`${base}/codebook`), api(`${base}/codes/tree`)]);
  codes = codebook.codes;
  Stripes.use(codes);
  document.querySelector("#code").replaceChildren(...codes.map(c => el("option", { value: c.id, text: c.parent ? `— ${c.name}` : c.name })));
  document.querySelector("#site").append(...tree.sites.map(s => el("option", { value: s.id, text: s.name })));
  for (const name of ["code", "site", "role"]) if (params.get(name)) document.querySelector(`#${name}`).value = params.get(name);
  document.querySelector("#filters").addEventListener("submit", e => { e.preventDefault(); show(); });
  document.querySelector("#view").hidden = false;
  await show();
  if (Pipeline.can("study-lead")) await showCandidates();
});

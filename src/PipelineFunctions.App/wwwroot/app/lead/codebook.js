// The codebook as a tree the study lead edits (add, rename, move, definition, inclusion, exclusion, examples, colour),
// saved as a new version through the codebook PUT; two codes merged (their codings with them, a new version at once);
// a codebook file imported; coders' proposals approved or declined. A code that codings or memos use is never
// removed from under them (the API refuses it too): its remove names how much uses it and offers the merge instead.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study");
const base = `/api/studies/${encodeURIComponent(study)}`;
const $ = s => document.querySelector(s);
let book = null;
let selected = null;
let dirty = false;
let uses = new Map();

const children = parent => book.codes.filter(c => (c.parent ?? null) === parent);
const nameOf = id => book.codes.find(c => c.id === id)?.name ?? id;
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function usage(u) {
  return `${plural(u.codings, "coding")}${u.memos ? ` and ${plural(u.memos, "memo")}` : ""} on ${plural(u.transcripts, "transcript")}`;
}
function descendants(id) { return children(id).flatMap(c => [c.id, ...descendants(c.id)]); }
function newId(name) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "code";
  let id = slug;
  for (let n = 2; book.codes.some(c => c.id === id); n++) id = `${slug}-${n}`;
  return id;
}

function branch(parent) {
  return children(parent).map(c => el("li", {},
    el("button", { type: "button", class: "code", "aria-pressed": String(c.id === selected), "data-code": c.id, onclick: () => select(c.id) },
      el("span", { class: "swatch", style: `background:${Stripes.colour(c.id)}` }), c.name),
    children(c.id).length ? el("ul", {}, ...branch(c.id)) : null));
}

function renderTree() {
  Stripes.use(book.codes);
  $("#tree").replaceChildren(...branch(null));
  $("#save").disabled = !dirty;
  $("#dirty").textContent = dirty ? "Unsaved changes." : "";
}

function select(id) {
  selected = id;
  const c = book.codes.find(x => x.id === id);
  $("#code-form").hidden = false;
  $("#code-title").textContent = `Code: ${c.name}`;
  $("#code-name").value = c.name;
  $("#code-definition").value = c.definition ?? "";
  $("#code-inclusion").value = c.inclusion ?? "";
  $("#code-exclusion").value = c.exclusion ?? "";
  $("#code-examples").value = (c.examples ?? []).join("\n");
  $("#code-colour").value = Stripes.colour(c.id);
  $("#merge-into").replaceChildren(...book.codes.filter(x => x.id !== id).map(x => el("option", { value: x.id, text: x.name })));
  // A merge is saved at once, so it waits for unsaved edits to be saved first.
  $("#merge").disabled = dirty;
  $("#merge").title = dirty ? "Save your changes as a new version first." : "";
  const blocked = new Set([id, ...descendants(id)]);
  $("#code-parent").replaceChildren(el("option", { value: "", text: "(top level)" }),
    ...book.codes.filter(x => !blocked.has(x.id)).map(x => el("option", { value: x.id, text: x.name, selected: x.id === c.parent })));
  $("#remove-code").disabled = children(id).length > 0;
  $("#remove-code").title = children(id).length ? "Move or remove its codes first." : "";
  const use = uses.get(id);
  $("#code-uses").textContent = use ? `It codes ${usage(use)}: removing it means merging it into another code.` : "No coding uses it.";
  $("#remove-refused").textContent = "";
  renderTree();
}

function add(parent) {
  const name = "New code";
  const code = { id: newId(name), name, parent, definition: "" };
  book.codes.push(code);
  dirty = true;
  select(code.id);
  $("#code-name").focus();
  $("#code-name").select();
}

$("#code-form").addEventListener("submit", e => {
  e.preventDefault();
  const c = book.codes.find(x => x.id === selected);
  c.name = $("#code-name").value.trim();
  c.parent = $("#code-parent").value || null;
  c.definition = $("#code-definition").value.trim();
  c.inclusion = $("#code-inclusion").value.trim() || null;
  c.exclusion = $("#code-exclusion").value.trim() || null;
  const examples = $("#code-examples").value.split("\n").map(x => x.trim()).filter(Boolean);
  c.examples = examples.length ? examples : null;
  c.colour = $("#code-colour").value;
  dirty = true;
  select(c.id);
  $("#done").textContent = `${c.name} changed; save to make it a new version.`;
});
$("#merge").addEventListener("click", async () => {
  const [from, into] = [selected, $("#merge-into").value];
  const r = await api(`${base}/codebook/merge`, { method: "POST", body: JSON.stringify({ from, into }) });
  selected = null;
  $("#code-form").hidden = true;
  await load();
  $("#done").textContent = r.message;
  document.querySelector(`#tree button[data-code="${CSS.escape(into)}"]`)?.focus();
});
$("#add-top").addEventListener("click", () => add(null));
$("#add-child").addEventListener("click", () => add(selected));
$("#remove-code").addEventListener("click", () => {
  const use = uses.get(selected);
  if (use) {
    // Removed, its codings would point at no code: the merge takes them to another code and removes it in one step.
    $("#remove-refused").textContent = `'${nameOf(selected)}' is not removed: it codes ${usage(use)}. ` +
      (dirty ? "Save your changes as a new version, then merge it into another code below."
        : "Choose the code to merge it into below, then Merge: its codings move there and it is removed.");
    $("#merge-into").focus();
    return;
  }
  book.codes = book.codes.filter(c => c.id !== selected);
  selected = null;
  dirty = true;
  $("#code-form").hidden = true;
  renderTree();
});

$("#save").addEventListener("click", async () => {
  const r = await api(`${base}/codebook?format=json`, { method: "PUT", body: JSON.stringify(book) });
  dirty = false;
  await load();
  // Said once the tree is drawn again, so what is announced is what is on the page.
  $("#done").textContent = r.message;
});

$("#import").addEventListener("click", async () => {
  const file = $("#import-file").files[0];
  if (!file) { Pipeline.showError("Choose the codebook file first."); return; }
  const format = (file.name.split(".").pop() ?? "").toLowerCase();
  const r = await api(`${base}/codebook?format=${encodeURIComponent(format)}`, { method: "PUT", body: file });
  selected = null;
  $("#code-form").hidden = true;
  await load();
  $("#done").textContent = r.message;
});

async function decide(p, action) {
  const r = await api(`${base}/codebook/proposals/${encodeURIComponent(p.id)}/${action}`, { method: "POST" });
  await load();
  $("#done").textContent = r.message;
}

async function loadProposals() {
  const proposals = await api(`${base}/codebook/proposals`);
  $("#proposals tbody").replaceChildren(...proposals.map(p => el("tr", {},
    el("th", { scope: "row", text: p.name }), el("td", {}, p.definition, ...(p.examples?.length
      ? [el("ul", { class: "examples", "aria-label": `Examples of ${p.name}` },
        ...p.examples.map(x => el("li", { text: x })))] : [])),
    el("td", { text: p.parent ? nameOf(p.parent) : "(top level)" }),
    el("td", { text: `${p.by}, ${new Date(p.at).toLocaleDateString()}` }), el("td", { text: p.state }),
    el("td", {}, ...(p.state === "proposed" ? [
      el("button", { type: "button", text: "Approve", "aria-label": `Approve ${p.name}`, onclick: () => decide(p, "approve") }), " ",
      el("button", { type: "button", text: "Decline", "aria-label": `Decline ${p.name}`, onclick: () => decide(p, "decline") })] : [])))));
  if (!proposals.length) $("#proposals tbody").append(el("tr", {}, el("td", { colspan: "6", text: "No proposals yet." })));
}

async function load() {
  const [codebook, info, used] = await Promise.all([api(`${base}/codebook`), api(base), api(`${base}/codebook/uses`)]);
  if (!dirty) book = codebook;
  uses = new Map(used.map(u => [u.code, u]));
  $("#version").textContent = `${info.name}: codebook ${info.codebook ?? ""}, version ${info.codebookVersion ?? "–"}, ${info.codes} codes.`;
  renderTree();
  await loadProposals();
}

signIn(async () => { await load(); $("#codebook").hidden = false; });

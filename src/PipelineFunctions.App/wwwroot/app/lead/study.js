// A study set up in the browser: created with its sites, languages, pseudonym style, the site's check, double coding,
// cloud use, allow list and codebook file; edited afterwards; the roster uploaded from CSV after a preview; who codes
// what (coders by site or transcript, and which transcripts are double coded).
const { api, el, signIn, params, showError } = Pipeline;
const $ = s => document.querySelector(s);
let study = params.get("study");
const slug = s => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
const codes = s => s.split(/[,\s]+/).map(x => x.trim().toLowerCase()).filter(Boolean);
let n = 0;
let plan = null;   // who codes what, as the page holds it until saved

function siteRow(site = {}) {
  const i = ++n;
  const name = el("input", { "aria-label": `Name of site ${i}`, required: true, size: "20", value: site.name ?? "" });
  const id = el("input", { "aria-label": `Id of site ${i}`, required: true, size: "16", pattern: "[a-z0-9][a-z0-9\\-]{1,39}", value: site.id ?? "", readonly: site.id ? true : null });
  name.addEventListener("input", () => { if (!id.readOnly) id.value = slug(name.value); });
  const row = el("tr", {},
    el("td", {}, name), el("td", {}, id),
    el("td", {}, el("input", { "aria-label": `Country of site ${i}`, size: "4", value: site.country ?? "" })),
    el("td", {}, el("input", { "aria-label": `Languages of site ${i}`, size: "10", value: (site.languages ?? []).join(", ") })),
    el("td", {}, el("button", { type: "button", text: "Remove", "aria-label": `Remove site ${i}`, onclick: () => row.remove() })));
  $("#sites tbody").append(row);
  return name;
}

function sites() {
  return [...$("#sites tbody").rows].map(r => {
    const [name, id, country, languages] = [...r.querySelectorAll("input")].map(x => x.value.trim());
    return { id, name, country: country || null, languages: codes(languages) };
  });
}

function settings() {
  return {
    name: $("#name").value.trim(), sites: sites(), languages: codes($("#languages").value),
    allowList: $("#allow").value.split("\n").map(w => w.trim()).filter(Boolean), placeholderStyle: $("#placeholder").value,
    allowCloudLanguage: $("#cloud").checked, doubleCodeFirst: Number($("#double").value || 0), siteCheck: $("#site-check").checked,
  };
}

function fill(s) {
  $("#name").value = s.name;
  $("#sites tbody").replaceChildren();
  s.sites.forEach(siteRow);
  $("#languages").value = s.languages.join(", ");
  $("#placeholder").value = s.placeholderStyle;
  $("#double").value = s.doubleCodeFirst;
  $("#cloud").checked = s.allowCloudLanguage;
  $("#allow").value = s.allowList.join("\n");
  $("#site-check").checked = s.siteCheck;
}

// ---- who codes what: a tick per coder and site, per coder and transcript, and one for double coding ----
function loadPlan(view) {
  plan = {
    coders: view.coders, sites: view.sites, transcripts: view.transcripts, first: view.doubleCodeFirst,
    bySite: new Map(view.sites.map(s => [s.id, new Set(s.coders)])),
    byTranscript: new Map(view.transcripts.map(t => [t.id, new Set(t.coders)])),
    doubled: new Set(view.transcripts.filter(t => t.doubleCoded).map(t => t.id)),
  };
  renderPlan();
  $("#plan-warnings").replaceChildren(...view.warnings.map(w => el("li", { class: "status-wait", text: w })));
}

function tick(set, coder, label) {
  return el("input", { type: "checkbox", "aria-label": label, checked: set.has(coder),
    onchange: e => { if (e.target.checked) set.add(coder); else set.delete(coder); plan.transcripts.forEach(t => codedBy(t)); } });
}

function codedBy(t) {
  const own = plan.byTranscript.get(t.id);
  const cell = document.getElementById(`coded-by-${t.id}`);
  if (!cell) return;
  const site = plan.bySite.get(t.siteId) ?? new Set();
  cell.textContent = own.size ? [...own].join(", ") : site.size ? `${[...site].join(", ")} (the site's)` : "any coder";
}

function renderPlan() {
  const heads = plan.coders.map(c => el("th", { scope: "col", text: c }));
  $("#site-coders thead").replaceChildren(el("tr", {}, el("th", { scope: "col", text: "Site" }), ...heads.map(h => h.cloneNode(true))));
  $("#site-coders tbody").replaceChildren(...plan.sites.map(s => el("tr", {}, el("th", { scope: "row", text: s.name }),
    ...plan.coders.map(c => el("td", {}, tick(plan.bySite.get(s.id), c, `${c} codes ${s.name}`))))));
  $("#transcript-coders thead").replaceChildren(el("tr", {}, ...["File", "Site", "Status", "Double coded", "Coded by"].map(h => el("th", { scope: "col", text: h })), ...heads));
  const siteName = id => plan.sites.find(s => s.id === id)?.name ?? id;
  $("#transcript-coders tbody").replaceChildren(...plan.transcripts.map(t => el("tr", {},
    el("th", { scope: "row", text: t.fileName }), el("td", { text: siteName(t.siteId) }), el("td", { text: Statuses.describe(t.status) }),
    el("td", {}, t.firstDoubleCoded
      ? el("input", { type: "checkbox", checked: true, disabled: true, "aria-label": `Double code ${t.fileName} (one of the first ${plan.first} ready: change that number above)` })
      : tick(plan.doubled, t.id, `Double code ${t.fileName}`)),
    el("td", { id: `coded-by-${t.id}` }),
    ...plan.coders.map(c => el("td", {}, tick(plan.byTranscript.get(t.id), c, `${c} codes ${t.fileName}`))))));
  if (!plan.transcripts.length) $("#transcript-coders tbody").append(el("tr", {}, el("td", { colspan: String(5 + plan.coders.length), text: "No transcripts yet: assign coders by site, and come back for single transcripts." })));
  plan.transcripts.forEach(t => codedBy(t));
}

$("#add-coder").addEventListener("click", () => {
  const name = $("#new-coder").value.trim();
  if (!name || plan.coders.includes(name)) { showError(name ? `${name} is listed already.` : "Type the coder's sign-in name first."); return; }
  plan.coders.push(name);
  renderPlan();
  $("#new-coder").value = "";
  $("#done").textContent = `${name} added: tick what they code, then save.`;
});

$("#save-plan").addEventListener("click", async () => {
  const object = map => Object.fromEntries([...map].filter(([, set]) => set.size).map(([k, set]) => [k, [...set]]));
  const view = await api(`/api/studies/${encodeURIComponent(study)}/coding-plan`, { method: "PUT",
    body: JSON.stringify({ sites: object(plan.bySite), transcripts: object(plan.byTranscript), doubleCoded: [...plan.doubled] }) });
  loadPlan(view);
  $("#done").textContent = "Who codes what is saved; each coder's list follows it.";
});

function editing() {
  $("#title").textContent = `Study set-up: ${$("#name").value || study}`;
  $("#id-field").hidden = true;
  $("#study-id").required = false;
  $("#codebook-field").hidden = true;
  $("#save").textContent = "Save changes";
  $("#roster-section").hidden = false;
  $("#plan-section").hidden = false;
  const q = encodeURIComponent(study);
  $("#to-codebook").href = `codebook.html?study=${q}`;
  $("#to-upload").href = `../site/upload.html?study=${q}`;
  $("#to-home").href = `../?study=${q}`;
  $("#next").hidden = false;
}


$("#name").addEventListener("input", () => { if (!study && !$("#study-id").dataset.touched) $("#study-id").value = slug($("#name").value); });
$("#study-id").addEventListener("input", () => { $("#study-id").dataset.touched = "yes"; });
$("#add-site").addEventListener("click", () => siteRow().focus());

$("#preview").addEventListener("click", async () => {
  const file = $("#roster").files[0];
  if (!file) { showError("Choose the roster CSV first."); return; }
  // Read by the app as it will be kept; nothing is saved until "Save the roster".
  const r = await api(`/api/studies/${encodeURIComponent(study)}/roster?preview=true`, { method: "POST", body: file });
  $("#roster-summary").textContent = `${r.message} ${Object.entries(r.byCategory).map(([k, v]) => `${v} ${k}`).join(", ")}.`;
  $("#roster-preview tbody").replaceChildren(...r.rows.slice(0, 20).map(e => el("tr", {}, el("td", { text: e.identifier }), el("td", { text: String(e.category).toLowerCase() }), el("td", { text: (e.aliases ?? []).join(" | ") }))));
  $("#roster-preview").hidden = false;
  $("#save-roster").hidden = false;
});

$("#save-roster").addEventListener("click", async () => {
  const r = await api(`/api/studies/${encodeURIComponent(study)}/roster`, { method: "POST", body: $("#roster").files[0] });
  $("#done").textContent = r.message;
  $("#roster-preview").hidden = true;
  $("#save-roster").hidden = true;
});

$("#study-form").addEventListener("submit", async e => {
  e.preventDefault();
  const s = settings();
  if (!s.sites.length) { showError("Add at least one site."); return; }
  if (study) {
    await api(`/api/studies/${encodeURIComponent(study)}/settings`, { method: "PUT", body: JSON.stringify(s) });
    $("#done").textContent = "Changes saved.";
    loadPlan(await api(`/api/studies/${encodeURIComponent(study)}/coding-plan`));
    return;
  }
  const file = $("#codebook").files[0];
  if (!file) { showError("Choose the codebook file: the study is created with it (edit it afterwards)."); return; }
  const format = (file.name.split(".").pop() ?? "").toLowerCase();
  const codebook = await api(`/api/codebook-files?format=${encodeURIComponent(format)}&name=${encodeURIComponent(s.name)}`, { method: "POST", body: file });
  const id = $("#study-id").value.trim();
  await api("/api/studies", { method: "POST", body: JSON.stringify({ id, ...s, codebook }) });
  study = id;
  history.replaceState(null, "", `?study=${encodeURIComponent(id)}`);
  editing();
  loadPlan(await api(`/api/studies/${encodeURIComponent(id)}/coding-plan`));
  $("#done").textContent = `Study ${s.name} created with ${codebook.codes.length} codes. Now upload its roster below, and edit the codebook.`;
});

signIn(async () => {
  if (study) {
    const q = encodeURIComponent(study);
    const [settings, view] = await Promise.all([api(`/api/studies/${q}/settings`), api(`/api/studies/${q}/coding-plan`)]);
    fill(settings);
    editing();
    loadPlan(view);
  }
  else { $("#languages").value = "en"; siteRow(); }
  $("#setup").hidden = false;
});

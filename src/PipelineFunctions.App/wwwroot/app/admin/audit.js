// A study's audit log on a page: who read or changed what, newest first, filtered by user, action, day and target; CSV stays.
const { api, download, el, signIn, params } = Pipeline;
const study = params.get("study");
const $ = s => document.querySelector(s);
let entries = [];

function options(select, values) {
  const keep = select.value;
  select.replaceChildren(select.options[0], ...values.map(v => el("option", { value: v, text: v, selected: v === keep })));
}

function render() {
  const user = $("#f-user").value, action = $("#f-action").value, from = $("#f-from").value, text = $("#f-text").value.trim().toLowerCase();
  const shown = entries.filter(e => (!user || e.user === user) && (!action || e.action === action) && (!from || e.at.slice(0, 10) >= from)
    && (!text || e.target.toLowerCase().includes(text)));
  $("#entries tbody").replaceChildren(...shown.slice(0, 500).map(e => el("tr", {},
    el("td", { text: new Date(e.at).toLocaleString() }), el("td", { text: e.user }), el("td", { text: e.roles.join(", ") }),
    el("td", { text: e.action }), el("td", { text: e.target }), el("td", { text: e.from ?? "" }))));
  $("#count").textContent = `${shown.length} of ${entries.length} entries${shown.length > 500 ? " (the newest 500 shown)" : ""}.`;
}

for (const id of ["#f-user", "#f-action", "#f-from"]) $(id).addEventListener("change", render);
$("#f-text").addEventListener("input", render);
$("#csv").addEventListener("click", () => download(`/api/studies/${encodeURIComponent(study)}/audit?format=csv`, `audit-${study}.csv`));

signIn(async () => {
  entries = (await api(`/api/studies/${encodeURIComponent(study)}/audit`)).sort((a, b) => b.at.localeCompare(a.at));
  $("#title").textContent = `Audit log: ${study}`;
  options($("#f-user"), [...new Set(entries.map(e => e.user))].sort());
  options($("#f-action"), [...new Set(entries.map(e => e.action))].sort());
  render();
  $("#audit").hidden = false;
});

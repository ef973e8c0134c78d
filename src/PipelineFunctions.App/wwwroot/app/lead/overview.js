// The study lead's overview: transcripts by site and status, what waits on whom, and what was rejected or failed, by file name.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study");
const $ = s => document.querySelector(s);
let timer = null;

function render(info, all) {
  $("#title").textContent = `Overview: ${info.name}`;
  const sites = info.sites.map(s => s.id);
  const present = Statuses.all.filter(s => all.some(t => t.status === s));
  $("#counts thead").replaceChildren(el("tr", {}, el("th", { scope: "col", text: "Status" }), ...info.sites.map(s => el("th", { scope: "col", text: s.name })), el("th", { scope: "col", text: "All" })));
  $("#counts tbody").replaceChildren(...present.map(status => el("tr", {},
    el("th", { scope: "row", text: `${status}: ${Statuses.describe(status)}` }),
    ...sites.map(site => el("td", { text: String(all.filter(t => t.siteId === site && t.status === status).length) })),
    el("td", { text: String(all.filter(t => t.status === status).length) }))));
  if (!present.length) $("#counts tbody").append(el("tr", {}, el("td", { colspan: String(sites.length + 2), text: "No transcripts yet." })));

  const byWho = new Map();
  for (const t of all) {
    const who = Statuses.waitsOn(t.status);
    if (who === "nobody") continue;
    byWho.set(who, [...(byWho.get(who) ?? []), t]);
  }
  $("#waits tbody").replaceChildren(...[...byWho].map(([who, ts]) => el("tr", {}, el("th", { scope: "row", text: who }), el("td", { text: String(ts.length) }),
    el("td", { text: ts.slice(0, 6).map(t => `${t.fileName} (${t.siteId})`).join(", ") + (ts.length > 6 ? ` and ${ts.length - 6} more` : "") }))));
  if (!byWho.size) $("#waits tbody").append(el("tr", {}, el("td", { colspan: "3", text: "Nothing waits." })));

  const problems = all.filter(t => Statuses.isBad(t.status));
  $("#problems tbody").replaceChildren(...problems.map(t => el("tr", {}, el("th", { scope: "row", text: t.fileName }), el("td", { text: t.siteId }),
    el("td", { text: t.status }), el("td", { text: t.reason ?? "" }), el("td", { text: new Date(t.updatedAt).toLocaleString() }))));
  if (!problems.length) $("#problems tbody").append(el("tr", {}, el("td", { colspan: "5", text: "None." })));
}

async function refresh() {
  clearTimeout(timer);
  const q = encodeURIComponent(study);
  const [info, all] = await Promise.all([api(`/api/studies/${q}`), api(`/api/studies/${q}/transcripts`)]);
  render(info, all);
  $("#overview").hidden = false;
  timer = setTimeout(() => refresh().catch(() => {}), 5000);
}

signIn(refresh);

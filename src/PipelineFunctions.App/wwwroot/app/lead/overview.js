// The study lead's overview: transcripts by site and status, what waits on whom, coders' progress and agreement (the
// agreement page's figures), and what was rejected or failed, by file name.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study");
const $ = s => document.querySelector(s);
let timer = null;
let rounds = 0;   // coders' progress costs a read per transcript: refreshed every sixth round (30 s), statuses every 5 s

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

function renderProgress(rows, sites) {
  const q = encodeURIComponent(study);
  const siteName = id => sites.find(s => s.id === id)?.name ?? id;
  const figures = a => `κ ${a.kappa.toFixed(2)}, ${Math.round(a.percent * 100)}% agreement, α ${a.alpha.toFixed(2)} over ${a.passages} passages (${a.coders.join(" and ")})`;
  $("#progress tbody").replaceChildren(...rows.map(t => el("tr", {},
    el("th", { scope: "row" }, el("a", { href: `../coders/review.html?study=${q}&transcript=${encodeURIComponent(t.id)}`, text: t.fileName })),
    el("td", { text: siteName(t.siteId) }),
    el("td", { text: (t.doubleCoded ? "double, blind" : "single") + (t.assigned.length ? ` — assigned to ${t.assigned.join(", ")}` : " — any coder") }),
    el("td", { text: t.coders.length ? t.coders.map(c => `${c.coder}: ${c.state}, ${c.passages} of ${t.turns} passages`).join("; ") : "nobody yet" }),
    el("td", { text: t.final ? "yes" : "not yet" }),
    el("td", {}, t.agreement ? el("a", { href: `../coders/agreement.html?study=${q}&transcript=${encodeURIComponent(t.id)}`, text: figures(t.agreement) })
      : t.doubleCoded ? "once both have submitted" : "single-coded"))));
  if (!rows.length) $("#progress tbody").append(el("tr", {}, el("td", { colspan: "6", text: "No transcript is ready for coding yet." })));
  const pairs = rows.filter(t => t.agreement);
  $("#agreement-so-far").textContent = pairs.length
    ? `Agreement so far: mean κ ${(pairs.reduce((s, t) => s + t.agreement.kappa, 0) / pairs.length).toFixed(2)} over ${pairs.length} double-coded transcript${pairs.length === 1 ? "" : "s"}; ${rows.filter(t => t.final).length} of ${rows.length} transcripts have their final coding.`
    : `No double-coded transcript has both codings yet; ${rows.filter(t => t.final).length} of ${rows.length} transcripts have their final coding.`;
}

async function refresh() {
  clearTimeout(timer);
  const q = encodeURIComponent(study);
  const [info, all, progress] = await Promise.all([api(`/api/studies/${q}`), api(`/api/studies/${q}/transcripts`),
    rounds++ % 6 === 0 ? api(`/api/studies/${q}/coding-progress`) : null]);
  render(info, all);
  if (progress) renderProgress(progress, info.sites);
  $("#overview").hidden = false;
  timer = setTimeout(() => refresh().catch(() => {}), 5000);
}

signIn(refresh);

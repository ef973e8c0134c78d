// Admin status page: metadata only (counts, timings, ids, reasons), refreshed every few seconds; signed in through the
// shared shell (common.js). The chart is plain SVG drawn here; nothing is loaded from elsewhere.
const { api, download, signIn } = Pipeline;
// In pipeline order until the first answer; then the API's own list (every status the app has, in its order).
let statuses = ["Received", "Parsed", "AwaitingSiteCheck", "Pseudonymised", "AwaitingTranslationCheck", "AwaitingTranslationReview", "TranslationQueried", "TranslationApproved", "SuggestionsReady", "Rejected", "Failed", "Superseded"];
const colours = { Received: "#1a5fb4", Parsed: "#2a9d8f", AwaitingSiteCheck: "#3d5a80", Pseudonymised: "#6a4c93", AwaitingTranslationCheck: "#b8860b", AwaitingTranslationReview: "#e76f51",
  TranslationQueried: "#8d6e63", TranslationApproved: "#5e8c31", SuggestionsReady: "#1a6b1a", Rejected: "#a00000", Failed: "#d00070", Superseded: "#777777" };
const svgNs = "http://www.w3.org/2000/svg";
const $ = s => document.querySelector(s);
let timer = null;
let last = null;

function cell(row, text) { const td = row.insertCell(); td.textContent = text ?? ""; return td; }

function button(label, onClick, name) {
  const b = document.createElement("button");
  b.type = "button"; b.textContent = label; b.addEventListener("click", onClick);
  if (name) b.setAttribute("aria-label", name);
  return b;
}

function fill(table, rows, columns) {
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const r of rows) {
    const tr = body.insertRow();
    columns.forEach(c => { const v = c(r); if (v instanceof Node) tr.insertCell().append(v); else if (Array.isArray(v)) tr.insertCell().append(...v); else cell(tr, v); });
  }
  if (rows.length === 0) { const tr = body.insertRow(); const td = cell(tr, "None"); td.colSpan = columns.length; }
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

// ---- chart ----
function chartSeries(activity) {
  const site = $("#chart-site").value;
  const totals = new Map();
  for (const s of activity.series) {
    if (site && `${s.studyId}/${s.siteId}` !== site) continue;
    const sum = totals.get(s.status) ?? new Array(activity.buckets).fill(0);
    s.counts.forEach((c, i) => sum[i] += c);
    totals.set(s.status, sum);
  }
  return statuses.filter(s => totals.has(s)).map(s => ({ status: s, counts: totals.get(s) }));
}

function svg(tag, attributes, text) {
  const e = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function drawChart(activity) {
  const chart = $("#chart");
  const width = Math.max(400, Math.round(chart.getBoundingClientRect().width) || 900), height = 240;
  const pad = { left: 40, right: 12, top: 12, bottom: 28 };
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  [...chart.querySelectorAll(":scope > :not(title):not(desc)")].forEach(e => e.remove());
  const series = chartSeries(activity);
  const n = activity.buckets;
  const max = Math.max(1, ...series.flatMap(s => s.counts));
  const x = i => pad.left + (n === 1 ? (width - pad.left - pad.right) / 2 : i * (width - pad.left - pad.right) / (n - 1));
  const y = v => height - pad.bottom - v * (height - pad.top - pad.bottom) / max;
  const step = Math.max(1, Math.ceil(max / 4));
  for (let v = 0; v <= max; v += step) {
    chart.append(svg("line", { class: "grid", x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    chart.append(svg("text", { x: pad.left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  chart.append(svg("line", { class: "axis", x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom }));
  chart.append(svg("line", { class: "axis", x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom }));
  const start = new Date(activity.start).getTime(), size = activity.bucketSeconds * 1000;
  const label = i => { const d = new Date(start + i * size); return size >= 86400000 ? d.toLocaleDateString() : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }); };
  for (const i of [...new Set([0, Math.floor((n - 1) / 2), n - 1])])
    chart.append(svg("text", { x: x(i), y: height - 8, "text-anchor": i === 0 ? "start" : i === n - 1 ? "end" : "middle" }, label(i)));
  const legend = $("#legend");
  legend.replaceChildren();
  for (const s of series) {
    const colour = colours[s.status] ?? "#333";
    const group = svg("g", { "data-status": s.status });
    group.append(svg("polyline", { stroke: colour, points: s.counts.map((c, i) => `${x(i)},${y(c)}`).join(" ") }));
    s.counts.forEach((c, i) => { if (c > 0) { const dot = svg("circle", { cx: x(i), cy: y(c), r: 3, fill: colour }); dot.append(svg("title", {}, `${s.status}: ${c} at ${label(i)}`)); group.append(dot); } });
    chart.append(group);
    const li = document.createElement("li");
    const swatch = document.createElement("span"); swatch.className = "swatch"; swatch.style.background = colour;
    li.append(swatch, `${s.status} (${s.counts.reduce((a, b) => a + b, 0)})`);
    legend.append(li);
  }
  const minutes = activity.bucketSeconds / 60;
  $("#chart-desc").textContent = series.length === 0 ? "No status changes in this period."
    : `${series.length} statuses in ${n} buckets of ${minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`}: ` + series.map(s => `${s.status} ${s.counts.reduce((a, b) => a + b, 0)}`).join(", ") + ".";
}

function siteOptions(activity, sites) {
  const select = $("#chart-site");
  const chosen = select.value;
  const keys = [...new Set([...sites.map(s => `${s.studyId}/${s.siteId}`), ...activity.series.map(s => `${s.studyId}/${s.siteId}`)])].sort();
  const current = [...select.options].slice(1).map(o => o.value);
  if (keys.join("\n") !== current.join("\n")) {
    select.replaceChildren(new Option("All sites", ""), ...keys.map(k => new Option(k, k)));
    select.value = keys.includes(chosen) ? chosen : "";
  }
}

// ---- names, not ids: studies and sites from the session, transcripts by file name ----
const studyOf = id => Pipeline.session()?.studies.find(s => s.id === id);
const studyName = id => studyOf(id)?.name ?? id;
const siteName = (study, site) => studyOf(study)?.sites.find(s => s.id === site)?.name ?? site;
const fileOf = r => r.fileName ?? `a transcript of ${studyName(r.studyId)}`;

// ---- tables ----
function render(s) {
  last = s;
  statuses = Object.keys(s.totals);
  fill($("#totals"), statuses.map(k => [k, s.totals[k] ?? 0]), [r => r[0], r => r[1]]);
  const sites = $("#sites");
  sites.tHead.replaceChildren();
  const head = sites.tHead.insertRow();
  // Status names break between their words, so every column fits a 1366 px screen without a scroll.
  ["Study", "Site", ...statuses].forEach(h => { const th = document.createElement("th"); th.scope = "col"; th.append(...h.split(/(?=[A-Z])/).flatMap((w, i) => i ? [document.createElement("wbr"), w] : [w])); head.append(th); });
  fill(sites, s.sites, [r => studyName(r.studyId), r => siteName(r.studyId, r.siteId), ...statuses.map(k => r => r.counts[k] ?? 0)]);
  fill($("#latency"), s.latency, [r => r.stage === "upload-to-ready" ? "upload → ready" : r.stage, r => r.runs, r => duration(r.p50Seconds), r => duration(r.p95Seconds), r => duration(r.maxSeconds)]);
  fill($("#failures"), s.failures, [r => studyName(r.studyId), r => siteName(r.studyId, r.siteId), r => r.fileName, r => r.status, r => r.reason, r => new Date(r.updatedAt).toLocaleString(),
    r => button("Timeline", () => showTimeline(r.studyId, r.transcriptId), `Timeline of ${r.fileName}`)]);
  fill($("#poison"), s.poison.flatMap(q => q.messages.map(m => ({ queue: q.queue, stageQueue: q.stageQueue, ...m }))),
    [r => r.queue, r => r.dequeueCount, r => r.transcriptId ? fileOf(r) : "(not a transcript message)", r => new Date(r.insertedOn).toLocaleString(),
      r => r.transcriptId ? [button("Replay", () => replay(r), `Replay ${fileOf(r)} from ${r.queue}`), button("Timeline", () => showTimeline(r.studyId, r.transcriptId), `Timeline of ${fileOf(r)}`)] : ""]);
  siteOptions(s.activity, s.sites);
  drawChart(s.activity);
  $("#updated").textContent = `Updated ${new Date(s.generatedAt).toLocaleTimeString()}`;
}

function renderHealth(h) {
  fill($("#services"), h.services, [r => r.name, r => r.ok ? "yes" : `no (${r.error})`, r => `${r.milliseconds} ms`]);
  [...$("#services").tBodies[0].rows].forEach((row, i) => row.cells[1].className = h.services[i]?.ok ? "good" : "bad");
  fill($("#queues"), h.queues, [r => r.queue, r => r.messages ?? "?", r => r.poison ?? "?"]);
  [...$("#queues").tBodies[0].rows].forEach((row, i) => { if (h.queues[i]?.poison > 0) row.cells[2].className = "bad"; });
}

// ---- actions ----
async function replay(r) {
  $("#notice").textContent = `Replaying ${fileOf(r)}…`;
  try {
    const body = await api(`/api/admin/poison/${encodeURIComponent(r.stageQueue)}/${encodeURIComponent(r.id)}/replay`, { method: "POST" });
    $("#notice").textContent = body?.message ?? "Replayed.";
    await refresh();
  } catch (e) { $("#notice").textContent = e.message === "forbidden" ? "" : `The replay was not sent: ${e.message}`; }
}

// The transcripts to choose a timeline from: the study's, by file name and site (metadata only).
async function timelineChoices(study) {
  $("#timeline-study").value = study;
  const list = await api(`/api/studies/${encodeURIComponent(study)}/transcripts`, { quiet: true }).catch(() => []);
  $("#timeline-transcript").replaceChildren(...list.map(t => Pipeline.el("option", { value: t.id, text: `${t.fileName} (${siteName(study, t.siteId)}, ${t.status})` })));
}

async function showTimeline(study, transcript) {
  if ($("#timeline-study").value !== study || ![...$("#timeline-transcript").options].some(o => o.value === transcript)) await timelineChoices(study);
  $("#timeline-transcript").value = transcript;
  const table = $("#timeline");
  let body;
  try { body = await api(`/api/admin/studies/${encodeURIComponent(study)}/transcripts/${encodeURIComponent(transcript)}/timeline`, { quiet: true }); }
  catch (e) { $("#timeline-summary").textContent = e.message; table.hidden = true; return; }
  const stages = body.stages.map(s => `${s.stage} ${duration(s.seconds)}`).join(", ");
  $("#timeline-summary").textContent = `${body.fileName} (${siteName(body.studyId, body.siteId)}, ${body.language}${body.role ? ", " + body.role : ""}): ${body.status}` +
    `${body.turnCount ? `, ${body.turnCount} turns` : ""}${body.pseudonymVersion ? `, pseudonymised v${body.pseudonymVersion}` : ""}. ${stages ? "Stages: " + stages + "." : ""}`;
  fill(table, body.history, [r => r.status, r => new Date(r.at).toLocaleString(), r => r.sincePreviousSeconds === null ? "–" : duration(r.sincePreviousSeconds), r => r.detail ?? ""]);
  table.hidden = false;
  table.scrollIntoView({ block: "nearest" });
}

async function exportAudit(study) {
  await download(`/api/studies/${encodeURIComponent(study)}/audit?format=csv`, `audit-${study}.csv`);
  if (!$("#error").textContent) $("#notice").textContent = `Audit log of ${study} exported.`;
}

async function refresh(first) {
  clearTimeout(timer);
  try {
    const hours = $("#chart-window").value;
    render(await api(`/api/admin/status${hours ? `?hours=${hours}` : ""}`));
    renderHealth(await api("/api/admin/health"));
    $("#status").hidden = false;
  } catch (e) {
    // Signed out or refused: the shell has said so; the first load's failure is the page's.
    if (!Pipeline.session() || ["forbidden", "unauthorised", "signing in"].includes(e.message)) { if (first) throw e; return; }
    $("#error").textContent = "The app is not answering; retrying.";
  }
  timer = setTimeout(refresh, 3000);
}

$("#chart-site").addEventListener("change", () => { if (last) drawChart(last.activity); });
$("#chart-window").addEventListener("change", () => refresh());
$("#timeline-form").addEventListener("submit", e => { e.preventDefault(); showTimeline($("#timeline-study").value, $("#timeline-transcript").value); });
$("#timeline-study").addEventListener("change", () => timelineChoices($("#timeline-study").value));
$("#audit-form").addEventListener("submit", e => { e.preventDefault(); exportAudit($("#audit-study").value.trim()); });
window.addEventListener("resize", () => { if (last) drawChart(last.activity); });
signIn(() => {
  // The studies to export: chosen, not typed.
  const studies = Pipeline.session().studies;
  $("#audit-study").replaceChildren(...studies.map(s => Pipeline.el("option", { value: s.id, text: s.name === s.id ? s.id : `${s.name} (${s.id})` })));
  $("#timeline-study").replaceChildren(...studies.map(s => Pipeline.el("option", { value: s.id, text: s.name })));
  if (studies.length) timelineChoices(studies[0].id);
  $("#audit-links").replaceChildren(...studies.flatMap((s, i) => [i ? " · " : "", Pipeline.el("a", { href: `audit.html?study=${encodeURIComponent(s.id)}`, text: `Audit log of ${s.name === s.id ? s.id : `${s.name} (${s.id})`}` })]));
  return refresh(true);
});

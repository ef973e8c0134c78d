// Every transcript of the user's sites: status in plain words, what it waits for and on whom, and the pages that act on it.
const { api, el, signIn, params, can } = Pipeline;
const study = params.get("study");
const q = encodeURIComponent;
const $ = s => document.querySelector(s);
let all = [];
let timer = null;

/** The pages a transcript's state calls for: its pseudonymisation check (and corrections), the lead's points, the key. */
function links(t, byId) {
  const out = [];
  const after = ["Pseudonymised", "AwaitingTranslationCheck", "AwaitingTranslationReview", "TranslationQueried", "TranslationApproved", "SuggestionsReady"];
  if (after.includes(t.status)) {
    if (can("site-researcher")) out.push(el("a", { href: `pseudonymisation.html?study=${q(study)}&transcript=${q(t.id)}`, text: "Pseudonymisation and corrections", "aria-label": `Pseudonymisation and corrections of ${t.fileName}` }));
    if (can("custodian")) out.push(el("a", { href: `pseudonymisation.html?study=${q(study)}&transcript=${q(t.id)}&view=key`, text: "Key view", "aria-label": `Key view of ${t.fileName}` }));
  }
  const translation = t.role === "translation" ? t : byId.get(t.translationId);
  if (translation && ["AwaitingTranslationReview", "TranslationQueried", "TranslationApproved"].includes(t.status) && can("site-researcher")) {
    out.push(el("a", { href: `../translation/pair.html?study=${q(study)}&translation=${q(translation.id)}&view=site`, text: "Translation points", "aria-label": `Translation points of ${t.fileName}` }));
    if (t.status === "TranslationQueried") out.push(el("a", { href: `queries.html?study=${q(study)}`, text: "Answer the points" }));
  }
  if (Statuses.awaitsTranslation(t) && (can("site-researcher") || can("study-lead")))
    out.push(el("button", { type: "button", text: "Code in its own language", "aria-label": `Code in its own language: ${t.fileName}`, onclick: () => codeInOriginal(t) }));
  return out.flatMap((a, i) => i ? [" · ", a] : [a]);
}

/** The choice not to wait: the original goes on to coding in its language (suggestions only where the engine reads it). */
async function codeInOriginal(t) {
  const done = await api(`/api/studies/${q(study)}/transcripts/${q(t.id)}/code-in-original`, { method: "POST" }).catch(() => null);
  if (done) $("#done").textContent = `${t.fileName}: ${done.message}`;
  await refresh();
}

function render() {
  const site = $("#site-filter").value;
  const byId = new Map(all.map(t => [t.id, t]));
  const shown = all.filter(t => !site || t.siteId === site).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  $("#list tbody").replaceChildren(...shown.map(t => el("tr", {},
    el("th", { scope: "row", text: t.fileName }),
    el("td", { text: t.siteId }), el("td", { text: t.language }), el("td", { text: t.interviewId ?? "–" }),
    el("td", { class: Statuses.className(t.status), text: `${Statuses.forTranscript(t)[0]}${t.reason && Statuses.isBad(t.status) ? `: ${t.reason}` : ""}` }),
    el("td", { text: Statuses.isBad(t.status) ? Statuses.advice(t.status) || Statuses.waitsOn(t.status) : Statuses.forTranscript(t)[1] }),
    el("td", { text: new Date(t.receivedAt).toLocaleString() }),
    el("td", {}, ...links(t, byId)))));
  if (shown.length === 0) $("#list tbody").append(el("tr", {}, el("td", { colspan: "8", text: "No transcripts yet." })));
}

async function refresh() {
  clearTimeout(timer);
  all = await api(`/api/studies/${q(study)}/transcripts`);
  const filter = $("#site-filter");
  for (const site of [...new Set(all.map(t => t.siteId))].sort())
    if (![...filter.options].some(o => o.value === site)) filter.append(el("option", { value: site, text: site }));
  render();
  $("#transcripts").hidden = false;
  timer = setTimeout(() => refresh().catch(() => {}), 5000);
}

$("#site-filter").addEventListener("change", render);
$("#to-upload").href = `upload.html?study=${q(study)}`;
signIn(refresh);

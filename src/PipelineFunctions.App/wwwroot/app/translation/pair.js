// Side by side: aligned turns, flags highlighted, earlier points beside their turns; approve (after a confirmation) or
// send per-turn comments back to the site. A site researcher (view=site) reads it without the lead's actions.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study"), translation = params.get("translation");
const base = `/api/studies/${encodeURIComponent(study)}/translation-checks/${encodeURIComponent(translation)}`;
const siteView = params.get("view") === "site";
let etag = null, pairName = translation;

function turn(t) { return t ? el("div", {}, el("strong", { text: `${t.speaker}: ` }), t.text) : el("em", { text: "(no turn)" }); }

async function load() {
  // The queue is the translation lead's; a site's researcher or custodian goes back to the site's transcripts.
  if (!Pipeline.can("translation-lead", "study-lead")) {
    const back = document.querySelector("#back");
    back.href = `../site/transcripts.html?study=${encodeURIComponent(study)}`;
    back.textContent = "Back to the transcripts";
  }
  const check = await api(base);
  etag = check.etag;
  const s = check.summary;
  pairName = s.translationFile ?? translation;
  document.querySelector("#summary").textContent = `${pairName} (translation of ${s.sourceFile ?? "the source"}${s.interviewId ? `, interview ${s.interviewId}` : ""}), ` +
    `site ${s.siteId}: ${s.sourceLanguage} → ${s.translationLanguage}. Review: ${s.review}.`;
  document.querySelector("#whole").replaceChildren(...check.wholeFlags.map(f => el("li", { class: `flag ${f.severity.toLowerCase()}`, text: `${f.severity} · ${f.label}: ${f.explanation}` })));
  const body = document.querySelector("#turns tbody");
  body.replaceChildren();
  check.rows.forEach((r, i) => {
    const flagged = r.flags.length > 0;
    const earlier = check.queries.filter(q => (q.sourceTurn != null && q.sourceTurn === r.source?.index) || (q.translationTurn != null && q.translationTurn === r.translation?.index));
    const comment = siteView ? null : el("textarea", { id: `comment-${i}`, rows: "2", "aria-label": `Comment on turn ${i + 1}`,
      "data-source": r.source?.index ?? "", "data-translation": r.translation?.index ?? "" });
    body.append(el("tr", { id: `turn-${r.translation?.index ?? r.source?.index}`, class: flagged ? `flagged ${r.flags[0].severity.toLowerCase()}` : "" },
      el("th", { scope: "row", text: String(i + 1) }), el("td", {}, turn(r.source)), el("td", {}, turn(r.translation)),
      el("td", {}, el("ul", {}, ...r.flags.map(f => el("li", { class: `flag ${f.severity.toLowerCase()}`, text: `${f.severity} · ${f.label}: ${f.explanation}` })))),
      el("td", {}, ...earlier.map(q => el("p", { class: "point", text: `Sent: ${q.comment} — ${q.answer ? `site answered: ${q.answer}` : "no answer yet"}` })), comment)));
  });
  const open = check.queries.filter(q => !q.answer).length;
  const decided = s.review === "Approved" || s.review === "Superseded";
  const approve = document.querySelector("#approve");
  approve.disabled = decided || (s.review === "Queried" && open > 0);
  document.querySelector("#approve-note").textContent = s.review === "Queried" && open > 0
    ? `Approval waits for the site: ${open} point(s) still open.` : "";
  document.querySelector("#query").disabled = decided;
  document.querySelector(".actions").hidden = siteView;
  document.querySelector("#pair").hidden = false;
  if (location.hash) document.querySelector(location.hash)?.scrollIntoView();
}

document.querySelector("#approve").addEventListener("click", () => {
  document.querySelector("#confirm-text").textContent = `Approve ${pairName}? Coders will work on it; this cannot be undone here.`;
  document.querySelector("#confirm").hidden = false;
  document.querySelector("#confirm-yes").focus();
});
document.querySelector("#confirm-no").addEventListener("click", () => {
  document.querySelector("#confirm").hidden = true;
  document.querySelector("#approve").focus();
});
document.querySelector("#confirm-yes").addEventListener("click", async () => {
  document.querySelector("#confirm").hidden = true;
  const result = await api(`${base}/approve`, { method: "POST", body: JSON.stringify({ etag }) });
  await load();
  document.querySelector("#done").textContent = result.message;
});

document.querySelector("#query").addEventListener("click", async () => {
  const comments = [...document.querySelectorAll("#turns textarea")].filter(t => t.value.trim()).map(t => ({
    sourceTurn: t.dataset.source ? Number(t.dataset.source) : null,
    translationTurn: t.dataset.translation ? Number(t.dataset.translation) : null,
    comment: t.value.trim(),
  }));
  if (comments.length === 0) { Pipeline.showError("Write a comment on at least one turn first."); return; }
  const result = await api(`${base}/query`, { method: "POST", body: JSON.stringify({ etag, comments }) });
  await load();
  document.querySelector("#done").textContent = result.message;
});

signIn(load);

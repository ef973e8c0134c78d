// Side by side: aligned turns, flags highlighted, approve or send per-turn comments back to the site.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study"), translation = params.get("translation");
const base = `/api/studies/${encodeURIComponent(study)}/translation-checks/${encodeURIComponent(translation)}`;
let etag = null;

function turn(t) { return t ? el("div", {}, el("strong", { text: `${t.speaker}: ` }), t.text) : el("em", { text: "(no turn)" }); }

async function load() {
  const check = await api(base);
  etag = check.etag;
  const s = check.summary;
  document.querySelector("#summary").textContent = `${s.studyId}, site ${s.siteId}: ${s.sourceLanguage} → ${s.translationLanguage}. Review: ${s.review}.`;
  document.querySelector("#whole").replaceChildren(...check.wholeFlags.map(f => el("li", { class: `flag ${f.severity.toLowerCase()}`, text: `${f.severity}: ${f.explanation}` })));
  const body = document.querySelector("#turns tbody");
  body.replaceChildren();
  check.rows.forEach((r, i) => {
    const flagged = r.flags.length > 0;
    const comment = el("textarea", { id: `comment-${i}`, rows: "2", "aria-label": `Comment on turn ${i + 1}`,
      "data-source": r.source?.index ?? "", "data-translation": r.translation?.index ?? "" });
    body.append(el("tr", { class: flagged ? `flagged ${r.flags[0].severity.toLowerCase()}` : "" },
      el("th", { scope: "row", text: String(i + 1) }), el("td", {}, turn(r.source)), el("td", {}, turn(r.translation)),
      el("td", {}, el("ul", {}, ...r.flags.map(f => el("li", { class: `flag ${f.severity.toLowerCase()}`, text: `${f.severity} · ${f.kind}: ${f.explanation}` })))),
      el("td", {}, comment)));
  });
  const previous = document.querySelector("#previous");
  previous.hidden = check.queries.length === 0;
  previous.querySelector("ul").replaceChildren(...check.queries.map(q =>
    el("li", { text: `Turn ${q.translationTurn ?? q.sourceTurn ?? "-"}: ${q.comment} — ${q.answer ? `answer: ${q.answer}` : "no answer yet"}` })));
  const decided = s.review === "Approved" || s.review === "Superseded";
  document.querySelector("#approve").disabled = decided;
  document.querySelector("#query").disabled = decided;
  document.querySelector("#pair").hidden = false;
}

document.querySelector("#approve").addEventListener("click", async () => {
  const result = await api(`${base}/approve`, { method: "POST", body: JSON.stringify({ etag }) });
  document.querySelector("#done").textContent = result.message;
  await load();
});

document.querySelector("#query").addEventListener("click", async () => {
  const comments = [...document.querySelectorAll("#turns textarea")].filter(t => t.value.trim()).map(t => ({
    sourceTurn: t.dataset.source ? Number(t.dataset.source) : null,
    translationTurn: t.dataset.translation ? Number(t.dataset.translation) : null,
    comment: t.value.trim(),
  }));
  if (comments.length === 0) { Pipeline.showError("Write a comment on at least one turn first."); return; }
  const result = await api(`${base}/query`, { method: "POST", body: JSON.stringify({ etag, comments }) });
  document.querySelector("#done").textContent = result.message;
  await load();
});

signIn(load);

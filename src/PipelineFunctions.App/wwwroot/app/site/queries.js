// A site researcher's open queries: answer each point, or upload a corrected translation (checked again).
const { api, el, signIn, params } = Pipeline;
const study = params.get("study");
document.querySelector("#study").textContent = `Study ${study}`;

function section(item) {
  const s = item.summary;
  const base = `/api/studies/${encodeURIComponent(study)}/translation-checks/${encodeURIComponent(s.translationId)}`;
  const list = el("ol", {}, ...item.queries.map(q => {
    const id = `answer-${q.id}`;
    const box = el("textarea", { id, rows: "2" });
    box.value = q.answer ?? "";
    const turns = item.turns[q.id] ?? {};
    const at = q.translationTurn ?? q.sourceTurn;
    const link = `../translation/pair.html?study=${encodeURIComponent(study)}&translation=${encodeURIComponent(s.translationId)}&view=site${at != null ? `#turn-${at}` : ""}`;
    return el("li", {},
      el("p", {}, el("strong", { text: `${q.comment}` }), ` (${q.by}) `, el("a", { href: link, text: at != null ? `see turn ${at} in the pair` : "see the pair" })),
      ...[["Source", turns.source], ["Translation", turns.translation]].filter(([, t]) => t).map(([label, t]) =>
        el("blockquote", {}, el("span", { class: "label", text: `${label}, ${t.speaker}: ` }), t.text)),
      el("label", { for: id, text: "Your answer" }), box,
      el("button", { type: "button", text: "Save answer", onclick: async () => {
        const r = await api(`${base}/queries/${q.id}/answer`, { method: "POST", body: JSON.stringify({ answer: box.value }) });
        document.querySelector("#done").textContent = r.message;
      } }));
  }));
  const fileId = `file-${s.translationId}`;
  const file = el("input", { id: fileId, type: "file", accept: ".txt,.docx,.odt,.rtf,.pdf,.vtt,.srt" });
  const upload = el("button", { type: "button", text: "Upload corrected translation", onclick: async () => {
    if (!file.files.length) { Pipeline.showError("Choose the corrected file first."); return; }
    const form = new FormData();
    form.append("file", file.files[0]);
    form.append("site", s.siteId);
    form.append("language", s.translationLanguage);
    form.append("translationOf", s.sourceId);
    const r = await api(`/api/studies/${encodeURIComponent(study)}/transcripts`, { method: "POST", body: form });
    document.querySelector("#done").textContent = `${r.message} (${file.files[0].name})`;
  } });
  return el("section", {}, el("h2", { text: `${s.translationFile ?? "Translation"}${s.interviewId ? `, interview ${s.interviewId}` : ""} (site ${s.siteId}, ${s.sourceLanguage} → ${s.translationLanguage})` }),
    list, el("label", { for: fileId, text: "Corrected translation" }), file, upload);
}

async function load() {
  const items = await api(`/api/studies/${encodeURIComponent(study)}/translation-queries`);
  const main = document.querySelector("#queries");
  main.replaceChildren(...(items.length ? items.map(section) : [el("p", { text: "No open points." })]));
  main.hidden = false;
}

signIn(load);

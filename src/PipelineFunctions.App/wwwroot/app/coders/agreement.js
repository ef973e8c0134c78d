// Agreement once both coders submitted: κ and α explained, each disputed passage with its text and both coders' codes
// side by side, and the consensus the pair saves.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study"), transcript = params.get("transcript");
const q = encodeURIComponent;
const fmt = x => x.toFixed(3);
const review = `review.html?study=${q(study)}&transcript=${q(transcript)}`;
document.querySelector("#to-review").href = review;

signIn(async () => {
  const r = await api(`/api/studies/${q(study)}/transcripts/${q(transcript)}/review/agreement`);
  const [first, second] = r.coders;
  document.querySelector("#coders").textContent = `Coders: ${first} and ${second}.`;
  document.querySelector("#units").textContent = r.units;
  document.querySelector("#only-first").textContent = `${first} only`;
  document.querySelector("#only-second").textContent = `${second} only`;
  document.querySelector("#figures tbody").replaceChildren(...[...r.perCode, r.overall].map(a => el("tr", {},
    el("th", { scope: "row", text: a.name }), el("td", { text: `${Math.round(a.percent * 1000) / 10}%` }), el("td", { text: fmt(a.kappa) }),
    el("td", { text: fmt(a.alpha) }), el("td", { text: String(a.both) }), el("td", { text: String(a.onlyFirst) }), el("td", { text: String(a.onlySecond) }))));
  const kept = new Set((r.final ?? []).map(c => `${c.segment}|${c.codeId}`));
  document.querySelector("#disagreements").replaceChildren(...r.passages.map(p => el("li", { class: "disputed" },
    el("p", {}, el("strong", { text: `Passage ${p.segment}, ${p.speaker}` }), " (", el("a", { href: `${review}#passage-${p.segment}`, text: "in the transcript" }), ")"),
    el("blockquote", { text: p.text }),
    el("div", { class: "versions" },
      el("div", {}, el("h3", { text: `${first} coded` }), el("ul", {}, ...(p.first.length ? p.first : ["nothing"]).map(n => el("li", { text: n })))),
      el("div", {}, el("h3", { text: `${second} coded` }), el("ul", {}, ...(p.second.length ? p.second : ["nothing"]).map(n => el("li", { text: n }))))),
    ...r.disagreements.filter(d => d.segment === p.segment).map(d => {
      const id = `keep-${d.segment}-${d.code}`;
      const box = el("input", { type: "checkbox", id, "data-segment": String(d.segment), "data-code": d.code });
      box.checked = kept.has(`${d.segment}|${d.code}`);
      return el("p", {}, box, el("label", { for: id, text: `Keep ${d.name} on passage ${d.segment}` }), ` (applied by ${d.first ? first : second} only)`);
    }))));
  document.querySelector("#consensus").onclick = async () => {
    const codings = [...r.agreed.map(c => ({ segment: c.segment, codeId: c.codeId, origin: "consensus" })),
      ...[...document.querySelectorAll("#disagreements input:checked")].map(b => ({ segment: Number(b.dataset.segment), codeId: b.dataset.code, origin: "consensus" }))];
    const result = await api(`/api/studies/${q(study)}/transcripts/${q(transcript)}/review/final`, { method: "PUT", body: JSON.stringify({ codings }) });
    document.querySelector("#done").textContent = result.message;
  };
  document.querySelector("#report").hidden = false;
});

// Agreement once both coders submitted: κ and α explained, each disputed passage with its text and both coders' codes
// side by side, and the consensus kept span by span: saved by the study lead, or confirmed by both coders.
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
  const me = Pipeline.session()?.name;
  // What is ticked when the page opens: my own confirmation, else the final coding, else the other coder's confirmation
  // (so the second coder confirms what the first did by one press).
  const mine = r.confirmations.find(c => c.coder === me), theirs = r.confirmations.find(c => c.coder !== me);
  const spanKey = spans => spans.map(s => `${s.start ?? ""}-${s.end ?? ""}`).sort().join(" ");
  const fromFinal = d => r.final && ["first", "second", "union"].find(k => spanKey(d[k])
    === spanKey(r.final.filter(c => c.segment === d.segment && c.codeId === d.code)));
  const choiceOf = (c, d) => c?.choices.find(x => x.segment === d.segment && x.codeId === d.code)?.keep;
  const picked = d => choiceOf(mine, d) ?? fromFinal(d) ?? choiceOf(theirs, d);
  const words = (text, spans) => spans.length === 0 ? ["not coded"] : spans.some(s => s.start == null)
    ? ["the whole passage"]
    : spans.flatMap((s, i) => [i ? " and " : "", el("mark", { text: text.slice(s.start, s.end) })]);
  document.querySelector("#disagreements").replaceChildren(...r.passages.map(p => el("li", { class: "disputed" },
    el("p", {}, el("strong", { text: `Passage ${p.segment}, ${p.speaker}` }), " (", el("a", { href: `${review}#passage-${p.segment}`, text: "in the transcript" }), ")"),
    el("blockquote", { text: p.text }),
    el("div", { class: "versions" },
      el("div", {}, el("h3", { text: `${first} coded` }), el("ul", {}, ...(p.first.length ? p.first : ["nothing"]).map(n => el("li", { text: n })))),
      el("div", {}, el("h3", { text: `${second} coded` }), el("ul", {}, ...(p.second.length ? p.second : ["nothing"]).map(n => el("li", { text: n }))))),
    ...r.disagreements.filter(d => d.segment === p.segment).map(d => {
      // One coder's words, the other's, or their union (offered when both coded it and it differs from each).
      const options = [["first", `Keep ${first}'s: `, d.first], ["second", `Keep ${second}'s: `, d.second]];
      if (d.first.length && d.second.length && ![d.first, d.second].some(x => spanKey(x) === spanKey(d.union)))
        options.push(["union", "Keep both (union): ", d.union]);
      const chosen = picked(d);
      return el("fieldset", { class: "choice", "data-segment": String(d.segment), "data-code": d.code },
        el("legend", { text: `${d.name} on passage ${d.segment}` }),
        ...options.map(([keep, label, spans]) => {
          const id = `keep-${d.segment}-${d.code}-${keep}`;
          const radio = el("input", { type: "radio", id, name: `keep-${d.segment}-${d.code}`, value: keep });
          // A union equal to one coder's spans is not offered apart: that coder's option stands for it.
          radio.checked = chosen === keep
            || chosen === "union" && keep !== "union" && spanKey(spans) === spanKey(d.union);
          return el("label", { for: id }, radio, label, ...words(p.text, spans));
        }));
    }))));
  const button = document.querySelector("#consensus"), state = document.querySelector("#state");
  button.textContent = r.resolve === "save" ? "Save consensus" : "Confirm consensus";
  button.hidden = r.resolve === "refuse";
  state.textContent = [
    r.final ? "A final coding is saved; saving again replaces it." : "",
    r.resolve === "refuse" ? "The study lead or the two coders of this transcript save its consensus." : "",
    mine ? `You confirmed a consensus; it becomes final when ${mine.coder === first ? second : first} confirms `
      + "the same." : "",
    theirs && r.resolve !== "refuse" ? `${theirs.coder} confirmed the choices ticked below`
      + `${mine ? " (where yours differ, yours are ticked)" : ""}.` : "",
  ].filter(Boolean).join(" ");
  button.onclick = async () => {
    const sets = [...document.querySelectorAll("#disagreements fieldset")];
    const open = sets.filter(f => !f.querySelector("input:checked"));
    if (open.length) {
      Pipeline.showError(`Choose what to keep for every disagreement: ${open.length} still open.`);
      open[0].querySelector("input").focus();
      return;
    }
    const choices = sets.map(f => ({ segment: Number(f.dataset.segment), codeId: f.dataset.code,
      keep: f.querySelector("input:checked").value }));
    const result = await api(`/api/studies/${q(study)}/transcripts/${q(transcript)}/review/final`,
      { method: "PUT", body: JSON.stringify({ choices }) });
    document.querySelector("#done").textContent = result.message;
  };
  document.querySelector("#report").hidden = false;
});

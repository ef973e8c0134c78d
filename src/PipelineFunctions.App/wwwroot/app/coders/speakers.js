// The study lead's page for a transcript's participants: a role per speaker and the interview type. Coders may look;
// saving is the lead's (the API answers anyone else 403, shown as the error).
(() => {
  const { api, el, signIn, params } = Pipeline;
  const study = params.get("study");
  const base = `/api/studies/${encodeURIComponent(study)}`;
  const picker = document.querySelector("#transcript");
  document.querySelector("#back").href = `index.html?study=${encodeURIComponent(study)}`;

  function roleSelect(speaker, roles) {
    const select = el("select", { "aria-label": `Role of ${speaker.speaker}`, "data-speaker": speaker.speaker },
      el("option", { value: "", text: "not assigned" }), ...roles.map(r => el("option", { value: r, text: r })));
    select.value = speaker.role ?? "";
    return select;
  }

  function show(view) {
    document.querySelector("#where").textContent = `${view.siteId}${view.country ? `, ${view.country}` : ""}, ${view.language}`;
    document.querySelector("#interview-types").replaceChildren(...view.interviewTypes.map(t => el("option", { value: t })));
    document.querySelector("#interview-type").value = view.interviewTypeSet ? view.interviewType : "";
    document.querySelector("#interview-type").placeholder = view.interviewType;
    document.querySelector("#interview-type-note").textContent = view.interviewTypeSet ? "" : `(read from who speaks: ${view.interviewType})`;
    document.querySelector("#speaker-table tbody").replaceChildren(...view.speakers.map(s => el("tr", {},
      el("th", { scope: "row", text: s.speaker }),
      el("td", { text: String(s.turns) }),
      el("td", {}, s.participant ? roleSelect(s, view.roles) : el("span", { text: "interviewer's side (no case)" })))));
  }

  async function load() {
    document.querySelector("#saved").textContent = "";
    show(await api(`${base}/transcripts/${encodeURIComponent(picker.value)}/speakers`));
  }

  signIn(async () => {
    const transcripts = await api(`${base}/review`);
    picker.replaceChildren(...transcripts.map(t => el("option", { value: t.id, text: `${t.fileName} (${t.siteId})` })));
    if (params.get("transcript")) picker.value = params.get("transcript");
    document.querySelector("#view").hidden = false;
    if (picker.value) await load();
  });

  picker.addEventListener("change", load);

  document.querySelector("#speakers").addEventListener("submit", async e => {
    e.preventDefault();
    const roles = {};
    for (const select of document.querySelectorAll("#speaker-table select")) if (select.value) roles[select.dataset.speaker] = select.value;
    const view = await api(`${base}/transcripts/${encodeURIComponent(picker.value)}/speakers`,
      { method: "PUT", body: JSON.stringify({ roles, interviewType: document.querySelector("#interview-type").value.trim() || null }) });
    show(view);
    const assigned = view.speakers.filter(s => s.role).length;
    document.querySelector("#saved").textContent = `Saved: ${assigned} of ${view.speakers.filter(s => s.participant).length} participants have a role; ${view.interviewType}.`;
  });
})();

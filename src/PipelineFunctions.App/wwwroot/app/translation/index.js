// The lead's queue: pairs waiting for review, oldest first, filterable by site.
const { api, el, signIn } = Pipeline;
let all = [];

function render() {
  const site = document.querySelector("#site").value;
  const body = document.querySelector("#pairs tbody");
  body.replaceChildren();
  const rows = all.filter(p => !site || p.siteId === site);
  for (const p of rows) {
    const link = el("a", { href: `pair.html?study=${encodeURIComponent(p.studyId)}&translation=${encodeURIComponent(p.translationId)}`, text: `Check ${p.translationId}` });
    body.append(el("tr", {},
      el("td", { text: new Date(p.checkedAt).toLocaleString() }), el("td", { text: p.studyId }), el("td", { text: p.siteId }),
      el("td", { text: `${p.sourceLanguage} → ${p.translationLanguage}` }), el("td", { text: `${p.flags.high} / ${p.flags.medium} / ${p.flags.low}` }),
      el("td", {}, link)));
  }
  if (rows.length === 0) body.append(el("tr", {}, el("td", { colspan: "6", text: "Nothing waiting." })));
}

async function load() {
  all = await api("/api/translation-checks");
  const select = document.querySelector("#site");
  for (const site of [...new Set(all.map(p => p.siteId))].sort())
    if (![...select.options].some(o => o.value === site)) select.append(el("option", { value: site, text: site }));
  document.querySelector("#queue").hidden = false;
  render();
}

document.querySelector("#site").addEventListener("change", render);
signIn(load);

// The lead's queue: pairs waiting for review, and pairs queried back to the site, named by file and interview.
const { api, el, signIn } = Pipeline;
let all = [];

function rows(table, pairs, last) {
  const body = document.querySelector(`#${table} tbody`);
  body.replaceChildren(...pairs.map(p => el("tr", {},
    el("td", {}, el("a", { href: `pair.html?study=${encodeURIComponent(p.studyId)}&translation=${encodeURIComponent(p.translationId)}`,
      text: p.translationFile ?? "(file name not recorded)", "aria-label": `Check ${p.translationFile ?? p.translationId}` })),
    el("td", { text: p.sourceFile ?? "" }), el("td", { text: p.interviewId ?? "–" }), el("td", { text: p.siteId }),
    el("td", { text: `${p.sourceLanguage} → ${p.translationLanguage}` }), ...last(p))));
  if (pairs.length === 0) body.append(el("tr", {}, el("td", { colspan: "7", text: "Nothing here." })));
}

function render() {
  const site = document.querySelector("#site").value;
  const shown = all.filter(p => !site || p.siteId === site);
  rows("pairs", shown.filter(p => p.review === "Pending"), p => [el("td", { text: `${p.flags.high} / ${p.flags.medium} / ${p.flags.low}` }),
    el("td", { text: new Date(p.checkedAt).toLocaleString() })]);
  rows("queried", shown.filter(p => p.review === "Queried"), p => [el("td", { text: String(p.openQueries) }),
    el("td", { text: p.decidedAt ? new Date(p.decidedAt).toLocaleString() : "" })]);
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

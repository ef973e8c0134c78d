// The site's check before coding: the original beside the pseudonymised text, each replacement and unsure word to
// decide by mouse or key, missed words marked by selecting them, then one release. Decisions are sent with the release.
const { api, el, signIn, params } = Pipeline;
const study = params.get("study"), transcript = params.get("transcript");
const base = `/api/studies/${encodeURIComponent(study)}`;
const $ = s => document.querySelector(s);

let view = null, current = 0;
const decisions = new Map(); // item id → "keep" | "replace" | "confirm"
const missed = [];           // { text, category }

const reasonText = reason => reason.replace(/[-_]/g, " ");
const state = item => decisions.get(item.id) ?? (item.kind === "unsure" ? null : "confirm");
const stateText = item => ({ keep: "kept as it is", replace: "to be replaced", confirm: "replacement confirmed" })[state(item)] ?? "not decided yet";

function describe(item) {
  return item.kind === "unsure"
    ? [el("strong", { text: `“${item.original}”` }), " left in clear, unsure: ", el("span", { class: "reason", text: reasonText(item.reason) })]
    : [el("strong", { text: `“${item.original}”` }), ` → ${item.pseudonym}`, item.inSpeaker ? " (speaker)" : ""];
}

function decide(item, action) {
  if (!view.waiting) return;
  // A word is decided once: the same text left in clear elsewhere in the transcript takes the same decision.
  const same = item.kind === "unsure" ? view.items.filter(i => i.kind === "unsure" && i.original === item.original) : [item];
  for (const i of same) decisions.set(i.id, action);
  render();
  $("#done").textContent = `“${item.original}”: ${stateText(item)}.`;
}

function render() {
  $("#items").replaceChildren(...view.items.map((item, i) => {
    const actions = item.kind === "unsure"
      ? [["keep", "Keep (o)", "not an identifier"], ["replace", "Replace (r)", "an identifier"]]
      : [["keep", "Keep the original (o)", "not an identifier"], ["confirm", "Confirm (c)", "rightly replaced"]];
    return el("li", { id: `item-${item.id}`, class: i === current ? "current" : "", tabindex: "-1", "aria-current": i === current ? "true" : "false" },
      `Turn ${item.turn}: `, ...describe(item),
      ...actions.map(([action, label, meaning]) => el("button", { type: "button", text: label, "aria-pressed": String(state(item) === action),
        "aria-label": `${label.replace(/ \(.\)$/, "")}: “${item.original}” is ${meaning}`, onclick: () => { current = i; decide(item, action); } })),
      el("span", { class: "state", text: stateText(item) }));
  }));
  $("#missed-list").replaceChildren(...missed.map((m, i) => el("li", {}, `Missed: “${m.text}” (${m.category}) `,
    el("button", { type: "button", text: "Remove", "aria-label": `Remove “${m.text}” from the missed words`, onclick: () => { missed.splice(i, 1); render(); } }))));
  const open = view.items.filter(i => state(i) === null).length;
  $("#summary").textContent = view.waiting
    ? `${view.fileName}, version ${view.version}: ${view.items.filter(i => i.kind === "unsure").length} unsure word(s), ${view.items.filter(i => i.kind === "replaced").length} replacement(s); ${open} still to decide.`
    : `${view.fileName} is ${view.status}${view.released ? `, released by ${view.released.by}` : ""}: shown for reference, nothing to decide.`;
  $("#release").disabled = !view.waiting;
  $("#missed").disabled = !view.waiting;
  renderTurns();
}

/** A turn's text with the items of the turn marked; clicking a mark makes its item current. */
function marked(text, items) {
  const parts = [];
  let at = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    if (item.start < at) continue;
    parts.push(text.slice(at, item.start));
    const index = view.items.indexOf(item);
    parts.push(el("mark", { class: `${item.kind}${state(item) === "keep" ? " kept" : ""}${index === current ? " current" : ""}`, title: stateText(item),
      onclick: () => { current = index; render(); focusCurrent(); } }, text.slice(item.start, item.end)));
    at = item.end;
  }
  parts.push(text.slice(at));
  return parts;
}

const placeholder = /\[[A-Za-z]+(?:-\d+)?\]/g;

/** The pseudonymised text with its placeholders marked. */
function placeholders(text) {
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(placeholder)) { parts.push(text.slice(at, m.index), el("mark", { class: "replaced", text: m[0] })); at = m.index + m[0].length; }
  parts.push(text.slice(at));
  return parts;
}

function renderTurns() {
  $("#turns tbody").replaceChildren(...view.turns.map(t => {
    const mine = view.items.filter(i => i.turn === t.index);
    return el("tr", {},
      el("td", { "data-turn": String(t.index) }, el("strong", {}, ...marked(t.originalSpeaker, mine.filter(i => i.inSpeaker)), ": "), ...marked(t.original, mine.filter(i => !i.inSpeaker))),
      el("td", {}, el("strong", {}, ...placeholders(t.speaker), ": "), ...placeholders(t.pseudonymised)));
  }));
}

function focusCurrent() { $(`#item-${view.items[current]?.id}`)?.focus(); }

function move(by) {
  if (!view.items.length) return;
  current = Math.max(0, Math.min(view.items.length - 1, current + by));
  render();
  focusCurrent();
}

function markMissed() {
  const selection = window.getSelection();
  const text = selection?.toString().trim();
  if (!view.waiting) return;
  if (!text || !selection.anchorNode?.parentElement?.closest("#turns td[data-turn]")) { Pipeline.showError("Select the missed words in the original (the left column) first."); return; }
  if (text.length < 2 || text.length > 200) { Pipeline.showError("Select 2 to 200 characters."); return; }
  Pipeline.showError("");
  missed.push({ text, category: $("#category").value });
  selection.removeAllRanges();
  render();
  $("#done").textContent = `“${text}” will be replaced here and in the study's next transcripts.`;
}

async function release() {
  if (!view.waiting) return;
  const open = view.items.filter(i => state(i) === null);
  if (open.length) { Pipeline.showError(`Decide the ${open.length} unsure word(s) first: keep or replace each.`); current = view.items.indexOf(open[0]); render(); focusCurrent(); return; }
  const result = await api(`${base}/transcripts/${encodeURIComponent(transcript)}/site-check/release`, { method: "POST", body: JSON.stringify({
    version: view.version,
    decisions: view.items.map(i => ({ item: i.id, action: state(i), ...(state(i) === "replace" ? { category: $("#category").value } : {}) })),
    missed: missed.map(m => ({ text: m.text, category: m.category })),
  }) });
  view.waiting = false;
  render();
  $("#done").replaceChildren(result.message, " ", el("a", { href: `check.html?study=${encodeURIComponent(study)}`, text: "Back to the transcripts waiting" }));
  $("#done").focus();
}

document.addEventListener("keydown", e => {
  if (!view || e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.("input, textarea, select")) return;
  const item = view.items[current];
  const act = { j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1), m: markMissed, R: release,
    o: () => item && decide(item, "keep"), r: () => item?.kind === "unsure" && decide(item, "replace"), c: () => item?.kind === "replaced" && decide(item, "confirm") }[e.key];
  if (!act || (e.key === "R" && !e.shiftKey)) return;
  e.preventDefault();
  act();
  if (e.key !== "R") focusCurrent();
});

$("#missed").addEventListener("click", markMissed);
$("#release").addEventListener("click", release);

signIn(async () => {
  if (!transcript) {
    const rows = await api(`${base}/site-checks`);
    $("#waiting").replaceChildren(...(rows.length ? rows.map(t => el("tr", {},
      el("td", {}, el("a", { href: `check.html?study=${encodeURIComponent(study)}&transcript=${encodeURIComponent(t.id)}`, text: t.fileName })),
      el("td", { text: t.siteId }), el("td", { text: t.language }), el("td", { text: String(t.unsure) }), el("td", { text: new Date(t.updatedAt).toLocaleString() })))
      : [el("tr", {}, el("td", { colspan: "5", text: "Nothing is waiting for your check." }))]));
    $("#list").hidden = false;
    return;
  }
  $("#intro").textContent = "The transcript as uploaded beside the text coders will see. Decide each unsure word and replacement (the first ones are the machine's unsure words, with why), select any identifier left in clear and mark it missed, then release. Your decisions join the study's roster and allow list, so the next transcript learns from them. This reading is recorded in the audit log.";
  view = await api(`${base}/transcripts/${encodeURIComponent(transcript)}/site-check`);
  current = 0;
  render();
  $("#check").hidden = false;
});

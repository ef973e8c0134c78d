// The coder's workspace: keyboard-first coding of passages; every change saves at once with the ETag it was read with.
const { api, el, signIn, params, showError } = Pipeline;
const study = params.get("study"), transcript = params.get("transcript");
const studyPath = `/api/studies/${encodeURIComponent(study)}`;
const base = `${studyPath}/transcripts/${encodeURIComponent(transcript)}/review`;
let data, mine, etag = null, current = 0, codeNames = new Map(), submitted = false, shared = new Map(), editing = null;
let bySegment = new Map();

const key = (c) => `${c.segment}|${c.codeId}|${c.start ?? ""}`;
const q = encodeURIComponent;

function index() {
  bySegment = new Map();
  for (const c of mine.codings) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
}

function pending(segment) {
  const applied = new Set((bySegment.get(segment.segment) ?? []).map(c => c.codeId));
  const rejected = new Set(mine.rejected.filter(r => r.segment === segment.segment).map(r => r.codeId));
  return segment.suggestions.filter(s => !applied.has(s.code) && !rejected.has(s.code)).slice(0, 3);
}

/** Whether a passage is current: its class, tab stop and aria-current only, never its content. */
function mark(item, segment, i) {
  item.className = "passage" + (i === current ? " current" : "")
    + (segment.suggestions.length === 0 && segment.interviewer ? " interviewer" : "");
  // One tab stop for the list (the current passage); j/k move within it.
  item.tabIndex = i === current ? 0 : -1;
  if (i === current) item.setAttribute("aria-current", "true"); else item.removeAttribute("aria-current");
}

function renderPassage(segment, i) {
  const item = document.querySelector(`#passage-${segment.segment}`)
      ?? el("li", { id: `passage-${segment.segment}`, tabindex: "-1", "data-index": String(i) });
  mark(item, segment, i);
  const codings = (bySegment.get(segment.segment) ?? [])
      .map(c => ({ ...c, name: codeNames.get(c.codeId) ?? c.codeId }));
  const chips = codings.map(c => el("span",
    { class: "chip" + (c.confirm ? " confirm" : ""),
      style: `background:${Stripes.fill(c.codeId)};border-color:${Stripes.colour(c.codeId)}` },
    c.name + (c.start != null ? ` on “${segment.text.slice(c.start, c.end)}”` : ""),
    // A correction changed this span's words: it was placed by its context and waits for its coder.
    c.confirm ? el("span", { class: "evidence", text: " (its words changed in a correction: check it)" }) : null,
    c.confirm ? el("button", { type: "button", text: "Confirm", "aria-label": `Confirm ${c.name} on passage ${segment.segment}`,
      onclick: () => change(() => { mine.codings = mine.codings.map(x => key(x) === key(c) ? { ...x, confirm: false } : x); }, i) }) : null,
    // A toggle: the coded words as a quote that illustrates the code, for the study lead's themes report.
    el("button", { type: "button", class: "illustrative", "aria-pressed": c.illustrative ? "true" : "false",
      "aria-label": `Illustrative quote: ${c.name} on passage ${segment.segment}`,
      title: "Mark as an illustrative quote (themes report)", text: c.illustrative ? "★ quote" : "☆ quote",
      onclick: () => change(() => { mine.codings = mine.codings.map(x => key(x) === key(c)
        ? { ...x, illustrative: x.illustrative ? null : true } : x); }, i) }),
    el("button", { type: "button", "aria-label": `Remove ${c.name} from passage ${segment.segment}`, text: "×",
      onclick: () => change(() => { mine.codings = mine.codings.filter(x => key(x) !== key(c)); }, i) })));
  const offers = pending(segment).map((s, n) => el("li", { class: "suggestion" },
    el("button", { type: "button",
        "aria-label": `${n + 1}. ${s.name} ${Math.round(s.confidence * 100)}%: accept for passage ${segment.segment}`,
        onclick: () => accept(segment, s) },
      `${n + 1}. ${s.name} `, el("small", { text: `${Math.round(s.confidence * 100)}%` })),
    el("button", { type: "button", class: "reject", "aria-label": `Reject ${s.name} for passage ${segment.segment}`,
        text: "Reject", onclick: () => reject(segment, s) }),
    el("span", { class: "evidence", text: `Why: ${s.evidence.join("; ")}` })));
  const abstained = segment.abstained && segment.suggestions.length === 0
      ? el("p", { class: "evidence", text: `No suggestion: ${segment.abstained}` }) : null;
  const memosOn = mine.memos.filter(m => m.segment === segment.segment);
  const memos = memosOn
      .map(m => el("p", { class: "memo" },
      `Memo${m.code ? ` on ${codeNames.get(m.code) ?? m.code}` : ""}${memoWords(m)}: ${m.text}`,
      // A correction changed the memo's words: it was placed by their context and waits for its writer.
      m.confirm ? el("span", { class: "evidence", text: " (its words changed in a correction: check it)" }) : null,
      m.confirm ? el("button", { type: "button", text: "Confirm",
        "aria-label": `Confirm the memo on passage ${segment.segment}`,
        onclick: () => change(() => { mine.memos = mine.memos.map(x => x === m ? { ...x, confirm: false } : x); }, i) })
        : null));
  item.replaceChildren(
    el("div", { class: "body" },
      el("span", { class: "speaker", text: `${segment.segment}. ${segment.speaker}:` }),
      el("span", { class: "text" }, ...Stripes.text(segment.text, codings, memosOn)),
      el("div", { class: "applied", role: "group", "aria-label": "Applied codes" }, ...chips),
      el("ol", { class: "suggestions", "aria-label": "Suggestions" }, ...offers), abstained, ...memos),
    Stripes.stripes(segment, codings));
  return item;
}

function render() {
  const list = document.querySelector("#passages");
  if (list.children.length === 0) list.append(...data.segments.map(renderPassage));
  else data.segments.forEach(renderPassage);
}

/**
 * Makes passage i current: the bar, the focus and what the tools act on are always the same passage. Only the marks
 * change, not the passages' content: a click or a selection the pointer began in a passage that was not current then
 * carries on in the same elements (rebuilt, the button under the pointer lost its click and the text its selection).
 */
function select(i, focus = true) {
  const previous = current;
  current = Math.max(0, Math.min(data.segments.length - 1, i));
  const itemOf = n => document.querySelector(`#passage-${data.segments[n].segment}`);
  if (previous !== current) mark(itemOf(previous), data.segments[previous], previous);
  const item = itemOf(current);
  mark(item, data.segments[current], current);
  if (!focus) return;
  // Scrolled to by keys only: under the pointer, a scroll would move what it pressed before it let go.
  if (document.activeElement !== item && !item.contains(document.activeElement)) item.focus({ preventScroll: true });
  item.scrollIntoView({ block: "nearest" });
}

/**
 * Saves run one at a time: each carries the ETag the previous one returned, so two quick changes never race each other
 * into a 412. A change made while a save is in flight is sent by one more save right after it.
 */
let saving = null, again = false;
async function save() {
  if (saving) { again = true; return saving; }
  saving = (async () => { do { again = false; await saveOnce(); } while (again); })();
  try { await saving; } finally { saving = null; }
}

async function saveOnce() {
  let body;
  try {
    const headers = etag ? { "If-Match": etag } : {};
    body = await api(`${base}/mine`, { method: "PUT", body: JSON.stringify(mine), headers });
  }
  catch { return; /* the shell has said why */ }
  etag = body.etag;
  document.querySelector("#saved").textContent = `Saved at ${new Date().toLocaleTimeString()}`;
}

async function change(mutate, at = current) {
  if (submitted) { showError("You have submitted this transcript; your coding is final."); return; }
  mutate();
  index();
  renderPassage(data.segments[at], at);
  renderSide();
  await save();
}

function accept(segment, suggestion) {
  select(data.segments.indexOf(segment), false);
  return change(() => mine.codings.push({ segment: segment.segment, codeId: suggestion.code, origin: "suggested" }));
}

function reject(segment, suggestion) {
  select(data.segments.indexOf(segment), false);
  return change(() => mine.rejected.push({ segment: segment.segment, codeId: suggestion.code }));
}

function restore(r) {
  return change(() => { mine.rejected = mine.rejected.filter(x => !(x.segment === r.segment
      && x.codeId === r.codeId)); },
    data.segments.findIndex(s => s.segment === r.segment));
}

/** The words a memo is on, when it is on some words of its passage only. */
function memoWords(m) {
  const text = m.start != null && m.end != null ? bySegmentText(m.segment)?.slice(m.start, m.end) : null;
  return text ? ` on “${text}”` : "";
}

function bySegmentText(segment) {
  return data.segments.find(s => s.segment === segment)?.text;
}

/** The code tree, the memo list and the rejected list: what the side panel shows of this transcript. */
function renderSide() {
  const counts = new Map(data.codes.map(c => [c.id, { mine: 0, other: shared.get(c.id)?.other ?? null,
      consensus: shared.get(c.id)?.consensus ?? 0, engine: shared.get(c.id)?.engine }]));
  for (const [code, n] of CodeTree.count(data.codes, mine.codings)) if (counts.has(code)) counts.get(code).mine = n;
  CodeTree.render(document.querySelector("#tree"), data.codes, counts, jumpTo);
  document.querySelector("#memos").replaceChildren(...(mine.memos.length ? mine.memos.map((m, n) => el("li", {},
    el("span", { text: `${m.segment != null ? `Passage ${m.segment}${memoWords(m)}` : "Transcript"}`
      + `${m.code ? ` · ${codeNames.get(m.code) ?? m.code}` : ""}: ${m.text} ` }),
    m.segment != null ? el("a", { href: `#passage-${m.segment}`, text: "go", "aria-label": `Go to passage ${m.segment}`,
      onclick: e => { e.preventDefault(); select(data.segments.findIndex(s => s.segment === m.segment)); } }) : null,
    el("button", { type: "button", text: "Edit", "aria-label": `Edit memo ${n + 1}`, onclick: () => editMemo(n) }),
    // Its passage drawn again, wherever the coder is: the memo's words are no longer marked there.
    el("button", { type: "button", text: "Delete", "aria-label": `Delete memo ${n + 1}`, onclick: () => change(() =>
        mine.memos.splice(n, 1), m.segment != null ? data.segments.findIndex(s => s.segment === m.segment) : current) })))
    : [el("li", { text: "No memos yet." })]));
  document.querySelector("#rejected").replaceChildren(...(mine.rejected.length ? mine.rejected.map(r => el("li", {},
    `${codeNames.get(r.codeId) ?? r.codeId} on passage ${r.segment} `,
    el("button", { type: "button", text: "Restore",
        "aria-label": `Restore ${codeNames.get(r.codeId) ?? r.codeId} on passage ${r.segment}`, onclick: () =>
        restore(r) })))
    : [el("li", { text: "None rejected." })]));
  const button = document.querySelector("#submit");
  button.disabled = submitted;
  button.textContent = submitted ? "Submitted" : "Submit my coding";
}

/** The next passage after the current one that carries the code or one under it, round to the start. */
function jumpTo(code) {
  const family = CodeTree.family(data.codes, code.id);
  const n = data.segments.length;
  for (let step = 1; step <= n; step++) {
    const i = (current + step) % n;
    if ((bySegment.get(data.segments[i].segment) ?? []).some(c => family.has(c.codeId))) { select(i); return; }
  }
  document.querySelector("#saved").textContent = `No passage of this transcript has ${code.name} in your coding.`;
}

function editMemo(n) {
  editing = n;
  const m = mine.memos[n];
  document.querySelector("#memo-text").value = m.text;
  document.querySelector("#memo-text").dispatchEvent(new Event("input"));
  document.querySelector("#memo-code").value = m.code ?? "";
  document.querySelector("#memo-passage").checked = m.segment != null;
  document.querySelector("#memo-save").textContent = "Save changes";
  document.querySelector("#memo-text").focus();
}

async function load() {
  data = await api(base);
  performance.mark("review-data");
  mine = data.mine;
  etag = data.etag;
  submitted = mine.submitted;
  index();
  data.codes.forEach(c => codeNames.set(c.id, c.name));
  Stripes.use(data.codes);
  document.querySelector("#codes").replaceChildren(...data.codes.map(c => el("option", { value: c.name })));
  document.querySelector("#memo-code").append(...data.codes.map(c => el("option", { value: c.id, text: c.name })));
  document.querySelector("#summary")
      .textContent = `${data.transcript.fileName} (${data.transcript.siteId}), ${data.segments.length} passages` +
    (data.doubleCoded ? " — double-coded: your codes stay hidden from the other coder until you both submit."
        : "") + (submitted ? " Submitted." : "");
  const agreement = document.querySelector("#agreement");
  // A link only once there is an agreement to show: before, the page could only say it is not open yet.
  if (data.agreementReady) agreement.href = `agreement.html?study=${q(study)}&transcript=${q(transcript)}`;
  else agreement.removeAttribute("href");
  agreement.textContent = data.agreementReady ? "Agreement" : data.doubleCoded
      ? "Agreement (opens once you both submit)" : "Agreement (single-coded)";
  document.querySelector("#workspace").hidden = false;
  render();
  renderSide();
  select(0);
  // Marked once the browser has laid out and painted the list: what a coder sees, not only the DOM built.
  requestAnimationFrame(() => setTimeout(() => performance.mark("review-shown")));
  // Counts of the other coder and the consensus: the server says what blind coding lets this user see.
  const tree = await api(`${studyPath}/codes/tree?transcript=${q(transcript)}`);
  shared = new Map(tree.codes.map(c => [c.id, c]));
  renderSide();
}


document.querySelector("#passages").addEventListener("click", e => {
  const item = e.target.closest("li.passage");
  if (item && Number(item.dataset.index) !== current) select(Number(item.dataset.index),
      !e.target.closest("button, a"));
});
document.querySelector("#passages").addEventListener("focusin", e => {
  const item = e.target.closest("li.passage");
  if (item && Number(item.dataset.index) !== current) select(Number(item.dataset.index), false);
});

// "?" and the help it opens are every page's (keys.js).
document.addEventListener("keydown", async e => {
  if (!data || e.target.matches("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
  const segment = data.segments[current];
  const offers = pending(segment);
  if (e.key === "j" || e.key === "ArrowDown") { e.preventDefault(); select(current + 1); }
  else if (e.key === "k" || e.key === "ArrowUp") { e.preventDefault(); select(current - 1); }
  else if (e.key === "a" && offers[0]) await accept(segment, offers[0]);
  else if (["1", "2", "3"].includes(e.key) && offers[Number(e.key) - 1]) await accept(segment,
      offers[Number(e.key) - 1]);
  else if (e.key === "x" && offers[0]) await reject(segment, offers[0]);
  else if (e.key === "u" && mine.rejected.length) await restore(mine.rejected.at(-1));
  else if (e.key === "/") { e.preventDefault(); span = selectedSpan(); document.querySelector("#add-code").focus(); }
  else if (e.key === "m") { e.preventDefault(); memoSpan = selectedSpan(); document.querySelector("#memo").focus(); }
  else if (e.key === "S") document.querySelector("#submit").click();
});

/** A selection inside the current passage's text, as offsets into it: the code then applies to that sub-span only. */
let span = null;
function selectedSpan() {
  const selection = window.getSelection();
  const text = document.querySelector(`#passage-${data.segments[current].segment} .text`);
  if (!selection || selection.isCollapsed || !text || !text.contains(selection.anchorNode)
      || !text.contains(selection.focusNode)) return null;
  const range = selection.getRangeAt(0);
  // Offsets from the start of the whole text: marks already in it split it into several nodes.
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length, end = start + range.toString().length;
  return start < end ? { start, end } : null;
}

// Taken before the input has focus: focusing it moves the selection away.
document.querySelector("#add-code").addEventListener("mousedown", () => { span = selectedSpan(); });

document.querySelector("#add-code").addEventListener("keydown", async e => {
  if (e.key === "Escape") { backToPassage(); return; }
  if (e.key !== "Enter") return;
  e.preventDefault();
  const code = data.codes.find(c => c.name.toLowerCase() === e.target.value.trim().toLowerCase()
      || c.id === e.target.value.trim());
  if (!code) { showError("Choose a code from the codebook list."); return; }
  const segment = data.segments[current];
  const suggested = segment.suggestions.some(s => s.code === code.id);
  e.target.value = "";
  backToPassage();
  if (!span && mine.codings.some(c => c.segment === segment.segment && c.codeId === code.id && c.start == null)) return;
  const origin = suggested ? "suggested" : (pending(segment).length ? "changed" : "added");
  const coding = { segment: segment.segment, codeId: code.id, origin, ...(span ?? {}) };
  span = null;
  await change(() => mine.codings.push(coding));
});

/** After a code or memo, keys go back to the passage list. */
function backToPassage() {
  document.activeElement.blur();
  document.querySelector(`#passage-${data.segments[current].segment}`)?.focus();
}

/** Words selected in the current passage when the memo was begun: the memo is on them only. */
let memoSpan = null;

/** The server's limit (Core's Limits.Memo), checked here too so that a memo too long stays in its box with the reason. */
const memoLimit = 10_000;
const count = n => n.toLocaleString("en-GB");
function memoTooLong(text) {
  if (text.length <= memoLimit) return false;
  showError(`A memo can be up to ${count(memoLimit)} characters; this one has ${count(text.length)}. `
    + "Shorten it, or split it into several memos.");
  return true;
}
document.querySelector("#memo-text").addEventListener("input", e => {
  document.querySelector("#memo-count").textContent = `${count(e.target.value.length)} of ${count(memoLimit)} characters`;
});
// Taken before the input has focus, as for a code.
document.querySelector("#memo").addEventListener("mousedown", () => { memoSpan = selectedSpan(); });

document.querySelector("#memo").addEventListener("keydown", async e => {
  if (e.key === "Escape") { memoSpan = null; backToPassage(); return; }
  if (e.key !== "Enter" || !e.target.value.trim()) return;
  e.preventDefault();
  const text = e.target.value.trim();
  if (memoTooLong(text)) return;
  e.target.value = "";
  const memo = { segment: data.segments[current].segment, text, ...(memoSpan ?? {}) };
  memoSpan = null;
  backToPassage();
  await change(() => mine.memos.push(memo));
});

document.querySelector("#memo-form").addEventListener("submit", async e => {
  e.preventDefault();
  const memo = { segment: document.querySelector("#memo-passage").checked ? data.segments[current].segment : null,
    text: document.querySelector("#memo-text").value.trim(), code: document.querySelector("#memo-code").value || null };
  if (memoTooLong(memo.text)) return;
  const at = editing;
  // An edit keeps the words a memo is on while it stays on their passage.
  const was = at == null ? null : mine.memos[at];
  if (was?.start != null && was.segment === memo.segment) Object.assign(memo, { start: was.start, end: was.end });
  editing = null;
  e.target.reset();
  document.querySelector("#memo-count").textContent = "";
  document.querySelector("#memo-save").textContent = "Save memo";
  await change(() => { if (at == null) mine.memos.push(memo); else mine.memos[at] = memo; });
});

document.querySelector("#propose").addEventListener("submit", async e => {
  e.preventDefault();
  const name = document.querySelector("#proposal-name").value.trim(),
      definition = document.querySelector("#proposal-definition").value.trim();
  const result = await api(`${studyPath}/codebook/proposals`,
    { method: "POST", body: JSON.stringify({ name, definition }) });
  // One status line: a save still in flight would put its "Saved at" over the proposal's answer.
  await saving;
  document.querySelector("#saved").textContent = result.message;
  e.target.reset();
});

document.querySelector("#submit").addEventListener("click", async () => {
  if (submitted) return;
  await saving;
  const result = await api(`${base}/mine/submit`, { method: "POST" });
  submitted = true;
  renderSide();
  document.querySelector("#saved").textContent = result.message;
});

signIn(load);

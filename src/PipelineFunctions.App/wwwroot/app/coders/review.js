// The coder's workspace: keyboard-first coding of passages; every change saves at once with the ETag it was read with.
const { api, el, signIn, params, showError } = Pipeline;
const study = params.get("study"), transcript = params.get("transcript");
const base = `/api/studies/${encodeURIComponent(study)}/transcripts/${encodeURIComponent(transcript)}/review`;
let data, mine, etag = null, current = 0, codeNames = new Map(), submitted = false;

const key = (c) => `${c.segment}|${c.codeId}`;

function pending(segment) {
  const applied = new Set(mine.codings.filter(c => c.segment === segment.segment).map(c => c.codeId));
  const rejected = new Set(mine.rejected.filter(r => r.segment === segment.segment).map(r => r.codeId));
  return segment.suggestions.filter(s => !applied.has(s.code) && !rejected.has(s.code));
}

function renderPassage(segment, index) {
  const item = document.querySelector(`#passage-${segment.segment}`) ?? el("li", { id: `passage-${segment.segment}`, tabindex: "-1" });
  item.className = (index === current ? "current " : "") + (segment.suggestions.length === 0 && /interviewer|facilitator/i.test(segment.speaker) ? "interviewer" : "");
  const chips = mine.codings.filter(c => c.segment === segment.segment).map(c => el("span", { class: "chip" },
    (codeNames.get(c.codeId) ?? c.codeId) + (c.start != null ? ` on “${segment.text.slice(c.start, c.end)}”` : ""),
    el("button", { type: "button", "aria-label": `Remove ${codeNames.get(c.codeId) ?? c.codeId} from passage ${segment.segment}`, text: "×",
      onclick: () => change(() => { mine.codings = mine.codings.filter(x => key(x) !== key(c)); }) })));
  const offers = pending(segment).map((s, i) => el("button", { type: "button", class: "suggestion", title: s.evidence.join("\n"),
      "aria-label": `Accept ${s.name} (${Math.round(s.confidence * 100)}%) for passage ${segment.segment}`,
      onclick: () => accept(segment, s) },
    `${i + 1}. ${s.name} `, el("small", { text: `${Math.round(s.confidence * 100)}%` })));
  const evidence = pending(segment).slice(0, 1).map(s => el("div", { class: "evidence", text: `Why ${s.name}: ${s.evidence.join("; ")}` }));
  const memos = mine.memos.filter(m => m.segment === segment.segment).map(m => el("div", { class: "evidence", text: `Memo: ${m.text}` }));
  item.replaceChildren(el("span", { class: "speaker", text: `${segment.segment}. ${segment.speaker}:` }), el("span", { class: "text", text: segment.text }),
    el("div", { class: "applied", "aria-label": "Applied codes" }, ...chips), el("div", { class: "suggestions", "aria-label": "Suggestions" }, ...offers), ...evidence, ...memos);
  return item;
}

function render() {
  const list = document.querySelector("#passages");
  if (list.children.length === 0) list.append(...data.segments.map(renderPassage));
  else data.segments.forEach(renderPassage);
}

function move(by) {
  const previous = current;
  current = Math.max(0, Math.min(data.segments.length - 1, current + by));
  renderPassage(data.segments[previous], previous);
  const item = renderPassage(data.segments[current], current);
  item.scrollIntoView({ block: "nearest" });
}

async function save() {
  const headers = etag ? { "If-Match": etag } : {};
  const response = await fetch(`${base}/mine`, { method: "PUT", body: JSON.stringify(mine),
    headers: { "Content-Type": "application/json", "X-Api-Key": sessionStorage.getItem("pipeline-api-key") ?? "", ...headers } });
  const body = await response.json();
  if (!response.ok) { showError(body.detail ?? body.message); return; }
  etag = body.etag;
  showError("");
  document.querySelector("#saved").textContent = `Saved at ${new Date().toLocaleTimeString()}`;
}

async function change(mutate) {
  if (submitted) { showError("You have submitted this transcript; your coding is final."); return; }
  mutate();
  renderPassage(data.segments[current], current);
  await save();
}

function accept(segment, suggestion) {
  return change(() => mine.codings.push({ segment: segment.segment, codeId: suggestion.code, origin: "suggested" }));
}

async function load() {
  data = await api(base);
  mine = data.mine;
  etag = data.etag;
  submitted = mine.submitted;
  data.codes.forEach(c => codeNames.set(c.id, c.name));
  document.querySelector("#codes").replaceChildren(...data.codes.map(c => el("option", { value: c.name })));
  document.querySelector("#summary").textContent = `${data.transcript.fileName} (${data.transcript.siteId}), ${data.segments.length} passages` +
    (data.doubleCoded ? " — double-coded: your codes stay hidden from the other coder until you both submit." : "") + (submitted ? " Submitted." : "");
  const agreement = document.querySelector("#agreement");
  agreement.href = `agreement.html?study=${encodeURIComponent(study)}&transcript=${encodeURIComponent(transcript)}`;
  agreement.hidden = !data.agreementReady;
  document.querySelector("#workspace").hidden = false;
  render();
  document.querySelector(`#passage-${data.segments[0].segment}`)?.focus();
}

document.addEventListener("keydown", async e => {
  if (!data || e.target.matches("input, textarea")) return;
  const segment = data.segments[current];
  if (e.key === "j" || e.key === "ArrowDown") { e.preventDefault(); move(1); }
  else if (e.key === "k" || e.key === "ArrowUp") { e.preventDefault(); move(-1); }
  else if (e.key === "a" && pending(segment)[0]) await accept(segment, pending(segment)[0]);
  else if (["1", "2", "3"].includes(e.key) && pending(segment)[Number(e.key) - 1]) await accept(segment, pending(segment)[Number(e.key) - 1]);
  else if (e.key === "x" && pending(segment)[0]) { const s = pending(segment)[0]; await change(() => mine.rejected.push({ segment: segment.segment, codeId: s.code })); }
  else if (e.key === "/") { e.preventDefault(); span = selectedSpan(); document.querySelector("#add-code").focus(); }
  else if (e.key === "m") { e.preventDefault(); document.querySelector("#memo").focus(); }
  else if (e.key === "S") document.querySelector("#submit").click();
});

/** A selection inside the current passage's text, as offsets into it: the code then applies to that sub-span only. */
let span = null;
function selectedSpan() {
  const selection = window.getSelection();
  const text = document.querySelector(`#passage-${data.segments[current].segment} .text`);
  if (!selection || selection.isCollapsed || !text || !text.contains(selection.anchorNode) || !text.contains(selection.focusNode)) return null;
  const range = selection.getRangeAt(0);
  return range.startOffset < range.endOffset ? { start: range.startOffset, end: range.endOffset } : null;
}

// Taken before the input has focus: focusing it moves the selection away.
document.querySelector("#add-code").addEventListener("mousedown", () => { span = selectedSpan(); });

document.querySelector("#add-code").addEventListener("keydown", async e => {
  if (e.key === "Escape") { e.target.blur(); return; }
  if (e.key !== "Enter") return;
  e.preventDefault();
  const code = data.codes.find(c => c.name.toLowerCase() === e.target.value.trim().toLowerCase() || c.id === e.target.value.trim());
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

document.querySelector("#memo").addEventListener("keydown", async e => {
  if (e.key === "Escape") { e.target.blur(); return; }
  if (e.key !== "Enter" || !e.target.value.trim()) return;
  e.preventDefault();
  const text = e.target.value.trim();
  e.target.value = "";
  backToPassage();
  await change(() => mine.memos.push({ segment: data.segments[current].segment, text }));
});

document.querySelector("#propose").addEventListener("submit", async e => {
  e.preventDefault();
  const name = document.querySelector("#proposal-name").value.trim(), definition = document.querySelector("#proposal-definition").value.trim();
  const result = await api(`/api/studies/${encodeURIComponent(study)}/codebook/proposals`, { method: "POST", body: JSON.stringify({ name, definition }) });
  document.querySelector("#saved").textContent = result.message;
  e.target.reset();
});

document.querySelector("#submit").addEventListener("click", async () => {
  const result = await api(`${base}/mine/submit`, { method: "POST" });
  submitted = true;
  document.querySelector("#saved").textContent = result.message;
});

signIn(load);

// Upload by drag and drop or file picker: per file the language (from the file name, else suggested from its text),
// the source a translation belongs to (chosen, or by the file-name convention …50010.sw.txt / …50010.en.txt) and the
// interview id; then each file's status, followed through the pipeline, in plain words with what to do.
const { api, el, signIn, params, can } = Pipeline;
const study = params.get("study");
const base = `/api/studies/${encodeURIComponent(study)}`;
const $ = s => document.querySelector(s);
// { file, id, language, translationOf, interview, transcriptId, status, reason, message, cells }
const rows = [];
let studyInfo = null;
let existing = [];        // the site's transcripts already uploaded: sources a translation may belong to
let polling = null;
let nextId = 1;

/** `dar-interview-50010.sw.txt` → stem `dar-interview-50010`,
    language `sw`; the interview id is the participant id in the name. */
function parseName(name) {
  const m = /^(.*?)(?:\.([a-z]{2,3}))?\.[A-Za-z0-9]+$/.exec(name) ?? [name, name, null];
  const language = m[2] && studyInfo.languages.includes(m[2]) ? m[2] : null;
  const stem = language ? m[1] : name.replace(/\.[A-Za-z0-9]+$/, "");
  const interview = /(\d{4,6}(?:_\d+)?)(?!.*\d{4,6})/.exec(stem)?.[1] ?? "";
  return { stem, language, interview };
}

function languages() {
  const site = studyInfo.sites.find(s => s.id === $("#site").value);
  return [...new Set([...(site?.languages ?? []), ...studyInfo.languages])];
}

/** The file-name convention: a file in English whose stem matches a file in another language is its translation. */
function pairByName() {
  for (const r of rows.filter(r => !r.transcriptId && !r.translationOf && r.language === "en")) {
    const source = rows.find(s => s !== r && s.stem === r.stem && s.language && s.language !== "en");
    if (source) { r.translationOf = `row:${source.id}`; r.pairedBy = "by the file names"; }
  }
}

function add(files) {
  const started = performance.now();
  for (const file of files) {
    const { stem, language, interview } = parseName(file.name);
    const row = { file, id: nextId++, stem, language: language ?? languages()[0], languageFrom: language
        ? "from the file name" : "", translationOf: "", interview, status: "Ready", message: "Ready to upload." };
    rows.push(row);
    if (!language) suggest(row);
  }
  pairByName();
  render();
  // How long the drop took to list, for the measurement in UploadPageTests.
  document.body.dataset.listedMs = String(Math.round(performance.now() - started));
}

/** The language the app reads in the text, for a file whose name does not say. */
async function suggest(row) {
  row.languageFrom = "checking the text…";
  try {
    // The extension only: a file name can hold a participant's id, and URLs reach logs.
    const format = row.file.name.split(".").pop() ?? "";
    const s = await api(`${base}/language-suggestion?format=${encodeURIComponent(format)}`,
      { method: "POST", body: row.file, quiet: true });
    if (row.transcriptId) return;
    if (s.language) {
      row.language = s.language;
      row.languageFrom = `suggested from the text (${Math.round(s.confidence * 100)}% sure)`;
    }
    else row.languageFrom = s.problem ? "" : "the text does not say; please choose";
    if (s.problem) { row.message = `This file will be refused: ${s.problem}`; row.status = "Warning"; }
  } catch { row.languageFrom = ""; }
  pairByName();
  render();
}

function pairOptions(row) {
  const inDrop = rows.filter(r => r !== row && r.language !== row.language && !r.translationOf)
      .map(r => [`row:${r.id}`, `${r.file.name} (in this list)`]);
  const uploaded = existing.filter(t => t.role === "source" && !t.translationId && t.siteId === $("#site").value)
      .map(t => [`id:${t.id}`, `${t.fileName} (uploaded ${new Date(t.receivedAt).toLocaleDateString()})`]);
  return [["", "Not a translation"], ...inDrop, ...uploaded];
}

function render() {
  const body = $("#queue tbody");
  body.replaceChildren(...rows.map(row => {
    const locked = !!row.transcriptId || row.status === "Sending";
    const lang = el("select", { "aria-label": `Language of ${row.file.name}`, disabled: locked, onchange: e =>
        { row.language = e.target.value; row.languageFrom = "chosen"; pairByName(); render(); } },
      ...languages().map(l => el("option", { value: l, text: l, selected: l === row.language })));
    const pair = el("select", { "aria-label": `${row.file.name} is a translation of`, disabled: locked, onchange: e =>
        { row.translationOf = e.target.value; row.pairedBy = "chosen"; render(); } },
      ...pairOptions(row).map(([v, t]) => el("option", { value: v, text: t, selected: v === row.translationOf })));
    const interview = el("input", { "aria-label": `Interview id of ${row.file.name}`, size: "10", value: row.interview,
        disabled: locked, onchange: e => { row.interview = e.target.value.trim(); } });
    return el("tr", { "data-file": row.file.name },
      el("th", { scope: "row", text: row.file.name }),
      el("td", {}, lang, row.languageFrom ? el("span", { class: "hint", text: ` ${row.languageFrom}` }) : null),
      el("td", {}, pair, row.pairedBy && row.translationOf ? el("span", { class: "hint", text: ` ${row.pairedBy}` })
          : null),
      el("td", {}, interview),
      el("td", { class: `status ${Statuses.className(row.status)}`, text: row.message }),
      el("td", { class: "advice", text: row.advice ?? "" }));
  }));
  $("#queue").hidden = rows.length === 0;
  $("#send").hidden = !rows.some(r => !r.transcriptId && r.status !== "Sending" && r.status !== "Duplicate");
  $("#clear").hidden = rows.length === 0;
}

async function send(row) {
  if (row.translationOf.startsWith("row:")) {
    const source = rows.find(r => `row:${r.id}` === row.translationOf);
    if (!source?.transcriptId) {
      row.message = "Not sent: its source was not accepted; upload the source first.";
      row.status = "Rejected";
      return;
    }
  }
  const form = new FormData();
  form.append("file", row.file);
  form.append("site", $("#site").value);
  form.append("language", row.language);
  if (row.interview) form.append("interviewId", row.interview);
  const of = row.translationOf.startsWith("row:")
    ? rows.find(r => `row:${r.id}` === row.translationOf).transcriptId
    : row.translationOf.replace(/^id:/, "");
  if (of) form.append("translationOf", of);
  row.status = "Sending";
  row.message = "Sending…";
  render();
  try {
    const answer = await api(`${base}/transcripts`, { method: "POST", body: form, quiet: true });
    row.transcriptId = answer.transcriptId;
    follow(row, answer.status, null);
  } catch (e) {
    const body = e.body ?? {};
    if (Pipeline.isProblem(body, "duplicate")) {
      // A duplicate names the earlier upload by its file name and day (the API's words), never by an id.
      row.status = "Duplicate";
      row.transcriptId = body.transcriptId;
      row.message = body.detail;
      row.advice = "Nothing to do: the earlier upload is being used.";
    } else if (body.transcriptId) {
      row.transcriptId = body.transcriptId;
      follow(row, body.transcriptStatus ?? "Rejected", null, body.detail, body.reason);
    } else {
      row.status = "Rejected";
      row.message = `Not sent: ${e.message}`;
      row.advice = Pipeline.isProblem(e.body, "tooLarge") ? Statuses.advice("Rejected", "TooLarge")
        : Pipeline.isProblem(e.body, "wrongRole") ? "Ask the study lead for the role this needs."
        : "Check the choices in this row and upload again.";
    }
  }
  render();
}

function follow(row, status, reason, detail, reasonCode, transcript) {
  row.status = status;
  const why = detail ?? reason;
  const [describe, waitsOn] = transcript ? Statuses.forTranscript(transcript) : [Statuses.describe(status), Statuses.waitsOn(status)];
  row.message = `${describe}${Statuses.isBad(status) && why ? `: ${why}` : ""}.`;
  row.advice = Statuses.isBad(status) ? Statuses.advice(status, reasonCode) : `Waits on ${waitsOn}.`;
}

async function sendAll() {
  const pending = rows.filter(r => !r.transcriptId && r.status !== "Sending" && r.status !== "Duplicate");
  // Sources first, so a translation can name the source it belongs to.
  const sources = pending.filter(r => !r.translationOf.startsWith("row:"));
  await Promise.all(sources.map(send));
  await Promise.all(pending.filter(r => r.translationOf.startsWith("row:")).map(send));
  $("#summary").textContent = `${pending.length} file(s) sent; their status follows below.`;
  poll();
}

async function poll() {
  clearTimeout(polling);
  const tracked = rows.filter(r => r.transcriptId && r.status !== "Duplicate");
  if (tracked.length === 0) return;
  try {
    const list = await api(`${base}/transcripts`, { quiet: true });
    existing = list;
    for (const t of list) {
      const row = tracked.find(r => r.transcriptId === t.id);
      if (row && (row.status !== t.status || !row.message)) follow(row, t.status, t.reason, undefined, undefined, t);
    }
    render();
  } catch { /* retried below */ }
  const moving = tracked.some(r => !Statuses.isFinal(r.status) && r.status !== "AwaitingTranslationCheck")
    || tracked.some(r => r.status === "AwaitingTranslationCheck"
        && rows.some(o => o.translationOf === `row:${r.id}` || (o.transcriptId && r.translationOf === `row:${o.id}`)));
  const done = tracked.filter(r => Statuses.isFinal(r.status)).length;
  $("#summary")
      .textContent = `${done} of ${tracked.length} file(s) reached where they wait for people` +
        `${moving ? "; the rest are moving" : ""}.`;
  if (moving) polling = setTimeout(poll, 1000);
}

const drop = $("#drop");
drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", e =>
    { e.preventDefault(); drop.classList.remove("over"); add([...e.dataTransfer.files]); });
$("#files").addEventListener("change", e => { add([...e.target.files]); e.target.value = ""; });
$("#send").addEventListener("click", sendAll);
$("#clear").addEventListener("click", () => { rows.splice(0); render(); $("#summary").textContent = ""; });
$("#to-transcripts").href = `transcripts.html?study=${encodeURIComponent(study)}`;

signIn(async () => {
  studyInfo = await api(base);
  const me = Pipeline.session();
  const sites = can("study-lead") ? studyInfo.sites : studyInfo.sites.filter(s => me.sites.includes(s.id));
  $("#site").replaceChildren(...sites.map(s => el("option", { value: s.id, text: s.name })));
  $("#site").addEventListener("change", render);
  existing = await api(`${base}/transcripts`);
  $("#upload").hidden = false;
});

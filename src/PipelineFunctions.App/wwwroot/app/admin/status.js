// Admin status page: metadata only, refreshed every few seconds. The API key stays in this tab's session.
const keyName = "pipeline-api-key";
const statuses = ["Received", "Parsed", "Pseudonymised", "AwaitingTranslationCheck", "AwaitingTranslationReview", "TranslationQueried", "TranslationApproved", "SuggestionsReady", "Rejected", "Failed", "Superseded"];

function cell(row, text) { const td = row.insertCell(); td.textContent = text ?? ""; return td; }

function fill(table, rows, columns) {
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const r of rows) { const tr = body.insertRow(); columns.forEach(c => cell(tr, c(r))); }
  if (rows.length === 0) { const tr = body.insertRow(); const td = cell(tr, "None"); td.colSpan = columns.length; }
}

function render(s) {
  fill(document.querySelector("#totals"), statuses.map(k => [k, s.totals[k] ?? 0]), [r => r[0], r => r[1]]);
  const sites = document.querySelector("#sites");
  sites.tHead.replaceChildren();
  const head = sites.tHead.insertRow();
  ["Study", "Site", ...statuses].forEach(h => { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.append(th); });
  fill(sites, s.sites, [r => r.studyId, r => r.siteId, ...statuses.map(k => r => r.counts[k] ?? 0)]);
  fill(document.querySelector("#failures"), s.failures, [r => r.studyId, r => r.siteId, r => r.transcriptId, r => r.status, r => r.reason, r => new Date(r.updatedAt).toLocaleString()]);
  fill(document.querySelector("#poison"), s.poison.flatMap(q => q.messages.map(m => ({ queue: q.queue, ...m }))),
    [r => r.queue, r => r.id, r => r.transcriptId ?? "(not a transcript message)", r => new Date(r.insertedOn).toLocaleString()]);
  document.querySelector("#updated").textContent = `Updated ${new Date(s.generatedAt).toLocaleTimeString()}`;
}

async function refresh() {
  const key = sessionStorage.getItem(keyName);
  if (!key) { document.querySelector("#signin").hidden = false; return; }
  try {
    const response = await fetch("/api/admin/status", { headers: { "X-Api-Key": key } });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(keyName);
      document.querySelector("#error").textContent = response.status === 401 ? "That key is not known." : "That user is not an admin.";
      document.querySelector("#signin").hidden = false;
      return;
    }
    render(await response.json());
    document.querySelector("#error").textContent = "";
    document.querySelector("#status").hidden = false;
  } catch {
    document.querySelector("#error").textContent = "The app is not answering; retrying.";
  }
  setTimeout(refresh, 3000);
}

document.querySelector("#signin").addEventListener("submit", e => {
  e.preventDefault();
  sessionStorage.setItem(keyName, document.querySelector("#apikey").value);
  document.querySelector("#signin").hidden = true;
  refresh();
});
refresh();

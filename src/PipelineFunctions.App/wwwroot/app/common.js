// The shell every page shares: sign in once per browser (locally an API key kept in this browser's localStorage, so
// every tab has it and Sign out ends it in all of them; in Azure Entra ID through App Service, whose session the
// browser holds), the header with the study switcher and the navigation by role, refusals said in place, and JSON
// calls to the API. A page names who it is for in <body data-roles> and calls Pipeline.signIn(load).
const Pipeline = (() => {
  const keyName = "pipeline-api-key";
  const studyName = "pipeline-study";
  const sessionName = "pipeline-session";
  const params = new URLSearchParams(location.search);
  const app = "/app/";
  const roleNames = { "site-researcher": "site researcher", "translation-lead": "translation lead", coder: "coder",
      "study-lead": "study lead", admin: "admin", custodian: "data custodian" };

  // Every page a role reaches, in the order the navigation shows them; `study` pages carry the study's id.
  const pages = [
    { path: "site/upload.html", text: "Upload transcripts", roles: ["site-researcher", "study-lead"], study: true,
        what: "Drop interviews and focus groups, with their translations, and follow each file" },
    { path: "site/transcripts.html", text: "Site transcripts", roles: ["site-researcher", "custodian"], study: true,
        what: "Every transcript of your sites: where it is, what it waits for and on whom" },
    { path: "site/check.html", text: "Check before coding", roles: ["site-researcher", "custodian"], study: true,
        what: "The original beside the pseudonymised text: decide what was replaced or left, then release it" },
    { path: "site/queries.html", text: "Points from the translation lead", roles: ["site-researcher"], study: true,
        what: "Answer the lead's points on your translations" },
    { path: "lead/overview.html", text: "Overview", roles: ["study-lead"], study: true,
        what: "Transcripts by site and status, and what waits on whom" },
    { path: "lead/study.html", text: "Study set-up", roles: ["study-lead"], study: true,
        what: "Name, sites, languages, pseudonyms, double coding, cloud use, roster, allow list" },
    { path: "lead/codebook.html", text: "Codebook and proposals", roles: ["study-lead"], study: true,
        what: "Import and edit the codebook; approve or decline the coders' proposals" },
    { path: "lead/themes.html", text: "Themes report", roles: ["study-lead"], study: true,
        what: "Themes and subthemes by site and speaker role, with illustrative quotes; as a Word document" },
    { path: "translation/index.html", text: "Translations to check", roles: ["translation-lead", "study-lead"],
        study: false, what: "Pairs waiting for the translation check" },
    { path: "coders/index.html", text: "Transcripts to code", roles: ["coder", "study-lead"], study: true,
        what: "Code with suggestions; exports for NVivo, ATLAS.ti, MAXQDA" },
    { path: "coders/codes.html", text: "Passages by code", roles: ["coder", "study-lead"], study: true,
        what: "The code tree with its passages and quotes" },
    { path: "coders/search.html", text: "Search", roles: ["coder", "study-lead"], study: true,
        what: "Search the transcripts; save searches as sets" },
    { path: "coders/matrix.html", text: "Matrix", roles: ["coder", "study-lead"], study: true,
        what: "Codes by site or role" },
    { path: "coders/speakers.html", text: "Speakers and roles", roles: ["study-lead"], study: true,
        what: "A role per participant, for exports" },
    { path: "admin/status.html", text: "Pipeline status", roles: ["admin"], study: false,
        what: "Queues, latency, failures, poison messages" },
    { path: "admin/audit.html", text: "Audit log", roles: ["admin", "custodian"], study: true,
        what: "Who read or changed what, filterable; CSV" },
  ];

  let session = null;   // /api/me once signed in
  let ready = false;    // the page's content is shown: a refusal after this is one refused action, not the page
  let load = null;

  const key = () => localStorage.getItem(keyName) ?? sessionStorage.getItem(keyName) ?? "";
  const forget = () => {
    localStorage.removeItem(keyName);
    sessionStorage.removeItem(keyName);
    sessionStorage.removeItem(sessionName);
  };
  const can = (...roles) => !!session && roles.some(r => session.roles.includes(r));
  const study = () => params.get("study");
  const href = (page, studyId) => app + page.path + (page.study && studyId ? `?study=${encodeURIComponent(studyId)}`
      : "");

  function el(tag, attributes = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    e.append(...children.filter(c => c !== null && c !== undefined));
    return e;
  }

  // ---- the shell's own elements, added to whatever the page holds ----
  const header = document.querySelector("header") ?? document.body.insertBefore(el("header"), document.body.firstChild);
  const bar = el("div", { class: "shell-bar" },
    el("a", { href: app, class: "home", text: "Study pipeline: home" }),
    el("span", { class: "switcher", hidden: true }, el("label", { for: "study-switch", text: "Switch study" }),
        el("select", { id: "study-switch" })),
    el("span", { id: "who" }),
    el("button", { type: "button", id: "signout", text: "Sign out", onclick: () => signOutEverywhere() }));
  const nav = el("nav", { class: "shell", "aria-label": "Pages you can open", hidden: true });
  header.prepend(bar);
  const title = header.querySelector("h1");
  if (title) title.after(nav); else header.append(nav);

  const form = document.querySelector("#signin") ?? el("form", { id: "signin", hidden: true },
    el("label", { for: "apikey", text: "API key" }),
        el("input", { id: "apikey", type: "password", autocomplete: "off", required: true }),
    el("button", { type: "submit", text: "Sign in" }));
  if (!form.isConnected) header.after(form);
  const error = document.querySelector("#error") ?? el("p", { id: "error", role: "alert" });
  if (!error.isConnected) form.after(error);
  form.prepend(el("p", { id: "signin-help",
    text: `This page is for ${document.body.dataset.roles ?? "the study team"}. ` +
      "Sign in with the API key you were given for that role; you stay signed in in every tab of this browser until " +
      "you sign out. In Azure the page sends you to your organisation's sign-in (Entra ID) instead." }));

  function showError(message) { error.textContent = message ?? ""; }

  function showForm(message, another) {
    form.hidden = false;
    form.querySelector("button[type=submit]").textContent = another ? "Sign in with this key" : "Sign in";
    form.querySelector("input").value = "";
    showError(message);
  }

  function signOut(message) {
    forget();
    session = null;
    ready = false;
    document.querySelectorAll("main").forEach(m => { m.hidden = true; });
    nav.hidden = true;
    bar.querySelector(".switcher").hidden = true;
    bar.querySelector("#who").textContent = "";
    showForm(message);
  }

  function signOutEverywhere() {
    const entra = session?.signIn === "AppService";
    signOut("You are signed out.");
    if (entra) location.href = `/.auth/logout?post_logout_redirect_uri=${encodeURIComponent(app)}`;
  }

  // Another tab signed out, or in: follow it.
  window.addEventListener("storage", e => {
    if (e.key !== keyName) return;
    if (!e.newValue && session) signOut("You signed out in another tab.");
    else if (e.newValue && !session) start();
  });

  form.addEventListener("submit", e => {
    e.preventDefault();
    const input = form.querySelector("input");
    forget();
    localStorage.setItem(keyName, input.value.trim());
    input.value = "";
    form.hidden = true;
    showError("");
    start();
  });

  function roles(list) { return list.map(r => roleNames[r] ?? r).join(", ") || "no role"; }

  /** The header once the user is known: who, the study switcher, the pages their roles reach. */
  function build() {
    bar.querySelector("#who").textContent = `${session.name} (${roles(session.roles)})`;
    const current = study();
    const switcher = bar.querySelector("#study-switch");
    if (current && session.studies.length > 0) {
      switcher.replaceChildren(...session.studies.map(s =>
          el("option", { value: s.id, text: s.name, selected: s.id === current })));
      if (!session.studies.some(s => s.id === current)) switcher.prepend(el("option",
          { value: current, text: current, selected: true }));
      switcher.onchange = () => {
        // A page about one transcript has nothing to show in another study: its study's home takes over.
        const only = [...params.keys()].every(k => k === "study");
        location.href = only ? `${location.pathname}?study=${encodeURIComponent(switcher.value)}`
            : `${app}?study=${encodeURIComponent(switcher.value)}`;
      };
      bar.querySelector(".switcher").hidden = false;
    }
    const here = location.pathname.replace(app, "");
    // The study last worked on carries over to pages about no study (the admin's status, the translation queue).
    if (current) localStorage.setItem(studyName, current);
    const remembered = session.studies.some(s => s.id === localStorage.getItem(studyName))
        ? localStorage.getItem(studyName) : null;
    const linkStudy = current ?? remembered ?? (session.studies.length === 1 ? session.studies[0].id : null);
    nav.replaceChildren(...pages.filter(p => can(...p.roles) && (!p.study || linkStudy)).map(p =>
      el("a", { href: href(p, linkStudy), text: p.text, "aria-current": p.path === here ? "page" : null })));
    nav.hidden = nav.childElementCount === 0;
    applyRoles();
  }

  /** Buttons and forms a role cannot use are not shown: each names the roles it needs in data-needs. */
  function applyRoles(root = document) {
    root.querySelectorAll("[data-needs]").forEach(e => { e.hidden = !can(...e.dataset.needs.split(" ")); });
  }

  // Who the user is, kept for this tab beside the key it was read with: the next page builds its header and starts
  // loading at once, and asks again meanwhile (roles can change).
  function remembered() {
    const cached = JSON.parse(sessionStorage.getItem(sessionName) ?? "null");
    return cached && cached.key === key() ? cached.session : null;
  }
  async function whoAmI(quiet) {
    const me = await api("/api/me", { quiet });
    sessionStorage.setItem(sessionName, JSON.stringify({ key: key(), session: me }));
    return me;
  }

  async function start() {
    session = remembered();
    if (session) {
      whoAmI(true).then(me => { if (JSON.stringify(me) !== JSON.stringify(session)) { session = me; build(); } })
        .catch(() => {});
    }
    else {
      try { session = await whoAmI(); } catch { return; }
    }
    build();
    form.hidden = true;
    try {
      await load?.();
      ready = true;
    } catch { /* api() has said what went wrong */ }
  }

  function signIn(onReady) {
    load = onReady;
    // With a key, or where the deployment signs people in itself (Entra ID in Azure), go straight on; a 401 asks for a
    // key.
    start();
  }

  // Kinds of problem, told apart by their type (Middleware/Problems.cs), never by the sentence a person reads.
  const problems = {
    wrongRole: "urn:transcript-pipeline:problem:wrong-role",
    notInStudy: "urn:transcript-pipeline:problem:not-in-study",
    tooLarge: "urn:transcript-pipeline:problem:too-large",
    duplicate: "urn:transcript-pipeline:problem:duplicate",
  };
  const isProblem = (body, kind) => body?.type === problems[kind];

  /** A refusal: the page stays and so does the sign-in; the message names the role the action needs. */
  function refused(body) {
    const detail = body?.detail ?? "Your role cannot do this.";
    const who = session ? ` You are signed in as ${session.name} (${roles(session.roles)}).` : "";
    if (ready) { showError(`${detail}${who} Nothing was changed; you are still signed in.`); return; }
    // The page itself is not for this user: say why, keep them signed in, and offer another key or the pages they can
    // use.
    const next = isProblem(body, "notInStudy")
      ? "This study is not one of yours: choose one of yours on the home, or sign in with another key."
      : "This page is not for your role: use the pages above, or sign in with another key.";
    showForm(`${detail}${who} ${next}`, true);
  }

  async function api(path, options = {}) {
    const isFile = options.body instanceof FormData || options.body instanceof Blob
        || options.body instanceof ArrayBuffer;
    const headers = { ...(key() ? { "X-Api-Key": key() } : {}),
        ...(options.body && !isFile ? { "Content-Type": "application/json" } : {}), ...(options.headers ?? {}) };
    const response = await fetch(path, { ...options, headers });
    if (response.status === 401) {
      const signInAt = response.headers.get("X-Sign-In");
      if (signInAt) { location.href = signInAt; throw new Error("signing in"); }
      signOut(key() ? "That key is not known." : "");
      throw new Error("unauthorised");
    }
    const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (response.status === 403) {
      refused(body);
      const refusal = new Error("forbidden");
      refusal.status = 403;
      refusal.body = body;
      throw refusal;
    }
    if (!response.ok) {
      const message = body?.detail ?? body?.message ?? `The app answered ${response.status}.`;
      if (!options.quiet) showError(message);
      const failure = new Error(message);
      failure.status = response.status;
      failure.body = body;
      throw failure;
    }
    if (!options.quiet) showError("");
    return body;
  }

  // A file from the API saved by the browser: the key travels in a header, so a plain link cannot fetch it.
  async function download(path, fileName) {
    const response = await fetch(path, { headers: key() ? { "X-Api-Key": key() } : {} });
    if (!response.ok) {
      const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      if (response.status === 403) { refused(body); return; }
      showError(body?.detail ?? body?.message ?? `The app answered ${response.status}.`);
      return;
    }
    showError("");
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
  }

  return {
    signIn, signOut, showError, api, download, el, params, can, applyRoles, pages, href, roles, session: () => session,
        studyId: study,
    isProblem,
  };
})();

// Shared by every page: sign-in (an API key kept in this tab's session locally; Entra ID's own sign-in page in Azure),
// and JSON calls to the API.
const Pipeline = (() => {
  const keyName = "pipeline-api-key";

  function signIn(onReady) {
    const form = document.querySelector("#signin");
    // What this page needs, said before anyone types a key: the page names its roles in <body data-roles>.
    const needs = document.body.dataset.roles;
    form.prepend(el("p", { id: "signin-help", text: `This page is for ${needs ?? "the study team"}. Sign in with the API key you were given for that role; ` +
      "in Azure the page sends you to your organisation's sign-in (Entra ID) instead." }));
    form.addEventListener("submit", e => {
      e.preventDefault();
      sessionStorage.setItem(keyName, form.querySelector("input").value);
      form.querySelector("input").value = "";
      form.hidden = true;
      showError("");
      signedIn();
      onReady();
    });
    signedIn();
    // With a key, or where the deployment signs people in itself (Entra ID in Azure), go straight on; a 401 asks for a key.
    onReady();
  }

  /** A sign-out button in the page header, always there: a key is forgotten, an Entra ID session ends at App Service's logout. */
  function signedIn() {
    if (document.querySelector("#signout")) return;
    const button = el("button", { type: "button", id: "signout", text: "Sign out", onclick: () => {
      if (!sessionStorage.getItem(keyName) && document.body.dataset.entra === "true") { location.href = "/.auth/logout"; return; }
      signOut("You are signed out.");
    } });
    (document.querySelector("header") ?? document.body).append(el("p", { class: "session" }, button));
  }

  function signOut(message) {
    sessionStorage.removeItem(keyName);
    document.querySelector("#signin").hidden = false;
    document.querySelectorAll("main").forEach(m => { m.hidden = true; });
    showError(message);
  }

  function showError(message) { document.querySelector("#error").textContent = message ?? ""; }

  async function api(path, options = {}) {
    const headers = { "X-Api-Key": sessionStorage.getItem(keyName) ?? "", ...(options.body && !(options.body instanceof FormData || options.body instanceof Blob) ? { "Content-Type": "application/json" } : {}) };
    const response = await fetch(path, { ...options, headers });
    if (response.status === 401) {
      const signInAt = response.headers.get("X-Sign-In");
      if (signInAt) { location.href = signInAt; throw new Error("signing in"); }
      signOut(sessionStorage.getItem(keyName) ? "That key is not known." : "");
      throw new Error("unauthorised");
    }
    const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (response.status === 403 && /:(wrong-role|not-in-study)$/.test(body?.type ?? "")) {
      // Signed in, but as someone this page is not for: say so, naming the role needed, and offer another key.
      signOut(`${body.detail} You are signed in with a key this page cannot use; sign in with another key or sign out.`);
      throw new Error("forbidden");
    }
    if (!response.ok) { showError(body?.detail ?? body?.message ?? `The app answered ${response.status}.`); throw new Error(body?.detail ?? body?.message ?? String(response.status)); }
    if (!sessionStorage.getItem(keyName)) document.body.dataset.entra = "true";
    showError("");
    return body;
  }

  // A file from the API saved by the browser: the key travels in a header, so a plain link cannot fetch it.
  async function download(path, fileName) {
    const response = await fetch(path, { headers: { "X-Api-Key": sessionStorage.getItem(keyName) ?? "" } });
    if (!response.ok) {
      const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      showError(body?.detail ?? body?.message ?? `The app answered ${response.status}.`);
      return;
    }
    showError("");
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function el(tag, attributes = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) {
      if (k === "text") e.textContent = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    e.append(...children.filter(c => c !== null && c !== undefined));
    return e;
  }

  return { signIn, signOut, showError, api, download, el, params: new URLSearchParams(location.search) };
})();

// Keyboard help on every page: "?" (outside a text field) opens the list of keys, Esc or Close shuts it and focus goes
// back where it was. A page with keys of its own lists them in its own #keys-help dialog; the keys every page has are
// added here. While the help is open the page's own keys wait, as behind any modal dialog.
(() => {
  const everyPage = [
    "[Tab] / [Shift]+[Tab]: the next / previous link, field or button",
    "[Enter]: follow a link, press a button, send a form",
    "[Space]: press a button, tick a box; [↑] / [↓]: choose in a list",
    "[?]: this help (not while typing in a field); [Esc]: close it",
  ];

  /** A line of help, each [key] shown as a key. */
  function line(text) {
    const li = document.createElement("li");
    for (const part of text.split(/(\[[^\]]+\])/)) {
      if (!part.startsWith("[")) { li.append(part); continue; }
      const kbd = document.createElement("kbd");
      kbd.textContent = part.slice(1, -1);
      li.append(kbd);
    }
    return li;
  }

  let help = document.querySelector("#keys-help");
  if (!help) {
    help = Object.assign(document.createElement("div"), { id: "keys-help", className: "keys-help", tabIndex: -1, hidden: true });
    help.setAttribute("role", "dialog");
    help.setAttribute("aria-modal", "true");
    help.setAttribute("aria-labelledby", "keys-title");
    help.append(Object.assign(document.createElement("h2"), { id: "keys-title", textContent: "Keys" }));
    document.body.append(help);
  }
  const close = document.querySelector("#keys-close") ?? Object.assign(document.createElement("button"), { type: "button", id: "keys-close", textContent: "Close" });
  const common = document.createElement("ul");
  common.append(...everyPage.map(line));
  help.append(Object.assign(document.createElement("h3"), { textContent: "On every page" }), common, close);

  if (!document.querySelector(".keys")) {
    const hint = Object.assign(document.createElement("p"), { className: "keys" });
    hint.append("Press ", Object.assign(document.createElement("kbd"), { textContent: "?" }), " for the keys.");
    (document.querySelector("header") ?? document.body).append(hint);
  }

  let returnTo = null;
  function show(open) {
    if (open) returnTo = document.activeElement;
    help.hidden = !open;
    if (open) help.focus(); else if (returnTo?.isConnected) returnTo.focus();
  }
  close.addEventListener("click", () => show(false));

  // On the window, before the page's own listeners: "?" is the same key everywhere, and nothing behind the dialog acts.
  window.addEventListener("keydown", e => {
    if (!help.hidden) {
      e.stopPropagation();
      if (e.key === "Escape" || e.key === "?") { e.preventDefault(); show(false); }
      else if (e.key === "Tab") { e.preventDefault(); close.focus(); }
      return;
    }
    if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.("input, textarea, select, [contenteditable]")) return;
    e.preventDefault();
    e.stopPropagation();
    show(true);
  }, true);
})();

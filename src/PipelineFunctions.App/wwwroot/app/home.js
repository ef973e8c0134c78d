// The home: the studies the user works on and, for each, what their roles can do there, every link carrying the ids.
const { el, can, pages, href, signIn, params } = Pipeline;

function studySection(study, me) {
  const mine = me.roles.includes("site-researcher") && !me.roles.includes("study-lead")
    ? study.sites.filter(s => me.sites.includes(s.id)) : study.sites;
  const sites = mine.map(s => `${s.name}${s.country ? ` (${s.country})` : ""}`).join(", ");
  const links = pages.filter(p => p.study && can(...p.roles));
  const id = `study-${study.id}`;
  return el("section", { class: "study", "aria-labelledby": id },
    el("h2", { id, text: study.name }),
    el("p", { text: `${mine.length === study.sites.length ? "Sites" : "Your sites"}: ${sites || "none"}. Languages: ${study.languages.join(", ")}.` }),
    links.length
      ? el("ul", {}, ...links.map(p => el("li", {}, el("a", { href: href(p, study.id), text: p.text }), ` — ${p.what}`)))
      : el("p", { text: "Your roles have no pages for this study; the pages across studies are below." }));
}

signIn(async () => {
  const me = Pipeline.session();
  const only = params.get("study");
  const shown = only && me.studies.some(s => s.id === only) ? me.studies.filter(s => s.id === only) : me.studies;
  document.querySelector("#studies").replaceChildren(...shown.map(s => studySection(s, me)),
    ...(shown.length < me.studies.length ? [el("p", {}, el("a", { href: "./", text: "All your studies" }))] : []));
  document.querySelector("#none").hidden = me.studies.length > 0;
  const across = pages.filter(p => !p.study && can(...p.roles));
  document.querySelector("#across-pages").replaceChildren(...across.map(p => el("li", {}, el("a", { href: href(p), text: p.text }), ` — ${p.what}`)));
  document.querySelector("#across").hidden = across.length === 0;
  document.querySelector("#home").hidden = false;
  // When the home was on screen, for the measurement in HomePageTests.
  document.body.dataset.shownAt = String(Math.round(performance.now()));
});

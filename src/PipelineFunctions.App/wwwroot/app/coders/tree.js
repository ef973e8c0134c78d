// The codebook's hierarchy with counts per code (mine · the other coder's · consensus); a parent counts its children's
// passages too. Shared by the workspace and the code view.
const CodeTree = (() => {
  const { el } = Pipeline;

  /** counts: Map code id → { mine, other, consensus } of that code alone; other is null while the coding is blind. */
  function render(list, codes, counts, onPick) {
    const children = new Map();
    for (const c of codes) children.set(c.parent ?? "", [...(children.get(c.parent ?? "") ?? []), c]);
    const total = (code, field) => (counts.get(code.id)?.[field] ?? 0) + (children.get(code.id) ?? []).reduce((n, k) => n + total(k, field), 0);
    const blind = [...counts.values()].every(c => c.other == null);
    const node = code => {
      const [mine, other, consensus] = [total(code, "mine"), blind ? "–" : total(code, "other"), total(code, "consensus")];
      const kids = children.get(code.id) ?? [];
      return el("li", {}, el("button", { type: "button", class: "code", "data-code": code.id, onclick: () => onPick(code) },
        el("span", { class: "swatch", style: `background:${Stripes.colour(code.id)}` }), `${code.name} `,
        el("span", { class: "counts", text: `${mine} · ${other} · ${consensus}` })),
        kids.length ? el("ul", {}, ...kids.map(node)) : null);
    };
    const known = new Set(codes.map(c => c.id));
    list.replaceChildren(...codes.filter(c => !c.parent || !known.has(c.parent)).map(node));
  }

  /** The code and every code under it. */
  function family(codes, id) {
    const ids = new Set([id]);
    for (let grew = true; grew;) { grew = false; for (const c of codes) if (c.parent && ids.has(c.parent) && !ids.has(c.id)) { ids.add(c.id); grew = true; } }
    return ids;
  }

  return { render, family };
})();

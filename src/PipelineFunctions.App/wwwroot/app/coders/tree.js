// The codebook's hierarchy with passages per code (mine · the other coder's · final); a parent counts its children's
// passages, each once; each leaf says how far the engine agrees with the coders on it. Shared by the workspace and the code view.
const CodeTree = (() => {
  const { el } = Pipeline;

  /** counts: Map code id → { mine, other, consensus }, children included; other is null while the coding is blind. */
  function render(list, codes, counts, onPick) {
    const children = new Map();
    for (const c of codes) children.set(c.parent ?? "", [...(children.get(c.parent ?? "") ?? []), c]);
    const total = (code, field) => counts.get(code.id)?.[field] ?? 0;
    const blind = [...counts.values()].every(c => c.other == null);
    const node = code => {
      const [mine, other, consensus] = [total(code, "mine"), blind ? "–" : total(code, "other"), total(code, "consensus")];
      const kids = children.get(code.id) ?? [];
      return el("li", {}, el("button", { type: "button", class: "code", "data-code": code.id, onclick: () => onPick(code) },
        el("span", { class: "swatch", style: `background:${Stripes.colour(code.id)}` }), `${code.name} `,
        el("span", { class: "counts", text: `${mine} · ${other} · ${consensus}` }), reliability(counts.get(code.id)?.engine)),
        kids.length ? el("ul", {}, ...kids.map(node)) : null);
    };
    const known = new Set(codes.map(c => c.id));
    list.replaceChildren(...codes.filter(c => !c.parent || !known.has(c.parent)).map(node));
  }

  /** How far the engine agrees with the coders on the code: its label, the figures on hover and for screen readers. */
  function reliability(engine) {
    if (!engine) return null;
    const figures = `κ ${engine.kappa.toFixed(2)}, precision ${pct(engine.precision)}, recall ${pct(engine.recall)} over ${engine.passages} passages`;
    return el("span", { class: `reliability ${engine.level}`, title: engine.summary, text: ` ${engine.level} (${figures})` });
  }

  const pct = v => v == null ? "–" : `${Math.round(v * 100)}%`;

  /** The code and every code under it. */
  function family(codes, id) {
    const ids = new Set([id]);
    for (let grew = true; grew;) { grew = false; for (const c of codes) if (c.parent && ids.has(c.parent) && !ids.has(c.id)) { ids.add(c.id); grew = true; } }
    return ids;
  }

  /** Distinct passages per code in a list of codings, each also counted for every parent above its code. */
  function count(codes, codings) {
    const parent = new Map(codes.map(c => [c.id, c.parent]));
    const passages = new Map();
    for (const c of codings)
      for (let code = c.codeId, seen = new Set(); code && !seen.has(code); seen.add(code), code = parent.get(code))
        passages.set(code, (passages.get(code) ?? new Set()).add(c.segment));
    return new Map([...passages].map(([code, set]) => [code, set.size]));
  }

  return { render, family, count };
})();

// Coding stripes and highlighted words, as NVivo shows them: one stripe per code beside a passage, each coded sub-span
// marked in the text (overlaps marked as such), and a stripe's words lit while the pointer or focus is on it.
const Stripes = (() => {
  const { el } = Pipeline;
  // Each code's own colour, stored with the code (CodeColours), so every page and coder sees the same one; a code of a
  // codebook stored before colours existed falls back to the palette by first use.
  const palette = ["#d7e8ff", "#ffe1c2", "#d9f2d0", "#f6d5f0", "#fff1a8", "#d4f1f1", "#ead9ff", "#f9d6d5", "#e4e4c8", "#d0e0d8"];
  const colours = new Map();
  const use = codes => codes.forEach(c => { if (c.colour) colours.set(c.id, c.colour); });
  const colour = code => { if (!colours.has(code)) colours.set(code, palette[colours.size % palette.length]); return colours.get(code); };
  // Fills are the colour mixed with white, so dark text on them keeps AA contrast whatever colour a code was given.
  const fill = code => {
    const hex = colour(code), mix = i => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.4 + 255 * 0.6).toString(16).padStart(2, "0");
    return `#${mix(1)}${mix(3)}${mix(5)}`;
  };

  /**
   * The passage text with every sub-span coding marked (a piece covered by two or more codes is an overlap), and the
   * words of each memo on some words marked apart, round the codings' marks, titled with the memo.
   */
  function text(segmentText, codings, memos = []) {
    const spans = codings.filter(c => c.start != null && c.end > c.start);
    const noted = memos.filter(m => m.start != null && m.end > m.start);
    if (spans.length === 0 && noted.length === 0) return [segmentText];
    const cuts = [...new Set([0, segmentText.length, ...[...spans, ...noted].flatMap(c => [c.start, Math.min(c.end, segmentText.length)])])]
      .filter(c => c <= segmentText.length).sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < cuts.length - 1; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]];
      const over = spans.filter(c => c.start <= from && c.end >= to);
      const on = noted.filter(m => m.start <= from && m.end >= to);
      const piece = segmentText.slice(from, to);
      const coded = over.length === 0 ? piece
        : el("mark", { class: over.length > 1 ? "coded overlap" : "coded", "data-codes": over.map(c => c.codeId).join(" "),
          style: `background:${fill(over[0].codeId)}`, title: over.map(c => c.name).join(" + ") }, piece);
      parts.push(on.length === 0 ? coded
        : el("mark", { class: "memo-words", title: on.map(m => `Memo: ${m.text}`).join(" + ") }, coded));
    }
    return parts;
  }

  /** One stripe per code on the passage: whole passage or the words it covers; hover or focus lights its words. */
  function stripes(segment, codings) {
    const byCode = new Map();
    for (const c of codings) byCode.set(c.codeId, [...(byCode.get(c.codeId) ?? []), c]);
    return el("ul", { class: "stripes", "aria-label": `Coding stripes of passage ${segment.segment}` }, ...[...byCode].map(([code, list]) => {
      const whole = list.some(c => c.start == null);
      const label = `${list[0].name}${whole ? "" : ` (${list.map(c => `“${segment.text.slice(c.start, c.end)}”`).join(", ")})`}`;
      const light = on => document.querySelectorAll(`#passage-${segment.segment} mark.coded`).forEach(m => {
        if (m.dataset.codes.split(" ").includes(code)) m.classList.toggle("lit", on);
      });
      return el("li", { class: whole ? "stripe whole" : "stripe span", style: `border-left-color:${colour(code)};--fill:${fill(code)}`, "data-code": code,
        onmouseenter: () => light(true), onmouseleave: () => light(false) }, label);
    }));
  }

  return { text, stripes, colour, fill, use };
})();

/** Escapes text for SVG/XML content and attribute values: & < > " '. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A number for an SVG attribute: at most 2 decimals, no trailing zeros. */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** An element `<name a="…" …>children</name>`, or self-closing without children; attribute values are escaped. */
export function element(name: string, attributes: Record<string, string | number | undefined>, children?: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(typeof value === "number" ? px(value) : value!)}"`)
    .join("");
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

/** A <text> element with escaped content. */
export function text(x: number, y: number, content: string, attributes: Record<string, string | number | undefined> = {}): string {
  return element("text", { x, y, ...attributes }, escapeXml(content));
}

/** The root <svg> with a white background, so the chart reads on any page (light or dark). */
export function svgRoot(width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" ` +
    `font-family="Helvetica, Arial, sans-serif" font-size="12">\n` +
    element("rect", { x: 0, y: 0, width, height, fill: "white" }) +
    "\n" +
    body +
    "\n</svg>\n"
  );
}

/** Approximate width of `content` in px at `fontSize` (no font metrics in a browser-free library). */
export function textWidth(content: string, fontSize = 12): number {
  return content.length * fontSize * 0.6;
}

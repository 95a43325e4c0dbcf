// Test helper: a strict little XML parser, enough to check that a chart is well-formed SVG
// and to query its elements. Throws on unbalanced tags, unquoted attributes, a raw "<" or
// a bare "&" in text, and unknown entities.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (match, name: string | undefined) => {
    if (name === undefined || !(name in ENTITIES)) throw new Error(`xml: bad entity ${JSON.stringify(match)} near ${where}`);
    return ENTITIES[name]!;
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt === -1 ? source.length : lt;
    const raw = source.slice(i, textEnd);
    if (raw.includes(">")) throw new Error(`xml: raw ">" in text near ${i}`);
    stack.at(-1)!.text += decode(raw, i);
    if (lt === -1) break;
    const gt = source.indexOf(">", lt);
    if (gt === -1) throw new Error(`xml: unclosed tag at ${lt}`);
    const tag = source.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const open = stack.pop()!;
      if (open.name !== tag.slice(1).trim()) throw new Error(`xml: </${tag.slice(1)}> closes <${open.name}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([A-Za-z][\w:-]*)/.exec(body);
    if (nameMatch === null) throw new Error(`xml: bad tag <${tag}> at ${lt}`);
    const element: XmlElement = { name: nameMatch[1]!, attributes: {}, children: [], text: "" };
    let rest = body.slice(nameMatch[1]!.length);
    const attribute = /^\s+([\w:-]+)="([^"<]*)"/;
    for (let m = attribute.exec(rest); m !== null; m = attribute.exec(rest)) {
      if (m[1]! in element.attributes) throw new Error(`xml: duplicate attribute ${m[1]} at ${lt}`);
      element.attributes[m[1]!] = decode(m[2]!, lt);
      rest = rest.slice(m[0].length);
    }
    if (rest.trim() !== "") throw new Error(`xml: cannot read attributes ${JSON.stringify(rest)} of <${element.name}> at ${lt}`);
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`xml: <${stack.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1 || root.text.trim() !== "") throw new Error("xml: needs exactly one root element");
  return root.children[0]!;
}

/** Every element under `node` (depth first) with this name. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
  return node.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}

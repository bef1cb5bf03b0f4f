// Just enough Markdown structure for documents and changelogs: ATX headings with their lines.

/** A heading: level 1–6, its text, its 0-based line index. */
export interface Heading {
  level: number;
  text: string;
  line: number;
}

/** Every ATX heading outside fenced code blocks. */
export function listHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match) headings.push({ level: match[1]!.length, text: match[2]!, line: index });
  });
  return headings;
}

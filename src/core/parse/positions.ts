// Turns character offsets into 1-based line:column, the way editors and GitHub annotations count.

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Builds an offset → position function over one text; the line index is built once. */
export function createPositionLookup(text: string): (offset: number) => Position {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (lineStarts === undefined) lineStarts = indexLineStarts(text);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

function indexLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

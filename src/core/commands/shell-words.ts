// Splits a shell command line into the simple commands it runs, each as its words with quotes and
// escapes removed, the way sh reads them: `;`, `&&`, `||`, `|`, `&`, newlines and parentheses
// separate commands; redirections and comments are dropped; `$(…)` and backquoted substitutions
// are commands of their own. Not a full shell (no expansion): enough to see which program runs
// with which words, whatever the quoting or spacing.

const OPERATOR = /[;&|()\n]/;
const BLANK = /[ \t\r]/;

/** Substitutions nested deeper than this are read as plain words (hostile input stays linear). */
const MAX_NESTING = 8;

/** The simple commands of `line`, in order, each a non-empty list of words. */
export function splitCommandLine(line: string, nesting = 0): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  let skipNextWord = false;
  const endWord = () => {
    if (word === undefined) return;
    if (skipNextWord) skipNextWord = false;
    else words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    skipNextWord = false;
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const nested = (text: string) => {
    if (nesting < MAX_NESTING) commands.push(...splitCommandLine(text, nesting + 1));
  };

  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      if (line[i + 1] === '\n') i++;
      else word = (word ?? '') + (line[++i] ?? '');
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end === -1 ? line.length : end;
      word = (word ?? '') + line.slice(i + 1, stop);
      i = stop;
    } else if (c === '"') {
      let text = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && /["\\$`\n]/.test(line[i + 1] ?? '')) text += line[++i];
        else if (line.startsWith('$(', i)) {
          const end = findClosing(line, i + 2);
          nested(line.slice(i + 2, end));
          text += line.slice(i, end + 1);
          i = end;
        } else text += line[i];
      }
      word = (word ?? '') + text;
    } else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      const stop = end === -1 ? line.length : end;
      nested(line.slice(i + 1, stop));
      word = (word ?? '') + line.slice(i, stop + 1);
      i = stop;
    } else if (line.startsWith('$(', i) && !line.startsWith('$((', i)) {
      const end = findClosing(line, i + 2);
      nested(line.slice(i + 2, end));
      word = (word ?? '') + line.slice(i, end + 1);
      i = end;
    } else if (c === '#' && word === undefined) {
      const end = line.indexOf('\n', i);
      i = (end === -1 ? line.length : end) - 1;
    } else if (c === '<' || c === '>' || (c === '&' && line[i + 1] === '>')) {
      // A redirection: drop a preceding fd number and the target word.
      if (word !== undefined && /^\d+$/.test(word)) word = undefined;
      endWord();
      while (/[<>&|]/.test(line[i + 1] ?? '')) i++;
      skipNextWord = !/[\d-]/.test(line[i + 1] ?? '') || line[i] !== '&';
      if (!skipNextWord) i++; // `>&2`, `<&-`
    } else if (OPERATOR.test(c)) {
      endCommand();
    } else if (BLANK.test(c)) {
      endWord();
    } else {
      word = (word ?? '') + c;
    }
  }
  endCommand();
  return commands;
}

/** Index of the `)` closing a `$(` whose body starts at `start` (quotes and nesting respected). */
function findClosing(line: string, start: number): number {
  let depth = 1;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === "'")
      i = line.indexOf("'", i + 1) === -1 ? line.length : line.indexOf("'", i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return line.length;
}

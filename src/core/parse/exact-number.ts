// Exact decimal values for numbers a double may not hold (integers beyond 2^53, 1e400, long
// decimals). A number's source text is kept where JSON.parse or YAML would round it, so
// comparisons use the value the file wrote, never a rounded copy.

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The canonical form of a decimal number text, equal for equal values: sign, significant digits,
 * exponent (`-1.50e2` → `-15e1`, `0.0` → `0`). Undefined for text that is not a decimal number.
 */
export function canonicalDecimal(text: string): string | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  const power = BigInt(exponent) - BigInt(fraction.length) + BigInt(trailing);
  return `${sign === '-' ? '-' : ''}${digits}e${power}`;
}

/** The canonical decimal of a JS number (its shortest round-trip form), `Infinity` as is. */
export function canonicalNumber(value: number): string {
  return Number.isFinite(value)
    ? (canonicalDecimal(String(value)) ?? String(value))
    : String(value);
}

/**
 * True when the number a text writes survives as a double: parsing it and printing the double
 * back gives the same value. False for 9007199254740993, 12345678901234567891, 1e400 or
 * 0.10000000000000000001. Hex and octal (YAML) compare as integers; `.inf`/`.nan` are exact.
 */
export function isExactNumberText(text: string): boolean {
  const trimmed = text.trim();
  const radix = /^([+-]?)0([xo])([0-9a-fA-F]+)$/.exec(trimmed);
  if (radix) {
    const big = BigInt(`0${radix[2]}${radix[3]}`) * (radix[1] === '-' ? -1n : 1n);
    const rounded = Number(big);
    return Number.isFinite(rounded) && BigInt(rounded) === big;
  }
  const canonical = canonicalDecimal(trimmed);
  if (canonical === undefined) return true;
  return canonical === canonicalNumber(Number(trimmed));
}

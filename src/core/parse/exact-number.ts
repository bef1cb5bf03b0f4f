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
  // One test on the hot path (every JSON number); hex and octal (YAML) as their decimal value.
  const decimal = /^[-+]?0[xo]/.test(trimmed)
    ? (yamlNumberDecimal(trimmed, '1.2') ?? trimmed)
    : trimmed;
  const canonical = canonicalDecimal(decimal);
  if (canonical === undefined) return true;
  return canonical === canonicalNumber(Number(decimal));
}

/**
 * The plain decimal text (`-9007199254740993`, `1234.5`) of a YAML number's source as the YAML
 * version reads it: hex `0x…` and octal `0o…`; in YAML 1.1 also `_` separators, binary `0b…`,
 * C octal `0…` and base 60 (`190:20:30.15`). Decimal spellings come back as written (without a
 * `+`); undefined for `.inf`/`.nan` and anything else. Exact: integer arithmetic only.
 */
export function yamlNumberDecimal(source: string, version: string): string | undefined {
  const trimmed = source.trim();
  const negative = trimmed.startsWith('-');
  let body = /^[-+]/.test(trimmed) ? trimmed.slice(1) : trimmed;
  const yaml11 = version === '1.1';
  if (yaml11) body = body.replace(/_/g, '');
  const signed = (digits: string) => (negative && digits !== '0' ? `-${digits}` : digits);
  const radix = /^0([xob])([0-9a-fA-F]+)$/.exec(body);
  if (radix && (radix[1] !== 'b' || yaml11))
    return signed(BigInt(`0${radix[1]}${radix[2]}`).toString());
  if (yaml11 && /^0[0-7]+$/.test(body)) return signed(BigInt(`0o${body.slice(1)}`).toString());
  const base60 = yaml11 ? /^(\d+(?::[0-5]?\d)*):([0-5]?\d)(?:\.(\d*))?$/.exec(body) : null;
  if (base60) {
    const [, high = '', low = '', fraction = ''] = base60;
    let whole = 0n;
    for (const part of high.split(':')) whole = whole * 60n + BigInt(part);
    const scaled =
      (whole * 60n + BigInt(low)) * 10n ** BigInt(fraction.length) + BigInt(fraction || '0');
    const digits = scaled.toString().padStart(fraction.length + 1, '0');
    const point = digits.length - fraction.length;
    return signed(fraction ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits);
  }
  return DECIMAL.test(body) && /\d/.test(body) ? (negative ? `-${body}` : body) : undefined;
}

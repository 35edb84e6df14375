/** A figure as the report prints it: thousands separated, at most two decimals. */
export const fmt = (n: number) =>
  Number.isInteger(n)
    ? n.toLocaleString('en')
    : n.toLocaleString('en', { maximumFractionDigits: 2 });

import { formatMoney, lineAmountCents, MAX_CENTS } from './money';

describe('lineAmountCents (quantity × unit price, half-even to a cent)', () => {
  it.each([
    // quantity in thousandths, unit price in cents, expected cents
    [1000, 1999, 1999], // 1 × $19.99
    [2500, 333, 832], // 2.5 × $3.33 = $8.325 -> $8.32 (2 is even)
    [1500, 1001, 1502], // 1.5 × $10.01 = 15.015 -> 15.02 (1 is odd, rounds up)
    [125, 1, 0], // 0.125 × 1 cent = 0.125 -> 0
    [500, 1, 0], // 0.5 cent -> 0 (even)
    [1500, 1, 2], // 1.5 cents -> 2 (even)
    [2500, 1, 2], // 2.5 cents -> 2 (even)
    [3333, 3, 10], // 3.333 × 3 = 9.999 -> 10
    [-1500, 1, -2], // symmetric for credits
  ])('%i/1000 × %i¢ = %i¢', (quantity, unitPrice, expected) => {
    expect(lineAmountCents(quantity, unitPrice)).toBe(expected);
  });

  it('is exact at 10^13 cents', () => {
    expect(lineAmountCents(1000, MAX_CENTS)).toBe(MAX_CENTS);
    expect(lineAmountCents(1000, MAX_CENTS - 1)).toBe(9_999_999_999_999);
  });

  it('refuses a product beyond 10^13 cents', () => {
    expect(() => lineAmountCents(2000, MAX_CENTS)).toThrow(/too large/);
  });
});

describe('money arithmetic', () => {
  it('formats amounts for people', () => {
    expect(formatMoney(5_000_000, 'USD')).toBe('USD 50,000.00');
    expect(formatMoney(-1205, 'EUR')).toBe('-EUR 12.05');
  });

  it('formats each currency with its own minor unit (ISO 4217)', () => {
    expect(formatMoney(1_234_567, 'JPY')).toBe('JPY 1,234,567');
    expect(formatMoney(1_234_567, 'KWD')).toBe('KWD 1,234.567');
    expect(formatMoney(MAX_CENTS, 'USD')).toBe('USD 100,000,000,000.00');
  });
});

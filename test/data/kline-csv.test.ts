import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKlineCsv } from '../../src/data/kline-csv.js';

const ROW = '1748736000000,104591.88,104647.11,104591.88,104647.11,10.71688,1748736059999,0,0,0,0,0';

function row(fields: Partial<Record<number, string>>): string {
  const f = ROW.split(',');
  for (const [i, v] of Object.entries(fields)) f[Number(i)] = v!;
  return f.join(',');
}

describe('parseKlineCsv', () => {
  it('reads every value exactly as Number() would, for any plain or exponent decimal', () => {
    const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 0, max: 18 })).map(([m, k]) => {
      const s = m.toString().padStart(k + 1, '0');
      return k === 0 ? s : `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
    });
    fc.assert(
      fc.property(fc.oneof(decimal, fc.double({ min: 0, max: 1e12, noNaN: true }).map(String)), (s) => {
        const parsed = parseKlineCsv(row({ 5: s }), 60_000);
        expect(parsed.problem).toBeNull();
        expect(Object.is(parsed.candles[0]!.volume, Number(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('skips a header row, a byte-order mark and CRLF line ends', () => {
    const text = `\ufeffopen_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\r\n${ROW}\r\n`;
    const parsed = parseKlineCsv(text, 60_000);
    expect(parsed.problem).toBeNull();
    expect(parsed.candles).toHaveLength(1);
    expect(parsed.candles[0]!.open).toBe(104591.88);
  });

  it('converts microsecond timestamps to milliseconds', () => {
    const parsed = parseKlineCsv(row({ 0: '1748736000000000', 6: '1748736059999999' }), 60_000);
    expect(parsed.problem).toBeNull();
    expect(parsed.candles[0]!.openTime).toBe(1748736000000);
    expect(parsed.candles[0]!.closeTime).toBe(1748736059999);
  });

  it.each([
    ['a missing column', ROW.split(',').slice(0, 11).join(','), /expected 12 columns, found 11/],
    ['an extra column', `${ROW},1`, /expected 12 columns, found 13/],
    ['a word for a price', row({ 2: 'abc' }), /high "abc" is not a number/],
    ['an empty field', row({ 4: '' }), /close "" is not a number/],
    ['a hexadecimal number', row({ 5: '0x10' }), /volume "0x10" is not a number/],
    ['high below low', row({ 2: '104000', 3: '104100' }), /high 104000 is below low 104100/],
    ['low above the close', row({ 3: '104600' }), /low 104600 is above open 104591.88/],
    ['a negative volume', row({ 5: '-1' }), /volume -1 is negative/],
    ['an open time off the minute', row({ 0: '1748736000001', 6: '1748736060000' }), /not aligned/],
    ['an inconsistent close time', row({ 6: '1748736060000' }), /close_time 1748736060000 is not open_time \+ interval - 1/],
    ['an infinite price', row({ 1: 'Infinity' }), /open "Infinity" is not a number/],
  ])('rejects %s with its line number', (_what, bad, message) => {
    const next = row({ 0: '1748736060000', 6: '1748736119999' });
    const parsed = parseKlineCsv(`${ROW}\n${bad}\n${next}\n`, 60_000);
    expect(parsed.candles).toHaveLength(0);
    expect(parsed.problem?.line).toBe(2);
    expect(parsed.problem?.error).toMatch(message);
  });

  it('rejects rows out of order or repeated', () => {
    const parsed = parseKlineCsv(`${ROW}\n${ROW}\n`, 60_000);
    expect(parsed.problem).toEqual({ line: 2, error: expect.stringMatching(/not after the previous row/) });
  });
});

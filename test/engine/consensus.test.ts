import { describe, expect, it } from 'vitest';
import { computeConsensus, DEFAULT_CONSENSUS_PARAMS, newConsensusResult } from '../../src/consensus/consensus.js';
import { newVoteSlot, type VoteSlot } from '../../src/heads/types.js';

function votes(list: [number, number][]): VoteSlot[] {
  return list.map(([direction, confidence]) => ({ ...newVoteSlot(), direction: direction as -1 | 0 | 1, confidence }));
}
const equal = new Float64Array(9).fill(1 / 9);

describe('weighted consensus', () => {
  it('computes agreement, confluence and confidence by hand', () => {
    // 5 LONG at 0.8, 1 SHORT at 0.5, 3 NEUTRAL, equal weights
    const v = votes([[1, 0.8], [1, 0.8], [1, 0.8], [1, 0.8], [1, 0.8], [-1, 0.5], [0, 0], [0, 0], [0, 0]]);
    const r = computeConsensus(v, equal, DEFAULT_CONSENSUS_PARAMS, 0.6, newConsensusResult());
    expect(r.direction).toBe(1);
    expect(r.agreeing).toBe(5);
    expect(r.opposing).toBe(1);
    // S_long = 5/9*0.8 = 0.4444, S_short = 1/9*0.5 = 0.0556 → confluence 0.4444/0.5 = 0.8889
    expect(r.confluence).toBeCloseTo(0.4444 / 0.5, 3);
    // confidence = S_long / (5/9) = 0.8
    expect(r.confidence).toBeCloseTo(0.8, 12);
    expect(r.passed).toBe(true);
  });

  it('fails on too few agreeing heads, then on confluence, then on the regime threshold', () => {
    const few = computeConsensus(votes([[1, 1], [1, 1], [1, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]), equal, DEFAULT_CONSENSUS_PARAMS, 0.6, newConsensusResult());
    expect(few.failed).toBe('agreeing');
    const split = computeConsensus(votes([[1, 0.9], [1, 0.9], [1, 0.9], [1, 0.9], [-1, 0.9], [-1, 0.9], [-1, 0.9], [0, 0], [0, 0]]), equal, DEFAULT_CONSENSUS_PARAMS, 0.6, newConsensusResult());
    expect(split.failed).toBe('confluence');
    const weak = computeConsensus(votes([[1, 0.5], [1, 0.5], [1, 0.5], [1, 0.5], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]), equal, DEFAULT_CONSENSUS_PARAMS, 0.6, newConsensusResult());
    expect(weak.failed).toBe('confidence');
    expect(computeConsensus(votes(Array.from({ length: 9 }, () => [0, 0])), equal, DEFAULT_CONSENSUS_PARAMS, 0.6, newConsensusResult()).failed).toBe('direction');
  });

  it('lets the weights decide the side and names the two leading heads', () => {
    const v = votes([[1, 0.9], [1, 0.9], [-1, 0.9], [-1, 0.9], [-1, 0.9], [0, 0], [0, 0], [0, 0], [0, 0]]);
    const w = Float64Array.from([0.3, 0.3, 0.05, 0.05, 0.05, 0.0625, 0.0625, 0.0625, 0.0625]);
    const r = computeConsensus(v, w, DEFAULT_CONSENSUS_PARAMS, 0.6, newConsensusResult());
    expect(r.direction).toBe(1);
    expect([r.lead1, r.lead2]).toEqual([0, 1]);
  });
});

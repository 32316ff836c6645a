import { describe, expect, it } from 'vitest';
import { changeOf } from '../../src/shared/change.js';

describe('a figure against its base', () => {
  it('gives the difference, its share of the base and the way it went', () => {
    expect(changeOf(48, 36)).toEqual({ delta: 12, ratio: 12 / 36, trend: 'up' });
    expect(changeOf(28, 46)).toEqual({ delta: -18, ratio: -18 / 46, trend: 'down' });
    expect(changeOf(7, 7)).toEqual({ delta: 0, ratio: 0, trend: 'flat' });
  });

  it('states no percentage against nothing', () => {
    expect(changeOf(48, 0)).toEqual({ delta: 48, ratio: null, trend: 'up' });
    expect(changeOf(0, 0)).toEqual({ delta: 0, ratio: null, trend: 'flat' });
  });
});

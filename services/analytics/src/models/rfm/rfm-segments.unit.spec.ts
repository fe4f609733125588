import { RF_GRID, RFM_PACKAGE, segmentOf } from './rfm-segments';
import { NOT_A_CUSTOMER, segmentTransitions } from './segment-transitions';

describe('segment maps', () => {
  it('the R x F grid names every one of the 25 cells exactly once', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const containing = RF_GRID.boxes.filter(
          (b) =>
            r >= b.recency[0] && r <= b.recency[1] && f >= b.frequency[0] && f <= b.frequency[1],
        );
        expect(containing).toHaveLength(1);
      }
    }
  });

  it('reads the grid as its regular expressions do (keys R then F)', () => {
    expect(segmentOf(RF_GRID, { r: 5, f: 5, m: 1 })).toBe('Champions'); // 5[4-5]
    expect(segmentOf(RF_GRID, { r: 5, f: 1, m: 5 })).toBe('New Customers'); // 51
    expect(segmentOf(RF_GRID, { r: 4, f: 1, m: 3 })).toBe('Promising'); // 41
    expect(segmentOf(RF_GRID, { r: 3, f: 3, m: 3 })).toBe('Need Attention'); // 33
    expect(segmentOf(RF_GRID, { r: 2, f: 5, m: 5 })).toBe("Can't Lose Them"); // [1-2]5
    expect(segmentOf(RF_GRID, { r: 1, f: 3, m: 2 })).toBe('At Risk'); // [1-2][3-4]
    expect(segmentOf(RF_GRID, { r: 2, f: 2, m: 5 })).toBe('Hibernating'); // [1-2][1-2]
  });

  it('the rfm package map takes the first matching box and falls back to Others', () => {
    // 544: not Champions (needs 555), first match Potential Loyalist (README: Aden Murphy).
    expect(segmentOf(RFM_PACKAGE, { r: 5, f: 4, m: 4 })).toBe('Potential Loyalist');
    expect(segmentOf(RFM_PACKAGE, { r: 4, f: 1, m: 2 })).toBe('New Customers'); // 412, Add Senger
    expect(segmentOf(RFM_PACKAGE, { r: 2, f: 2, m: 5 })).toBe('At Risk');
    expect(segmentOf(RFM_PACKAGE, { r: 1, f: 1, m: 5 })).toBe('Lost');
    expect(segmentOf(RFM_PACKAGE, { r: 2, f: 5, m: 1 })).toBe('Others');
  });
});

describe('segmentTransitions', () => {
  it('counts who moved where between two dates, newcomers and leavers included', () => {
    const before = [
      { customerId: 'a', segment: 'Champions' },
      { customerId: 'b', segment: 'Champions' },
      { customerId: 'c', segment: 'At Risk' },
      { customerId: 'd', segment: 'At Risk' },
    ];
    const after = [
      { customerId: 'a', segment: 'Champions' },
      { customerId: 'b', segment: 'At Risk' },
      { customerId: 'c', segment: 'Hibernating' },
      { customerId: 'e', segment: 'New Customers' },
    ];
    const t = segmentTransitions(before, after, [
      'Champions',
      'At Risk',
      'Hibernating',
      'New Customers',
    ]);
    expect(t.segments).toEqual([
      'Champions',
      'At Risk',
      'Hibernating',
      'New Customers',
      NOT_A_CUSTOMER,
    ]);
    expect(t.counts).toEqual([
      [1, 1, 0, 0, 0], // Champions: a stays, b slips
      [0, 0, 1, 0, 1], // At Risk: c hibernates, d is gone (erased)
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0], // e is new
    ]);
    expect(t.rowShares[0]).toEqual([0.5, 0.5, 0, 0, 0]);
    expect(t.rowShares[2]).toEqual([0, 0, 0, 0, 0]);
    expect({ moved: t.moved, stayed: t.stayed }).toEqual({ moved: 4, stayed: 1 });
  });

  it('adds segments it was not told about, sorted, before Not a customer', () => {
    const t = segmentTransitions(
      [{ customerId: 'a', segment: 'Zeta' }],
      [{ customerId: 'a', segment: 'Alpha' }],
    );
    expect(t.segments).toEqual(['Alpha', 'Zeta', NOT_A_CUSTOMER]);
    expect(t.counts[1][0]).toBe(1);
  });
});

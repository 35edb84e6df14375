import { describe, expect, it } from 'vitest';
import { STATUS_GROUPS, statusGroupOf } from '../../src/domain/case/status-group';
import type { CaseStatus } from '../../src/domain/process';

const at = (status: CaseStatus, place: 'village' | 'district', outcome?: 'approved' | 'refused') =>
  statusGroupOf({ status, at: place, ...(outcome ? { outcome } : {}) });

describe('status groups', () => {
  it('puts each step of the chain where the file is and what is left to do', () => {
    expect(at('registered', 'village')).toBe('at_village');
    expect(at('commission_ordered', 'village')).toBe('at_village');
    expect(at('inspected', 'village')).toBe('at_village');
    // Sent with a batch (recorded at the village): the file is on its way to the district.
    expect(at('forwarded', 'village')).toBe('at_district');
    for (const status of ['received', 'assigned', 'decided', 'endorsed', 'rework'] as const) {
      expect(at(status, 'district'), status).toBe('at_district');
    }
    expect(at('signed', 'district')).toBe('at_district');
    expect(at('result_sent', 'district')).toBe('at_district');
    expect(at('result_received', 'village')).toBe('result_ready');
    expect(at('returned', 'village')).toBe('returned');
  });

  it('tells a result ready at the village from a signature at the district', () => {
    // 003-16: the akim signs at the village, and the specialist hands the result out.
    expect(at('signed', 'village')).toBe('result_ready');
    expect(at('decided', 'village')).toBe('at_village');
  });

  it('tells a refusal from a result handed out, and a cancellation from both', () => {
    expect(at('closed', 'village', 'approved')).toBe('issued');
    expect(at('closed', 'village', 'refused')).toBe('refused');
    expect(at('closed', 'village')).toBe('issued');
    expect(at('cancelled', 'village')).toBe('cancelled');
  });

  it('lists every group once', () => {
    expect(new Set(STATUS_GROUPS).size).toBe(STATUS_GROUPS.length);
  });
});

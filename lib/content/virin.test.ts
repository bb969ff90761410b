import { describe, expect, it } from 'vitest';
import { normalizeVirin, parseVirin } from './virin';

function warningsOf(input: string): string[] {
  const result = parseVirin(input);
  if (!result.ok) throw new Error(`expected ${input} to be valid, got: ${result.error}`);
  return result.warnings;
}

function errorOf(input: string): string {
  const result = parseVirin(input);
  if (result.ok) throw new Error(`expected ${input} to be invalid`);
  return result.error;
}

describe('valid VIRINs from the reference test vectors', () => {
  it('accepts the current 4-digit form without warnings', () => {
    expect(warningsOf('230915-D-TT930-1003')).toEqual([]);
  });

  it('accepts the seed article VIRIN (DVIAN id) and warns only about its legacy 3-digit sequence', () => {
    expect(warningsOf('230613-D-D0439-002')).toEqual([
      '230613-D-D0439-002 has the legacy 3-digit sequence "002"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
    ]);
  });

  it('accepts the seed body-figure VIRIN with a variant letter', () => {
    const result = parseVirin('230613-O-D0439-001A');
    expect(result).toEqual({
      ok: true,
      virin: '230613-O-D0439-001A',
      warnings: [
        '230613-O-D0439-001A has the legacy 3-digit sequence "001"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
      ],
    });
  });

  it('accepts a 3-digit sequence with a warning', () => {
    expect(warningsOf('200624-A-BT239-818')).toEqual([
      '200624-A-BT239-818 has the legacy 3-digit sequence "818"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
    ]);
  });

  it('accepts Space Force X with a warning naming it, plus the leading-zero sequence warning', () => {
    expect(warningsOf('210504-X-DC888-0075')).toEqual([
      'service code "X" in 210504-X-DC888-0075 is not on the DIMOC list (A, D, F, G, H, M, N, O, S, Z); X is used by the U.S. Space Force',
      '210504-X-DC888-0075 has the sequence "0075" starting with 0; current VIRINs start it with the scene number 1–9',
    ]);
  });

  it('accepts a variant letter after a 4-digit sequence', () => {
    expect(warningsOf('170801-D-FW736-0024L')).toEqual([
      '170801-D-FW736-0024L has the sequence "0024" starting with 0; current VIRINs start it with the scene number 1–9',
    ]);
  });

  it('accepts the legacy SSN-digits id and warns about re-publishing it', () => {
    expect(warningsOf('060515-M-1234S-001')).toEqual([
      '060515-M-1234S-001 uses the legacy ID form "1234S" (last four SSN digits and an initial); consider not re-publishing it',
      '060515-M-1234S-001 has the legacy 3-digit sequence "001"; current VIRINs use 4 digits (scene 1–9, then 001–999)',
    ]);
  });

  it('accepts a foreign photographer country code', () => {
    expect(warningsOf('060515-M-AA987-1001-BE')).toEqual([]);
  });

  it('accepts the war.gov example', () => {
    expect(warningsOf('120102-D-HW608-7991')).toEqual([]);
  });
});

describe('invalid VIRINs from the reference test vectors', () => {
  it('rejects month 13', () => {
    expect(errorOf('231301-D-D0439-002')).toBe(
      'expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "231301-D-D0439-002": 231301 is not a real date (YYMMDD)',
    );
  });

  it('rejects a two-letter service code', () => {
    expect(errorOf('230613-DD-D0439-002')).toBe(
      'expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "230613-DD-D0439-002": the second part must be a one-letter service code (e.g. D, A, N), got "DD"',
    );
  });

  it('rejects a four-character id', () => {
    expect(errorOf('230613-D-D043-002')).toBe(
      'expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "230613-D-D043-002": the third part must be a five-character VISION ID or DVIAN (e.g. AA987 or D0439), got "D043"',
    );
  });

  it('rejects a VIRIN without a sequence', () => {
    expect(errorOf('230613-D-D0439')).toBe(
      'expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "230613-D-D0439": expected four parts (date, service, ID, sequence), got 3',
    );
  });

  it('rejects an impossible calendar date that the pattern alone would accept', () => {
    expect(errorOf('230231-D-D0439-1001')).toBe(
      'expected a VIRIN like 230613-D-D0439-1001 (YYMMDD-S-XXXXX-NNNN), got "230231-D-D0439-1001": 230231 is not a real date (YYMMDD)',
    );
  });

  it('knows leap years', () => {
    expect(parseVirin('240229-D-D0439-1001').ok).toBe(true);
    expect(parseVirin('230229-D-D0439-1001').ok).toBe(false);
  });
});

describe('warnings for legacy and placeholder forms', () => {
  it('warns about the ZZ999 placeholder VISION ID', () => {
    expect(warningsOf('160216-A-ZZ999-1004')).toEqual([
      "160216-A-ZZ999-1004 uses the placeholder VISION ID ZZ999, which DIMOC says not to use; ask for the photographer's VISION ID",
    ]);
  });

  it('names legacy C, J and L service codes', () => {
    expect(warningsOf('100101-J-AA987-1001')).toEqual([
      'service code "J" in 100101-J-AA987-1001 is not on the DIMOC list (A, D, F, G, H, M, N, O, S, Z); J is a legacy code (Joint/multi-service)',
    ]);
  });

  it('flags an unknown service code', () => {
    expect(warningsOf('100101-Q-AA987-1001')).toEqual([
      'service code "Q" in 100101-Q-AA987-1001 is not on the DIMOC list (A, D, F, G, H, M, N, O, S, Z); check the code with the photographer',
    ]);
  });
});

describe('normalization', () => {
  it('upper-cases and strips image file extensions as shown on defense.gov', () => {
    expect(normalizeVirin(' 170801-d-fw736-0024l.JPG ')).toBe('170801-D-FW736-0024L');
    expect(normalizeVirin('161112-D-SW162-143B.jpeg')).toBe('161112-D-SW162-143B');
    expect(normalizeVirin('161112-D-SW162-143B.tif')).toBe('161112-D-SW162-143B');
    expect(normalizeVirin('161112-D-SW162-143B.png')).toBe('161112-D-SW162-143B');
    const result = parseVirin('230915-d-tt930-1003.jpg');
    expect(result).toEqual({ ok: true, virin: '230915-D-TT930-1003', warnings: [] });
  });
});

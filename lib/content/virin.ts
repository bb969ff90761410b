/**
 * VIRIN (Visual Information Record Identification Number) checks, after DIMOC's
 * "How to Create a VIRIN" and DoDI 5040.02. Lenient parse, strict warnings:
 * archives hold legacy forms that must still publish, but an editor should see them.
 */

const VIRIN_PATTERN =
  /^(?<yy>\d{2})(?<mm>0[1-9]|1[0-2])(?<dd>0[1-9]|[12]\d|3[01])-(?<svc>[A-Z])-(?<id>[A-Z]{2}\d{3}|[A-Z]\d{4}|\d{4}[A-Z])-(?<seq>\d{3,4})(?<variant>[A-Z])?(?:-(?<cc>[A-Z]{2}))?$/;

const CURRENT_SERVICE_CODES = new Set(['A', 'D', 'F', 'G', 'H', 'M', 'N', 'O', 'S', 'Z']);
const LEGACY_SERVICE_CODES: Record<string, string> = {
  C: 'Coalition',
  J: 'Joint/multi-service',
  L: 'Multinational',
};

export const VIRIN_EXAMPLE = '230613-D-D0439-1001';

export type VirinResult =
  | { ok: true; virin: string; warnings: string[] }
  | { ok: false; error: string };

/** Upper-cases and strips a trailing image file extension (`.jpg`, `.jpeg`, `.png`, `.tif`). */
export function normalizeVirin(input: string): string {
  return input
    .trim()
    .replace(/\.(jpe?g|png|tiff?)$/i, '')
    .toUpperCase();
}

function isRealDate(yy: number, mm: number, dd: number): boolean {
  // Two-digit years: every year divisible by 4 between 1901 and 2099 is a leap year,
  // and 00 is read as 2000 (also a leap year), so yy % 4 decides February.
  const daysInMonth = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= (daysInMonth[mm - 1] ?? 0);
}

/** Says which part of a VIRIN that does not match is wrong, so the editor knows what to fix. */
function diagnose(virin: string): string {
  const parts = virin.split('-');
  const [date = '', svc = '', id = '', seq = ''] = parts;
  if (!/^\d{6}$/.test(date)) return `the first part must be the date shot as YYMMDD, got "${date}"`;
  if (!/^[A-Z]$/.test(svc)) return `the second part must be a one-letter service code (e.g. D, A, N), got "${svc}"`;
  if (parts.length < 4) {
    return `expected four parts (date, service, ID, sequence), got ${parts.length}`;
  }
  if (!/^([A-Z]{2}\d{3}|[A-Z]\d{4}|\d{4}[A-Z])$/.test(id)) {
    return `the third part must be a five-character VISION ID or DVIAN (e.g. AA987 or D0439), got "${id}"`;
  }
  if (!/^\d{3,4}[A-Z]?$/.test(seq)) {
    return `the fourth part must be a 3- or 4-digit sequence number (e.g. 1001), got "${seq}"`;
  }
  return 'an optional fifth part must be a two-letter country code (e.g. BE)';
}

export function parseVirin(input: string): VirinResult {
  const virin = normalizeVirin(input);
  const expected = `expected a VIRIN like ${VIRIN_EXAMPLE} (YYMMDD-S-XXXXX-NNNN), got "${input.trim()}"`;
  const datePart = /^(\d{2})(\d{2})(\d{2})-/.exec(virin);
  if (datePart) {
    const [, yy, mm, dd] = datePart.map(Number) as [number, number, number, number];
    if (!isRealDate(yy, mm, dd)) {
      return { ok: false, error: `${expected}: ${datePart[1]}${datePart[2]}${datePart[3]} is not a real date (YYMMDD)` };
    }
  }
  const groups = VIRIN_PATTERN.exec(virin)?.groups;
  if (!groups) return { ok: false, error: `${expected}: ${diagnose(virin)}` };

  const warnings: string[] = [];
  const svc = groups.svc ?? '';
  const id = groups.id ?? '';
  const seq = groups.seq ?? '';
  if (!CURRENT_SERVICE_CODES.has(svc)) {
    const legacy = LEGACY_SERVICE_CODES[svc];
    const note =
      svc === 'X'
        ? 'X is used by the U.S. Space Force'
        : legacy
          ? `${svc} is a legacy code (${legacy})`
          : 'check the code with the photographer';
    warnings.push(
      `service code "${svc}" in ${virin} is not on the DIMOC list (A, D, F, G, H, M, N, O, S, Z); ${note}`,
    );
  }
  if (id === 'ZZ999') {
    warnings.push(`${virin} uses the placeholder VISION ID ZZ999, which DIMOC says not to use; ask for the photographer's VISION ID`);
  }
  if (/^\d{4}[A-Z]$/.test(id)) {
    warnings.push(
      `${virin} uses the legacy ID form "${id}" (last four SSN digits and an initial); consider not re-publishing it`,
    );
  }
  if (seq.length === 3) {
    warnings.push(`${virin} has the legacy 3-digit sequence "${seq}"; current VIRINs use 4 digits (scene 1–9, then 001–999)`);
  } else if (seq.startsWith('0')) {
    warnings.push(`${virin} has the sequence "${seq}" starting with 0; current VIRINs start it with the scene number 1–9`);
  }
  return { ok: true, virin, warnings };
}

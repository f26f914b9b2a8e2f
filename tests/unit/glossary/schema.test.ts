import { describe, expect, it } from 'vitest';
import { validateGlossary, validateGlossaryEntry } from '../../../src/lib/core/glossary';

const good = {
	id: 'cgtp',
	type: 'organisation',
	es: 'Confederación General de Trabajadores del Perú',
	en: 'General Confederation of Peruvian Workers',
	variants: ['CGTP'],
	explanation: { en: 'A union federation. The largest.', es: 'Una central sindical. La mayor.' }
};
const detail = (value: unknown) => {
	const r = validateGlossaryEntry(value);
	return r.ok ? undefined : { code: r.error.code, detail: r.error.params?.detail };
};

describe('validating a glossary entry', () => {
	it('accepts a good entry and cleans it: trims, collapses spaces, drops repeated variants', () => {
		expect(validateGlossaryEntry(good)).toEqual({ ok: true, value: good });
		const messy = {
			...good,
			es: '  Confederación  General de\tTrabajadores del Perú ',
			variants: ['CGTP', ' CGTP ', '', good.en, 'C.G.T.P'.replace(/\./g, '')]
		};
		const r = validateGlossaryEntry(messy);
		expect(r.ok && r.value).toEqual({ ...good, variants: ['CGTP'] });
		expect(validateGlossaryEntry({ ...good, variants: undefined })).toEqual({
			ok: true,
			value: { ...good, variants: [] }
		});
	});

	it('says which field is wrong, as an invalid-input error', () => {
		expect(detail(null)).toEqual({ code: 'invalid-input', detail: 'an entry must be an object' });
		expect(detail({ ...good, id: undefined })?.detail).toBe('id is missing');
		expect(detail({ ...good, id: 'CGTP' })?.detail).toMatch(/id “CGTP” must be kebab-case/);
		expect(detail({ ...good, id: '1993-constitution' })?.detail).toMatch(/starting with a letter/);
		expect(detail({ ...good, type: 'union' })?.detail).toMatch(
			/^entry “cgtp”: unknown type “union” \(expected one of event, organisation/
		);
		expect(detail({ ...good, es: '' })?.detail).toBe('entry “cgtp”: es is empty');
		expect(detail({ ...good, en: 42 })?.detail).toBe('entry “cgtp”: en is missing');
		expect(detail({ ...good, variants: 'CGTP' })?.detail).toBe(
			'entry “cgtp”: variants must be a list'
		);
		expect(detail({ ...good, variants: ['(CGTP)'] })?.detail).toMatch(
			/variant “\(CGTP\)” cannot be matched/
		);
		expect(detail({ ...good, variants: ['CGTP | PNP'] })?.detail).toMatch(/cannot be matched/);
		expect(detail({ ...good, explanation: { en: 'x' } })?.detail).toBe(
			'entry “cgtp”: explanation.es is missing'
		);
		expect(detail({ ...good, explanation: { en: 'a\u0000b', es: 'x' } })?.detail).toMatch(
			/control character/
		);
		expect(detail({ ...good, firstOccurrence: { document: 'a.txt' } })?.detail).toBe(
			'entry “cgtp”: firstOccurrence.quote is missing'
		);
	});

	it('rejects a glossary with two entries under one id, naming both', () => {
		const r = validateGlossary([good, { ...good, id: 'pnp' }, { ...good }]);
		expect(r).toEqual({
			ok: false,
			error: expect.objectContaining({
				code: 'invalid-input',
				params: { detail: 'entry 3: duplicate id “cgtp” (first used by entry 1)' }
			})
		});
		expect(validateGlossary({}).ok).toBe(false);
	});
});

// A translator brings a memory from OmegaT: a level-2 TMX whose formatted segments carry inline
// codes (<bpt>, <ept>, <ph>, <it>) and numeric character references. Imported through /add, the
// reader shows clean text in the right order: no "<b0></b0>" moved to the front, no "&#8217;".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { baseURL, screenshot } from './chromium';
import { useDesktopPage } from './desktop-page';

const OMEGAT_TMX = readFileSync(
	new URL('../fixtures/formats/omegat-level2.tmx', import.meta.url),
	'utf8'
);

let page: Page;

useDesktopPage((opened) => ({ page } = opened));

describe('importing a memory from OmegaT', () => {
	it('shows the segments of a TMX with inline codes as clean text, side by side', async () => {
		await page.goto(baseURL() + '/add?mode=import');
		await page.locator('#import-title').fill('OmegaT memory');
		await page.locator('#import-memory').setInputFiles({
			name: 'project-level2.tmx',
			mimeType: 'application/x-tmx+xml',
			buffer: Buffer.from(OMEGAT_TMX, 'utf8')
		});
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.waitForURL(/\/doc\/omegat-memory/);

		// The memory's own pairs show once the texts' background analysis is stored.
		const row = page
			.locator('.row.kind-pair', { hasText: 'Click Save to keep your changes.' })
			.first();
		await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
		expect(await row.locator('.cell-es').textContent()).toContain(
			'Pulse Guardar para conservar los cambios.'
		);
		const strike = page.locator('.row', { hasText: 'The national strike began on Monday' }).first();
		await expect.poll(() => strike.count()).toBe(1);
		expect(await strike.locator('.cell-es').textContent()).toContain(
			'El paro nacional empezó el lunes en Puno.'
		);
		expect(await page.locator('.row', { hasText: 'It wasn’t over yet.' }).first().count()).toBe(1);

		// No native code and no undecoded reference anywhere in the reader.
		const shown = (await page.locator('main').textContent()) ?? '';
		expect(shown).not.toMatch(/<\/?b0>|<br1\/>|<i1>|&#8217;|&#237;/);
		await screenshot(page, 'formats-omegat-import');
	});
});

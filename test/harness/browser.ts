import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a fresh profile (so no cache is shared between calls) and
 * nothing that reaches the network on its own. Fails loudly when Chromium is missing: CI installs it.
 */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the dashboard tests need Debian's chromium (apt-get install chromium; .ci/run does it)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'nlf-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PixelStats {
  width: number;
  height: number;
  /** Pixels within `tolerance` of the colour, per column (x). */
  matchesPerColumn: number[];
  matches: number;
}

/**
 * Screenshots an element and counts the pixels of one colour in it, decoding the PNG in the page
 * itself (a canvas), so what is counted is what was rendered, not what the DOM says.
 */
export async function colourPixels(locator: Locator, rgb: [number, number, number], tolerance = 40): Promise<PixelStats> {
  const png = (await locator.screenshot()).toString('base64');
  return locator.page().evaluate(
    async ({ png, rgb, tolerance }) => {
      // Runs in the page; the test's TypeScript has no DOM types, so the few used are named here.
      interface PageImage { src: string; width: number; height: number; decode(): Promise<void> }
      interface PageCanvas {
        width: number;
        height: number;
        getContext(kind: '2d'): { drawImage(image: PageImage, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
      }
      const page = globalThis as unknown as { Image: new () => PageImage; document: { createElement(tag: 'canvas'): PageCanvas } };
      const image = new page.Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = page.document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const matchesPerColumn = new Array<number>(image.width).fill(0);
      let matches = 0;
      for (let i = 0; i < data.length; i += 4) {
        const distance = Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]);
        if (distance <= tolerance) {
          matches += 1;
          matchesPerColumn[(i / 4) % image.width]! += 1;
        }
      }
      return { width: image.width, height: image.height, matchesPerColumn, matches };
    },
    { png, rgb, tolerance },
  );
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1), from the npm package @expo-google-fonts/noto-sans-sc:
 * PDFs embed the subset of its glyphs they use, so Chinese reads the same with no font installed.
 * Read once (10 MB), on the first PDF.
 */
let font: Buffer | undefined;

export function chineseFont(): Buffer {
  font ??= readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  return font;
}

import { describe, expect, it } from 'vitest';
import { readNumberText } from './numberText';

describe('readNumberText', () => {
  it('when an amount is typed with a decimal point or comma, in full-width or with spaces, then it is 12.5', () => {
    for (const typed of ['12.50', '12,50', '１２．５', ' 12.5 ', '12,5'])
      expect(readNumberText(typed)).toMatchObject({ kind: 'number', value: 12.5 });
    expect(readNumberText('1,234.5')).toMatchObject({ kind: 'number', value: 1234.5 });
    expect(readNumberText('.5')).toEqual({ kind: 'number', value: 0.5, text: '0.5' });
    expect(readNumberText('-3')).toMatchObject({ kind: 'number', value: -3 });
  });

  it('when letters or a second point are typed, then it is invalid, never the digits before them', () => {
    for (const typed of ['1O', 'abc', '1.2.3', '12,50,1', '1e5', '2元']) expect(readNumberText(typed)).toEqual({ kind: 'invalid' });
  });

  it('when nothing is typed, then it is empty', () => {
    expect(readNumberText('  ')).toEqual({ kind: 'empty' });
  });
});

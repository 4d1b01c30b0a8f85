/**
 * Marks `text` as left to right inside a sentence of any direction (Unicode's LRI … PDI
 * isolate). A phone number or a calling code in an Arabic sentence otherwise takes the
 * sentence's direction: `+90 555 300 20 01` would read `01 20 300 555 90+`.
 */
export const leftToRight = (text: string): string => `\u2066${text}\u2069`;

/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify
 * alone is not enough inside HTML: a title containing `</script>` would end
 * the element and let what follows run. `<`, `>` and `&` are written as
 * Unicode escapes (still the same JSON), and U+2028/U+2029, which older
 * JavaScript parsers treat as line ends, likewise.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

import type { JsonLdObject } from '@/lib/structured-data';

/**
 * JSON for a `<script>` element. JSON.stringify leaves `<` alone, so a headline containing
 * `</script>` would end the element early; `<`, `>`, `&` and the two characters JavaScript
 * treats as line breaks become \u escapes, which JSON.parse reads back unchanged.
 */
export function serializeJsonLd(data: JsonLdObject): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** One `<script type="application/ld+json">` per object. */
export function JsonLd({ data }: { data: JsonLdObject | JsonLdObject[] }) {
  const items = Array.isArray(data) ? data : [data];
  return (
    <>
      {items.map((item, index) => (
        <script
          key={index}
          type="application/ld+json"
          // The only raw HTML in this component; serializeJsonLd escapes everything that could end the element.
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(item) }}
        />
      ))}
    </>
  );
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';

export interface YamlSyntaxError {
  line: number;
  message: string;
}

export interface YamlBlock {
  /** The parsed value; undefined when there were syntax errors. */
  data: unknown;
  errors: YamlSyntaxError[];
  /**
   * File line of the key at `path` (`['image', 'alt']`), or of the nearest enclosing key that
   * exists, or `openerLine` when none does (a missing top-level key).
   */
  lineOf(path: readonly PropertyKey[]): number;
}

function friendlyYamlMessage(raw: string): string {
  const first = (raw.split('\n')[0] ?? raw).replace(/ at line \d+, column \d+:?$/, '');
  if (first.includes('Nested mappings are not allowed in compact mappings') || first.includes('Implicit map keys need to be')) {
    return `YAML syntax error: ${first}; if a value contains ": " or starts with a quote, put the whole value in quotes`;
  }
  if (first.includes('Map keys must be unique')) return 'YAML syntax error: the same field is written twice';
  return `YAML syntax error: ${first}`;
}

/**
 * Parses a YAML block whose first line is line `firstLine` of the file and whose opener
 * (`---` or the ```figure fence) is on `openerLine`.
 */
export function parseYamlBlock(text: string, firstLine: number, openerLine: number): YamlBlock {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: `2023-06-13` stays a string (no timestamps), `yes` stays a string.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, schema: 'core', uniqueKeys: true });
  const lineAt = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;

  const errors = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: friendlyYamlMessage(error.message),
  }));
  // An alias (`*name`) can expand a few lines into gigabytes (a "billion laughs"); no field needs one.
  if (errors.length === 0) {
    visit(doc, {
      Alias(_key, node) {
        errors.push({
          line: lineAt(node.range?.[0] ?? 0),
          message: `YAML aliases (*${node.source}) are not allowed: write the value out in full`,
        });
        return visit.BREAK;
      },
    });
  }

  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = doc.contents;
    let line = openerLine;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        const keyNode = pair?.key as YamlNode | undefined;
        if (!pair || !keyNode?.range) return line;
        line = lineAt(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as YamlNode | undefined;
        if (!item?.range) return line;
        line = lineAt(item.range[0]);
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };

  return { data: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 0 }), errors, lineOf };
}

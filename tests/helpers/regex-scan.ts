/**
 * Every regular expression written in src/ (literals and `new RegExp('…')` with a literal
 * pattern), found with the TypeScript parser so strings and comments are never mistaken for one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './cli.js';

export interface FoundRegex {
  /** `src/data/read-file.ts:71` */
  where: string;
  source: string;
  flags: string;
  /** The reviewed-safe marker `regex-safe: <why>` on this line or the line above. */
  allowed?: string;
}

const ALLOW = /regex-safe:\s*(\S.*)$/;

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function findRegexes(dir = join(ROOT, 'src')): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of tsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node, source: string, flags: string): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const allowed = ALLOW.exec(lines[line] ?? '')?.[1] ?? ALLOW.exec(lines[line - 1] ?? '')?.[1];
      found.push({ where: `${relative(ROOT, file)}:${line + 1}`, source, flags, ...(allowed ? { allowed } : {}) });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const m = /^\/(.*)\/([a-z]*)$/s.exec(node.text)!;
        add(node, m[1]!, m[2]!);
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern)) add(node, pattern.text, flags && ts.isStringLiteralLike(flags) ? flags.text : '');
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** README.md of the repository. */
export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The fence's language (`sh`, `js`...), '' for none. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Why it is not run, from a `<!-- not run: why -->` line right above the fence. */
  notRun?: string;
}

/** The fenced code blocks of a Markdown text, in order. */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end === -1) throw new Error(`README line ${i + 1}: a code block is not closed`);
    const above = /^<!-- not run: (.+) -->$/.exec(lines[i - 1] ?? '');
    blocks.push({
      lang: open[1]!,
      code: lines.slice(i + 1, end).join('\n'),
      line: i + 1,
      ...(above && { notRun: above[1] }),
    });
    i = end;
  }
  return blocks;
}

/** The README's code blocks. */
export function readmeBlocks(): CodeBlock[] {
  return codeBlocks(fs.readFileSync(README, 'utf8'));
}

// document.<id>: a required document exists, contains its required text and headings, is recent
// enough (last commit), and has every checklist box ticked.

import type { DocumentConfig } from '../config/config-types.js';
import type { CheckOutcome, Finding } from '../model.js';
import type { EvaluationContext } from './evaluation-context.js';
import { listHeadings } from './markdown-lines.js';

const DAY_MS = 86_400_000;

/** One check per configured document. */
export function evaluateDocuments(context: EvaluationContext): CheckOutcome[] {
  return context.config.documents.map((document) => evaluateDocument(context, document));
}

function evaluateDocument(context: EvaluationContext, document: DocumentConfig): CheckOutcome {
  const id = `document.${document.id}`;
  const read = context.evidence.files[document.path];
  if (!read || read.kind !== 'ok') {
    const summary =
      read?.kind === 'error'
        ? `${document.path} could not be read: ${read.message}`
        : `${document.path} does not exist`;
    return {
      id,
      kind: 'document',
      status: read?.kind === 'error' ? 'error' : 'fail',
      summary,
      findings: [{ message: summary, location: { file: document.path } }],
      expected: 'present',
      observed: 'absent',
    };
  }
  const text = read.text;
  const problems: Finding[] = [];
  const at = (line?: number) => ({ file: document.path, ...(line ? { line } : {}) });
  const lower = text.toLowerCase();
  for (const needle of document.contains) {
    if (!lower.includes(needle.toLowerCase()))
      problems.push({ message: `does not contain "${needle}"`, location: at() });
  }
  const headings = listHeadings(text);
  for (const wanted of document.headings) {
    if (!headings.some((h) => h.text.toLowerCase().includes(wanted.toLowerCase())))
      problems.push({ message: `has no heading "${wanted}"`, location: at() });
  }
  if (document.checklistComplete) {
    text.split('\n').forEach((line, index) => {
      const box = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s*(.*)$/.exec(line);
      if (box)
        problems.push({
          message: `checklist item not ticked: "${box[1]!.trim()}"`,
          location: at(index + 1),
        });
    });
  }
  if (document.maxAgeDays !== undefined) {
    const last = context.evidence.git.lastCommit[document.path];
    if (!context.evidence.git.available) {
      problems.push({
        message: `age cannot be checked: ${context.evidence.git.reason ?? 'git unavailable'}`,
        location: at(),
      });
    } else if (!last) {
      problems.push({
        message: `has never been committed, so its age cannot be shown (max ${document.maxAgeDays} days)`,
        location: at(),
      });
    } else {
      const ageDays = (Date.parse(context.evidence.now) - Date.parse(last)) / DAY_MS;
      if (ageDays > document.maxAgeDays) {
        problems.push({
          message: `last changed ${Math.floor(ageDays)} days ago (${last.slice(0, 10)}); it must be at most ${document.maxAgeDays} days old`,
          location: at(),
        });
      }
    }
  }
  if (problems.length === 0) {
    const said = [
      document.contains.length && `${document.contains.length} required phrases`,
      document.headings.length && `${document.headings.length} headings`,
      document.checklistComplete && 'every box ticked',
    ].filter(Boolean);
    return {
      id,
      kind: 'document',
      status: 'pass',
      summary: `${document.path} present${said.length ? ` with ${said.join(', ')}` : ''}`,
    };
  }
  return {
    id,
    kind: 'document',
    status: 'fail',
    summary: `${document.path} ${problems[0]!.message}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`,
    details: problems.map(
      (p) => `${p.location?.line ? `line ${p.location.line}: ` : ''}${p.message}`,
    ),
    findings: problems.map((p) => ({ ...p, message: `${document.path} ${p.message}` })),
  };
}

// document.<id>: a required document exists, contains its required text and headings, is recent
// enough (last commit), and has every checklist box ticked. The text is read through a CommonMark +
// GFM tree (core/markdown), so what counts is what the rendered page shows.

import type { DocumentConfig } from '../config/config-types.js';
import type { CheckOutcome, Finding } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { judgeDocumentAge } from './document-age.js';

/**
 * Whether answering a document's questions needs its Markdown tree. Headings always do. An
 * unticked box needs `[ ]` (or `[<tab>]`) somewhere, and a hidden phrase needs an HTML comment
 * (`<!--`): without them the text itself is the answer, and the parse (CPU at start-up) is skipped.
 */
export function documentNeedsTree(document: DocumentConfig, text: string): boolean {
  return (
    document.headings.length > 0 ||
    (document.checklistComplete && /\[[ \t]\]/.test(text)) ||
    (document.contains.length > 0 && text.includes('<!--'))
  );
}

/** One check per configured document. */
export function evaluateDocuments(context: EvaluationContext): CheckOutcome[] {
  return context.config.documents.map((document) => evaluateDocument(context, document));
}

function evaluateDocument(context: EvaluationContext, document: DocumentConfig): CheckOutcome {
  const id = `document.${document.id}`;
  const read = context.evidence.files[document.path];
  if (!read || read.kind !== 'ok') {
    const summary =
      read?.kind === 'unavailable'
        ? `${document.path} could not be read: ${read.reason}`
        : `${document.path} does not exist${read?.kind === 'missing' && read.similar ? ` (did you mean ${read.similar}? file names are case-sensitive)` : ''}`;
    return {
      id,
      kind: 'document',
      status: read?.kind === 'unavailable' ? 'error' : 'fail',
      summary,
      findings: [{ message: summary, location: { file: document.path } }],
      expected: 'present',
      observed: 'absent',
    };
  }
  const needsTree = documentNeedsTree(document, read.text);
  if (needsTree && !context.markdown)
    return {
      id,
      kind: 'document',
      status: 'error',
      summary: `${document.path} was not read: the Markdown reader was not loaded (internal fault)`,
    };
  const outline =
    needsTree && context.markdown
      ? context.markdown(read.text)
      : { headings: [], tasks: [], blocks: [], visibleText: read.text };
  const problems: Finding[] = [];
  const pending: Finding[] = [];
  const at = (line?: number) => ({ file: document.path, ...(line ? { line } : {}) });
  const visible = outline.visibleText.toLowerCase();
  for (const needle of document.contains) {
    if (!visible.includes(needle.toLowerCase()))
      problems.push({ message: `does not contain "${needle}"`, location: at() });
  }
  for (const wanted of document.headings) {
    if (!outline.headings.some((h) => h.text.toLowerCase().includes(wanted.toLowerCase())))
      problems.push({ message: `has no heading "${wanted}"`, location: at() });
  }
  if (document.checklistComplete) {
    for (const task of outline.tasks.filter((t) => !t.checked))
      problems.push({
        message: task.text
          ? `checklist item not ticked: "${task.text.split('\n')[0]}"`
          : 'checklist item not ticked (an empty box)',
        location: at(task.line),
      });
  }
  if (document.maxAgeDays !== undefined) {
    const age = judgeDocumentAge(
      context.evidence.git,
      document.path,
      document.maxAgeDays,
      context.evidence.now,
    );
    if (age.kind === 'unavailable')
      problems.push({
        message: age.reason.startsWith('has never')
          ? age.reason
          : `age cannot be checked: ${age.reason}`,
        location: at(),
      });
    else if (age.kind === 'unknown')
      pending.push({ message: `age is unknown: ${age.reason}`, location: at() });
    else if (age.kind === 'stale')
      problems.push({
        message: `last changed ${Math.floor(age.ageDays)} days ago (${age.last.slice(0, 10)}); it must be at most ${document.maxAgeDays} days old`,
        location: at(),
      });
  }
  const reported = problems.length > 0 ? problems : pending;
  if (reported.length === 0) {
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
  const all = [...problems, ...pending];
  return {
    id,
    kind: 'document',
    status: problems.length > 0 ? 'fail' : 'pending',
    summary: `${document.path} ${reported[0]!.message}${all.length > 1 ? ` (+${all.length - 1} more)` : ''}`,
    details: all.map((p) => `${p.location?.line ? `line ${p.location.line}: ` : ''}${p.message}`),
    findings: all.map((p) => ({ ...p, message: `${document.path} ${p.message}` })),
  };
}

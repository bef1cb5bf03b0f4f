/** Options: how much detail to keep (the GitHub renderers shrink it to fit size limits). */
export interface MarkdownOptions {
  /** Include passing checks in the checks table. */
  passingChecks: boolean;
  /** Include command output tails. */
  outputTails: boolean;
  /** Most findings listed per check. */
  findingsPerCheck: number;
}

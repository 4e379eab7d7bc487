// Types of the template parser's result (see template-parse.ts for the API and the shapes).

export type TemplateShape = 'checklist' | 'questions' | 'statements';

export interface TemplateLine {
  line: number;
  text: string;
}

export interface TemplateItem {
  title: string;
  rawTitle: string;
  /** The title was a bold run (the TOC templates' style for criteria; form fields are plain). */
  emphasised: boolean;
  /** The checkbox (or question, or statement) line. */
  line: number;
  /** Last line of the title (titles may wrap). */
  titleEndLine: number;
  /** Last non-blank line of the item's block (up to the next item, heading or rule). */
  endLine: number;
  body: TemplateLine[];
  guidance: string[];
  checked: boolean | null;
  required: boolean | null;
  group: string | null;
  subsection: string | null;
  section: string;
  position: number;
  /** Maturity level -> "Required" / "Suggested" / "N/A", for the statements shape; else {}. */
  levels: Record<string, string>;
}

export interface TemplateGroup {
  title: string;
  line: number;
}

export interface ParsedTemplate {
  /** The first level-1 heading, plain; null when none. */
  title: string | null;
  /** Every level-1 heading (a template may open with a form's own, before its real title). */
  titles: { text: string; line: number }[];
  /** The version line's value ("v1.6"); null when the template has none. */
  version: string | null;
  shape: TemplateShape | null;
  items: TemplateItem[];
  /** `##` sections holding at least one item, in order. */
  groups: TemplateGroup[];
}

/** One line as the shape parsers see it: where it sits, and whether it is live markdown. */
export interface ScannedLine {
  line: number;
  text: string;
  /** Inside a code fence, an HTML comment or front matter: never an item or heading. */
  hidden: boolean;
  /** The heading's level and plain text, when the line is one. */
  heading: { level: number; text: string } | null;
  /** A thematic break (`---`, `***`): ends an item's block. */
  rule: boolean;
  group: string | null;
  subsection: string | null;
  /** From the nearest `### Required` / `### Suggested` inside the group; null otherwise. */
  required: boolean | null;
}


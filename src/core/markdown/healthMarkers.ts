/** The markers around the relationship-health section the tool writes back into a retro. */
export const SECTION_BEGIN = '<!-- retro-health:begin -->';
export const SECTION_END = '<!-- retro-health:end -->';

/**
 * A marker counts on a line of its own (spaces around allowed); the same text inside prose or
 * code is only talk about it. One definition for the reader, the section writer and the report.
 */
export const SECTION_BEGIN_LINE = /^[ \t]*<!--\s*retro-health:begin\s*-->[ \t]*$/;
export const SECTION_END_LINE = /^[ \t]*<!--\s*retro-health:end\s*-->[ \t]*$/;

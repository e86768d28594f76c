/**
 * Words that flip or cancel a symptom. A negator just before a matched word negates it
 * ("no requirements surfaced late"); a resolution word anywhere in the sentence marks the
 * problem as past; a discussion word marks talk about the model rather than a report of it.
 * Cue words that are part of a symptom's own pattern never count against it.
 */
export const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'hardly', 'barely',
  'zero', 'avoid', 'avoided', 'avoiding', 'prevent', 'prevented', 'preventing', 'stopped', 'stop', 'ended', 'lack',
]);
export const NEGATION_WINDOW = 3;
/** A clause that opens with one of these is denied as a whole ("No one in the business has…"). */
export const SUBJECT_NEGATORS = new Set(['no', 'nobody', 'none', 'nothing', 'neither', 'never']);

/**
 * Multi-word cues are token sequences; any one in the match's clauses (outside the match)
 * cancels it. A trailing '$' means the cue must end its clause: "the emails have stopped."
 * resolves, "she has stopped bothering to raise tickets" does not.
 */
export const RESOLUTION_CUES: string[][] = [
  ['resolved'], ['fixed'], ['solved'], ['improved'], ['improving'], ['no', 'longer'], ['used', 'to'], ['went', 'away'],
  ['gone', 'away'], ['are', 'gone'], ['is', 'gone'], ['were', 'gone'], ['fewer'], ['for', 'once'], ['thing', 'of', 'the', 'past'],
  ['since', 'we', 'started'], ['since', 'we', 'added'], ['since', 'we', 'introduced'], ['not', 'once'], ['none', 'of'],
  ['have', 'stopped', '$'], ['has', 'stopped', '$'], ['was', 'retired'], ['were', 'retired'], ['was', 'dropped'], ['were', 'dropped'], ['old', 'rule'], ['in', 'the', 'past'],
];

export const HYPOTHETICAL_CUES: string[][] = [
  ['if'], ['unless'], ['what', 'if'], ['in', 'case'], ['risk', 'that'], ['risk', 'is'], ['at', 'risk'], ['could', 'become'], ['would', 'be'], ['imagine'], ['suppose'],
  ['pre', 'mortem'], ['premortem'], ['worst', 'case'], ['hypothetically'], ['imagined'], ['imagine'],
];

export const DISCUSSION_CUES: string[][] = [
  ['article'], ['essay'], ['author'], ['sniffles'], ['pneumonia'], ['book', 'club'], ['blog', 'post'], ['reading', 'group'],
  ['retro', 'health'], ['the', 'flu', 'stage'], ['illness', 'model'], ['stage', 'model'], ['damian', 'smith'], ['quote', 'from'],
];

/** A section about reading or discussing the model, not about the team's own work. */
export const DISCUSSION_HEADING = /\b(book club|reading group|reading list|article|essay|further reading|references|lunch (?:&|and) learn|brown bag)\b/i;
/** A section (or a whole document) that imagines failure rather than reports it. */
export const HYPOTHETICAL_HEADING = /\b(pre-?mortems?|what could go wrong|imagined|failure stories|worst[- ]case|scenarios?|risk register)\b/i;

/** Section headings and table columns that hold what went well. */
export const POSITIVE_CONTEXT = /\b(went well|go(?:ing)? well|glad|liked|kudos|wins?|shout-?outs?|strengths|successes|positives?|keep doing|what worked|highlights|wind|tailwinds?|celebrat\w*|appreciat\w*|proud)\b/i;
/** Headings like "What didn't go well" mention "well" too; these words overrule the positive reading. */
export const NEGATIVE_CONTEXT = /\b(didn[’']?t|did not|not|never|less|worse|wrong|bad|badly|problems?|issues?|improve\w*|lacked|mad|sad|anchors?|rocks?|risks?|stop)\b/i;
/** Action-item sections hold what the team will do about problems, not the problems. */
export const ACTION_CONTEXT = /\b(action items?|actions|next steps|to ?dos?|follow[- ]?ups?|owners?)\b/i;
/** Multiplier on confidence for a finding under a positive heading. */
export const POSITIVE_CONTEXT_FACTOR = 0.7;
/** Section headings and table columns about how things were, not how they are ("What used to happen", "Then"). */
export const PAST_CONTEXT = /\b(used to|then|before|previously|in the past|no longer|any ?more|back then|history|what changed|resolved|fixed since)\b/i;

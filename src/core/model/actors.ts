/**
 * Who a sentence speaks of: the IT side, the business side, the go-betweens, outside firms,
 * and the speaker's own side. The relevance gate leans on these marks: a complaint is only a
 * relationship symptom when one side speaks of the other.
 */
export type ActorKind = 'it' | 'business' | 'analyst' | 'outside' | 'self' | 'others';

/** Normalised words (the tokenizer's norms, before stemming) naming each kind of actor. */
const ACTOR_WORDS: Record<ActorKind, readonly string[]> = {
  it: [
    'IT', 'dev', 'devs', 'developer', 'developers', 'engineering', 'engineers', 'programmers', 'sysadmin', 'sysadmins', 'helpdesk',
    'servicedesk', 'tech', 'techies', 'platform', 'infra', 'infrastructure', 'digital', 'cio', 'cto', 'ict', 'itops', 'devops',
  ],
  business: [
    'business', 'users', 'user', 'client', 'clients', 'customer', 'customers', 'stakeholder', 'stakeholders', 'finance', 'marketing', 'sales',
    'hr', 'legal', 'procurement', 'operations', 'managers', 'manager', 'director', 'directors', 'board', 'department', 'departments',
    'division', 'unit', 'units', 'leadership', 'exec', 'execs', 'executives', 'executive', 'ceo', 'cfo', 'coo', 'vp', 'owner', 'owners',
    'sponsor', 'sponsors', 'floor', 'store', 'stores', 'branch', 'ward', 'wards', 'clinicians', 'nurses', 'staff', 'partners',
  ],
  analyst: ['analyst', 'analysts', 'ba', 'bas', 'liaison', 'liaisons', 'intermediary', 'middleman', 'middlemen', 'bp', 'bps'],
  outside: [
    'vendor', 'vendors', 'consultancy', 'consultancies', 'consultant', 'consultants', 'consulting', 'agency', 'agencies', 'contractor',
    'contractors', 'freelancer', 'freelancers', 'outsourcer', 'outsource', 'outsourced', 'outsourcing', 'supplier', 'suppliers', 'offshore',
  ],
  self: ['we', 'us', 'our', 'ours', 'ourselves', 'i', 'me', 'my', 'mine', 'myself'],
  others: ['they', 'them', 'their', 'theirs', 'themselves', 'those'],
};

const KIND_BY_WORD = new Map<string, ActorKind>();
for (const [kind, words] of Object.entries(ACTOR_WORDS) as [ActorKind, readonly string[]][]) {
  for (const word of words) if (!KIND_BY_WORD.has(word)) KIND_BY_WORD.set(word, kind);
}

/** The actor a normalised word names, if any. "IT" counts only in capitals: "it" is a pronoun. */
export function actorOf(norm: string): ActorKind | undefined {
  return KIND_BY_WORD.get(norm);
}

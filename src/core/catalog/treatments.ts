import type { Treatment } from './schema';

/** The seven treatments, in our own words, each with steps that can become action items. */
export const BUILT_IN_TREATMENTS: Treatment[] = [
  {
    id: 'admit-the-problem',
    order: 1,
    title: 'Admit the problem',
    summary: 'Name the strained relationship as a problem to fix, not as the normal cost of working with IT or the business.',
    actions: [
      'Put the IT–business relationship on the next retro agenda as a problem we own',
      'Agree as a team that "that is just how IT/the business is" is not an acceptable explanation',
    ],
    stages: ['early', 'middle', 'advanced', 'end'],
  },
  {
    id: 'find-root-causes',
    order: 2,
    title: 'Find the root causes',
    summary: "Look for mismatched expectations and for pressures neither side has explained to the other.",
    actions: [
      'Hold a joint requirements walkthrough with the business owner before build starts',
      'Have a business owner review the acceptance criteria of each story before it enters a sprint',
      'Write down what each side expects of the other (service levels, response times, turnaround) and compare the lists together',
    ],
    stages: ['early', 'middle', 'advanced', 'end'],
  },
  {
    id: 'behind-the-curtain',
    order: 3,
    title: 'Look behind the curtain, both ways',
    summary: 'Show the business why responsiveness is hard for IT, and let IT feel the business pain first-hand, until both share one picture.',
    actions: [
      'Demo working software to the business owner at the end of every iteration',
      'Invite business stakeholders to a session on how IT work is planned, queued and constrained',
      'Have developers sit with the business users for half a day to watch their real workload',
    ],
    stages: ['early', 'middle', 'advanced', 'end'],
  },
  {
    id: 'keep-the-trains-running',
    order: 4,
    title: 'Keep the trains running',
    summary: 'Agree which core systems the business depends on every day and make them reliable before starting anything ambitious.',
    actions: [
      'List the core systems the business relies on daily and agree their reliability targets',
      'Review the last quarter of outages and slow tickets on core systems with the business',
    ],
    stages: ['middle', 'advanced', 'end'],
  },
  {
    id: 'think-competitively',
    order: 5,
    title: 'Think like a competitor',
    summary: 'Treat IT as an internal consultancy that must earn the business units’ work against outside firms and shadow teams.',
    actions: [
      'Ask the business unit what an outside provider offers them that we do not, and write down the gaps',
      'Publish a short service catalogue with turnaround times the business can hold us to',
    ],
    stages: ['middle', 'advanced', 'end'],
  },
  {
    id: 'best-practices-after-basics',
    order: 6,
    title: 'Adopt best practices, after the basics',
    summary: 'Planning frameworks, scorecards, maturity models, Agile and ITIL help once shared understanding and reliable basics are in place.',
    actions: [
      'Pick one practice (for example a joint planning cadence or a shared scorecard) to pilot with this business unit next quarter',
    ],
    stages: ['advanced', 'end'],
  },
  {
    id: 'outside-facilitator',
    order: 7,
    title: 'Bring in a neutral facilitator',
    summary: 'When the relationship is badly degraded, an impartial outside facilitator helps both sides reset it.',
    actions: ['Book an impartial facilitator for a joint IT–business session on how we work together'],
    stages: ['end'],
  },
];

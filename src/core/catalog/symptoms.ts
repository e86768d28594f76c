import type { SymptomInput } from './schema';

/**
 * The symptom catalog. Phrases hold the article's wording (symptom data, quoted as people
 * said it); concepts recognise the same meaning in other words. Explanations are our own.
 */
export const BUILT_IN_SYMPTOMS: SymptomInput[] = [
  // ── early: the sniffles ──────────────────────────────────────────────
  {
    id: 'it-doesnt-get-it',
    stage: 'early',
    side: 'business',
    title: "IT doesn't understand the business",
    explanation: 'The business feels unheard: it believes IT does not grasp what it needs or how it works.',
    phrases: ['IT just? do/does/did not get it', 'IT just? do/does/did not get/understand what we need/want/mean/do'],
    concepts: [
      {
        all: [
          ['@it', 'they/them'],
          [
            'do/does/did not really/just/even? get/understand/grasp/see/know what/how/why',
            'have/has no clue/idea what/how/why',
            'never understand*',
            'clueless about',
            'fail*/failed to understand',
          ],
          ['we/us/our/the? business/customers/domain/process/processes/need/needs/month-end/world/users/job/work'],
        ],
        within: 14,
        ordered: true,
        confidence: 0.8,
      },
      {
        all: [['they/IT just? do/does/did not get it', 'they/IT just? do/does/did not get what']],
        confidence: 0.7,
      },
      {
        all: [
          ['we/devs/developers/engineers'],
          ['do/does/did not really? understand/get/know how/what/why', 'have no idea/clue how/what/why'],
          ['@business', 'they/them/their'],
          ['work/works/need/needs/want/wants/do/does/operate/operates/use'],
        ],
        within: 14,
        ordered: true,
        confidence: 0.7,
      },
    ],
    treatments: ['behind-the-curtain', 'find-root-causes', 'admit-the-problem'],
  },
  {
    id: 'need-it-now',
    stage: 'early',
    side: 'business',
    title: 'Urgency with no time to define the work',
    explanation: 'The business wants the result immediately but will not spend time shaping it, so urgency replaces shared planning.',
    phrases: ['I do not have time for this', 'I need this functionality now'],
    concepts: [
      { all: [['need*/want*/wanted/expect*/demand*'], ['it/this/that/them/everything/these'], ['yesterday']], within: 4, ordered: true, confidence: 0.85 },
      {
        all: [['@business'], ['need*/want*/demand*/expect*/insist*/ask*'], ['it/this/that/everything/feature/features/fix/change/changes/report'], ['asap/yesterday/immediately', 'right now/away', 'this week', 'by tomorrow']],
        within: 14,
        ordered: true,
        confidence: 0.8,
      },
      {
        all: [['i/we/they/@business'], ['do/does/did not have time/any time for', 'no time for', 'too busy for'], ['workshop*/session*/meeting*/this/questions/refinement/requirements/walkthrough*/interview*']],
        within: 8,
        ordered: true,
        confidence: 0.65,
      },
      { all: [['@business'], ['everything is/was urgent', 'everything is/was top? priority', 'marked/marks/marking everything/all urgent/p1/critical']], within: 10, confidence: 0.7 },
    ],
    treatments: ['behind-the-curtain', 'find-root-causes', 'admit-the-problem'],
  },
  {
    id: 'it-not-responsive',
    stage: 'early',
    side: 'business',
    title: 'IT seen as slow to respond',
    explanation: 'Requests to IT wait a long time, and the business reads the delay as indifference.',
    phrases: ['IT is/was/are/were not responsive enough?'],
    concepts: [
      {
        all: [
          ['@it'],
          [
            'slow to respond/react/reply/answer/deliver/get back/pick up',
            'take/takes/took/taking forever/ages',
            'take/takes/took/taking weeks/months',
            'take/takes/took/taking a month/week/year',
            'never respond*/reply/replies/answer/answers/get/gets back',
            'unresponsive',
            'sat/sits/sitting in their? queue/backlog for? weeks/months',
          ],
        ],
        within: 12,
        confidence: 0.8,
      },
      {
        all: [['ask/asks/asked/request/requests/requested/raise/raised/ticket/tickets'], ['@it', 'them'], ['take/takes/took forever/ages/weeks/months', 'take/takes/took a month/week', 'wait/waits/waited/waiting weeks/months/forever/ages']],
        within: 14,
        ordered: true,
        confidence: 0.75,
      },
      { all: [['wait/waits/waited/waiting weeks/months/forever/ages on/for'], ['@it']], within: 6, ordered: true, confidence: 0.8 },
    ],
    treatments: ['behind-the-curtain', 'keep-the-trains-running', 'find-root-causes'],
  },
  {
    id: 'users-keep-changing-minds',
    stage: 'early',
    side: 'it',
    title: 'The business keeps changing its mind',
    explanation: 'IT sees requirements and priorities shift after work has started, and blames the business for the churn.',
    phrases: ['the? business? users kept changing their minds'],
    concepts: [
      {
        all: [
          ['kept/keep/keeps/keeping changing/switching/flipping their/his/her/its mind/minds/priorities/direction/requirements', 'changed/change/changes/changing their/his/her/its minds/mind again?', 'flip-flop*', 'flip-flopped', 'moving/moved/move/shifting/shifted the? goalposts', 'goalposts moved/kept/shifted/keep', 'u-turn/u-turns'],
        ],
        confidence: 0.8,
      },
      {
        all: [
          ['@business', 'they/he/she'],
          [
            'changed/change/changes/changing/switched/swapped/shuffled/reshuffled/flipped/reversed the? priorities/priority/direction/scope/spec/specs/requirements/design',
            'reprioritised/reprioritized/reprioritises/reprioritizes',
            'changed/changes/change their/his/her/its mind',
            'new requirements/priorities every week/day/sprint/standup',
          ],
          ['again/mid-sprint/every/twice/three/times/constantly/weekly/daily/repeatedly/monday/wednesday/friday/halfway/after/late/midway/kept'],
        ],
        within: 18,
        confidence: 0.8,
      },
      { all: [['requirements/scope/priorities/specs'], ['kept/keep/keeps changing/shifting/moving/flipping', 'changed/shifted every day/week/sprint/standup', 'were a moving target', 'constantly changed/changing/shifting']], within: 6, ordered: true, confidence: 0.75 },
    ],
    treatments: ['find-root-causes', 'behind-the-curtain', 'admit-the-problem'],
  },
  {
    id: 'requirements-surface-late',
    stage: 'early',
    side: 'it',
    title: 'Requirements surface only at acceptance testing',
    explanation: 'Needs that should have been agreed before building appear only when users finally test, which forces rework and blame.',
    phrases: ['lots of requirements did not come out until UAT'],
    concepts: [
      {
        all: [
          ['@requirement'],
          [
            'did/do/does not come/came out/up until',
            'only came/come/comes out/up',
            'surfac*/emerg*',
            'appeared/appear/appears/appearing',
            'show/shows/showed/showing/turned/turn/turns/turning/popped/pop/pops/popping up',
            'came/come/comes to light',
            'came/come/comes up',
            'were/was discovered/found/uncovered/raised/added/mentioned/introduced',
            'discovered/found/uncovered',
            'arrived/arriving/landed/landing',
            'late/last-minute',
            'found out about',
          ],
          ['@acceptance-testing'],
        ],
        within: 20,
        confidence: 0.85,
      },
      {
        all: [['only/first/not until'], ['mentioned/raised/asked for/requested/brought up/flagged/noticed/surfaced/came up/told us/discovered/found'], ['@acceptance-testing']],
        within: 10,
        ordered: true,
        confidence: 0.75,
      },
      { all: [['new/missing/surprise/forgotten/hidden'], ['@requirement'], ['in/during/at @acceptance-testing']], within: 8, ordered: true, confidence: 0.8 },
    ],
    treatments: ['find-root-causes', 'behind-the-curtain', 'best-practices-after-basics'],
  },
  {
    id: 'users-wont-invest-in-requirements',
    stage: 'early',
    side: 'it',
    title: "The business won't invest time in requirements",
    explanation: 'IT feels the business expects results without the time needed to define them, and calls its expectations unrealistic.',
    phrases: ['the? users are unrealistic', 'not willing to invest the time'],
    concepts: [
      {
        all: [
          ['@business'],
          [
            'do/does/did/will/would not make/find/give/spend/invest/put in/have time',
            'never make/makes/made/find/finds/found time',
            'too busy',
            'no time',
            'skipped/skip/skips/cancelled/canceled/cancel/cancels/bailed/declined/postponed/missed/rescheduled/ghosted',
            'no-show/no-showed',
            'did/do/does not show/turn up',
            'did/do/does not attend/engage/respond',
            'will/would not commit',
            'sent nobody',
          ],
          ['@requirement', 'refinement/workshop/workshops/grooming/discovery/walkthrough/walkthroughs/interview/interviews/session/sessions/planning/demo/demos/review/reviews/questions/answers'],
        ],
        within: 14,
        confidence: 0.75,
      },
      {
        all: [['@business'], ['unrealistic/impossible/crazy/insane/absurd'], ['deadline/deadlines/expectations/timeline/timelines/demands/dates/estimates/asks']],
        within: 10,
        confidence: 0.75,
      },
      {
        all: [['workshop/workshops/session/sessions/refinement/walkthrough/interviews'], ['cancelled/canceled/skipped/postponed/rescheduled'], ['by/because @business']],
        within: 10,
        ordered: true,
        confidence: 0.75,
      },
    ],
    treatments: ['behind-the-curtain', 'find-root-causes', 'best-practices-after-basics'],
  },

  // ── middle: the flu ──────────────────────────────────────────────────
  {
    id: 'flagship-project-failed',
    stage: 'middle',
    side: 'business',
    title: 'A visible project miss',
    explanation: 'A high-profile delivery came late, cost far more than estimated, or lacks much of what was needed, and the business remembers it.',
    phrases: ['not only was the new system late', 'cost twice as much as they said it would', 'does not do half the things we need'],
    concepts: [
      {
        all: [['late/delayed/slipped/overdue', 'months behind', 'missed the date/deadline'], ['over budget', 'overran/overrun', 'cost/costs twice/double/triple', 'twice/double the estimate/budget/cost/quote', 'blew/blown the budget']],
        within: 16,
        confidence: 0.85,
      },
      {
        all: [['cost/costs/costing/spent/spend/price/budget'], ['twice/double/triple/2x/3x', 'two/three times', 'twice as much', 'ballooned/overran/exploded']],
        within: 8,
        ordered: true,
        confidence: 0.7,
      },
      {
        all: [['do/does/did/can/could/will not do/handle/cover/support', 'cannot do/handle/cover/support', 'only does/do/did/handles/covers/supports', 'missing/lacks/lacking'], ['half/most/much'], ['what/of/the things/features/functionality/requirements'], ['need/needs/needed/asked/wanted/require/requires/required']],
        within: 12,
        ordered: true,
        confidence: 0.8,
      },
    ],
    unless: ['half a day', 'half day', 'half an hour'],
    treatments: ['admit-the-problem', 'find-root-causes', 'keep-the-trains-running'],
  },
  {
    id: 'process-imposed-on-business',
    stage: 'middle',
    side: 'it',
    title: 'IT answers with more process',
    explanation: 'After a miss, IT enforces methodology or inserts an analyst layer between itself and the business, which treats the symptom, not the cause.',
    phrases: ['to bridge the gap between the business and IT', 'IT starts enforcing methodology'],
    concepts: [
      {
        all: [
          ['new/mandatory/extra/additional/added/adding/introduced/introduce/introducing/enforced/enforce/enforcing/imposed/impose/imposing/required/requires/require/instituted/installed', 'rolled/rolling/roll out'],
          ['change request/requests/board/form/forms', 'change advisory board', 'cab', 'approval process/board/step/steps/gate/gates/workflow', 'sign-off process/step/steps', 'governance/methodology/paperwork/intake', 'intake form/forms/process', 'stage gate/gates', 'request form/forms', 'approval/ticketing/intake/request process/processes'],
          ['@business', 'every request/change/ask', 'all requests/changes/asks', 'business requests'],
        ],
        within: 16,
        confidence: 0.75,
      },
      {
        all: [['added/adding/hired/hiring/brought/bring/introduced/introducing/put/inserted/new/extra/layer'], ['@analyst'], ['between/bridge/bridging/liaise/translate/sit/sits/interface/buffer/gatekeep*']],
        within: 12,
        ordered: true,
        confidence: 0.8,
      },
      { all: [['bridge/close/closing/bridging the gap'], ['@analyst', '@business', '@it']], within: 10, confidence: 0.7 },
    ],
    treatments: ['find-root-causes', 'behind-the-curtain', 'admit-the-problem'],
  },
  {
    id: 'red-tape',
    stage: 'middle',
    side: 'business',
    title: 'Process felt as red tape',
    explanation: "The business experiences IT's process as bureaucracy that stops anything from getting done.",
    phrases: ['wound up in red tape', 'you can not get anything done'],
    concepts: [
      { all: [['red tape', 'red-tape', 'bureaucracy/bureaucratic', 'through hoops', 'through endless/so many/all the hoops']], confidence: 0.75 },
      {
        all: [
          ['forms/paperwork/approvals/approval/sign-offs/signoffs/tickets/process/processes/committee/committees/governance/gatekeeping'],
          ['can/could not get anything/something/stuff/things done', 'cannot get anything/stuff done', 'impossible to get anything/stuff/things done', 'nothing gets done', 'takes/took forever/ages to get anything', 'drowning/buried/smothered'],
        ],
        within: 14,
        confidence: 0.8,
      },
      { all: [['three/four/five/six/seven/several/multiple/endless/so many'], ['approvals/sign-offs/signoffs/forms/signatures'], ['just/only/to/for/before']], within: 8, ordered: true, confidence: 0.7 },
    ],
    unless: ['rack', 'cable', 'cables', 'tape measure', 'duct', 'masking', 'roll of', 'floor', 'label', 'labels', 'ribbon', 'wrapped', 'crime scene', 'scissors'],
    treatments: ['behind-the-curtain', 'find-root-causes', 'think-competitively'],
  },
  {
    id: 'analysts-just-as-bad',
    stage: 'middle',
    side: 'both',
    title: 'The analyst layer is no help',
    explanation: 'The analysts meant to bridge the two sides are seen as part of the problem by one side or both.',
    phrases: ['just as bad as IT', 'just as bad as the users/business'],
    concepts: [
      {
        all: [
          ['@analyst'],
          ['just/every bit as bad/slow/useless/clueless/bureaucratic as', 'no better than', 'as slow as', 'as useless as', 'worse than', 'another layer/hoop/bottleneck/gatekeeper', 'just slow/slows/slowed things/everything down', 'bottleneck', 'add/added/adds nothing/no value', 'lost in translation', 'just pass/passes/passed messages/things along'],
        ],
        within: 12,
        confidence: 0.8,
      },
    ],
    treatments: ['find-root-causes', 'behind-the-curtain', 'admit-the-problem'],
  },
  {
    id: 'analysts-acting-as-project-managers',
    stage: 'middle',
    side: 'business',
    title: 'Analysts pushing like project managers',
    explanation: 'Under pressure to show results, analysts force projects along and the business resents being managed by them.',
    phrases: ['are they analysts or project managers'],
    concepts: [
      {
        all: [
          ['@analyst'],
          [
            'project manager/managers/management',
            'pm/pms',
            'push/pushing/pushed/pushes us/deadlines/dates/the project',
            'chase/chasing/chased/chases us/people/for',
            'nag/nagging/nagged/hound/hounding/hounded',
            'act/acting/acted/acts like/as managers/bosses/taskmasters/police',
            'micromanag*',
            'force/forcing/forced/forces the project/deadlines/us',
            'or a? project manager',
          ],
        ],
        within: 12,
        confidence: 0.75,
      },
    ],
    treatments: ['find-root-causes', 'behind-the-curtain', 'admit-the-problem'],
  },
  {
    id: 'they-dont-know-what-theyre-doing',
    stage: 'middle',
    side: 'both',
    title: "Blame: they don't know what they're doing",
    explanation: "Each side explains its problems by the other side's incompetence, rather than looking at how they work together.",
    phrases: ['we would not have these problems if they knew what they were doing'],
    concepts: [
      {
        all: [
          [
            'do/does/did not know what they/it are/were/is/was doing',
            'no/any idea/clue what they/it are/were/is/was doing',
            'if .. knew/know/understood what they/it are/were/was/is doing',
            'would not have these/any/half these/our? problems if',
            'amateur hour',
          ],
        ],
        confidence: 0.8,
      },
      {
        all: [['all/entirely/totally/completely/always'], ['their/its/@it/@business fault', 'on them/their side', 'their/its problem']],
        within: 6,
        ordered: true,
        confidence: 0.7,
      },
    ],
    treatments: ['admit-the-problem', 'find-root-causes', 'behind-the-curtain'],
  },
  {
    id: 'other-side-needs-documented-processes',
    stage: 'middle',
    side: 'both',
    title: 'Demanding the other side document itself',
    explanation: "One side insists the other must first document how it works; it is a way of making the other side responsible for the gap.",
    phrases: ['what we need is well-documented business processes'],
    concepts: [
      {
        all: [
          ['need/needs/needed/want/lack/lacks/lacking/missing/without/undocumented/if only', 'no/not/never'],
          ['well-documented/documented/defined/written/mapped/clear/consistent'],
          ['business process/processes/workflow/workflows/rules', 'their process/processes/workflow/workflows/procedures', '@business process/processes/workflow/workflows'],
        ],
        within: 10,
        ordered: true,
        confidence: 0.8,
      },
      {
        all: [['nobody/no one/none of them'], ['can/could explain/tell us/describe/write down/knows/knew'], ['how the? process/processes/workflow/business works/work/runs', 'what the? process/workflow is']],
        within: 10,
        ordered: true,
        confidence: 0.75,
      },
    ],
    treatments: ['find-root-causes', 'behind-the-curtain', 'best-practices-after-basics'],
  },
  {
    id: 'get-your-own-house-in-order',
    stage: 'middle',
    side: 'both',
    title: 'Each side trying to manage the other',
    explanation: 'Each side tells the other to fix itself first; both are trying to manage the other instead of working together.',
    phrases: ['get its/their/your own house in order', 'before it starts trying to fix ours'],
    concepts: [
      {
        all: [
          ['house in order', 'own house', 'clean up their/its/your own mess/act/backyard', 'get their/its/your act together', 'sort out their/its/your own', 'sort their/its/your own', 'before they/it/you start/starts telling/fixing'],
        ],
        confidence: 0.75,
      },
      { all: [['tell/tells/telling/told/dictate/dictating/lecture/lecturing'], ['us/IT/the business'], ['how to do/run our? job/jobs/work/department/team/IT/business']], within: 8, ordered: true, confidence: 0.7 },
    ],
    treatments: ['admit-the-problem', 'find-root-causes', 'behind-the-curtain'],
  },
  {
    id: 'well-do-it-ourselves',
    stage: 'middle',
    side: 'business',
    title: 'The business builds without IT',
    explanation: 'Tired of waiting, the business starts making its own solutions without IT: the first step toward shadow IT.',
    phrases: ['given up waiting for IT', 'we will do it ourselves'],
    concepts: [
      {
        all: [
          ['gave/given/give/giving up waiting/on', 'stopped/stop waiting', 'tired/sick of waiting', 'instead of/rather than waiting', 'without waiting', 'went/go/goes/going/gone/working/worked around', 'bypass/bypassed/bypassing/circumvent*', 'without'],
          ['@it', 'us'],
        ],
        within: 8,
        ordered: true,
        confidence: 0.8,
      },
      {
        all: [
          ['built/build/building/builds/spun/spin/set/created/create/made/make/wrote/write/hacked/cobbled/rolled/bought/buying/bought'],
          ['ourselves/themselves/itself', 'their/its/our own', 'on their/our own', 'in-house'],
          ['because/since/after/instead/tired/sick/waiting/wait/months/weeks', '@it'],
        ],
        within: 18,
        confidence: 0.75,
      },
    ],
    treatments: ['think-competitively', 'behind-the-curtain', 'find-root-causes'],
  },

  // ── advanced: pneumonia ──────────────────────────────────────────────
  {
    id: 'layers-between-user-and-developer',
    stage: 'advanced',
    side: 'both',
    title: 'Layers between users and developers',
    explanation: 'Requests pass through several intermediaries before reaching the people who build, and meaning is lost on the way.',
    phrases: ['game of telephone', 'six or seven layers between the user and developer'],
    concepts: [
      {
        all: [
          ['help standardize/standardise business processes', 'develop real business requirements', 'manage client relationships/solutions'],
          ['layer/layers/layer of analysts', '@analyst', 'roles'],
        ],
        within: 50,
        confidence: 0.85,
        highlight: 'first',
      },
      {
        all: [
          ['layers/levels/hops/handoffs/hand-offs/middlemen/intermediaries/go-betweens/proxies', 'two/three/four/five/six/seven/several/2/3/4/5/6/7 people/analysts/teams/steps/hands/roles'],
          ['between'],
          ['@business', 'user/users/customer/customers/client/clients/requesters'],
          ['@it', 'developer/developers/devs/engineers/builders/us/team'],
        ],
        within: 14,
        ordered: true,
        confidence: 0.8,
      },
      { all: [['telephone game', 'broken telephone', 'chinese whispers', 'game of whispers']], confidence: 0.8 },
      {
        all: [['passed/pass/passes/went/goes/go/relayed/filtered/travelled/traveled/traveling/travels through/via'], ['three/four/five/six/seven/several/multiple/many/so many/two/2/3/4/5 people/analysts/layers/hands/teams/handoffs/intermediaries']],
        within: 6,
        ordered: true,
        confidence: 0.8,
      },
    ],
    treatments: ['behind-the-curtain', 'find-root-causes', 'best-practices-after-basics'],
  },
  {
    id: 'shadow-it',
    stage: 'advanced',
    side: 'business',
    title: 'Shadow IT inside the business',
    explanation: 'Business units run their own systems and technical teams outside IT, competing with it.',
    phrases: ['shadow IT systems/teams/team?'],
    concepts: [
      { all: [['shadow it/tech/team/teams/system/systems/dev/developers/engineering/apps/tooling']], confidence: 0.8 },
      {
        all: [
          ['@business'],
          ['hired/hires/hiring/has/have/had/built/build/set up/spun up/started/created/formed/runs/running/staffed/got'],
          ['its/their own', 'in-house', 'a private'],
          ['developers/devs/engineers/programmers/contractors/platform/automation/analytics/data/dev/tech/it/IT/engineering team/teams/developers?', 'developers/devs/engineers/programmers/contractors/systems/apps/database/databases'],
        ],
        within: 12,
        ordered: true,
        confidence: 0.8,
      },
    ],
    unless: ['shadow dom', 'shadowing', 'shadowed', 'drop shadow', 'box-shadow', 'shadow copy', 'shadow mode', 'shadow traffic'],
    treatments: ['think-competitively', 'behind-the-curtain', 'keep-the-trains-running', 'outside-facilitator'],
  },
  {
    id: 'wont-support-what-we-didnt-build',
    stage: 'advanced',
    side: 'it',
    title: "IT refuses what it didn't build",
    explanation: 'IT draws a hard line around its own systems and leaves everything the business built to fend for itself.',
    phrases: ['no longer supporting any systems we did not create'],
    concepts: [
      {
        all: [
          ['not/never support/supporting/supports/touch/touching/maintain/maintaining/run/own/fix/deploy/operate/host', 'no longer support/supporting/touch/maintain/run/host', 'refuse/refuses/refused/refusing to support/touch/maintain/run/own/host/take', 'stop/stopped/stops supporting/maintaining/hosting', 'done supporting/maintaining', 'washed our/their hands of'],
          ['did/do/does not build/built/create/created/write/wrote/make/made/develop/own', 'not ours/theirs', 'someone else built/wrote/made', 'built/written/made by someone else/others/them/@business', 'outside IT', 'not on our/their stack/list/catalog'],
        ],
        within: 14,
        ordered: true,
        confidence: 0.85,
      },
    ],
    treatments: ['keep-the-trains-running', 'think-competitively', 'behind-the-curtain'],
  },
  {
    id: 'it-manager-not-cutting-it',
    stage: 'advanced',
    side: 'business',
    title: "IT's manager judged not good enough",
    explanation: "The business has lost faith in the person leading IT and says so openly.",
    phrases: ['this IT manager just? is not cutting it'],
    concepts: [
      {
        all: [
          ['IT manager/lead/head/director/boss/leadership/management', 'head of IT', 'CIO/CTO', 'their manager/lead/boss'],
          ['not cutting it', 'not up to the job/task/it', 'out of his/her/their depth', 'not good enough', 'in over his/her/their head', 'is/was clueless/incompetent/useless/hopeless', 'has/needs to go', 'should go', 'is/was failing us'],
        ],
        within: 10,
        ordered: true,
        confidence: 0.8,
      },
    ],
    treatments: ['admit-the-problem', 'find-root-causes', 'outside-facilitator'],
  },
  {
    id: 'our-people-are-better',
    stage: 'advanced',
    side: 'business',
    title: 'The business says its own people are better',
    explanation: "A business unit's own technical people are held up as better than IT: the competition has become open.",
    phrases: ['my guys are way better'],
    concepts: [
      {
        all: [
          ['my/our own? guys/team/people/folks/devs/developers/engineers/analysts/staff'],
          ['better/faster/quicker/cheaper/smarter/more competent than IT/them/they/IT/@it', 'run/runs/ran circles around IT/them/@it', 'outperform/outperforms/outperformed/outdeliver* IT/them/@it'],
        ],
        within: 10,
        ordered: true,
        confidence: 0.8,
      },
    ],
    treatments: ['think-competitively', 'behind-the-curtain', 'outside-facilitator'],
  },
  {
    id: 'fire-it-take-their-budget',
    stage: 'advanced',
    side: 'business',
    title: 'Calls to defund IT',
    explanation: "A business unit wants IT's money or headcount moved to its own team.",
    phrases: ['fire the IT team and give their budget to my team', 'give their budget to my team'],
    concepts: [
      {
        all: [['give/move/moving/transfer/shift/take/hand/redirect/reallocate/divert'], ['their/its/IT/@it budget/headcount/funding/money'], ['to us/our/my/me/finance/marketing/sales/@business']],
        within: 10,
        ordered: true,
        confidence: 0.8,
      },
      { all: [['fire/sack/axe/disband/defund/scrap/dissolve', 'get rid of', 'shut down'], ['the? @it']], within: 4, ordered: true, confidence: 0.75 },
    ],
    treatments: ['think-competitively', 'outside-facilitator', 'admit-the-problem'],
  },

  // ── end: death and reincarnation ─────────────────────────────────────
  {
    id: 'just-say-no',
    stage: 'end',
    side: 'it',
    title: 'IT starts refusing work',
    explanation: 'IT leadership tries to regain control by refusing the business, even funded work.',
    phrases: ['we have to just start saying no', 'even if they have the money'],
    concepts: [
      {
        all: [
          ['say/saying/said/says no', 'turn/turns/turned/turning down', 'reject/rejects/rejected/rejecting/refuse/refused/refusing/decline/declined/declining', 'stop/stopped accepting/taking', 'not accept/take on'],
          ['request/requests/work/projects/project/demands/asks/everything/anything/them/it'],
          ['even if/when/though', 'regardless', 'no matter'],
          ['money/budget/funding/fund/funds/pay/pays/paid/paying'],
        ],
        within: 22,
        ordered: true,
        confidence: 0.85,
      },
      {
        all: [['say/saying/said no to/reject/rejects/rejected/rejecting/refuse/refusing/decline/declining/turn down/turning down', 'freeze on'], ['all/every/any'], ['new? @business? requests/request/asks/work/projects', '@business']],
        within: 8,
        ordered: true,
        confidence: 0.75,
      },
    ],
    treatments: ['outside-facilitator', 'admit-the-problem', 'keep-the-trains-running', 'think-competitively'],
  },
  {
    id: 'going-to-outside-vendor',
    stage: 'end',
    side: 'business',
    title: 'The business goes to outside providers',
    explanation: 'The business stops using IT and takes its work to consultants it trusts more.',
    phrases: ['I am not using IT anymore', 'going to AAA Consulting'],
    concepts: [
      {
        all: [
          ['hire/hires/hired/hiring/engage/engaged/engaging/sign/signed/signing/contract/contracted/going to/go to/went to/switch/switched/switching/turn/turned/turning/bring/bringing/brought/moving/moved/using/use/pay/paying'],
          ['@outside', 'aaa consulting'],
          ['instead of/rather than', 'instead', 'not IT', 'around IT', 'bypass/bypassing', 'without IT', 'know what they are doing', 'better than IT/us/@it', 'than IT/us'],
        ],
        within: 18,
        confidence: 0.8,
      },
      {
        all: [['not using/use', 'stop/stopped/stops using', 'done with', 'give/gave/given up on'], ['@it'], ['anymore/any more', 'going to', 'instead', '@outside']],
        within: 12,
        ordered: true,
        confidence: 0.85,
      },
    ],
    treatments: ['think-competitively', 'outside-facilitator', 'keep-the-trains-running'],
  },
  {
    id: 'avoiding-the-client',
    stage: 'end',
    side: 'it',
    title: 'IT avoids its own clients',
    explanation: 'People in IT stop answering the business at all; contact itself has become something to avoid.',
    phrases: ['stopped answering the phone when I know it is my business client'],
    concepts: [
      { all: [['let/lets/letting/send/sends/sending/sent/go/goes/going/went/straight/calls/call'], ['to voicemail/voice-mail', 'to voice mail']], within: 8, ordered: true, confidence: 0.85 },
      {
        all: [
          ['i/we/devs/developers/ops/IT/people/folks/team/engineers/half'],
          ['stopped/stop answering/returning/picking up/replying/responding', 'not answer/answering/return/returning/pick up/picking up', 'avoid/avoiding answering/picking up', 'screen/screening/screened'],
          ['phone/phones/call/calls/emails/e-mails/messages/slack/pings/dms/their'],
        ],
        within: 10,
        ordered: true,
        confidence: 0.8,
      },
      {
        all: [['avoid/avoiding/avoided/dodge/dodging/dodged/duck/ducking/hide/hiding from', 'stay/staying/stayed away from', 'steer/steering clear of'], ['@business', 'their/the? client/clients/stakeholder/stakeholders/requester/requesters', 'their calls/emails/messages/meetings']],
        within: 5,
        ordered: true,
        confidence: 0.75,
      },
      { all: [['ignore/ignores/ignored/ignoring/mute/muted/muting'], ['@business', 'their/client/clients'], ['call/calls/emails/e-mails/messages/pings/requests/tickets/slack/channel']], within: 6, ordered: true, confidence: 0.75 },
    ],
    unless: ['battery', 'spam', 'notifications'],
    treatments: ['outside-facilitator', 'admit-the-problem', 'behind-the-curtain'],
  },
  {
    id: 'new-it-leadership',
    stage: 'end',
    side: 'business',
    title: 'Calls for new IT leadership',
    explanation: 'Senior people conclude that IT needs different leaders: the relationship is being settled by replacing people.',
    phrases: ['time for some new leadership in IT'],
    concepts: [
      {
        all: [['replace/replaced/replacing/fire/fired/firing/oust/ousted/sack/sacked/remove/removing/get rid of/change/changing'], ['the? CIO/CTO', 'head of IT', 'IT director/leadership/head/manager/management/leaders/boss']],
        within: 6,
        ordered: true,
        confidence: 0.8,
      },
      {
        all: [['time for', 'need/needs/needed/want/wants/wanted/should/calls for/calling for/talk of/talking about/asking for/pushing for/demand/demanding'], ['new/different/fresh/better'], ['IT leadership/leaders/director/head/boss/management', 'leadership/leaders in/of/for IT', 'CIO/CTO', 'head of IT']],
        within: 10,
        ordered: true,
        confidence: 0.8,
      },
      { all: [['the? CIO/CTO', 'head of IT', 'IT director/head/boss'], ['has/needs to go', 'should/must go', 'should/must/will be replaced/fired', 'should/must step down', 'on thin ice']], within: 6, ordered: true, confidence: 0.8 },
    ],
    treatments: ['outside-facilitator', 'admit-the-problem', 'best-practices-after-basics'],
  },
  {
    id: 'outsource-it',
    stage: 'end',
    side: 'business',
    title: 'Talk of outsourcing IT',
    explanation: 'Leadership considers handing IT to an outside provider altogether: the relationship is close to its end.',
    phrases: ['maybe we should outsource the IT department'],
    concepts: [
      {
        all: [['outsource/outsourced/outsourcing/outsources/offshore/offshoring/offshored', 'contract/farm out', 'hand/handing/handed over', 'managed service/services provider/firm', 'managed-services'], ['the? whole? @it', 'all of IT', 'our jobs', 'IT department', 'development/engineering', 'the dev team']],
        within: 5,
        ordered: true,
        confidence: 0.8,
      },
    ],
    treatments: ['think-competitively', 'keep-the-trains-running', 'outside-facilitator', 'admit-the-problem'],
  },
];

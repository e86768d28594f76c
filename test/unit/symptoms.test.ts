import { strict as assert } from 'node:assert';
import { analyzeRetro, builtInCatalog } from '../../src/core';

/**
 * Each symptom in its textbook phrasing and in paraphrases a real person might write.
 * These sentences are written for this test (not copied from the evaluation set), so a
 * change to the catalog that loses a family of phrasings fails here.
 */
const CASES: Record<string, { textbook: string; paraphrases: string[] }> = {
  'it-doesnt-get-it': {
    textbook: 'IT just doesn’t get it.',
    paraphrases: ["Sales keeps saying the dev team doesn't understand how our customers buy.", 'Honestly, you guys still don’t get what the warehouse needs.'],
  },
  'need-it-now': {
    textbook: 'I don’t have time for this — I need this functionality now.',
    paraphrases: ['The sponsor wanted it yesterday, as usual.', 'Marketing needs the new banner live by Friday, skip the review.'],
  },
  'it-not-responsive': {
    textbook: 'IT is not responsive enough.',
    paraphrases: ['Finance waited weeks on IT for a one-line report fix.', 'Their tickets sat in our queue for two months before anyone looked.'],
  },
  'users-keep-changing-minds': {
    textbook: 'The business users kept changing their minds.',
    paraphrases: ['The product owner changed the pricing rules again mid-sprint.', 'Stakeholders kept moving the goalposts on the export format.'],
  },
  'requirements-surface-late': {
    textbook: 'Lots of requirements didn’t come out until UAT.',
    paraphrases: ['Half the acceptance criteria only surfaced during user testing.', 'Three business rules were discovered in UAT, two days before go-live.'],
  },
  'users-wont-invest-in-requirements': {
    textbook: 'The users are unrealistic and aren’t willing to invest the time.',
    paraphrases: ['The stakeholders skipped both refinement sessions.', 'Nobody from claims could spare an hour for the requirements workshop.'],
  },
  'flagship-project-failed': {
    textbook: 'Not only was the new system late, it cost twice as much as they said it would and it doesn’t do half the things we need it to.',
    paraphrases: ['The CRM rollout landed four months late and well over budget.', 'The new portal can’t handle half of what the call centre needs.'],
  },
  'process-imposed-on-business': {
    textbook: 'IT added business analysts to bridge the gap between the business and IT.',
    paraphrases: ['We introduced a mandatory change request form for every business request.', 'Every request from sales now has to go through our intake board first.'],
  },
  'red-tape': {
    textbook: 'IT is so wound up in red tape these days, you can’t get anything done.',
    paraphrases: ['Finance says it takes three weeks of forms and approvals to change a label.', 'So much bureaucracy that the store managers gave up asking.'],
  },
  'analysts-just-as-bad': {
    textbook: 'The analysts are just as bad as IT.',
    paraphrases: ['The BAs are no better than the developers at listening.', 'Our new analyst layer is just another bottleneck.'],
  },
  'analysts-acting-as-project-managers': {
    textbook: 'Are they analysts or project managers?',
    paraphrases: ['The business analysts keep chasing us for status updates like taskmasters.', 'The BAs spend their days pushing deadlines instead of writing requirements.'],
  },
  'they-dont-know-what-theyre-doing': {
    textbook: 'We wouldn’t have these problems if they knew what they were doing over there.',
    paraphrases: ["Honestly, the platform team doesn't know what they're doing.", 'Ops has no idea what it is doing, according to marketing.'],
  },
  'other-side-needs-documented-processes': {
    textbook: 'What we need is well-documented business processes.',
    paraphrases: ['We can’t automate anything until procurement writes down how approvals actually work.', 'Nobody can explain how the claims process works end to end.'],
  },
  'get-your-own-house-in-order': {
    textbook: 'The business needs to get its own house in order before it starts trying to fix ours.',
    paraphrases: ['Finance should sort out their own mess before lecturing us.', 'They should fix their own approval chaos before telling us how to deploy.'],
  },
  'well-do-it-ourselves': {
    textbook: 'We’ve given up waiting for IT; we’ll do it ourselves.',
    paraphrases: ['Marketing went around IT and built their own booking tool.', 'HR stopped waiting for us and is building its own onboarding tracker.'],
  },
  'layers-between-user-and-developer': {
    textbook: 'Requirements gathering has become a game of telephone.',
    paraphrases: ['There are four layers between the nurses and the developers now.', 'Each request passes through three analysts before a developer sees it.'],
  },
  'shadow-it': {
    textbook: 'Shadow IT systems and teams have grown within the business units.',
    paraphrases: ['Logistics has hired two developers of its own and runs a parallel system.', 'Marketing now has its own tech team and its own servers.'],
  },
  'wont-support-what-we-didnt-build': {
    textbook: 'We’re no longer supporting any systems we didn’t create.',
    paraphrases: ["Ops won't touch anything they didn't build.", 'We refuse to maintain the macros finance wrote themselves; they are not ours.'],
  },
  'it-manager-not-cutting-it': {
    textbook: 'This IT manager just isn’t cutting it.',
    paraphrases: ['The sales director said our dev manager is out of his depth.', 'Apparently the head of IT is not up to the job.'],
  },
  'our-people-are-better': {
    textbook: 'My guys are way better.',
    paraphrases: ['Our own analysts are much faster than IT, says the regional VP.', 'His team runs circles around IT on reporting.'],
  },
  'fire-it-take-their-budget': {
    textbook: 'We should fire the IT team and give their budget to my team.',
    paraphrases: ["The COO wants to move IT's budget to the operations analytics group.", 'Finance suggested we scrap the IT department entirely.'],
  },
  'just-say-no': {
    textbook: 'We have to just start saying no, even if they have the money.',
    paraphrases: ['Leadership told us to turn down new requests even when the business pays for them.', 'We will reject all new marketing requests until further notice.'],
  },
  'going-to-outside-vendor': {
    textbook: 'I’m not using IT anymore; I’m going to AAA Consulting — they know what they’re doing.',
    paraphrases: ['Sales hired a consultancy instead of waiting for us.', 'The warehouse signed an outside agency to build the scanner app.'],
  },
  'avoiding-the-client': {
    textbook: 'I’ve stopped answering the phone when I know it’s my business client.',
    paraphrases: ['I let their calls go to voicemail these days.', 'We have been avoiding the finance team and muting their channel.'],
  },
  'new-it-leadership': {
    textbook: 'I think it’s time for some new leadership in IT.',
    paraphrases: ['The board is talking about replacing the CIO.', 'The CEO said the head of IT has to go.'],
  },
  'outsource-it': {
    textbook: 'Maybe we should outsource the IT department.',
    paraphrases: ['The CFO floated outsourcing all of IT to cut costs.', 'Procurement is looking for a managed service provider to take over the service desk.'],
  },
};

function symptomsIn(text: string): string[] {
  return analyzeRetro(text).findings.map((finding) => finding.symptom);
}

describe('symptom catalog coverage', () => {
  it('has a case for every symptom in the catalog and no case for unknown ones', () => {
    assert.deepEqual(Object.keys(CASES).sort(), builtInCatalog().symptoms.map((symptom) => symptom.id).sort());
  });

  for (const [id, { textbook, paraphrases }] of Object.entries(CASES)) {
    describe(id, () => {
      it('finds the textbook phrasing', () => {
        assert.ok(symptomsIn(textbook).includes(id), `"${textbook}" → ${symptomsIn(textbook).join(', ') || 'nothing'}`);
      });
      for (const paraphrase of paraphrases) {
        it(`finds the paraphrase "${paraphrase}"`, () => {
          assert.ok(symptomsIn(paraphrase).includes(id), `→ ${symptomsIn(paraphrase).join(', ') || 'nothing'}`);
        });
      }
    });
  }
});

describe('robust matching of the article phrases', () => {
  const variants = [
    'IT JUST DOESN’T GET IT',
    "it just doesn't get it, says finance",
    'IT  just   doesnt get it',
    '"IT just doesn\u2019t get it"',
    'IT just does not get it.',
  ];
  for (const variant of variants) {
    it(`matches ${JSON.stringify(variant)}`, () => assert.ok(symptomsIn(variant).includes('it-doesnt-get-it'), symptomsIn(variant).join(',')));
  }

  it('matches a phrase wrapped over two lines of one paragraph', () => {
    const analysis = analyzeRetro('- Lots of requirements didn’t come\n  out until UAT, again.\n');
    const finding = analysis.findings.find((f) => f.symptom === 'requirements-surface-late');
    assert.ok(finding);
    assert.equal(finding.range.start.line, 0);
    assert.equal(finding.range.end.line, 1);
  });

  it('matches the same phrase with an em dash, en dash or hyphens', () => {
    for (const dash of ['—', '–', '--', ' - ']) {
      assert.ok(symptomsIn(`I don’t have time for this${dash}I need this functionality now`).includes('need-it-now'), dash);
    }
  });

  it('does not match across two list items', () => {
    assert.deepEqual(symptomsIn('- IT just\n- doesn’t get it\n'), []);
  });
});

describe('staying quiet', () => {
  const quiet: Record<string, string[]> = {
    negation: [
      'No requirements showed up late in UAT this time.',
      'The PO didn’t change her mind once this sprint.',
      'Nobody in the business has gone around us this quarter.',
      'We did not hear "IT just doesn’t get it" from anyone.',
    ],
    resolved: [
      'The business stopped changing priorities mid-sprint, finally.',
      'UAT surprises are gone since we started weekly demos.',
      'Finance used to tell us we didn’t understand their work.',
      'Red tape? Not this time: changes were approved within the hour.',
    ],
    'unrelated sense': [
      'Someone left red tape across the cold aisle door.',
      'My phone battery died, so I missed the calls from the NOC.',
      'We outsourced the logo design to a freelancer.',
      'Shadow copies of the file server were restored.',
      'The new shift lead starts Monday.',
      'Too many layers of cardboard and foam in the delivery.',
    ],
    hypothetical: ['If we skip refinement, requirements could surface late in UAT.', 'What if the business decides to build their own app?'],
    'article discussion': ['The article lists "IT just doesn’t get it" as an early sign of the sniffles.'],
    healthy: [
      'Requirements were clear well before UAT, thanks to the joint walkthrough.',
      'The business joined every demo and signed off the stories early.',
      'CI is slow on Mondays; we should cache the Docker layers.',
    ],
  };
  for (const [family, sentences] of Object.entries(quiet)) {
    for (const sentence of sentences) {
      it(`${family}: ${JSON.stringify(sentence)}`, () => assert.deepEqual(symptomsIn(sentence), []));
    }
  }

  it('ignores symptoms in fenced code, indented code, inline code and HTML comments', () => {
    const text = [
      '```',
      'IT just doesn’t get it',
      '```',
      '',
      '    Maybe we should outsource the IT department.',
      '',
      'See `we have given up waiting for IT` and <!-- IT just doesn’t get it --> here.',
      '',
    ].join('\n');
    assert.deepEqual(symptomsIn(text), []);
  });

  it('does not analyse the written-back health section', () => {
    const text = ['# Retro', '<!-- retro-health:begin -->', '- IT just doesn’t get it', '<!-- retro-health:end -->', ''].join('\n');
    assert.deepEqual(symptomsIn(text), []);
  });

  it('lowers confidence under a "What went well" heading', () => {
    const sentence = 'Stakeholders kept moving the goalposts.';
    const plain = analyzeRetro(`## Problems\n\n- ${sentence}\n`, { minConfidence: 0 }).findings[0];
    const positive = analyzeRetro(`## What went well\n\n- ${sentence}\n`, { minConfidence: 0 }).findings[0];
    assert.ok(plain && positive);
    assert.ok(positive.confidence < plain.confidence);
  });
});

describe('suppression comments', () => {
  const line = 'IT just doesn’t get it.';
  it('disable-next-line hides the named symptom on the next line only', () => {
    const text = `<!-- retro-health-disable-next-line it-doesnt-get-it -->\n${line}\n\n${line}\n`;
    const findings = analyzeRetro(text).findings;
    assert.deepEqual(findings.map((f) => f.range.start.line), [3]);
  });
  it('disable-next-line with another id hides nothing', () => {
    const text = `<!-- retro-health-disable-next-line red-tape -->\n${line}\n`;
    assert.equal(analyzeRetro(text).findings.length, 1);
  });
  it('disable with an id hides it in the whole file', () => {
    assert.equal(analyzeRetro(`<!-- retro-health-disable it-doesnt-get-it -->\n\n${line}\n`).findings.length, 0);
  });
  it('disabledSymptoms option hides a symptom', () => {
    assert.equal(analyzeRetro(line, { disabledSymptoms: ['it-doesnt-get-it'] }).findings.length, 0);
  });
});

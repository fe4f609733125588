/** Request bodies shared by the e2e specs. */
export const CAR_PIPELINE = {
  name: 'New cars',
  stages: [
    { stageId: 'prospect', name: 'Prospecting', kind: 'open', probability: 10 },
    { stageId: 'demo', name: 'Test drive', kind: 'open', probability: 40 },
    { stageId: 'negotiation', name: 'Negotiation', kind: 'open', probability: 70 },
    { stageId: 'won', name: 'Won', kind: 'won', probability: 100 },
    { stageId: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
  ],
};

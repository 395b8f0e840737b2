/** Reader-facing words for the kinds schema version 2 adds (ids never reach a brief). */
export const mechanismKindLabels: Record<string, string> = {
  'supreme-council': 'Supreme council',
  'intergovernmental-commission': 'Intergovernmental commission',
  'business-council': 'Business council',
  forum: 'Forum',
  council: 'Council',
  'working-group': 'Working group',
  consultations: 'Consultations',
  fund: 'Joint fund',
  other: 'Other',
};

export const treatyKindLabels: Record<string, string> = {
  treaty: 'treaty',
  agreement: 'agreement',
  memorandum: 'memorandum',
  declaration: 'declaration',
  statement: 'joint statement',
  roadmap: 'roadmap',
  'action-plan': 'action plan',
  protocol: 'protocol',
  programme: 'programme',
  other: 'document',
};

export const treatyLevelLabels: Record<string, string> = {
  interstate: 'interstate',
  intergovernmental: 'intergovernmental',
  interagency: 'interagency',
  interparliamentary: 'interparliamentary',
  interregional: 'interregional',
  other: '',
};

export const statusLevelLabels: Record<string, string> = {
  'diplomatic-relations': 'Diplomatic relations',
  friendship: 'Friendship',
  partnership: 'Partnership',
  'strategic-partnership': 'Strategic partnership',
  'comprehensive-strategic-partnership': 'Comprehensive strategic partnership',
  alliance: 'Alliance',
  other: 'Other',
};

export const indicatorKindLabels: Record<string, string> = {
  target: 'Target',
  growth: 'Growth',
  'investment-stock': 'Investment (stock)',
  'investment-flow': 'Investment (flow)',
  fund: 'Joint fund',
  count: 'Count',
  volume: 'Volume',
  other: 'Other',
};

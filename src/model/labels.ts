/** Human labels for the controlled vocabularies (English; templates may override). */
export const kindLabels: Record<string, string> = {
  meeting: 'Meeting',
  'phone-call': 'Phone call',
  'video-call': 'Video call',
  'official-visit': 'Official visit',
  'state-visit': 'State visit',
  'working-visit': 'Working visit',
  credentials: 'Credentials',
  'sidelines-meeting': 'Meeting on the sidelines',
  correspondence: 'Correspondence',
  other: 'Other contact',
};

export const topicLabels: Record<string, string> = {
  'bilateral-relations': 'bilateral relations',
  'political-dialogue': 'political dialogue',
  'trade-economy': 'trade and economy',
  investment: 'investment',
  humanitarian: 'humanitarian cooperation',
  culture: 'culture',
  'multilateral-cooperation': 'multilateral cooperation',
  'regional-security': 'regional security',
  'post-conflict': 'post-conflict situation',
  'public-health': 'public health',
  afghanistan: 'Afghanistan',
  energy: 'energy',
  transport: 'transport',
  education: 'education',
  anniversaries: 'anniversaries',
  invitations: 'invitations',
};

export const sourceKindLabels: Record<string, string> = {
  'news-report': 'News report',
  'ministry-statement': 'Ministry statement',
  'official-transcript': 'Official transcript',
  'press-release': 'Press release',
  statistics: 'Statistics',
  'treaty-text': 'Treaty text',
  other: 'Source',
};

// Words that say what a number in a self-report counts. A number becomes a metric only when a
// word of this lexicon names it (after it: "28 commits", or before it as a label: "Github
// stars: 1700+"); everything else (clusters, sessions, downloads, durations) is not community
// activity or size and is left out.
import type { MetricKind } from '../evidence/extract-types.js';

/**
 * What a head noun counts. `org`, `users`, `times` and `version` are resolved from context;
 * `excluded` stops a label search (usage and adoption figures); `duration` marks "3 months".
 */
export type HeadClass =
  | { kind: MetricKind; stock: boolean }
  | { kind: 'org' | 'users' | 'times' | 'version' | 'country' }
  | { kind: 'excluded' | 'duration' };

const table = new Map<string, HeadClass>();

function add(words: string[], head: HeadClass): void {
  for (const word of words) table.set(word, head);
}

add(['commit', 'commits'], { kind: 'commits', stock: false });
add(['pr', 'prs', 'mr', 'mrs', 'pull-request', 'pull-requests', 'merge-request', 'merge-requests'], { kind: 'prs', stock: false });
add(['contributor', 'contributors', 'committer', 'committers', 'developer', 'developers', 'author', 'authors'], { kind: 'contributors', stock: true });
add(['release', 'releases'], { kind: 'releases', stock: false });
add(['star', 'stars', 'stargazer', 'stargazers'], { kind: 'stars', stock: true });
add(['fork', 'forks'], { kind: 'forks', stock: true });
add(
  [
    'maintainer', 'maintainers', 'reviewer', 'reviewers', 'approver', 'approvers', 'member', 'members',
    'subscriber', 'subscribers', 'membership', 'commenters', 'creators', 'forkers', 'reporters', 'follower', 'followers', 'watcher', 'watchers', 'watched', 'registrants', 'attendee',
    'attendees', 'participant', 'participants', 'people', 'persons', 'individuals', 'owner', 'owners',
  ],
  { kind: 'other', stock: true },
);
add(
  ['contribution', 'contributions', 'meeting', 'meetings', 'meetup', 'meetups', 'thread', 'threads', 'issue', 'issues', 'comment', 'comments', 'event', 'events'],
  { kind: 'other', stock: false },
);
add(['organization', 'organizations', 'organisation', 'organisations', 'org', 'orgs', 'company', 'companies', 'employer', 'employers', 'vendors'], { kind: 'org' });
add(['user', 'users'], { kind: 'users' });
add(['country', 'countries'], { kind: 'country' });
add(['times'], { kind: 'times' });
add(['version', 'versions'], { kind: 'version' });
add(
  [
    'download', 'downloads', 'pull', 'pulls', 'install', 'installs', 'installation', 'installations', 'adopter', 'adopters',
    'customer', 'customers', 'deployment', 'deployments', 'cluster', 'clusters', 'node', 'nodes', 'container', 'containers',
    'pod', 'pods', 'session', 'sessions', 'instance', 'instances', 'image', 'images', 'end-user', 'end-users', 'percent',
    'vms', 'servers', 'requests', 'dollars', 'usd',
  ],
  { kind: 'excluded' },
);
add(
  ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years', 'decade', 'decades', 'sprint', 'sprints'],
  { kind: 'duration' },
);

export function headClass(word: string): HeadClass | undefined {
  return table.get(word.toLowerCase());
}

/** Words that end the search for a number's noun ("two from Alauda", "5 of the 7 maintainers"). */
export const STOP_WORDS = new Set(
  (
    'from of in on at by with to for per than that which who whose is are was were be been being has have had ' +
    'the a an this these those it its we our they their them as each every since until and or but so if while ' +
    'during into onto over under about via through across among between within without after before such not no'
  ).split(' '),
);

/** Words after a bare number that still let a label before it apply ("Commits: 1,200 in total"). */
export const LABEL_TAIL_WORDS = new Set(
  'and but while which compared vs versus respectively in as so to over during since this last for now currently with totally overall altogether up'.split(' '),
);

export const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/** Words that make the following number a label, version, date or rank, never a count. */
export const NOT_A_COUNT_BEFORE = new Set(
  (
    'version release rc line lines page pages step phase level tier stage figure fig table item section chapter ' +
    'issue pr kubernetes k8s go python java node round top every number no. q1 q2 q3 q4 fy top-'
  ).split(' '),
);

/** Words before a year-like number that make it a date ("since 2020", "in 2021"). */
export const YEAR_BEFORE = new Set('in since of during until till by from early mid late before after year fy around circa'.split(' '));

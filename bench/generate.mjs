#!/usr/bin/env node
// bench/generate.mjs: a deterministic corpus of rapid-response memos for the benchmark.
//
//   node bench/generate.mjs --memos N --out DIR [--seed S] [--flawed-share 0.1]
//
// Writes N memos of about 5 KB each, 100 per folder (DIR/set-00/batch-0/...), shaped like the
// reference memo: front matter (type, title, date, ...), "# Memo: <title>", a lede of at most 150
// words, "## Key Takeaways" (3–8 items of at most 120 words), "## Sequence of Events" (dated
// items, oldest first, none after the memo's date) and "[Back to top](#top)" at the end.
//
// A fixed share of them (10% by default, spread evenly) carries exactly one known flaw each,
// the kinds taken in turn, each one the finding of exactly one lint rule:
//
//   undated-event        an event with no date                      → dated-events
//   events-out-of-order  two neighbouring events swapped            → dated-events
//   missing-back-to-top  no "Back to top" link at the end           → back-to-top
//   tk-left              a "TK" marker left in a takeaway           → placeholders
//   misspelled-section   "## Key Take-aways"                        → required-sections
//
// DIR/manifest.json lists every file and every flawed file with its kind and expected rule id.
// The corpus stands in for a memo repository of its own: DIR/.memorc.yaml (`root: true`) keeps
// configs above it out of the benchmark, and an empty DIR/.git folder marks it as a repository
// root, so that the .gitignore of a repository it sits in (memokit's lists bench/corpus/) does
// not hide its memos from `memo lint` and `memo export`, which skip .gitignored files when
// walking folders. (An empty .git is not a repository to git itself, which looks further up.)
//
// Deterministic: a seeded PRNG per memo (no Math.random, no clock), so memo i is the same
// text whatever N is, and the same seed always gives the same bytes.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// 2: times on the same day run in order (memokit compares them since event dates became intervals).
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 'memokit-bench';
export const DEFAULT_FLAWED_SHARE = 0.1;
export const MEMOS_PER_FOLDER = 100;

export const FLAW_KINDS = [
  { kind: 'undated-event', rule: 'dated-events' },
  { kind: 'events-out-of-order', rule: 'dated-events' },
  { kind: 'missing-back-to-top', rule: 'back-to-top' },
  { kind: 'tk-left', rule: 'placeholders' },
  { kind: 'misspelled-section', rule: 'required-sections' },
];

// ---------------------------------------------------------------------------------------------
// PRNG: cyrb128 to hash the seed string, sfc32 to draw. Same seed → same sequence, everywhere.

function cyrb128(text) {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a, b, c, d) {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = sfc32(...cyrb128(String(seed)));
    for (let i = 0; i < 12; i++) this.next();
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Draw from `list` without repeats until every item has been drawn, then start over. */
  deck(key, list) {
    this.decks ??= new Map();
    let deck = this.decks.get(key);
    if (!deck || deck.length === 0) {
      deck = this.sample(
        list.map((_, i) => i),
        list.length,
      );
      this.decks.set(key, deck);
    }
    return list[deck.pop()];
  }
  /** `count` distinct items of `list`, in random order. */
  sample(list, count) {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Places carry what sentences about them need; nothing starts with a month name,
// so an undated event never looks dated by accident.

const PLACES = [
  {
    country: 'Iraq',
    adj: 'Iraqi',
    capital: 'Baghdad',
    city: 'Kirkuk',
    region: 'Middle East',
    leader: 'Prime Minister',
    body: 'the Council of Representatives',
  },
  { country: 'Iran', adj: 'Iranian', capital: 'Tehran', city: 'Isfahan', region: 'Middle East', leader: 'President', body: 'the Majlis' },
  {
    country: 'Syria',
    adj: 'Syrian',
    capital: 'Damascus',
    city: 'Deir ez-Zor',
    region: 'Middle East',
    leader: 'the transitional government',
    body: 'the People’s Assembly',
  },
  {
    country: 'Yemen',
    adj: 'Yemeni',
    capital: 'Sanaa',
    city: 'Hodeidah',
    region: 'Red Sea',
    leader: 'the Presidential Leadership Council',
    body: 'the House of Representatives',
  },
  {
    country: 'Lebanon',
    adj: 'Lebanese',
    capital: 'Beirut',
    city: 'Tyre',
    region: 'Eastern Mediterranean',
    leader: 'Prime Minister',
    body: 'the Lebanese parliament',
  },
  {
    country: 'Libya',
    adj: 'Libyan',
    capital: 'Tripoli',
    city: 'Benghazi',
    region: 'North Africa',
    leader: 'the Government of National Unity',
    body: 'the House of Representatives',
  },
  {
    country: 'Afghanistan',
    adj: 'Afghan',
    capital: 'Kabul',
    city: 'Kandahar',
    region: 'South Asia',
    leader: 'the Taliban leadership',
    body: 'the former Afghan parliament',
  },
  {
    country: 'Pakistan',
    adj: 'Pakistani',
    capital: 'Islamabad',
    city: 'Peshawar',
    region: 'South Asia',
    leader: 'Prime Minister',
    body: 'the National Assembly',
  },
  {
    country: 'Sudan',
    adj: 'Sudanese',
    capital: 'Khartoum',
    city: 'El Fasher',
    region: 'Horn of Africa',
    leader: 'the Sovereignty Council',
    body: 'the transitional legislature',
  },
  {
    country: 'Ethiopia',
    adj: 'Ethiopian',
    capital: 'Addis Ababa',
    city: 'Mekelle',
    region: 'Horn of Africa',
    leader: 'Prime Minister',
    body: 'the House of Peoples’ Representatives',
  },
  {
    country: 'Somalia',
    adj: 'Somali',
    capital: 'Mogadishu',
    city: 'Kismayo',
    region: 'Horn of Africa',
    leader: 'President',
    body: 'the Federal Parliament',
  },
  {
    country: 'Niger',
    adj: 'Nigerien',
    capital: 'Niamey',
    city: 'Agadez',
    region: 'Sahel',
    leader: 'the military junta',
    body: 'the National Assembly',
  },
  {
    country: 'Mali',
    adj: 'Malian',
    capital: 'Bamako',
    city: 'Timbuktu',
    region: 'Sahel',
    leader: 'the transitional authorities',
    body: 'the National Transition Council',
  },
  {
    country: 'Venezuela',
    adj: 'Venezuelan',
    capital: 'Caracas',
    city: 'Maracaibo',
    region: 'Western Hemisphere',
    leader: 'President',
    body: 'the National Assembly',
  },
  {
    country: 'Haiti',
    adj: 'Haitian',
    capital: 'Port-au-Prince',
    city: 'Cap-Haïtien',
    region: 'Caribbean',
    leader: 'the Transitional Presidential Council',
    body: 'the Haitian Senate',
  },
  {
    country: 'Colombia',
    adj: 'Colombian',
    capital: 'Bogotá',
    city: 'Cúcuta',
    region: 'Western Hemisphere',
    leader: 'President',
    body: 'the Colombian Congress',
  },
  {
    country: 'Ukraine',
    adj: 'Ukrainian',
    capital: 'Kyiv',
    city: 'Kharkiv',
    region: 'Black Sea',
    leader: 'President',
    body: 'the Verkhovna Rada',
  },
  {
    country: 'Belarus',
    adj: 'Belarusian',
    capital: 'Minsk',
    city: 'Hrodna',
    region: 'Eastern Europe',
    leader: 'the Lukashenko government',
    body: 'the National Assembly',
  },
  {
    country: 'Armenia',
    adj: 'Armenian',
    capital: 'Yerevan',
    city: 'Goris',
    region: 'South Caucasus',
    leader: 'Prime Minister',
    body: 'the National Assembly',
  },
  {
    country: 'Georgia',
    adj: 'Georgian',
    capital: 'Tbilisi',
    city: 'Batumi',
    region: 'South Caucasus',
    leader: 'Prime Minister',
    body: 'the Georgian parliament',
  },
  {
    country: 'North Korea',
    adj: 'North Korean',
    capital: 'Pyongyang',
    city: 'Sinpo',
    region: 'Korean Peninsula',
    leader: 'the Kim regime',
    body: 'the Supreme People’s Assembly',
  },
  {
    country: 'Myanmar',
    adj: 'Burmese',
    capital: 'Naypyidaw',
    city: 'Mandalay',
    region: 'Southeast Asia',
    leader: 'the military junta',
    body: 'the National Unity Government',
  },
  {
    country: 'the Philippines',
    adj: 'Philippine',
    capital: 'Manila',
    city: 'Puerto Princesa',
    region: 'South China Sea',
    leader: 'President',
    body: 'the Philippine Senate',
  },
  {
    country: 'Taiwan',
    adj: 'Taiwanese',
    capital: 'Taipei',
    city: 'Kaohsiung',
    region: 'Taiwan Strait',
    leader: 'President',
    body: 'the Legislative Yuan',
  },
  {
    country: 'Saudi Arabia',
    adj: 'Saudi',
    capital: 'Riyadh',
    city: 'Jeddah',
    region: 'Persian Gulf',
    leader: 'the crown prince',
    body: 'the Shura Council',
  },
  {
    country: 'Egypt',
    adj: 'Egyptian',
    capital: 'Cairo',
    city: 'Alexandria',
    region: 'North Africa',
    leader: 'President',
    body: 'the House of Representatives',
  },
  {
    country: 'Israel',
    adj: 'Israeli',
    capital: 'Jerusalem',
    city: 'Haifa',
    region: 'Eastern Mediterranean',
    leader: 'Prime Minister',
    body: 'the Knesset',
  },
  {
    country: 'Turkey',
    adj: 'Turkish',
    capital: 'Ankara',
    city: 'Gaziantep',
    region: 'Eastern Mediterranean',
    leader: 'President',
    body: 'the Grand National Assembly',
  },
  {
    country: 'Nigeria',
    adj: 'Nigerian',
    capital: 'Abuja',
    city: 'Maiduguri',
    region: 'West Africa',
    leader: 'President',
    body: 'the National Assembly',
  },
  {
    country: 'Nicaragua',
    adj: 'Nicaraguan',
    capital: 'Managua',
    city: 'León',
    region: 'Central America',
    leader: 'the Ortega government',
    body: 'the National Assembly',
  },
];

const INCIDENTS = [
  { noun: 'rocket attack', title: 'Rocket Attack', verb: 'a rocket attack struck a base used by U.S. forces' },
  { noun: 'drone strike', title: 'Drone Strike', verb: 'a U.S. drone strike killed a senior militia commander' },
  { noun: 'embassy protest', title: 'Embassy Protest', verb: 'protesters breached the outer wall of the U.S. Embassy' },
  { noun: 'tanker seizure', title: 'Tanker Seizure', verb: 'naval forces seized a commercial oil tanker' },
  { noun: 'ceasefire collapse', title: 'Ceasefire Collapse', verb: 'a fragile ceasefire collapsed after a night of shelling' },
  { noun: 'border clash', title: 'Border Clash', verb: 'troops exchanged fire along a disputed border' },
  { noun: 'missile test', title: 'Missile Test', verb: 'the military test-fired a new medium-range missile' },
  { noun: 'coup attempt', title: 'Coup Attempt', verb: 'army officers detained the head of government in a coup attempt' },
  { noun: 'aid suspension', title: 'Aid Suspension', verb: 'the administration suspended millions of dollars in humanitarian aid' },
  { noun: 'arms sale', title: 'Arms Sale', verb: 'the State Department notified Congress of a large new arms sale' },
  { noun: 'election crisis', title: 'Election Crisis', verb: 'the electoral commission delayed the results of a disputed vote' },
  { noun: 'cyberattack', title: 'Cyberattack', verb: 'a cyberattack shut down the national electricity grid' },
  { noun: 'hostage deal', title: 'Hostage Deal', verb: 'negotiators announced the release of detained U.S. citizens' },
  { noun: 'sanctions package', title: 'Sanctions Package', verb: 'the Treasury Department announced a sweeping new sanctions package' },
  { noun: 'troop withdrawal', title: 'Troop Withdrawal', verb: 'the Pentagon announced an abrupt withdrawal of U.S. troops' },
  { noun: 'naval standoff', title: 'Naval Standoff', verb: 'warships faced off in contested waters for a second day' },
  { noun: 'refugee surge', title: 'Refugee Surge', verb: 'tens of thousands of civilians fled across the border' },
  { noun: 'airport closure', title: 'Airport Closure', verb: 'authorities closed the main international airport' },
];

const POLICIES = [
  { name: 'maximum pressure', title: 'Max Pressure' },
  { name: 'the sanctions-first approach', title: 'Sanctions-First Policy' },
  { name: 'open-ended security assistance', title: 'Open-Ended Security Aid' },
  { name: 'the counterterrorism partnership', title: 'the Counterterrorism Partnership' },
  { name: 'the arms-sales-first strategy', title: 'Arms-Sales Diplomacy' },
  { name: 'the forward troop presence', title: 'the Forward Troop Presence' },
  { name: 'strategic ambiguity', title: 'Strategic Ambiguity' },
  { name: 'the 2001 Authorization for Use of Military Force', title: 'the 2001 AUMF' },
  { name: 'the export-control regime', title: 'Export Controls' },
  { name: 'coercive diplomacy', title: 'Coercive Diplomacy' },
  { name: 'the regional deterrence posture', title: 'Regional Deterrence' },
  { name: 'the policy of isolation', title: 'Isolation' },
];

const TITLE_PATTERNS = [
  (s) => `${s.incident.title} in ${s.place.country} Underscores Failure of ${s.policy.title}`,
  (s) => `${s.place.adj} ${s.incident.title} Shows the Limits of ${s.policy.title}`,
  (s) => `What the ${s.place.adj} ${s.incident.title} Means for ${s.policy.title}`,
  (s) => `Backlash to ${s.incident.title} in ${s.place.country} Is a Warning for Washington`,
  (s) => `Congress Must Weigh In After the ${s.incident.title} in ${s.place.country}`,
  (s) => `The ${s.incident.title} in ${s.place.capital} Was Predictable and Preventable`,
  (s) => `${s.incident.title} in ${s.place.country} Puts U.S. Personnel at Risk`,
  (s) => `Escalation After ${s.place.adj} ${s.incident.title} Serves No U.S. Interest`,
  (s) => `Diplomacy, Not Escalation, Is the Answer to the ${s.place.adj} ${s.incident.title}`,
  (s) => `Five Things to Know About the ${s.incident.title} in ${s.place.country}`,
];

const US_ACTORS = [
  'the State Department',
  'the Pentagon',
  'the White House',
  'the National Security Council',
  'the Treasury Department',
  'U.S. Central Command',
  'the U.S. ambassador',
  'the secretary of state',
  'the secretary of defense',
  'the national security adviser',
];
const OTHER_ACTORS = [
  'the U.N. Security Council',
  'the European Union',
  'NATO allies',
  'the African Union',
  'the International Atomic Energy Agency',
  'the International Committee of the Red Cross',
  'Human Rights Watch',
  'Amnesty International',
  'the World Food Programme',
  'Gulf partners',
  'the Arab League',
  'the International Crisis Group',
];
const HILL = [
  'the Senate Foreign Relations Committee',
  'the House Foreign Affairs Committee',
  'the Senate Armed Services Committee',
  'a bipartisan group of senators',
  'House appropriators',
  'the ranking member of the Intelligence Committee',
];
const CONSEQUENCES = [
  'a wider regional war',
  'a spike in global oil prices',
  'attacks on U.S. diplomats and troops',
  'a new wave of displacement',
  'the collapse of ongoing talks',
  'a humanitarian catastrophe',
  'the loss of hard-won counterterrorism gains',
  'a nuclear crisis with no diplomatic channel',
  'a recession in partner economies',
  'a rally-round-the-flag effect that strengthens hardliners',
];
const OFFRAMPS = [
  'a mutual pause in strikes',
  'a prisoner exchange',
  'a return to indirect talks in Muscat',
  'a U.N.-monitored truce',
  'limited sanctions relief tied to verifiable steps',
  'a humanitarian corridor',
  'a hotline between military commanders',
  'a regional security dialogue',
];
const SOURCES = [
  'the United Nations',
  'local health officials',
  'Reuters',
  'the Associated Press',
  'Airwars',
  'ACLED data',
  'the World Health Organization',
  'local journalists',
  'hospital officials',
  'the Red Cross',
];
const WHO = ['civilians', 'soldiers', 'contractors', 'aid workers', 'protesters', 'militia members', 'police officers', 'migrants'];
const ADJECTIVES = ['predictable', 'avoidable', 'dangerous', 'costly', 'reckless', 'short-sighted', 'counterproductive', 'alarming'];
const VERBS_HARM = ['undermine', 'erode', 'damage', 'weaken', 'jeopardize', 'squander'];
const PARTNERS = [
  'Jordan',
  'Oman',
  'Qatar',
  'Kuwait',
  'the United Arab Emirates',
  'Germany',
  'France',
  'the United Kingdom',
  'Japan',
  'South Korea',
  'India',
  'Kenya',
  'Brazil',
  'Norway',
  'Switzerland',
];
const AUTHORS = ['Policy Team', 'Middle East Program', 'National Security Team', 'Press Office', 'Government Affairs', 'Research Staff'];

// ---------------------------------------------------------------------------------------------
// Dates: UTC day arithmetic only.

const DAY = 86400000;
const START = Date.UTC(2012, 0, 1);
const END = Date.UTC(2024, 11, 31);
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isoOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function partsOf(ms) {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** How an event's date is written: the memo picks one style, as a writer would. */
const DATE_STYLES = ['ap-bold', 'ap-bold', 'ap-bold', 'ap-bold-noyear', 'ap-colon', 'long-bold', 'iso'];

function writeDate(ms, style, memoYear, time) {
  const { year, month, day } = partsOf(ms);
  const withTime = (text) => (time ? `${text}, ${time}` : text);
  switch (style) {
    case 'ap-bold-noyear':
      // A date without a year takes the memo's; only used when the event is in the memo's year.
      if (year === memoYear) return `**${withTime(`${AP_MONTHS[month]} ${day}`)}** —`;
      return `**${withTime(`${AP_MONTHS[month]} ${day}, ${year}`)}** —`;
    case 'ap-colon':
      return `${withTime(`${AP_MONTHS[month]} ${day}, ${year}`)}:`;
    case 'long-bold':
      return `**${withTime(`${LONG_MONTHS[month]} ${day}, ${year}`)}** —`;
    case 'iso':
      return `${isoOf(ms)} —`;
    default:
      return `**${withTime(`${AP_MONTHS[month]} ${day}, ${year}`)}** —`;
  }
}

/** Minutes after midnight of a time randomTime wrote ("2:40 p.m. ET"). */
function minutesOf(time) {
  const [, hour, minute, half] = /^(\d+)(?::(\d+))? ([ap])/.exec(time);
  return ((Number(hour) % 12) + (half === 'p' ? 12 : 0)) * 60 + Number(minute ?? 0);
}

function randomTime(r) {
  const hour = r.int(1, 12);
  const minute = r.pick(['', ':00', ':15', ':30', ':40', ':45']);
  return `${hour}${minute} ${r.pick(['a.m.', 'p.m.'])} ${r.pick(['ET', 'GMT'])}`;
}

// ---------------------------------------------------------------------------------------------
// Text. Word counts follow memokit's: a whitespace-separated token with a letter or digit.

function countWords(text) {
  let count = 0;
  for (const token of text.split(/\s+/)) if (token && /[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function leaderOf(place) {
  return place.leader.startsWith('the ') ? place.leader : `the ${place.adj} ${place.leader.toLowerCase()}`;
}

function takeawaySentence(r, s) {
  const { place, incident, policy } = s;
  const templates = [
    () =>
      `The ${incident.noun} is yet another sign that ${policy.name} has failed to deliver the security it promised, and that ${place.country} now has fewer reasons than ever to show restraint.`,
    () =>
      `${capitalize(r.pick(US_ACTORS))} has so far offered only vague assurances, while ${leaderOf(place)} has moved to consolidate its position at home.`,
    () =>
      `Officials in ${place.capital} have condemned the ${incident.noun}, and ${r.int(20, 140)} members of ${place.body} have called for a review of security arrangements with the United States.`,
    () =>
      `Congress should use its oversight powers to demand a full accounting of the ${incident.noun}, including the legal basis for any further use of force in ${place.country}.`,
    () => `Any further escalation risks ${r.pick(CONSEQUENCES)}, ${r.pick(CONSEQUENCES)} and, in the worst case, ${r.pick(CONSEQUENCES)}.`,
    () => `In contrast, a diplomatic off-ramp – ${r.pick(OFFRAMPS)} – would cost Washington little and could be announced within days.`,
    () =>
      `According to ${r.pick(SOURCES)}, at least ${r.int(3, 240)} ${r.pick(WHO)} were killed and more than ${r.int(2, 90) * 1000} people displaced in the fighting around ${place.city}.`,
    () =>
      `The administration has repeatedly said it does not seek a confrontation in the ${place.region}, but its actions over the past ${r.int(2, 11)} weeks tell a different story.`,
    () =>
      `Regional partners, including ${r.pick(PARTNERS)} and ${r.pick(PARTNERS)}, have quietly signaled that they will not support a wider campaign.`,
    () =>
      `Oil prices rose ${r.int(2, 9)} percent on the news, a reminder that instability in the ${place.region} carries costs far beyond it.`,
    () =>
      `The episode was *${r.pick(ADJECTIVES)}*: analysts warned for months that ${policy.name} would ${r.pick(VERBS_HARM)} U.S. leverage in ${place.capital}.`,
    () =>
      `${capitalize(r.pick(HILL))} has asked for a classified briefing, and several members have said the administration never consulted Congress before acting.`,
    () =>
      `As ${r.pick(OTHER_ACTORS)} noted in a [statement](https://example.org/statements/${r.int(1000, 9999)}), “there is no military solution to a political crisis,” and the United States should act accordingly.`,
    () =>
      `Hardliners in ${place.capital} benefit most from the crisis, which turns attention away from economic failure and a harsh crackdown on dissent.`,
    () =>
      `The ${incident.noun} also shows how little visibility U.S. officials have into decision-making by ${leaderOf(place)}, a gap that makes miscalculation more likely.`,
    () =>
      `Washington has spent more than $${r.int(2, 60)} billion on ${policy.name} in the ${place.region} since ${r.int(2001, 2011)}, with little to show for it beyond a cycle of retaliation.`,
    () =>
      `A durable settlement will require talking to actors the United States finds distasteful, as ${r.pick(PARTNERS)} has done for years without paying a political price.`,
    () =>
      `Humanitarian groups, led by ${r.pick(OTHER_ACTORS)}, warn that ${r.int(1, 9)}.${r.int(1, 9)} million people in ${place.country} now depend on aid that could be cut off within weeks.`,
  ];
  return r.deck('takeaway', templates)();
}

function ledeSentences(r, s) {
  const { place, incident, policy } = s;
  return [
    `${r.pick(['This morning', 'Overnight', 'Early today', 'Late yesterday', 'Over the weekend'])}, ${incident.verb} in ${r.pick([place.capital, place.city])}, ${r.pick(['a sharp escalation', 'the most serious incident in months', 'a dramatic turn', 'an event few in Washington anticipated'])} in ${place.country}.`,
    `${capitalize(r.pick(US_ACTORS))} ${r.pick(['has not yet commented', 'called the incident “unacceptable”', 'promised a swift response', 'said it is monitoring the situation closely'])}, while ${leaderOf(place)} ${r.pick(['blamed the United States', 'called for calm', 'declared a state of emergency', 'vowed to retaliate'])}.`,
    `The incident underscores how ${policy.name} continues to ${r.pick(VERBS_HARM)} U.S. interests across the ${place.region} and leaves American personnel exposed.`,
    `${capitalize(r.pick(OTHER_ACTORS))} has called for restraint, and ${r.pick(HILL)} is expected to press the administration for answers this week.`,
  ];
}

function eventText(r, s, last) {
  const { place, incident } = s;
  const templates = [
    () =>
      `${capitalize(r.pick(US_ACTORS))} announces new measures against ${r.pick(['militia leaders', 'senior officials', 'state-owned shipping firms', 'the central bank', 'security forces'])} in ${place.country}.`,
    () =>
      `A rocket attack on a base near ${place.city} kills ${r.int(1, 12)} ${r.pick(WHO)} and wounds several others; no group claims responsibility.`,
    () => `The ${place.adj} foreign ministry summons the U.S. chargé d’affaires to protest what it calls a violation of sovereignty.`,
    () => `Thousands of protesters gather outside the U.S. Embassy in ${place.capital}, chanting against the United States.`,
    () =>
      `${capitalize(r.pick(OTHER_ACTORS))} holds an emergency meeting on the situation in ${place.country} and calls for de-escalation.`,
    () =>
      `${capitalize(r.pick(HILL))} ${r.pick(['sends a letter to', 'requests a briefing from', 'introduces a resolution criticizing'])} the administration over its handling of the crisis.`,
    () => `Reports emerge that ${incident.verb}, citing ${r.pick(SOURCES)}.`,
    () =>
      `${capitalize(leaderOf(place))} ${r.pick(['addresses the nation', 'meets with regional envoys', 'fires the head of military intelligence', 'announces a three-day curfew'])} as tensions rise.`,
    () => `Commercial flights to ${place.capital} are suspended and ${r.pick(PARTNERS)} advises its citizens to leave ${place.country}.`,
    () => `U.S. officials tell reporters, on condition of anonymity, that additional forces are being sent to the ${place.region}.`,
  ];
  if (last && r.chance(0.5))
    return `${capitalize(incident.verb)} in ${place.capital}, prompting condemnation from ${r.pick(OTHER_ACTORS)}.`;
  return r.deck('event', templates)();
}

function paragraphOf(r, make, minWords, maxWords) {
  // Add sentences until the paragraph reaches minWords, never going over maxWords.
  let text = '';
  for (let tries = 0; tries < 40 && countWords(text) < minWords; tries++) {
    const next = make();
    const candidate = text ? `${text} ${next}` : next;
    if (!text.includes(next) && countWords(candidate) <= maxWords) text = candidate;
  }
  return text;
}

function slugify(text) {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  return slug.slice(0, 60).replace(/-[^-]*$/, '');
}

/** A YAML scalar: plain when that is safe, JSON-quoted (valid YAML) otherwise. */
function yamlString(text) {
  return /^[\p{L}\p{N}][^:#\n"]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------------
// One memo.

/** The memo's parts (before any flaw), from its own PRNG stream. */
export function memoParts(seed, index) {
  const r = new Random(`${seed}:${index}`);
  const s = { place: r.pick(PLACES), incident: r.pick(INCIDENTS), policy: r.pick(POLICIES) };
  const title = r.pick(TITLE_PATTERNS)(s);
  const dateMs = START + r.int(0, (END - START) / DAY) * DAY;
  const date = isoOf(dateMs);
  const memoYear = partsOf(dateMs).year;

  // Lede: one or two paragraphs, 70–125 words, then the reference memo's hand-off line (11 words).
  const [opening, ...rest] = ledeSentences(r, s);
  const more = r.sample(rest, rest.length);
  let ledeText = opening;
  for (const sentence of more) if (countWords(ledeText) < 70 && countWords(`${ledeText} ${sentence}`) <= 115) ledeText += ` ${sentence}`;
  if (r.chance(0.3)) ledeText += ' For background, see the [Sequence of Events](#sequence-of-events) below.';
  const lede = [ledeText];
  if (r.chance(0.85)) lede.push('Below are key takeaways and background on this still-developing event:');

  // Takeaways: 5–8 items of 60–105 words.
  const takeaways = [];
  const takeawayCount = r.int(5, 8);
  for (let i = 0; i < takeawayCount; i++) takeaways.push(paragraphOf(r, () => takeawaySentence(r, s), 60, 105));

  // Events: 4–7, over the 1–40 days before the memo, oldest first, the last on the memo's date.
  const eventCount = r.int(4, 7);
  const span = r.int(eventCount, 40);
  const offsets = [span, 0];
  for (let i = 2; i < eventCount; i++) offsets.push(r.int(0, span));
  offsets.sort((a, b) => b - a);
  const style = r.pick(DATE_STYLES);
  // Events on the memo's day may carry a time; those times run in order, as memokit checks them.
  const times = offsets.map((offset) => (offset === 0 && r.chance(0.3) ? randomTime(r) : undefined));
  const ordered = times.filter((time) => time !== undefined).sort((a, b) => minutesOf(a) - minutesOf(b));
  const events = offsets.map((offset, i) => {
    const ms = dateMs - offset * DAY;
    const time = times[i] === undefined ? undefined : ordered.shift();
    const text = paragraphOf(r, () => eventText(r, s, i === eventCount - 1), 14, 60);
    return { iso: isoOf(ms), date: writeDate(ms, style, memoYear, time), text };
  });

  const front = {
    type: 'rapid-response',
    title,
    date,
    ...(r.chance(0.7) ? { author: r.pick(AUTHORS) } : {}),
    tags: [slugify(s.place.country), slugify(s.incident.noun), ...(r.chance(0.5) ? [slugify(s.policy.title)] : [])],
    ...(r.chance(0.6)
      ? { summary: `${capitalize(s.incident.verb)} in ${s.place.country}; the ${s.incident.noun} shows the cost of ${s.policy.name}.` }
      : {}),
  };
  const bullet = r.pick(['-', '-', '-', '*']);
  const orderedEvents = r.chance(0.1);
  return { r, front, title, date, lede, takeaways, events, bullet, orderedEvents, sectionHeading: 'Key Takeaways', backToTop: true };
}

/** Apply one flaw to the parts; returns a short note of what was done. */
function applyFlaw(parts, kind) {
  const { r, events, takeaways } = parts;
  switch (kind) {
    case 'undated-event': {
      const k = r.int(0, events.length - 1);
      events[k] = { ...events[k], date: '' };
      return `event ${k + 1} has no date`;
    }
    case 'events-out-of-order': {
      // Swap a neighbouring pair with different dates: exactly one item is then out of order.
      const pairs = [];
      for (let k = 0; k + 1 < events.length; k++) if (events[k].iso < events[k + 1].iso) pairs.push(k);
      const k = r.pick(pairs);
      [events[k], events[k + 1]] = [events[k + 1], events[k]];
      return `events ${k + 1} and ${k + 2} swapped`;
    }
    case 'missing-back-to-top':
      parts.backToTop = false;
      return 'no Back to top link';
    case 'tk-left': {
      const k = r.int(0, takeaways.length - 1);
      takeaways[k] = `${takeaways[k]} TK: confirm the figure with the regional desk.`;
      return `TK in takeaway ${k + 1}`;
    }
    case 'misspelled-section':
      parts.sectionHeading = 'Key Take-aways';
      return '"Key Take-aways" heading';
    default:
      throw new Error(`unknown flaw kind ${kind}`);
  }
}

function render(parts) {
  const lines = ['---'];
  for (const [key, value] of Object.entries(parts.front)) {
    if (Array.isArray(value)) lines.push(`${key}: [${value.join(', ')}]`);
    else lines.push(`${key}: ${key === 'date' ? value : yamlString(value)}`);
  }
  lines.push('---', '', `# Memo: ${parts.title}`, '');
  for (const paragraph of parts.lede) lines.push(paragraph, '');
  lines.push(`## ${parts.sectionHeading}`, '');
  for (const item of parts.takeaways) lines.push(`${parts.bullet} ${item}`);
  lines.push('', '## Sequence of Events', '');
  parts.events.forEach((event, i) => {
    const marker = parts.orderedEvents ? `${i + 1}.` : parts.bullet;
    lines.push(`${marker} ${event.date ? `${event.date} ` : ''}${event.text}`);
  });
  if (parts.backToTop) lines.push('', '[Back to top](#top)');
  return `${lines.join('\n')}\n`;
}

/** Is memo `index` one of the flawed ones? Exactly floor(N × share) of the first N are, evenly spread. */
function flawIndex(index, share) {
  const before = Math.floor(index * share);
  return Math.floor((index + 1) * share) > before ? before : -1;
}

export function folderOf(index) {
  const batch = Math.floor(index / MEMOS_PER_FOLDER);
  return `set-${String(Math.floor(batch / 10)).padStart(2, '0')}/batch-${batch % 10}`;
}

/** Generate the corpus; returns the manifest (also written to DIR/manifest.json). */
export function generateCorpus({ memos, out, seed = DEFAULT_SEED, flawedShare = DEFAULT_FLAWED_SHARE }) {
  const dir = resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${out} is not empty and holds no manifest.json; refusing to replace it`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.memorc.yaml'), '# The benchmark corpus: no config from the folders above applies.\nroot: true\n');
  mkdirSync(join(dir, '.git'));

  const files = [];
  const flawed = [];
  const counts = Object.fromEntries(FLAW_KINDS.map((k) => [k.kind, 0]));
  let bytes = 0;
  const names = new Set();
  for (let index = 0; index < memos; index++) {
    const parts = memoParts(seed, index);
    const which = flawIndex(index, flawedShare);
    const flaw = which >= 0 ? FLAW_KINDS[which % FLAW_KINDS.length] : undefined;
    const note = flaw ? applyFlaw(parts, flaw.kind) : undefined;
    const folder = folderOf(index);
    let name = `${folder}/${parts.date}-${slugify(parts.title)}.md`;
    if (names.has(name)) name = `${folder}/${parts.date}-${slugify(parts.title)}-${index}.md`;
    names.add(name);
    const text = render(parts);
    if (index % MEMOS_PER_FOLDER === 0) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
    files.push(name);
    if (flaw) {
      flawed.push({ file: name, rule: flaw.rule, kind: flaw.kind, note });
      counts[flaw.kind]++;
    }
  }
  const manifest = {
    generator: 'memokit bench/generate.mjs',
    version: GENERATOR_VERSION,
    seed: String(seed),
    memos,
    flawedShare,
    bytes,
    averageBytes: memos ? Math.round(bytes / memos) : 0,
    flawKinds: counts,
    flawed,
    files,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// CLI

function usage(message) {
  if (message) process.stderr.write(`generate.mjs: ${message}\n`);
  process.stderr.write('usage: node bench/generate.mjs --memos N --out DIR [--seed S] [--flawed-share 0.1]\n');
  process.exit(2);
}

function main(argv) {
  const options = { seed: DEFAULT_SEED, flawedShare: DEFAULT_FLAWED_SHARE };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--memos') options.memos = Number(value());
    else if (flag === '--out') options.out = value();
    else if (flag === '--seed') options.seed = value();
    else if (flag === '--flawed-share') options.flawedShare = Number(value());
    else if (flag === '-h' || flag === '--help') usage();
    else usage(`unknown option ${flag}`);
  }
  if (!Number.isInteger(options.memos) || options.memos < 1) usage('--memos must be a whole number, 1 or more');
  if (!options.out) usage('--out is required');
  if (!(options.flawedShare >= 0 && options.flawedShare <= 1)) usage('--flawed-share must be between 0 and 1');
  try {
    const manifest = generateCorpus(options);
    process.stdout.write(
      `${manifest.memos} memos (${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.averageBytes} bytes on average), ${manifest.flawed.length} flawed, in ${options.out}\n`,
    );
  } catch (error) {
    process.stderr.write(`generate.mjs: ${error.message}\n`);
    process.exit(2);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));

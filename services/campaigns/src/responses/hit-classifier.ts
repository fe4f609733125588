/**
 * Whether a tracking hit is a person or a machine, pure. Machines are recorded (the history
 * shows them) but kept out of the rates (`countsInRates: false`), so link scanners in front of
 * corporate mailboxes do not inflate opens and clicks.
 *
 * A hit is a bot when:
 * - it is a HEAD request (a person's mail client GETs; link checkers HEAD);
 * - it has no User-Agent (every mail client and browser sends one);
 * - its User-Agent names a known link scanner, crawler, preview fetcher or HTTP library
 *   (`BOT_AGENT_TOKENS` below);
 * - (clicks only) it comes within `minHumanClickDelayMs` of the message's send: security
 *   gateways (Safe Links, URL Defense, ...) follow every link at delivery, often with a browser's
 *   User-Agent, so the time is the only sign left. Opens are not timed: a person who has the mail
 *   open at once is normal, and the pixel is fetched by the client, not by gateways.
 *
 * Decided, not detected: image proxies that fetch on the person's behalf when the mail is
 * opened (Gmail's GoogleImageProxy, Yahoo's YahooMailProxy) count as human opens. Apple Mail
 * Privacy Protection prefetches every image at delivery with a generic Mozilla User-Agent from
 * Apple's relays; nothing in the request tells it apart, so such opens count (a known limit of
 * every open rate since iOS 15; clicks are the honest metric).
 */
import type { UserAgentClass } from '../sending/message.events';

export interface TrackingHit {
  readonly method: string;
  readonly userAgent: string | undefined;
  readonly at: Date;
}

export interface HitClass {
  readonly userAgentClass: UserAgentClass;
  readonly countsInRates: boolean;
  /** Why a machine, for logs and tests; absent for a person. */
  readonly reason?: 'head-request' | 'no-user-agent' | 'known-agent' | 'too-soon-after-send';
}

/**
 * Case-insensitive substrings of User-Agents that are never a person reading mail. Sources:
 * matomo-org/device-detector `regexes/bots.yml` (crawlers, preview fetchers, HTTP libraries) and
 * the vendors' own descriptions of their URL-rewriting gateways (Microsoft Defender for Office 365
 * Safe Links, Proofpoint URL Defense, Mimecast URL Protect, Barracuda Email Protection, Cisco
 * Secure Email, Symantec / Broadcom, Trend Micro, Forcepoint, Sophos, Zscaler).
 */
export const BOT_AGENT_TOKENS: readonly string[] = [
  // email security gateways and link scanners
  'safelinks',
  'barracuda',
  'proofpoint',
  'mimecast',
  'ironport',
  'symantec',
  'messagelabs',
  'trendmicro',
  'trend micro',
  'forcepoint',
  'sophos',
  'zscaler',
  'fortiguard',
  'paloalto',
  // crawlers and link previews (a machine fetching for a chat or a feed, not the reader);
  // plain `...bot` names (Googlebot, Slackbot, Twitterbot, ...) are matched by BOT_WORD below
  'crawler',
  'spider',
  'slurp',
  'facebookexternalhit',
  'linkedinbot',
  'whatsapp',
  'skypeuripreview',
  'bingpreview',
  'headlesschrome',
  'phantomjs',
  'lighthouse',
  // HTTP libraries and command-line clients
  'curl/',
  'wget/',
  'python-requests',
  'python-urllib',
  'aiohttp',
  'go-http-client',
  'java/',
  'okhttp',
  'apache-httpclient',
  'node-fetch',
  'axios/',
  'libwww-perl',
  'httpclient',
  'scrapy',
];

/**
 * A word ending in `bot` (Googlebot, bingbot, Slackbot, Discordbot, TelegramBot, Applebot),
 * except phone names that happen to end so (CUBOT, an Android brand, is a person's phone).
 */
const BOT_WORD = /(?<![a-z])[a-z-]*bot(?![a-z])/g;
const PHONE_NAMES_ENDING_IN_BOT = new Set(['cubot']);

function hasBotWord(agent: string): boolean {
  return [...agent.matchAll(BOT_WORD)].some((m) => !PHONE_NAMES_ENDING_IN_BOT.has(m[0]));
}

/** Image proxies fetching for the reader at open time: these are people (see above). */
const READER_PROXY_TOKENS: readonly string[] = ['googleimageproxy', 'yahoomailproxy'];

export const DEFAULT_MIN_HUMAN_CLICK_DELAY_MS = 10_000;

const HUMAN: HitClass = { userAgentClass: 'human', countsInRates: true };
const bot = (reason: NonNullable<HitClass['reason']>): HitClass => ({
  userAgentClass: 'bot',
  countsInRates: false,
  reason,
});

function agentClass(hit: TrackingHit): HitClass {
  if (hit.method.toUpperCase() === 'HEAD') return bot('head-request');
  const agent = (hit.userAgent ?? '').trim().toLowerCase();
  if (agent === '') return bot('no-user-agent');
  if (READER_PROXY_TOKENS.some((token) => agent.includes(token))) return HUMAN;
  if (hasBotWord(agent) || BOT_AGENT_TOKENS.some((token) => agent.includes(token)))
    return bot('known-agent');
  return HUMAN;
}

/** An open pixel fetch. */
export function classifyOpen(hit: TrackingHit): HitClass {
  return agentClass(hit);
}

/**
 * A click. `sentAt`: when the message left (or was handed to the channel); unknown: not timed.
 * A click at or before `sentAt + minHumanClickDelayMs` is a scanner's.
 */
export function classifyClick(
  hit: TrackingHit,
  sentAt: Date | undefined,
  minHumanClickDelayMs: number = DEFAULT_MIN_HUMAN_CLICK_DELAY_MS,
): HitClass {
  const byAgent = agentClass(hit);
  if (byAgent.userAgentClass === 'bot') return byAgent;
  if (sentAt && hit.at.getTime() - sentAt.getTime() <= minHumanClickDelayMs)
    return bot('too-soon-after-send');
  return byAgent;
}

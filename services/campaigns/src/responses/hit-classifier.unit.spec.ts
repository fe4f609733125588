import { classifyClick, classifyOpen, DEFAULT_MIN_HUMAN_CLICK_DELAY_MS } from './hit-classifier';

const SENT = new Date(Date.UTC(2000, 0, 1, 12, 0, 0));
const after = (ms: number) => new Date(SENT.getTime() + ms);

// Real User-Agent strings as the clients and scanners send them.
const IPHONE_MAIL =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CUBOT_PHONE =
  'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const GMAIL_PROXY =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Barracuda Sentinel (EE)',
  'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
  'Mimecast URL Protect',
  'Microsoft Office SafeLinks',
  'curl/8.5.0',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
];

describe('hit classifier', () => {
  it.each([IPHONE_MAIL, CHROME, CUBOT_PHONE, GMAIL_PROXY])('a person: %s', (userAgent) => {
    expect(classifyOpen({ method: 'GET', userAgent, at: after(1) })).toEqual({
      userAgentClass: 'human',
      countsInRates: true,
    });
  });

  it.each(BOTS)('a known machine: %s', (userAgent) => {
    expect(classifyOpen({ method: 'GET', userAgent, at: after(60_000) })).toEqual({
      userAgentClass: 'bot',
      countsInRates: false,
      reason: 'known-agent',
    });
    expect(classifyClick({ method: 'GET', userAgent, at: after(60_000) }, SENT).reason).toBe(
      'known-agent',
    );
  });

  it('HEAD is a machine, whatever it claims to be', () => {
    expect(classifyOpen({ method: 'HEAD', userAgent: CHROME, at: after(60_000) }).reason).toBe(
      'head-request',
    );
    expect(classifyClick({ method: 'head', userAgent: CHROME, at: after(60_000) }, SENT)).toEqual({
      userAgentClass: 'bot',
      countsInRates: false,
      reason: 'head-request',
    });
  });

  it('no User-Agent is a machine', () => {
    for (const userAgent of [undefined, '', '   '])
      expect(classifyOpen({ method: 'GET', userAgent, at: after(1) }).reason).toBe('no-user-agent');
  });

  it('a click within the delay after the send is a scanner, one after it a person', () => {
    const delay = DEFAULT_MIN_HUMAN_CLICK_DELAY_MS;
    expect(classifyClick({ method: 'GET', userAgent: CHROME, at: after(delay) }, SENT)).toEqual({
      userAgentClass: 'bot',
      countsInRates: false,
      reason: 'too-soon-after-send',
    });
    expect(classifyClick({ method: 'GET', userAgent: CHROME, at: after(delay + 1) }, SENT)).toEqual(
      { userAgentClass: 'human', countsInRates: true },
    );
    // The delay is a setting; an unknown send time is not timed.
    expect(
      classifyClick({ method: 'GET', userAgent: CHROME, at: after(2_000) }, SENT, 1_000),
    ).toEqual({ userAgentClass: 'human', countsInRates: true });
    expect(classifyClick({ method: 'GET', userAgent: CHROME, at: after(1) }, undefined)).toEqual({
      userAgentClass: 'human',
      countsInRates: true,
    });
  });

  it('opens are not timed: a person may read at once', () => {
    expect(
      classifyOpen({ method: 'GET', userAgent: IPHONE_MAIL, at: after(500) }).countsInRates,
    ).toBe(true);
  });
});

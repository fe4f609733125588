import {
  confirmUnsubscribePage,
  escapeHtml,
  unknownLinkPage,
  unsubscribedPage,
} from './unsubscribe-pages';

describe('unsubscribe pages', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('the confirmation page POSTs to the action and does not let it out of its attribute', () => {
    const html = confirmUnsubscribePage('/t/u/t1.k.abc.def');
    expect(html).toContain('<form method="post" action="/t/u/t1.k.abc.def">');
    expect(html).toContain('<button type="submit">Unsubscribe</button>');
    const hostile = confirmUnsubscribePage('/t/u/"><script>alert(1)</script>');
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('action="/t/u/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('every page is English HTML with no form but the confirmation', () => {
    for (const html of [unsubscribedPage(), unknownLinkPage()]) {
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).not.toContain('<form');
    }
    expect(unsubscribedPage()).toContain('You are unsubscribed');
    expect(unknownLinkPage()).toContain('This link is not valid');
  });
});

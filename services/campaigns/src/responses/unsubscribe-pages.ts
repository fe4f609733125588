/**
 * The unsubscribe pages, pure: plain English HTML, no personal data (not the address, not the
 * name: the link may be forwarded), every inserted value escaped. The GET page only asks; its
 * form POSTs to the same URL, which is what unsubscribes (RFC 8058: scanners follow GETs).
 */

/** `&<>"'` as entities: safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
${body}
</body>
</html>
`;
}

/** The confirmation page: one button that POSTs `action` (the same path). */
export function confirmUnsubscribePage(action: string): string {
  return page(
    'Unsubscribe',
    `<h1>Unsubscribe</h1>
<p>Do you want to stop receiving these marketing messages?</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="confirm" value="yes">
<button type="submit">Unsubscribe</button>
</form>`,
  );
}

export function unsubscribedPage(): string {
  return page(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1>
<p>You will not receive these marketing messages any more. It can take a few minutes to reach every list.</p>`,
  );
}

/** A link we did not sign, or whose message we do not know: the same page either way. */
export function unknownLinkPage(): string {
  return page(
    'Link not valid',
    `<h1>This link is not valid</h1>
<p>It may have been changed or copied incompletely. Use the link in the message you received.</p>`,
  );
}

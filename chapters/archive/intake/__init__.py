"""The public side of the archive: "Share your story" and "Withdraw my story".

A story shared here becomes a draft entry in the chapter's archive, with a
consent record that says *pending*, in the chapter's moderation queue. It is
never public by itself: a moderator reads it, confirms consent and publishes.

What the person keeps private (their real name, how to reach them) goes to the
consent record, never to the page or its revisions (chapters/archive/consent_records.py).

Spam is kept out without third-party services: a honeypot field, a signed
timestamp (a form sent seconds after it was shown was not written by a
person), and a limit per client address per site, kept in Django's cache,
which every worker shares (the database cache, or Redis: settings CACHES).

The person gets a reference (the consent record's UUID) to withdraw the story
later. It is shown once, on the page that confirms the story was received,
and is neither emailed nor logged anywhere.

The package: `forms` (what the person fills in), `guard` (spam: honeypot,
signed timestamp, rate limit), `stories` (the draft entry and its consent
record; withdrawal by reference) and `views` (the two public pages).
"""

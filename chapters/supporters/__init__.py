"""Joining a chapter: "Get involved" on every chapter site.

A person leaves their name, email, languages, the rights they care about and
how they want to help, and consents to be contacted (the wording they saw and
the moment are kept). Nothing more happens until they confirm by email
(double opt-in): an unconfirmed sign-up is never listed to anyone and is
forgotten after SUPPORTER_CONFIRM_DAYS. Every message carries a link that
deletes them at once (unsubscribing is deletion: nothing is kept).

Only the chapter's moderators see and export (CSV) their own people in the
admin (`admin`): the rule is the permission policy the admin views ask, and
it scopes every query to the chapters the person moderates.

The package: `models` (the Supporter row), `forms` (what the person fills
in), `service` (join, confirm, leave, forget the unconfirmed), `emails` (the
messages, sent by a background task), `views` (the public pages) and `admin`.
"""

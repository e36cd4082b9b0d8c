"""Registering for a chapter's event on its own site.

An event that takes registrations (EventPage.takes_registrations) has a sign-up
form: name, email, and the access needs the organizers should prepare for
(interpretation, ASL, captioning, childcare, step-free access). Up to its
places (EventPage.capacity) people are registered; after that they join a
waiting list and move up, in order, when someone cancels or places are added.
Every message (registered with the .ics, waiting, moved up, the reminder the day
before, changed, cancelled) carries the link that cancels, and is sent by a
background task. Registration closes once the event has ended, and
registrations are deleted EVENT_REGISTRATION_RETENTION_DAYS after it.

Organizers (the chapter's editors and moderators) see the counts and the list for
their own chapter's events only (`admin`); nobody else does.

The package: `models`, `forms`, `service` (register, cancel, promote, remind,
tell of changes, forget), `emails`, `views` (the public pages) and `admin`.
"""

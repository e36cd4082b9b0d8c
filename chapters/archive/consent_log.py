"""Every change to a consent record is written to the operations log.

Where the data changes (any save: the moderator's consent screen, the public
story form, a withdrawal, an import, the shell), one line says what happened
to which record: ids, status, scope and channels, and the id of the person
who did it. Never a name, a contact, a reason or a file name: those may be
personal data, and the audit log in the admin keeps them for the moderators.
"""

import logging

logger = logging.getLogger("network.consent")


def log_consent_change(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    withdrawn = instance.status == instance.WITHDRAWN
    user_id = instance.withdrawn_by_id if withdrawn else instance.recorded_by_id
    kind = "image" if instance.image_id else "document" if instance.document_id else "entry"
    logger.info(
        "Consent %s: record %s of entry %s (%s), status %s, scope %s, channels %s",
        "withdrawn" if withdrawn else "recorded",
        instance.pk,
        instance.entry_id,
        kind,
        instance.status,
        instance.scope,
        ",".join(instance.channels) or "none",
        extra={
            "event": "consent_withdrawn" if withdrawn else "consent_recorded",
            "record": instance.pk,
            "entry": instance.entry_id,
            "kind": kind,
            "user": user_id,
            "outcome": instance.status,
        },
    )

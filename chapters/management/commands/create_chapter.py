from django.core.management.base import BaseCommand

from chapters.lifecycle.onboarding import OnboardingError, onboard_chapter
from chapters.management.chapter_command import command_error


class Command(BaseCommand):
    help = (
        "Onboard a chapter: its home page and sections, Site, Collection, editor and "
        "moderator groups and moderation workflow. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The chapter's public name.")
        parser.add_argument(
            "--hostname", required=True, help="Its own hostname, e.g. riverbend.localhost."
        )
        parser.add_argument("--region", default="", help="State or region, e.g. Oregon.")
        parser.add_argument(
            "--locality-type",
            default="city",
            help="city, county, rural, reservation, state or region (default: city).",
        )
        parser.add_argument(
            "--state", default="", help="Its US state's two-letter code, e.g. OR (for the map)."
        )
        parser.add_argument(
            "--status", default="exploring", help="exploring, organizing or declared."
        )
        parser.add_argument(
            "--languages",
            default="en",
            help="Comma-separated language codes it publishes in, default first (default: en).",
        )
        parser.add_argument("--time-zone", default="America/New_York", help="e.g. America/Chicago.")
        parser.add_argument(
            "--latitude", type=float, default=None, help="Its point on the map, e.g. 39.96."
        )
        parser.add_argument(
            "--longitude", type=float, default=None, help="West is negative, e.g. -82.99."
        )
        parser.add_argument(
            "--moderator-email",
            default="",
            help="Invite this person as its first moderator (emails a set-password link).",
        )

    def handle(self, *args, name, hostname, region, locality_type, **options):
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        try:
            chapter = onboard_chapter(
                name=name,
                hostname=hostname,
                region=region,
                locality_type=locality_type,
                state=options["state"],
                status=options["status"],
                languages=languages,
                time_zone=options["time_zone"],
                latitude=options["latitude"],
                longitude=options["longitude"],
                moderator_email=options["moderator_email"],
            )
        except OnboardingError as error:
            raise command_error(error) from None
        verb = "Created" if chapter.created else "Already onboarded; checked"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} chapter '{chapter.home.title}' at http://{chapter.site.hostname}/ "
                f"(groups '{chapter.editors}' and '{chapter.moderators}', "
                f"workflow '{chapter.workflow}')"
            )
        )
        if options["moderator_email"]:
            self.stdout.write(f"Invited {options['moderator_email']} as a moderator.")

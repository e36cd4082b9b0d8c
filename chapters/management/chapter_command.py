"""What the chapter lifecycle commands share: the chapter named by its site's
hostname, and a service's error as one line naming the option (`field: message`)."""

from django.core.management.base import BaseCommand, CommandError

from chapters.lifecycle.common import OffboardingError, chapter_for_hostname


def command_error(error: ValueError) -> CommandError:
    """An OnboardingError or OffboardingError as the command's one line of error; the
    field is spelled as its option is (confirm_name is --confirm-name)."""
    return CommandError(f"{error.field.replace('_', '-')}: {error}")


class ChapterCommand(BaseCommand):
    """A command on one chapter, found by `--hostname`: `act` does the work and
    returns the line of success; an OffboardingError ends it with one line."""

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The chapter site's hostname.")

    def handle(self, *args, hostname, **options):
        try:
            chapter = chapter_for_hostname(hostname)
            message = self.act(chapter, **options)
        except OffboardingError as error:
            raise command_error(error) from None
        self.stdout.write(self.style.SUCCESS(message))

    def act(self, chapter, **options) -> str:
        raise NotImplementedError

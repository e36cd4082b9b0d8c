from .network import NetworkPage


class ChapterDirectoryPage(NetworkPage):
    """Every chapter: where, what kind of place, how far along; filterable, on a map."""

    class Meta:
        verbose_name = "chapter directory"

"""Each private-media test module starts without the canary files a failed earlier run
may have left in the scratch MEDIA_ROOT."""

import pytest

from tests.files.private.archive_files import remove_leftovers


@pytest.fixture(scope="module", autouse=True)
def no_leftovers():
    remove_leftovers()

"""The Alliance's shared content in the admin: searching principles, resources and rights."""

import pytest

from tests.conftest import ALLIANCE_HOST

pytestmark = pytest.mark.django_db

ADMIN = {"host": ALLIANCE_HOST}


@pytest.mark.parametrize(
    "model, query, expected",
    [
        ("principle", "Listen", "Listen first"),
        ("principle", "harmed", "Listen first"),
        ("resource", "reading", "A reading"),
        ("resource", "Doe", "A reading"),
        ("right", "housing", "Right to housing"),
        ("principleset", "Organizing", "Test Principles for Organizing"),
    ],
)
def test_admin_search_of_shared_content_finds_the_item(login, network, model, query, expected):
    client = login("alliance-editor")
    response = client.get(f"/admin/snippets/home/{model}/", {"q": query}, headers=ADMIN)
    assert response.status_code == 200
    assert expected in response.text

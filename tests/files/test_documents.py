"""Documents are served through Django, so collection privacy applies to the file itself."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.conftest import RIVERSIDE_HOST

pytestmark = pytest.mark.django_db


def upload(collection, title):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title}.txt", ContentFile(b"minutes of the meeting"), save=True)
    return document


def test_public_document_is_served_by_django(client, network):
    document = upload(Collection.objects.get(name="Riverside"), "agenda")
    response = client.get(document.url, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"minutes of the meeting"


def test_document_in_a_private_collection_needs_a_login(client, network):
    collection = Collection.objects.get(name="Riverside")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = upload(collection, "members-only")
    response = client.get(document.url, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 302
    assert "/login/" in response["Location"]

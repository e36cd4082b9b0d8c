import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_site.settings.production")

django_application = get_wsgi_application()

# Stored public pages are answered before Django (home/pagecache/wsgi.py).
from home.pagecache.wsgi import PageCacheApplication  # noqa: E402

application = PageCacheApplication(django_application)

"""Translation: languages per site, the Spanish interface, and wagtail-localize's paths and
workflows."""

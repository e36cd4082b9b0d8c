"""wagtail-localize's paths: the localize matrix and translations through the workflow."""

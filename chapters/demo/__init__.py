"""The demo network (`manage.py load_demo_network`): one loader, and its text as data.

Everything the demo says is in chapters/demo/data/ (YAML, read by chapters.demo.data);
the modules here only place it: the Alliance (alliance), each chapter (chapter,
publishing, archive_files), the network-wide pages (network_pages) and the translations
(translations, made with the helpers of translate). chapters.demo.loader runs them in
order. The demo is the top layer: it may import anything in chapters and home.
"""

"""Reading a Wagtail admin form the way a browser would submit it.

The permission matrix posts real admin forms. Rather than hand-writing every
form's fields (and its formsets' management forms), a test fetches the form as
someone allowed to see it and submits what the browser would send, with the
changes the test makes. StreamFields are built in the browser by JavaScript,
so callers pass their `<name>-count` themselves.
"""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"attrs": attrs, "data": {}}
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        data = self._form["data"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            data.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "textarea" and name:
            self._textarea = name
            data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
            data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            data[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            values = self._form["data"][self._textarea]
            if not values[-1] and data.startswith("\n"):
                data = data[1:]  # browsers drop the newline that follows <textarea>
            values[-1] += data


def form_data(html: str, **changes) -> dict[str, list[str] | str]:
    """The values of the page's main POST form, with `changes` applied."""
    parser = _FormParser()
    parser.feed(html)
    forms = [
        form
        for form in parser.forms
        if form["attrs"].get("method", "get").lower() == "post"
        and "logout" not in form["attrs"].get("action", "")
    ]
    assert forms, "no POST form on the page"
    main = max(forms, key=lambda form: len(form["data"]))
    data: dict = dict(main["data"])
    data.pop("csrfmiddlewaretoken", None)
    data.update(changes)
    return data

"""A stand-in LibreTranslate: a real HTTP server on a free local port that answers
`POST /translate` as LibreTranslate does (a JSON body with `q`, `source`, `target`,
`api_key`, `format`; `translatedText` in the same shape as `q`). It "translates" by
prefixing "[es] ", which keeps HTML tags and links as they were, and records each
request so a test can see what the site sent."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API_KEY = "stand-in-key"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append(body)
        if self.path != "/translate":
            return self.answer(404, {"error": "Not Found"})
        if body.get("api_key") != API_KEY:
            return self.answer(403, {"error": "Invalid API key"})
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        translated = [f"[{body['target']}] {text}" for text in texts]
        return self.answer(200, {"translatedText": translated})

    def answer(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@contextmanager
def stand_in_libretranslate():
    """The server, running in a thread for the block; `.url` and `.received`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.received = []
    server.url = f"http://127.0.0.1:{server.server_port}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

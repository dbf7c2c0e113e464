"""Sample app for the PaaS: a Python HTTP server using only the standard library."""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.answer(200, "application/json", json.dumps({"status": "UP"}) + "\n")
        else:
            self.answer(200, "text/plain; charset=utf-8", f"hello from python-stdlib (Python {sys.version.split()[0]})\n")

    def answer(self, status, content_type, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    port = int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"python-stdlib listening on port {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

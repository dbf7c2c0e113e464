"""Sample app for the PaaS: a standard-library Python server started by its Procfile's web: line."""
import argparse
import signal
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from app import application


class Server(ThreadingMixIn, WSGIServer):
    """wsgiref's server, one thread per request."""

    daemon_threads = True


class Handler(WSGIRequestHandler):
    def log_message(self, format, *args):
        print("%s - %s" % (self.address_string(), format % args), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True, help="port to listen on (the Procfile passes $PORT)")
    port = parser.parse_args().port
    httpd = make_server("0.0.0.0", port, application, server_class=Server, handler_class=Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"python-procfile listening on port {port}", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()

"""A WSGI application: what a Procfile names instead of a framework's own server."""


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/health":
        body, content_type = b'{"status":"UP"}\n', "application/json"
    else:
        body, content_type = b"hello from python-procfile\n", "text/plain; charset=utf-8"
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]

"""Debian's nginx-light as the independent server of the benchmarks (see ../shared/NOTES.md).

One server block per listener: plain HTTP/1.1, cleartext HTTP/2 (h2c, prior knowledge) and
HTTP/2 over TLS (ALPN, with a throw-away certificate for 127.0.0.1 that the client is told to
trust). With a latency, every request waits `echo_sleep` before nginx serves the file (ranges,
404s and keep-alive stay nginx's own, and the wait does not block a worker).
"""
import os
import shutil
import subprocess
import tempfile
import time

ECHO = "/usr/lib/nginx/modules/ngx_http_echo_module.so"


def make_certificate(directory):
    """A self-signed certificate for 127.0.0.1; returns (cert, key) paths."""
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


class Nginx:
    """nginx serving `directory` on `port` (HTTP/1.1), `port + 1` (h2c) and `port + 2` (h2 over TLS)."""

    def __init__(self, directory, latency_ms=0, port=18140, autoindex=False, access_log=False,
                 max_streams=128):
        self.tmp = tempfile.mkdtemp(prefix="zs-nginx-")
        self.log = os.path.join(self.tmp, "access.log")
        self.cert, key = make_certificate(self.tmp)
        if latency_ms:
            location = (f"location / {{ echo_sleep {latency_ms / 1000.0}; echo_exec @file; }}\n"
                        f"    location @file {{ root {directory}; {'autoindex on;' if autoindex else ''} }}")
        else:
            location = f"location / {{ root {directory}; {'autoindex on;' if autoindex else ''} }}"
        servers = "\n".join(f"  server {{ listen 127.0.0.1:{port + i} {extra}; {tls}\n    {location} }}"
                            for i, (extra, tls) in enumerate([
                                ("", ""),
                                ("http2", ""),
                                ("ssl http2", f"ssl_certificate {self.cert}; ssl_certificate_key {key};")]))
        conf = os.path.join(self.tmp, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""load_module {ECHO};
daemon off; worker_processes 2; pid {self.tmp}/nginx.pid; error_log {self.tmp}/error.log;
events {{ worker_connections 4096; }}
http {{ access_log {self.log if access_log else 'off'}; sendfile on; keepalive_requests 1000000;
  http2_max_concurrent_streams {max_streams};
  client_body_temp_path {self.tmp}; proxy_temp_path {self.tmp}; fastcgi_temp_path {self.tmp};
  uwsgi_temp_path {self.tmp}; scgi_temp_path {self.tmp};
{servers}
}}
""")
        self.proc = subprocess.Popen(["nginx", "-c", conf, "-p", self.tmp], stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        self.h2c_url = f"http://127.0.0.1:{port + 1}"
        self.tls_url = f"https://127.0.0.1:{port + 2}"
        time.sleep(0.5)
        if self.proc.poll() is not None:
            raise RuntimeError(f"nginx did not start: {open(os.path.join(self.tmp, 'error.log')).read()}")

    def requests(self):
        """Requests logged so far (with access_log=True)."""
        with open(self.log) as f:
            return sum(1 for _ in f)

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)
        shutil.rmtree(self.tmp, ignore_errors=True)

"""Latency of the technician's most frequent API calls, for scripts/bench.sh.

Usage: bench_latency.py BASE_URL REQUESTS CONCURRENCY. Logs in as a demo technician, then sends
REQUESTS requests per endpoint from CONCURRENCY threads and prints p50 / p95 / max in ms.
Only the standard library: urllib for HTTP, json for bodies, statistics for quantiles.
"""
import json
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, requests, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def call(path, token=None, body=None):
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read() or b"null")


token = call("/api/v1/auth/login", body={"email": "ines.dubois@demo.guichet.dev", "password": "guichet-demo-2026"})["access_token"]
some_id = call("/api/v1/tickets?size=1&sort=id,desc", token)["items"][0]["id"]
endpoints = {
    "queue page (20, newest first)": "/api/v1/tickets?size=20",
    "queue filtered (status NEW, priority HIGH)": "/api/v1/tickets?status=NEW&priority=HIGH&size=20",
    "full-text search 'password reset'": "/api/v1/tickets?q=password%20reset&size=20",
    "counts per status": "/api/v1/tickets/counts",
    "ticket detail": f"/api/v1/tickets/{some_id}",
}


def timed(path):
    t0 = time.perf_counter()
    call(path, token)
    return (time.perf_counter() - t0) * 1000


for name, path in endpoints.items():
    for _ in range(10):
        call(path, token)  # warm-up
    with ThreadPoolExecutor(concurrency) as pool:
        samples = sorted(pool.map(timed, [path] * requests))
    p50 = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"  {name:<44} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {samples[-1]:6.1f} ms")

"""Responses of the read API kept while the data stays the same, and ETags for clients.

Every GET under /api/ is a pure function of its URL and of the store's contents, so
a response made at store generation G (see `Store.generation()`, bumped by every
committed write, from any process) is valid for as long as the generation is still
G. This middleware keeps such responses in a bounded LRU and answers repeats from
it; it also gives each response an ETag made of the generation and the URL, so a
client that sends it back with If-None-Match gets a 304 with no body.

The check costs one indexed one-row read per request; writes elsewhere are seen on
the next request. Error responses and large bodies are not kept.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any, Callable, Optional


class ResponseCache:
    """ASGI middleware: cache GET /api/… responses by (URL, store generation)."""

    def __init__(self, app: Any, generation: Callable[[], int], max_entries: int = 2048,
                 max_body: int = 2 * 1024 * 1024, max_bytes: int = 256 * 1024 * 1024):
        self.app = app
        self.generation = generation
        self.max_entries, self.max_body, self.max_bytes = max_entries, max_body, max_bytes
        self._entries: OrderedDict[str, tuple[int, int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self.hits = self.misses = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or not scope.get("path", "").startswith("/api/"):
            return await self.app(scope, receive, send)
        key = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
        gen = self.generation()
        etag = ('W/"%d-%s"' % (gen, hashlib.blake2b(key.encode("utf-8", "surrogateescape"),
                                                     digest_size=8).hexdigest())).encode()
        if _header(scope, b"if-none-match") == etag:
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", etag), (b"cache-control", b"no-cache")]})
            await send({"type": "http.response.body", "body": b""})
            return
        hit = self._entries.get(key)
        if hit is not None and hit[0] == gen:
            self.hits += 1
            self._entries.move_to_end(key)
            _, status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        await self._fill(scope, receive, send, key, gen, etag)

    async def _fill(self, scope, receive, send, key: str, gen: int, etag: bytes) -> None:
        start: dict = {}
        parts: list[bytes] = []
        keep = [True]

        async def capture(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"etag"]
                headers += [(b"etag", etag), (b"cache-control", b"no-cache")]
                message = {**message, "headers": headers}
                start.update(message)
                keep[0] = message["status"] == 200
            elif message["type"] == "http.response.body" and keep[0]:
                parts.append(message.get("body", b""))
                if sum(map(len, parts)) > self.max_body:
                    keep[0] = False
                    parts.clear()
            await send(message)

        await self.app(scope, receive, capture)
        if keep[0] and start:
            self._put(key, (gen, start["status"], start["headers"], b"".join(parts)))

    def _put(self, key: str, entry: tuple[int, int, list, bytes]) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old[3])
        self._entries[key] = entry
        self._bytes += len(entry[3])
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped[3])


def _header(scope, name: bytes) -> Optional[bytes]:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return v
    return None

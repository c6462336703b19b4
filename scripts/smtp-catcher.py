#!/usr/bin/env python3
"""A real SMTP server for tests: accepts every message and stores it as a file.

    python3 scripts/smtp-catcher.py --dir DIR [--host 127.0.0.1] [--port 0]

Needs aiosmtpd (pinned: `pip install aiosmtpd==1.4.6`). Prints one line,
`listening on HOST:PORT`, once it accepts connections (port 0 picks a free port), then
serves until SIGTERM/SIGINT. Each message is written to DIR twice:
  `<ns>-<uuid>.eml`   the envelope (`X-Envelope-From`, `X-Envelope-To`) followed by the
                      message exactly as received;
  `<ns>-<uuid>.json`  the same message decoded for test assertions: `envelope_from`,
                      `envelope_to` (list), `from`, `to`, `subject`, `text` (the plain-text
                      body with its transfer encoding undone) and `eml` (the file name).
Files appear atomically (written under a dot-name, then renamed; the .json last), so a
reader never sees half a message.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import time
import uuid

from aiosmtpd.smtp import SMTP


class Store:
    """aiosmtpd handler: one file per accepted message."""

    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
        head = f"X-Envelope-From: {envelope.mail_from}\r\n"
        head += "".join(f"X-Envelope-To: {rcpt}\r\n" for rcpt in envelope.rcpt_tos)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        self._write(name, head.encode("utf-8") + content)
        message = email.message_from_bytes(content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        decoded = {
            "envelope_from": envelope.mail_from,
            "envelope_to": list(envelope.rcpt_tos),
            "from": str(message["From"] or ""),
            "to": str(message["To"] or ""),
            "subject": str(message["Subject"] or ""),
            "text": body.get_content() if body is not None else "",
            "eml": name,
        }
        stem = name[: -len(".eml")]
        self._write(stem + ".json", json.dumps(decoded, indent=2).encode("utf-8"))
        return "250 Message accepted for delivery"

    def _write(self, name, data):
        tmp = os.path.join(self.directory, "." + name)
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.directory, name))


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, help="where to store the messages")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    loop = asyncio.get_running_loop()
    handler = Store(args.dir)
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-catcher"), args.host, args.port
    )
    port = server.sockets[0].getsockname()[1]
    print(f"listening on {args.host}:{port}", flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())

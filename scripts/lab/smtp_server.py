#!/usr/bin/python3
"""SMTP servers for the mtasts test lab (started by scripts/lab/lab.sh).

Usage: smtp_server.py CONFIG.json

CONFIG.json (written by lab.sh):
    {"servers": [{"hostname": "mx-good.lab.test", "address": "127.0.0.30", "port": 2525,
                  "variant": "starttls", "cert": ".../mx-good.lab.test.pem",
                  "key": ".../mx-good.lab.test.key"}, ...]}

Variants:
    starttls    STARTTLS offered; TLS 1.2+ with the given certificate (which may itself be
                expired, for the wrong name, self-signed or expiring: that is the point).
    nostarttls  STARTTLS is not offered in the EHLO reply (and refused with 454 if tried).
    oldtls      STARTTLS offered, but the server only speaks TLS 1.0/1.1 (@SECLEVEL=0).
    badtls      STARTTLS offered and answered 220, then the server sends plain text instead
                of a TLS handshake and closes: the client's handshake fails.

All listeners run in one asyncio event loop (aiosmtpd's SMTP protocol on
loop.create_server, which is what aiosmtpd's Controller does, one thread per server). Mail
is accepted and discarded. Prints "READY" once every listener is bound; exits on SIGTERM or
SIGINT. Uses only the Debian packages python3 and python3-aiosmtpd.
"""

import asyncio
import json
import logging
import signal
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP

log = logging.getLogger("lab-smtp")


class DiscardHandler:
    """Accept every message and throw it away."""

    async def handle_DATA(self, server, session, envelope):
        log.info("discarding message from %s to %s", envelope.mail_from, envelope.rcpt_tos)
        return "250 2.0.0 OK: discarded by the mtasts lab"


class BrokenTLSSMTP(SMTP):
    """Advertises STARTTLS (it has a tls_context) but never actually does TLS."""

    async def smtp_STARTTLS(self, arg):
        if arg:
            await self.push("501 Syntax: STARTTLS")
            return
        await self.push("220 2.0.0 Ready to start TLS")
        # Wait for the client's ClientHello, then answer with plain text instead of a
        # ServerHello: the client's handshake fails ("wrong version number" in OpenSSL).
        try:
            await asyncio.wait_for(self._reader.read(5), timeout=10)
        except asyncio.TimeoutError:
            pass
        self.transport.write(b"this is not TLS\r\n")
        self.transport.close()


def tls_context(server):
    """Server-side SSL context for one listener, per its variant."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(server["cert"], server["key"])
    if server["variant"] == "oldtls":
        # OpenSSL 3 refuses TLS < 1.2 at the default security level (SHA-1 signatures):
        # level 0 allows them again.
        ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    else:
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def protocol_factory(server):
    variant = server["variant"]
    if variant not in ("starttls", "nostarttls", "oldtls", "badtls"):
        raise ValueError(f"unknown variant {variant!r} for {server['hostname']}")
    ctx = None if variant == "nostarttls" else tls_context(server)
    cls = BrokenTLSSMTP if variant == "badtls" else SMTP
    handler = DiscardHandler()

    def make():
        return cls(
            handler,
            hostname=server["hostname"],
            ident="ESMTP mtasts-lab",
            tls_context=ctx,
            require_starttls=False,
            timeout=60,
        )

    return make


async def main(config_path):
    with open(config_path, encoding="utf-8") as f:
        servers = json.load(f)["servers"]

    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))

    listeners = []
    for server in servers:
        listener = await loop.create_server(
            protocol_factory(server), host=server["address"], port=server["port"],
            reuse_address=True)
        listeners.append(listener)
        log.info("%s listening on %s:%d (%s)", server["hostname"], server["address"],
                 server["port"], server["variant"])
    print("READY", flush=True)

    await stop
    log.info("stopping")
    for listener in listeners:
        listener.close()
    for listener in listeners:
        await listener.wait_closed()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # aiosmtpd logs every connection under "mail.log"; keep that, it helps debugging tests.
    asyncio.run(main(sys.argv[1]))

#!/usr/bin/env python3
"""Runs postfix-mta-sts-resolver's own resolver (what `mta-sts-query` runs) against the lab.

postfix-mta-sts-resolver (PyPI) asks the system resolver for `_mta-sts.<domain>` TXT and
fetches https://mta-sts.<domain>/.well-known/mta-sts.txt on port 443. For a test on loopback
this script changes only where it connects: DNS goes to the lab resolver (--resolver
HOST:PORT) and every HTTPS connection to --https HOST:PORT (the mtasts serve under test), with
SNI, Host and certificate checks for the real name as usual (the CA from SSL_CERT_FILE).
Everything else (status, Content-Type, size, parsing and validation of the policy) is the
library's own code.

Prints one JSON object: {"status": "VALID"|..., "id": ..., "policy": {...}}; exit 0 when VALID.
"""
import argparse
import asyncio
import json
import socket
import sys

import aiodns
import aiohttp
import aiohttp.abc

from postfix_mta_sts_resolver import resolver as sts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("domain")
    parser.add_argument("--resolver", required=True, help="HOST:PORT of the lab resolver")
    parser.add_argument("--https", required=True, help="HOST:PORT every HTTPS connection goes to")
    args = parser.parse_args()
    dns_host, dns_port = args.resolver.rsplit(":", 1)
    https_host, https_port = args.https.rsplit(":", 1)

    base_resolver = aiodns.DNSResolver

    class LabDNSResolver(base_resolver):
        def __init__(self, *a, **k):
            super().__init__(*a, nameservers=[dns_host], udp_port=int(dns_port), tcp_port=int(dns_port), **k)

    class LoopbackResolver(aiohttp.abc.AbstractResolver):
        async def resolve(self, host, port=0, family=socket.AF_INET):
            return [{"hostname": host, "host": https_host, "port": int(https_port), "family": socket.AF_INET,
                     "proto": 0, "flags": socket.AI_NUMERICHOST}]

        async def close(self):
            pass

    base_session = aiohttp.ClientSession

    def session(*a, **k):
        k.pop("loop", None)
        k["connector"] = aiohttp.TCPConnector(resolver=LoopbackResolver())
        return base_session(*a, **k)

    sts.aiodns.DNSResolver = LabDNSResolver
    sts.aiohttp.ClientSession = session

    async def run():
        resolver = sts.STSResolver(loop=asyncio.get_running_loop(), timeout=10)
        return await resolver.resolve(args.domain)

    status, result = asyncio.run(run())
    out = {"status": status.name}
    if result:
        out["id"], out["policy"] = result[0], result[1]
    print(json.dumps(out, sort_keys=True))
    return 0 if status.name == "VALID" else 1


if __name__ == "__main__":
    sys.exit(main())

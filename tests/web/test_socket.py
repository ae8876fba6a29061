"""The server's listening socket: connections accepted on it send small writes at once."""

from __future__ import annotations

import asyncio
import socket

from accords.cli import _listening


def test_connections_accepted_by_the_server_turn_nagle_off() -> None:
    """uvicorn answers in two writes (headers, body); with Nagle's algorithm on, the second waits
    for the client's delayed ACK on every kept-alive request. asyncio turns it off only on a
    socket made with the TCP protocol named, which `accords serve` must make."""
    seen: list[int] = []

    async def main() -> None:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=_listening("127.0.0.1", 0))
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await reader.read()
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())
    assert seen and seen[0] != 0

"""A bare Streamlit websocket client, written as an attacker would: no browser, one new
session per connection, any BackMsg it likes (rerun with widget values, clear_cache).

Only for tests against a server of ours on loopback.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates


def run_async(coro):  # noqa: ANN001, ANN201
    """asyncio.run in a thread of its own: after a Playwright test, the main thread of the
    test process still has an event loop running, and asyncio.run refuses to start there."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@dataclass
class Run:
    """What one script run sent: widget ids by kind, alert texts, whether data showed."""

    widgets: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # widget id: its label
    alerts: list[str] = field(default_factory=list)
    metrics: int = 0


class Session:
    def __init__(self, ws) -> None:  # noqa: ANN001
        self.ws = ws
        self.session_id = ""  # Streamlit's id for this session, from its first message

    @classmethod
    async def open(cls, url: str, headers: dict[str, str] | None = None) -> Session:
        from websockets.asyncio.client import connect

        ws_url = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        ws = await connect(ws_url, subprotocols=["streamlit"], additional_headers=headers or {},
                           open_timeout=20, max_size=None)
        return cls(ws)

    async def close(self) -> None:
        await self.ws.close()

    async def send(self, msg: BackMsg) -> None:
        await self.ws.send(msg.SerializeToString())

    async def clear_cache(self) -> None:
        await self.send(BackMsg(clear_cache=True))

    async def run(self, states: list[WidgetState] | None = None, query: str = "", timeout: float = 90,
                  page: str = "") -> Run:
        """Ask for a rerun with these widget values (of this page's url path) and read until the run finishes."""
        state = ClientState(query_string=query, widget_states=WidgetStates(widgets=states or []), page_name=page)
        await self.send(BackMsg(rerun_script=state))
        return await asyncio.wait_for(self._read_run(), timeout)

    async def _read_run(self) -> Run:
        run = Run()
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
            if kind == "script_finished":
                if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return run
                run = Run()  # the script asked for a rerun: what counts is the next run
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                what = element.WhichOneof("type")
                if what == "alert":
                    run.alerts.append(element.alert.body)
                elif what == "metric":
                    run.metrics += 1
                elif what in ("text_input", "button", "text_area"):
                    widget = getattr(element, what)
                    run.widgets.setdefault(what, []).append(widget.id)
                    run.labels[widget.id] = widget.label


def sign_in_states(run: Run, password: str) -> list[WidgetState]:
    """The widget values of the sign-in form, submitted with this password."""
    return [WidgetState(id=run.widgets["text_input"][0], string_value=password),
            WidgetState(id=run.widgets["button"][0], trigger_value=True)]

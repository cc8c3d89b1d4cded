"""Readers without browsers: Streamlit websocket sessions driven from Python.

A session connects to `<base>/_stcore/stream` as the front end does, asks for a run of
the Demining page with the page's query string, and reads ForwardMsgs until the script
has finished. A reader then changes the measure filter every few seconds: a rerun of
the filter's fragment with the widget's new value, as the browser sends it, with the
hashes of the large messages it already holds (Streamlit then sends a reference
instead of the message again, as it does to a browser).

Used by the capacity row (newsdash/bench/capacity.py) and its quick test.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

PAGE = "demining"
FILTER_KEY = "demining_measures"  # the measure filter's widget key on that page


class ReaderError(RuntimeError):
    """The server answered a run with an exception, a compile error or nothing usable."""


@dataclass
class RunResult:
    seconds: float
    charts: int
    bytes_in: int  # websocket payload bytes received for this run
    messages: int
    referenced: int  # messages the server sent as a reference to one the reader holds


@dataclass
class Reader:
    """One reader's websocket session, its filter widget and what it has been sent."""

    ws: object
    query: str = ""
    filter_id: str = ""
    options: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    fragment_id: str = ""
    cached: dict[str, str] = field(default_factory=dict)  # hash of each cacheable message received: its element
    rng: random.Random = field(default_factory=random.Random)

    @classmethod
    async def connect(cls, url: str, query: str = "", seed: int | None = None) -> Reader:
        from websockets.asyncio.client import connect

        ws_url = url.rstrip("/").replace("http://", "ws://", 1) + "/_stcore/stream"
        # offers permessage-deflate as browsers do; the server uses it only when its
        # server.enableWebsocketCompression is on (off by default, and in our config)
        ws = await connect(ws_url, subprotocols=["streamlit"], open_timeout=60, max_size=None,
                           compression="deflate", ping_interval=None)
        return cls(ws, query=query, rng=random.Random(seed))

    async def close(self) -> None:
        await self.ws.close()

    async def first_view(self, timeout: float = 120) -> RunResult:
        """The page's first run in this session, as a browser opening its URL asks for it."""
        return await self._run([], "", timeout)

    async def change_filter(self, timeout: float = 120) -> RunResult:
        """Pick another non-empty set of measures and rerun the filter's fragment."""
        if not self.filter_id:
            raise ReaderError("the page sent no measure filter")
        choice = self.chosen
        while choice == self.chosen:
            size = self.rng.randint(1, len(self.options))
            choice = sorted(self.rng.sample(self.options, size), key=self.options.index)
        self.chosen = choice
        return await self._run([self._filter_state()], self.fragment_id, timeout)

    def _filter_state(self):  # noqa: ANN202 - a WidgetState
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        state = WidgetState(id=self.filter_id)
        state.string_array_value.data.extend(self.chosen)
        return state

    async def _run(self, states: list, fragment_id: str, timeout: float) -> RunResult:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ClientState_pb2 import ClientState
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        state = ClientState(query_string=self.query, page_name=PAGE, widget_states=WidgetStates(widgets=states),
                            fragment_id=fragment_id, cached_message_hashes=sorted(self.cached))
        start = time.perf_counter()
        await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        result = await asyncio.wait_for(self._read_run(), timeout)
        result.seconds = time.perf_counter() - start
        return result

    async def _read_run(self) -> RunResult:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        result = RunResult(0.0, 0, 0, 0, 0)
        while True:
            data = await self.ws.recv()
            result.bytes_in += len(data)
            result.messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if msg.metadata.cacheable and msg.hash:
                self.cached[msg.hash] = msg.delta.new_element.WhichOneof("type") or ""
            if kind == "ref_hash":
                result.referenced += 1
                result.charts += self.cached.get(msg.ref_hash) == "plotly_chart"
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    result.charts = 0  # the script asked for a rerun: the next run is the one that counts
                    continue
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise ReaderError("the page failed to compile")
                return result
            elif kind == "delta":
                self._read_delta(msg, result)
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string

    def _read_delta(self, msg, result: RunResult) -> None:  # noqa: ANN001 - a ForwardMsg
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        what = element.WhichOneof("type")
        if what == "exception":
            raise ReaderError(f"the page raised {element.exception.type}: {element.exception.message[:200]}")
        if what == "plotly_chart":
            result.charts += 1
        elif what == "multiselect" and element.multiselect.id.endswith(FILTER_KEY):
            self.filter_id = element.multiselect.id
            self.options = list(element.multiselect.options)
            if not self.chosen:
                self.chosen = [self.options[i] for i in element.multiselect.default]
            self.fragment_id = msg.delta.fragment_id

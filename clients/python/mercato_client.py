"""A small client for Mercato's agent gateway (HTTP/JSON), standard library only, Python 3.8+.

A run that has a group with ``policy: external`` starts the gateway on loopback and, when the group
names an ``external.command``, starts that command with three environment variables::

    MERCATO_GATEWAY_URL  the gateway's base URL, ending in "/"
    MERCATO_TOKEN        the group's bearer token
    MERCATO_AGENTS       the group's agent ids, comma-separated

Without a command the run prints them (the token is in the run folder's gateway-tokens.json); set
them yourself and start your agent. The smallest agent::

    from mercato_client import run

    def handler(turn):               # {"agent", "turn", "time", "observations": [...]}
        return [{"type": "done", "reason": "not shopping today"}]

    run(handler)

Each turn carries the observations one agent received at one virtual time; the actions the handler
returns take effect at that time plus the network delay and the group's think time, whatever wall
time the handler took (up to the group's ``external.timeout``). See docs/bring-your-own-agent.md.
"""

import http.client
import json
import os
import sys
import urllib.parse

__all__ = ["Gateway", "GatewayError", "RunEnded", "run", "per_agent"]

_MAX_WAIT = 60


class GatewayError(Exception):
    """The gateway refused a request: ``status`` is the HTTP status, ``message`` its error text."""

    def __init__(self, status, message):
        super().__init__("gateway answered %d: %s" % (status, message))
        self.status = status
        self.message = message


class RunEnded(GatewayError):
    """The market has finished (HTTP 410): nothing more will be delivered or accepted."""


class Gateway:
    """One group's connection to the gateway: its agents, their turns, the answers.

    ``url`` and ``token`` default to MERCATO_GATEWAY_URL and MERCATO_TOKEN. Keeps one persistent
    HTTP connection (reopened when the server closes it); not meant to be shared between threads.
    """

    def __init__(self, url=None, token=None):
        url = url or os.environ.get("MERCATO_GATEWAY_URL")
        token = token or os.environ.get("MERCATO_TOKEN")
        if not url or not token:
            raise ValueError("set MERCATO_GATEWAY_URL and MERCATO_TOKEN (the run prints them when it has no command)")
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError("MERCATO_GATEWAY_URL must be an http:// URL, not %r" % url)
        self._host = parts.hostname
        self._port = parts.port or 80
        self._base = parts.path.rstrip("/") + "/v1"
        self._headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
        self._connection = None

    def agents(self):
        """``{"group": .., "role": "assistant"|"service", "agents": [ids]}``."""
        return self._request("GET", "/agents")

    def agent_ids(self):
        """The group's agent ids: MERCATO_AGENTS when set, else what the gateway says."""
        listed = os.environ.get("MERCATO_AGENTS", "")
        return [a for a in listed.split(",") if a] or list(self.agents()["agents"])

    def turns(self, wait=30, agent=None, pending=False):
        """Long-polls up to ``wait`` seconds (at most 60) for turns not yet handed out.

        Returns ``(turns, ended)``. With ``pending=True`` every unanswered turn comes back, also those
        handed out before (what an agent restarted mid-run needs).
        """
        query = {"wait": max(0, min(int(wait), _MAX_WAIT))}
        if agent is not None:
            query["agent"] = agent
        if pending:
            query["pending"] = "all"
        body = self._request("GET", "/turns?" + urllib.parse.urlencode(query), timeout=query["wait"] + 30)
        return body.get("turns", []), bool(body.get("ended", False))

    def answer(self, agent, turn, actions):
        """Answers one turn with a list of actions (dicts, see docs/protocol.md and the wire format).

        Returns True when accepted, False when the turn is no longer open (HTTP 409: answered before,
        or its timeout passed). Raises RunEnded when the market has finished and GatewayError for a
        refused answer (400: the message names the action and key; the turn stays open).
        """
        path = "/turns/%s/%d" % (urllib.parse.quote(agent, safe=""), int(turn))
        try:
            self._request("POST", path, {"actions": list(actions)})
            return True
        except GatewayError as error:
            if error.status == 409:
                return False
            raise

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _request(self, method, path, payload=None, timeout=30):
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        headers = dict(self._headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(self._host, self._port, timeout=timeout)
            self._connection.timeout = timeout
            if self._connection.sock is not None:
                self._connection.sock.settimeout(timeout)
            try:
                self._connection.request(method, self._base + path, body=data, headers=headers)
                response = self._connection.getresponse()
                raw = response.read()
                status = response.status
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the server closed an idle keep-alive connection: reconnect once
                self.close()
                if attempt == 2:
                    raise
        text = raw.decode("utf-8", "replace")
        if status == 200:
            return json.loads(text) if text else {}
        try:
            message = json.loads(text).get("error", text)
        except (ValueError, AttributeError):
            message = text
        if status == 410:
            raise RunEnded(status, message)
        raise GatewayError(status, message)


def per_agent(factory):
    """A handler that keeps one handler per agent: ``factory()`` makes the handler of a new agent."""
    handlers = {}

    def handler(turn):
        agent = turn["agent"]
        if agent not in handlers:
            handlers[agent] = factory()
        return handlers[agent](turn)

    return handler


def _print_refusal(turn, message):
    print("mercato_client: %s turn %d refused: %s" % (turn["agent"], turn["turn"], message), file=sys.stderr)
    return []


def run(handler, gateway=None, wait=30, on_invalid=_print_refusal):
    """Answers turns until the market ends: ``handler(turn)`` returns the turn's actions.

    Starts by asking for every unanswered turn (so a restarted agent picks up where it left off),
    then long-polls. A refused answer (HTTP 400) calls ``on_invalid(turn, message)``, which returns
    the actions to send instead (the default prints the message on stderr and sends none, so the
    agent goes on) or raises. A turn that is no longer open (409) is skipped with a note on stderr.
    Returns the number of turns answered.
    """
    gateway = gateway or Gateway()
    answered = 0
    pending = True
    connected = False
    try:
        while True:
            try:
                turns, ended = gateway.turns(wait=wait, pending=pending)
            except RunEnded:
                return answered
            except (ConnectionError, OSError) as error:
                if not connected or not _gateway_gone(error):
                    raise
                return answered
            pending = False
            connected = True
            for turn in turns:
                try:
                    if _answer(gateway, turn, handler(turn), on_invalid):
                        answered += 1
                except RunEnded:
                    return answered
            if ended:
                return answered
    finally:
        gateway.close()


def _answer(gateway, turn, actions, on_invalid):
    for _ in range(3):
        try:
            if gateway.answer(turn["agent"], turn["turn"], actions or []):
                return True
            print("mercato_client: %s turn %d is no longer open" % (turn["agent"], turn["turn"]), file=sys.stderr)
            return False
        except GatewayError as error:
            if error.status != 400:
                raise
            actions = on_invalid(turn, error.message)
    raise GatewayError(400, "answer of %s turn %d refused three times" % (turn["agent"], turn["turn"]))


def _gateway_gone(error):
    # the run closes the gateway when the market ends; a refused connection then means "finished"
    return isinstance(error, (ConnectionRefusedError, http.client.RemoteDisconnected, ConnectionResetError))


if __name__ == "__main__":
    print(json.dumps(Gateway().agents(), indent=2))
    sys.exit(0)

# The example shopper, but before each real answer it sends garbage: a body that is not JSON, an
# action of an unknown type, an action missing its key, an answer for an agent of no group of its
# own, and a turn number that is not open. It prints each status the gateway answered, then answers
# properly: the market must come out exactly as with the plain shopper.
import http.client
import json
import os
import urllib.parse

from cheapest_shopper import CheapestShopper
from mercato_client import per_agent, run

shopper = per_agent(CheapestShopper)
url = urllib.parse.urlsplit(os.environ["MERCATO_GATEWAY_URL"])
headers = {"Authorization": "Bearer " + os.environ["MERCATO_TOKEN"], "Content-Type": "application/json"}


def post(path, body):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    print("garbage", response.status, text, flush=True)


def on_turn(turn):
    here = "/v1/turns/%s/%d" % (turn["agent"], turn["turn"])
    post(here, b"{not json")
    post(here, json.dumps({"actions": [{"type": "teleport"}]}))
    post(here, json.dumps({"actions": [{"type": "pay"}]}))
    post("/v1/turns/service_0001/%d" % turn["turn"], json.dumps({"actions": []}))
    post("/v1/turns/%s/%d" % (turn["agent"], turn["turn"] + 7), json.dumps({"actions": []}))
    return shopper(turn)


run(on_turn)
